// store/records.h: what goes into the store and what comes out of it.
//
// Plain values only; the app maps them to the contract's JSON. Times are
// RFC 3339 UTC strings here, as stored, because the queries return them so.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/extraction.h"

namespace pw::store {

// One processed feed item, ready to store.
struct ArticleRecord {
  std::string item_key;
  std::string url;
  std::string title;
  std::string summary;
  std::string content;  // sanitized HTML for display
  std::string published;  // RFC 3339 UTC
  bool published_estimated = false;  // true: the feed gave no date; this is when we first saw it
  std::string first_seen;            // RFC 3339 UTC
  extract::Extraction extraction;    // text, language, entities, funding, events
};

struct SaveStats {
  int inserted = 0;
  int duplicates = 0;  // same feed key, or same canonical URL as a stored article
};

// What one poll of one feed learnt, for feed health.
struct FetchOutcome {
  std::string fetched_at;  // RFC 3339
  int status = 0;          // HTTP status, 0 when no response
  std::string error;       // "" on success
  std::optional<std::string> etag, last_modified;  // nullopt: keep what is stored
  std::string next_poll;   // RFC 3339
  std::string title, site_url, language;  // from the parsed feed; "" keeps the stored value
  std::optional<std::string> moved_to;    // a permanent redirect's target; nullopt keeps the stored value
};

// One feed's poll, to store in a batch: its new articles (often none) and
// its health.
struct FeedUpdate {
  std::int64_t feed_id = 0;
  std::vector<ArticleRecord> articles;
  FetchOutcome outcome;
};

struct FeedHealth {
  std::int64_t id = 0;
  std::string url, title;
  std::optional<std::string> last_fetch;
  int last_status = 0;
  std::optional<std::string> last_error, etag, last_modified;
  int consecutive_failures = 0;
  std::optional<std::string> next_poll;
  std::int64_t items = 0;
  std::optional<std::string> moved_to;  // where a permanent redirect moved the feed
};

struct SearchQuery {
  std::string query;
  std::string language;  // "" any
  std::string since;     // RFC 3339 or day, "" any
  std::string source;    // feed title or URL, "" any
  int limit = 20;
};

struct SearchHit {
  std::string url, title, source, language, published;
  std::string snippet;  // HTML-escaped text; the matches wrapped in <mark></mark>
  double score = 0;
  std::int64_t story = 0;
};

struct FundingQuery {
  std::string investor, investee;  // accent-insensitive substrings of names or aliases
  std::string round;
  std::string since, until;        // on the announced day
  std::optional<double> min_amount, max_amount;
  int limit = 1000;
};

struct FundingRow {
  std::int64_t id = 0;
  extract::FundingRecord record;
  std::string article_url, article_title, source, language, published;
};

struct CoverageQuery {
  std::string entity;
  std::string since;
  int limit = 100;
};

struct CoverageMention {
  std::string url, title, source, language, published, snippet;
  std::int64_t story = 0;
};

struct CoverageReport {
  std::string entity;  // canonical name, or as asked when unknown
  std::int64_t total = 0;
  std::int64_t stories = 0;
  std::map<std::string, std::int64_t> by_source;
  std::map<std::string, std::int64_t> by_language;
  std::map<std::string, std::int64_t> by_day;  // "2024-11-21" -> articles
  std::vector<CoverageMention> mentions;       // newest first
};

struct EntitiesQuery {
  std::string type;  // "" any of ORG, PER, LOC
  int top = 20;
};

struct EntityRow {
  std::string type, name;
  std::int64_t articles = 0, mentions = 0;
  std::vector<std::string> aliases;
  std::string title, organization;  // PER: the most recent seen
};

}  // namespace pw::store
