// store/stories.h: which story a new article belongs to. Internal to pw_store.
//
// An article joins the story of the most similar earlier article (by
// near_duplicate.h's Similarity, at least kSameStorySimilarity) published
// within kStoryWindow of it, found through the story_bands index; otherwise
// it starts its own story, whose id is its own article id. The first article
// of a story keeps its id as the story's id for ever, so story ids are stable.
// REQUIRES: a write transaction; the article row exists.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace pw::store {

class Database;

inline constexpr std::chrono::days kStoryWindow{14};

// Sets the article's story_id and fingerprint, indexes its band keys, and
// returns the story id.
std::int64_t AssignStory(Database& db, std::int64_t article_id, std::string_view text, const std::string& published);

}  // namespace pw::store
