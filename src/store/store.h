// store/store.h: the SQLite database that every user touches.
//
//   auto store = Store::Open("presswatch.db", {});        // creates or upgrades; throws StartupError
//   auto feed_id = store->EnsureFeed(url, title, "vi");   // Result<int64_t>
//   auto stats = store->SaveArticles(*feed_id, records);  // one transaction
//   auto results = store->Save(PrepareBatch(std::move(updates)));  // many feeds' polls
//   auto rows = store->Funding({.investor = "sovico"});   // accent-insensitive, one row per deal
//
// Writes: articles are keyed by (feed, item key) and by canonical URL, so a
// re-poll or a re-publication under a tracking URL never stores twice. A
// batch is one transaction: all of it or none. Near-duplicates (a press
// release syndicated by several outlets) share a story id (stories.h); the
// funding reports of one round share a deal (deals.h). Entities are stored
// once per (type, canonical name), with the forms seen in text as aliases.
//
// Queries are accent- and case-insensitive: "sovico", "dau tu" and "Đầu Tư"
// find what they should (full-text search through an FTS5 tokenizer that
// folds like text::SearchKey).
//
// Export: every exported record carries a seq from one counter that grows in
// commit order; Export*() hands out, in one snapshot, the records above a
// cursor and returns the cursor to pass next time (meta.h).
//
// Alerts: SetWatchlist() names the entities to watch; QueueAlerts() turns
// their mentions in articles stored since into rows of a durable outbox, in
// the same transaction that advances its cursor, so no mention is lost or
// queued twice across restarts; the app delivers them (app/alerts.h) and
// marks them done.
//
// Errors: Open throws StartupError (cannot open, cannot migrate, schema
// too new, the search index cannot be set up or caught up). Everything else returns Error values: kBusy (locked; retry),
// kFull (disk full), kStorage (anything else), kInvalidArgument (a query or
// cursor that cannot be used). A failed write changes nothing.
//
// Files: the database DB, and its full-text index in DB-search, derived from
// it (search_index.h): a writable Store writes the index on a thread of its
// own while it writes the next batch, and catches it up at Open. A writable
// Store's Search waits for its own writes to be indexed; a read-only Store
// sees a batch in search once it is indexed, at most one batch after its
// rows. Closing a writable Store indexes what it stored.
//
// Thread-safety: a Store is one SQLite connection (and a writable one an
// indexing thread of its own); use it from one thread at a time. Any number
// of read-only Stores, in any threads or processes, may query while one
// writer writes (WAL): a reader sees whole batches only.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "feed/opml.h"
#include "store/prepared.h"
#include "store/records.h"

namespace pw::store {

class Database;
class SearchIndex;
class StoryBandMemory;

class Store {
 public:
  struct Options {
    bool read_only = false;
    // The page size of a database file this Open creates; 0 for the store's
    // (8 KiB, Database::kNewFilePageSize in sqlite.h). An existing file keeps
    // its own. For benchmarks that compare page sizes.
    int new_file_page_size = 0;
    // Called while an old database is upgraded, and while the search index
    // catches up with the articles (search_index.h): rows done, rows to do.
    std::function<void(std::int64_t, std::int64_t)> migration_progress;
    // How many rows of the entity index wait in entity_articles_recent
    // before the writer merges them into entity_articles; 0 for the
    // store's (kEntityIndexMergeRows, write_cache.h). For tests.
    std::int64_t entity_index_merge_rows = 0;
  };
  static std::unique_ptr<Store> Open(const std::string& path, Options options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // --- Writes -------------------------------------------------------------
  // The feed's id, creating it when new; title and language fill in when given.
  Result<std::int64_t> EnsureFeed(const std::string& url, const std::string& title,
                                  const std::string& language);
  Result<FeedHealth> Feed(std::int64_t feed_id);
  Result<void> RecordFetch(std::int64_t feed_id, const FetchOutcome& outcome);
  // Of `keys`, those already stored for this feed (their items need no work).
  Result<std::vector<std::string>> KnownItemKeys(std::int64_t feed_id, const std::vector<std::string>& keys);
  // Of `urls` (canonical, common/url.h), those an article of any feed has.
  Result<std::vector<std::string>> KnownUrls(const std::vector<std::string>& urls);
  Result<SaveStats> SaveArticles(std::int64_t feed_id, const std::vector<ArticleRecord>& articles);
  // EnsureFeed for every subscription, in one transaction; their health
  // (stored validators, failures, next poll, moved_to) in the same order.
  Result<std::vector<FeedHealth>> EnsureFeeds(const std::vector<feed::Subscription>& feeds);
  // Many feeds' polls in one transaction (group commit): each update's
  // articles (SaveArticles) and health (RecordFetch). One result per update,
  // in order; an update that fails is rolled back alone. If the batch
  // cannot commit at all, or SQLite rolled all of it back (a full disk, an
  // I/O error), every result holds that error.
  std::vector<Result<SaveStats>> SaveBatch(const std::vector<FeedUpdate>& updates);
  // SaveBatch of a batch prepared beforehand (PrepareBatch, prepared.h),
  // perhaps on another thread while this Store wrote the batch before: the
  // daemon's writer and store_bench save this way. Same rows as SaveBatch.
  std::vector<Result<SaveStats>> Save(const PreparedBatch& batch);

  // Waits until the search index holds every article this Store saved; the
  // indexing thread's error if it failed (the articles are stored, and are
  // indexed with the next batch or at the next Open). Returns at once on a
  // read-only Store.
  Result<void> WaitForSearchIndex();
  // The search index's thread so far: its CPU time, and how long Save
  // waited for it (search_index.h, SearchIndex::times). Zeros on a
  // read-only Store. For store_bench.
  struct SearchIndexTimes {
    std::chrono::nanoseconds thread_cpu{0};
    std::chrono::nanoseconds writer_waited{0};
  };
  SearchIndexTimes SearchIndexCost();

  // --- Queries ------------------------------------------------------------
  // Ranks, by relevance (BM25, title words thrice) and recency, the 1,000
  // most recently stored matches that pass the filters. kInvalidArgument
  // when the query has no words, or more than 64 words and phrases.
  Result<std::vector<SearchHit>> Search(const SearchQuery& query);
  // One row per deal, newest first (or per report: each_report).
  Result<std::vector<FundingRow>> Funding(const FundingQuery& query);
  // The entity is named as SetWatchlist() names it; the most covered one
  // when the name means several. An unknown name gives an empty report.
  Result<CoverageReport> Coverage(const CoverageQuery& query);
  Result<std::vector<EntityRow>> Entities(const EntitiesQuery& query);
  Result<std::vector<FeedHealth>> Feeds();
  // From now until `limit` has passed, then no more: SQLite stops whatever
  // this Store runs after that, and the call fails with kTimeout. A server's
  // bound on one request (app/api_routes.h); zero lifts it.
  void LimitQueryTime(std::chrono::milliseconds limit);

  // --- Export -------------------------------------------------------------
  // Calls `sink` for each record of the kind changed after `after` (a token
  // from an earlier export, or "" for everything), in seq order, within one
  // snapshot, and returns the cursor to pass next time. `progress` (may be
  // empty) gets records done and records to do. kInvalidArgument for a
  // malformed token, a token of another kind or database, or one ahead of
  // this database (restored from an older backup). With `limit` > 0, at
  // most that many records: the cursor is then the last one's, and `total`
  // above tells whether more are left (the API pages this way).
  using ExportProgress = std::function<void(std::int64_t done, std::int64_t total)>;
  Result<ExportCursor> ExportArticles(const std::string& after, const std::function<void(const ArticleExport&)>& sink,
                                      const ExportProgress& progress = {}, std::int64_t limit = 0);
  Result<ExportCursor> ExportFunding(const std::string& after, const std::function<void(const DealExport&)>& sink,
                                     const ExportProgress& progress = {}, std::int64_t limit = 0);
  Result<ExportCursor> ExportEntities(const std::string& after, const std::function<void(const EntityExport&)>& sink,
                                      const ExportProgress& progress = {}, std::int64_t limit = 0);
  Result<ExportCursor> ExportEvents(const std::string& after, const std::function<void(const EventExport&)>& sink,
                                    const ExportProgress& progress = {}, std::int64_t limit = 0);

  // --- Watchlist and alerts -------------------------------------------------
  // Makes `names` the watchlist. A name means the entities it is an alias of
  // (accents and case aside), or, when it is no alias, those with an alias a
  // word of which starts with it ("Sovico" watches Sovico Group); names
  // resolve each time alerts are queued, so an entity first seen later is
  // watched too. A name new to the list watches articles stored from now
  // on; a name dropped and added again starts afresh.
  Result<void> SetWatchlist(const std::vector<std::string>& names);
  // Queues one alert per (article, watched entity) for articles stored since
  // the last call, due on the given channels; returns how many. `now` is
  // RFC 3339.
  Result<int> QueueAlerts(const AlertChannels& channels, const std::string& now);
  // Alerts still due on a channel, oldest first.
  Result<std::vector<Alert>> AlertsToWrite(int limit);
  Result<std::vector<Alert>> AlertsToPost(int limit);
  Result<void> MarkAlertsWritten(const std::vector<std::int64_t>& ids);
  Result<void> MarkAlertPosted(std::int64_t id);
  // The webhook refused this alert for good (HTTP 4xx): kept, not retried.
  Result<void> MarkAlertRejected(std::int64_t id, const std::string& error);
  // A failed attempt on `id`; the webhook's backoff becomes `state`.
  Result<void> RecordWebhookFailure(std::int64_t id, const WebhookState& state);
  Result<WebhookState> Webhook();
  Result<void> ResetWebhook();  // after a success
  Result<AlertStats> Alerts();

  const std::string& path() const { return path_; }

 public:
  struct WriteCache;  // internal: store/write_cache.h

 private:
  Store(std::unique_ptr<Database> db, std::string path, std::unique_ptr<SearchIndex> index);
  // The rows of SaveArticles, in the caller's transaction; the text goes to
  // the search index after the commit (HandToIndex).
  Result<SaveStats> WriteArticles(std::int64_t feed_id, const std::vector<PreparedArticle>& articles);
  // Hands the committed articles to the search index's thread.
  void HandToIndex();
  // After a rollback (a batch's, or a feed's savepoint): the writer's caches
  // may hold rows it undid, and ids are given again after one
  // (write_cache.h, story_band_memory.h), so both are emptied.
  void ForgetRolledBackWrites();
  // The connection searches run on, with DB-search attached: db_ for a
  // read-only Store, a read-only one of its own for a writable Store (an
  // attached file would be locked by every write transaction).
  Result<Database*> SearchDatabase();
  template <class Record, class Fetch>
  Result<ExportCursor> Export(ExportKind kind, const std::string& after, const char* count_sql,
                              const std::function<void(const Record&)>& sink, const ExportProgress& progress,
                              std::int64_t limit, Fetch fetch);
  std::unique_ptr<Database> db_;
  std::string path_;
  std::unique_ptr<WriteCache> cache_;
  // The story bands of the weeks being written (store/story_band_memory.h);
  // cleared with cache_ (ForgetRolledBackWrites).
  std::unique_ptr<StoryBandMemory> story_bands_;
  std::unique_ptr<SearchIndex> index_;  // writable Stores only
  std::unique_ptr<Database> search_db_;  // writable Stores, once they search
  bool search_attached_ = false;
  // LimitQueryTime's: when SQLite's progress handler stops a statement.
  void ApplyQueryLimit(Database& db);
  std::chrono::milliseconds query_time_limit_{0};
  std::chrono::steady_clock::time_point query_deadline_{};
};

}  // namespace pw::store
