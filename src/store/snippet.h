// store/snippet.h: snippets as safe HTML, the matches in <mark></mark>.
// Internal to pw_store.
//
//   MarkedHtml("a \x02<b>\x03 c") == "a <mark>&lt;b&gt;</mark> c"
//   MentionSnippet(db, article_id, 120, 131)  // the text around bytes [120, 131), marked
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pw::store {

class Database;

// Search's pw_snippet (fts_snippet.h, FTS5's snippet() as our code) is asked
// to mark matches with these.
inline constexpr char kMarkOpen = '\x02';
inline constexpr char kMarkClose = '\x03';

// Text as safe HTML, with the markers turned into <mark> and each run of
// newlines into one space.
std::string MarkedHtml(std::string_view text);

// A window of the article's text around the byte span [start, end) of a
// mention, cut at whole characters, the mention marked; "" if no such article.
std::string MentionSnippet(Database& db, std::int64_t article_id, std::int64_t start, std::int64_t end);

}  // namespace pw::store
