// store/store.h: the SQLite database that every user touches.
//
//   auto store = Store::Open("presswatch.db", {});        // creates or upgrades; throws StartupError
//   auto feed_id = store->EnsureFeed(url, title, "vi");   // Result<int64_t>
//   auto stats = store->SaveArticles(*feed_id, records);  // one transaction
//   auto rows = store->Funding({.investor = "sovico"});   // accent-insensitive
//
// Writes: articles are keyed by (feed, item key) and by canonical URL, so a
// re-poll or a re-publication under a tracking URL never stores twice. A
// batch is one transaction: all of it or none. Near-duplicates (syndicated
// press releases) share a story id. Entities are stored once per (type,
// canonical name), with the forms seen in text as aliases.
//
// Queries are accent- and case-insensitive: "sovico", "dau tu" and "Đầu Tư"
// find what they should (full-text search through an FTS5 tokenizer that
// folds like text::SearchKey).
//
// Errors: Open throws StartupError (cannot open, cannot migrate, schema
// too new). Everything else returns Error values: kBusy (locked; retry),
// kFull (disk full), kStorage (anything else). A failed batch changes nothing.
//
// Thread-safety: a Store is one SQLite connection; use it from one thread at
// a time. Any number of read-only Stores may query while one writer writes
// (WAL).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "feed/opml.h"
#include "store/records.h"

namespace pw::store {

class Database;

class Store {
 public:
  struct Options {
    bool read_only = false;
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
  Result<SaveStats> SaveArticles(std::int64_t feed_id, const std::vector<ArticleRecord>& articles);
  // EnsureFeed for every subscription, in one transaction; their health
  // (stored validators, failures, next poll, moved_to) in the same order.
  Result<std::vector<FeedHealth>> EnsureFeeds(const std::vector<feed::Subscription>& feeds);
  // Many feeds' polls in one transaction (group commit): each update's
  // articles (SaveArticles) and health (RecordFetch). One result per update,
  // in order; an update that fails is rolled back alone. If the batch
  // cannot commit at all, every result holds that error.
  std::vector<Result<SaveStats>> SaveBatch(const std::vector<FeedUpdate>& updates);

  // --- Queries ------------------------------------------------------------
  Result<std::vector<SearchHit>> Search(const SearchQuery& query);
  Result<std::vector<FundingRow>> Funding(const FundingQuery& query);
  Result<CoverageReport> Coverage(const CoverageQuery& query);
  Result<std::vector<EntityRow>> Entities(const EntitiesQuery& query);
  Result<std::vector<FeedHealth>> Feeds();

  const std::string& path() const { return path_; }

 private:
  Store(std::unique_ptr<Database> db, std::string path);
  std::unique_ptr<Database> db_;
  std::string path_;
};

}  // namespace pw::store
