// app/pipeline.h: the middle of the pipeline, pure: a fetched feed body in,
// records to store out.
//
//   auto feed = ParseFeed(response.body, subscription.url, content_type);
//   for (const feed::Item& item : new_items)
//     records.push_back(ProcessItem(item, *rules, subscription, now));
//
// ProcessItem turns one feed item into an ArticleRecord: its text (title,
// then the richest body the feed has: content, else summary) normalized by
// text::NormalizeDocument and extracted with the rules; its date, or the
// time first seen when the feed gives none (and says so).
// No I/O; thread-safe (the RuleSet is shared read-only).
#pragma once

#include <string>

#include "common/time.h"
#include "extract/rule_set.h"
#include "feed/feed.h"
#include "feed/opml.h"
#include "feed/parse.h"
#include "store/records.h"

namespace pw::app {

Result<feed::Feed> ParseFeed(std::string_view body, const std::string& url, const std::string& content_type,
                             const std::string& language_hint);

store::ArticleRecord ProcessItem(const feed::Item& item, const extract::RuleSet& rules,
                                 const std::string& language_hint, Timestamp now);

// The one document `extract` and the pipeline both read: title, blank line, body.
std::string ArticleText(const feed::Item& item);

}  // namespace pw::app
