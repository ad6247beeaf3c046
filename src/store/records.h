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

#include "common/error.h"
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

// Names match any alias of an entity, accents and case aside, from the start
// of a word: "sovico", "Tập đoàn Sovico" and "sov" all find Sovico Group.
struct FundingQuery {
  std::string investor, investee;
  std::string round;
  std::string since, until;        // on the announced day, "YYYY-MM-DD"
  std::optional<double> min_amount, max_amount;  // in the row's own currency
  std::string currency;      // ISO 4217 ("USD", any case), "" any: makes an amount range mean one currency
  bool each_report = false;  // false: one row per deal; true: one per article that reported it
  int limit = 1000;
};

// Why `q` cannot be answered ("" if it can): a date or amount range whose
// ends are crossed, a negative amount, a currency that is not three letters.
// Such a query is a mistake to say, not an empty answer: Store::Funding
// refuses it, and the CLI checks it before it opens the database.
std::string FundingQueryProblem(const FundingQuery& q);

struct FundingRow {
  std::int64_t id = 0;       // the deal (or, with each_report, the funding report)
  std::int64_t deal = 0;     // the deal it belongs to
  int reports = 1;           // articles that reported the deal
  std::vector<std::string> sources;  // their sources, first report's first
  extract::FundingRecord record;     // the deal's terms; evidence from the article below
  std::string article_url, article_title, source, language, published;  // the first report
};

struct CoverageQuery {
  std::string entity;
  std::string since, until;  // RFC 3339 or day, "" open
  int limit = 100;           // mentions listed; the counts cover all
};

struct CoverageMention {
  std::string url, title, source, language, published, snippet;
  std::int64_t story = 0;
};

struct CoverageStory {
  std::int64_t id = 0;
  std::string title, first_published;  // of its first article in the report
  std::int64_t articles = 0;
  std::vector<std::string> sources;    // in order of appearance
};

struct CoverageReport {
  std::string entity;  // canonical name, or as asked when unknown
  bool known = false;  // an entity has this name or alias (else every count is 0)
  std::int64_t total = 0;    // articles
  std::int64_t stories = 0;  // distinct stories among them
  std::map<std::string, std::int64_t> by_source, stories_by_source;
  std::map<std::string, std::int64_t> by_language, stories_by_language;
  // "2024-11-21" -> articles that day; a story counts on the day of its first article
  std::map<std::string, std::int64_t> by_day, stories_by_day;
  std::vector<CoverageStory> story_list;  // newest first, at most `limit`
  std::vector<CoverageMention> mentions;  // newest first, at most `limit`
};

struct EntitiesQuery {
  std::string type;  // "" any of ORG, PER, LOC
  int top = 20;
};

struct EntityRow {
  std::int64_t id = 0;
  std::string type, name;
  std::int64_t articles = 0, mentions = 0;
  std::vector<std::string> aliases;
  std::string title, organization;  // PER: the most recent seen
};

// --- Export --------------------------------------------------------------
// What `presswatch export` hands to the ecosystem database; docs/export.md is
// the contract. Ids are the database's row ids: stable, never reused.

enum class ExportKind { kArticles, kFunding, kEntities, kEvents };
// "articles", "funding", "entities", "events"; nullopt for other names.
std::string_view ExportKindName(ExportKind kind);
std::optional<ExportKind> ExportKindFromName(std::string_view name);

// Where an export stopped: records of `kind` with a seq above `seq` are new.
// The token names the database, so a cursor of another database is refused.
struct ExportCursor {
  ExportKind kind = ExportKind::kArticles;
  std::string database_id;  // 8 hex digits
  std::int64_t seq = 0;

  std::string Token() const;  // "articles:3f9a1c2e:1042"
};
// kInvalidArgument naming what is wrong with the token.
Result<ExportCursor> ParseExportCursor(std::string_view token);

struct EntityRef {
  std::int64_t id = 0;
  std::string type, name;
};

struct ArticleExport {
  std::int64_t id = 0, seq = 0;
  std::string url, canonical_url, title, summary, source, feed_url, language, published, first_seen;
  bool published_estimated = false;
  std::int64_t story = 0;
  std::vector<EntityRef> entities;  // ORG, PER, LOC mentioned, most mentioned first
};

struct DealReport {
  std::int64_t article_id = 0;
  std::string url, title, source, language, published, evidence;
};

struct DealExport {
  std::int64_t id = 0, seq = 0;
  EntityRef investee;
  std::vector<EntityRef> investors;
  std::vector<std::int64_t> lead_investor_ids;
  std::optional<double> amount;
  std::string currency, round, announced;
  std::vector<DealReport> reports;  // first report first
};

struct EntityExport {
  std::int64_t id = 0, seq = 0;
  std::string type, name, title, organization, first_seen;
  std::vector<std::string> aliases;
  std::int64_t articles = 0, mentions = 0;  // at the time of the export
};

struct EventExport {
  std::int64_t id = 0, seq = 0;
  std::string type, name, date, location, evidence;
  std::vector<EntityRef> participants;
  std::int64_t article_id = 0;
  std::string article_url, source, published;
};

// --- Watchlist and alerts -----------------------------------------------

struct AlertChannels {
  bool file = false;     // an alerts file is configured
  bool webhook = false;  // a webhook is configured
};

// One new mention of a watched entity, waiting in the outbox.
struct Alert {
  std::int64_t id = 0;
  std::string watch;                // the watchlist entry, as configured
  std::string entity, entity_type;  // canonical
  std::string raised;               // RFC 3339, when it was queued
  CoverageMention mention;
  int webhook_attempts = 0;
};

struct AlertStats {
  std::int64_t total = 0, to_file = 0, to_webhook = 0, rejected = 0;
};

// The webhook's backoff, shared by all alerts: one dead endpoint is tried
// once per period, not once per alert.
struct WebhookState {
  int failures = 0;          // consecutive
  std::string next_attempt;  // RFC 3339; "" now
  std::string last_error;
};

}  // namespace pw::store
