// store/stories.h: which story a new article belongs to. Internal to pw_store.
//
// An article joins the story of the most similar earlier article (by
// near_duplicate.h's Similarity, at least kSameStorySimilarity) published
// within kStoryWindow of it, found through the story_bands index (by week,
// then band; its rows come from the writer's StoryBandMemory,
// story_band_memory.h, which reads each week from the table once); otherwise
// it starts its own story, whose id is its own article id. The first article
// of a story keeps its id as the story's id for ever, so story ids are stable.
//
//   const auto fp = MakeFingerprint(text);
//   StoryBandMemory bands;  // one per connection, kept across transactions
//   const std::int64_t story = FindStory(db, bands, fp, published).value_or(new_id);
//   ... insert the article with story_id = story ...
//   if (fp) IndexStory(bands, new_id, story, *fp, published);
//   ... the batch's other articles ...
//   bands.WriteAdded(db);  // the band rows, before the transaction ends
//
// The candidates (the articles sharing a band) are checked on their rows (or
// what the memory remembers of them, which is the same): the published
// window, then the fingerprint's similarity, in ascending id, a tie going to
// the first.
//
// REQUIRES: a transaction (a write transaction for the rows IndexStory
// adds, written before it ends); `bands` kept
// as story_band_memory.h says (cleared after a rollback, checked for other
// connections' commits).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "store/near_duplicate.h"
#include "store/story_band_memory.h"

namespace pw::store {

class Database;

inline constexpr std::chrono::days kStoryWindow{14};

// The story of the most similar stored article, or nullopt (a new story).
std::optional<std::int64_t> FindStory(Database& db, StoryBandMemory& bands,
                                      const std::optional<Fingerprint>& fingerprint, const std::string& published);

// Indexes the article's band keys, so that later articles find it: in
// `bands` at once, in story_bands at bands.WriteAdded (story_band_memory.h).
// `story_id` and `fingerprint` are what its row holds.
// REQUIRES: `published` parses (else nothing is indexed).
void IndexStory(StoryBandMemory& bands, std::int64_t article_id, std::int64_t story_id,
                const Fingerprint& fingerprint, const std::string& published);

// The same two, given what they compute from the article first (its band
// keys, BandKeys(fingerprint), and its parsed publication time), as a
// prepared batch carries them (prepared.h). `published_text` is the row's
// published column, whose parse is `published`.
std::optional<std::int64_t> FindStory(Database& db, StoryBandMemory& bands, const Fingerprint& fingerprint,
                                      const std::array<std::int64_t, kBands>& band_keys, Timestamp published);
void IndexStory(StoryBandMemory& bands, std::int64_t article_id, std::int64_t story_id,
                const Fingerprint& fingerprint, const std::array<std::int64_t, kBands>& band_keys,
                Timestamp published, std::string_view published_text);

}  // namespace pw::store
