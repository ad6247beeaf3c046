// app/pipeline.h: the middle of the pipeline, pure: a fetched feed body in,
// records to store out.
//
//   auto feed = ParseFeed(response.body, subscription.url, {.content_type = ...}, subscription.language);
//   for (const feed::Item& item : new_items)
//     records.push_back(ProcessItem(item, *rules, subscription.language, now));
//
// ProcessItem turns one feed item into an ArticleRecord: its text (title,
// then the richest body the feed has: content, else summary) normalized by
// text::NormalizeDocument and extracted with the rules; its date, or the
// time first seen when the feed gives none (and says so).
//
// With the item's article page (app/page_fetcher.h), the page's text is
// the body instead, when it found one longer than the feed's: it is what
// extraction and search read and what `content` shows, while the feed's
// teaser stays the summary. The page's title, date and language fill in
// what the feed lacks.
//
//   WantsPage(item, /*feed_fulltext=*/false, /*min_chars=*/400)   // a 150-character teaser: true
//   ProcessItem(item, *rules, "vi", now, &page)
//
// No I/O; thread-safe (the RuleSet is shared read-only).
#pragma once

#include <cstddef>
#include <string>

#include "common/time.h"
#include "extract/rule_set.h"
#include "feed/feed.h"
#include "feed/opml.h"
#include "feed/parse.h"
#include "store/records.h"
#include "text/main_content.h"

namespace pw::app {

// The HTTP headers a feed's parse reads; "" when absent.
struct FeedHeaders {
  std::string content_type;      // for the charset
  std::string content_location;  // the base of relative links (RFC 7231, section 3.1.4.2)
  std::string content_language;  // the feed's language when it declares none
};

Result<feed::Feed> ParseFeed(std::string_view body, const std::string& url, const FeedHeaders& headers,
                             const std::string& language_hint);

// The article page behind a feed item, as the page fetcher read it.
struct ArticlePage {
  std::string url;            // where it came from, after redirects
  text::MainContent content;  // its text (may be empty: no article found) and metadata
};

// The length in characters (code points) of the item's own text: its
// content, else its summary, as normalized text.
std::size_t FeedTextLength(const feed::Item& item);

// Whether the item's article page should be fetched: it links to an
// http(s) page, and its feed is marked pw:fulltext or its own text is
// shorter than `min_chars` characters (0: length never decides).
bool WantsPage(const feed::Item& item, bool feed_fulltext, std::size_t min_chars);

// `page`, when not null, is the item's article page (above).
store::ArticleRecord ProcessItem(const feed::Item& item, const extract::RuleSet& rules,
                                 const std::string& language_hint, Timestamp now,
                                 const ArticlePage* page = nullptr);

// The one document `extract` and the pipeline both read: title, blank line, body.
std::string ArticleText(const feed::Item& item);

}  // namespace pw::app
