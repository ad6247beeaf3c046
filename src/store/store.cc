// Store: opening, and the write path.
#include "store/store.h"

#include <sqlite3.h>

#include "store/prepared.h"
#include "store/schema.h"
#include "store/search_index.h"
#include "store/sqlite.h"
#include "store/store_errors.h"
#include "store/story_band_memory.h"
#include "store/write_cache.h"

namespace pw::store {

Error ToError(const SqliteError& e, const std::string& path) {
  const std::string message = path + ": " + e.what();
  switch (e.code()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return {ErrorKind::kBusy, message};
    case SQLITE_FULL: return {ErrorKind::kFull, message};
    // Only a progress handler stops a statement here (Store::LimitQueryTime).
    case SQLITE_INTERRUPT: return Error::Timeout("the query ran past its time limit and was stopped");
    default: return Error::Storage(message);
  }
}

Store::Store(std::unique_ptr<Database> db, std::string path, std::unique_ptr<SearchIndex> index)
    : db_(std::move(db)),
      path_(std::move(path)),
      cache_(std::make_unique<WriteCache>()),
      story_bands_(std::make_unique<StoryBandMemory>()),
      index_(std::move(index)) {}
Store::~Store() = default;


std::unique_ptr<Store> Store::Open(const std::string& path, Options options) {
  auto db = Database::Open(path, options.read_only,
                           options.new_file_page_size > 0 ? options.new_file_page_size : Database::kNewFilePageSize);
  if (options.read_only) {
    const int version = SchemaVersion(*db);
    if (version > kSchemaVersion) throw StartupError(SchemaTooNewMessage(path, version));
    if (version < kSchemaVersion)
      throw StartupError("database " + path + " has schema version " + std::to_string(version) +
                         " (run presswatch poll or serve once to upgrade it)");
  }
  std::unique_ptr<SearchIndex> index;
  if (!options.read_only) {
    Migrate(*db, options.migration_progress);
    index = SearchIndex::Open(path, options.migration_progress);
  }
  db->ResetStatements();
  std::unique_ptr<Store> store(new Store(std::move(db), path, std::move(index)));
  if (options.entity_index_merge_rows > 0) store->cache_->merge_index_rows = options.entity_index_merge_rows;
  return store;
}

void Store::HandToIndex() {
  // Only what is committed: the thread reads it on its own connection.
  if (!index_ || sqlite3_get_autocommit(db_->handle()) == 0) return;
  std::int64_t last_id;
  try {
    Statement& s = db_->Prepare("SELECT COALESCE(MAX(id), 0) FROM articles");
    s.Step();
    last_id = s.Int64(0);
    s.Reset();
  } catch (const SqliteError&) {
    // The save is committed and must be reported so; its text is indexed
    // with the next batch's, or at the next Open.
    db_->ResetStatements();
    return;
  }
  index_->IndexUpTo(last_id);
}

Result<void> Store::WaitForSearchIndex() {
  if (!index_) return kOk;
  return index_->WaitUntilIndexed();
}

Store::SearchIndexTimes Store::SearchIndexCost() {
  if (!index_) return {};
  return index_->times();  // SearchIndex::Times is this type
}

void Store::LimitQueryTime(std::chrono::milliseconds limit) {
  query_time_limit_ = limit;
  query_deadline_ = std::chrono::steady_clock::now() + limit;
  ApplyQueryLimit(*db_);
  if (search_db_) ApplyQueryLimit(*search_db_);
}

void Store::ApplyQueryLimit(Database& db) {
  // Called every 100 virtual machine steps of a statement: a clock read
  // (tens of nanoseconds) every few microseconds, and a stop within a
  // millisecond of the deadline.
  constexpr int kSteps = 100;
  const auto past_deadline = [](void* deadline) -> int {
    return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point*>(deadline);
  };
  if (query_time_limit_.count() > 0) sqlite3_progress_handler(db.handle(), kSteps, past_deadline, &query_deadline_);
  else sqlite3_progress_handler(db.handle(), 0, nullptr, nullptr);
}

Result<Database*> Store::SearchDatabase() {
  if (index_) {
    if (auto indexed = index_->WaitUntilIndexed(); !indexed) return indexed.error();
    if (!search_db_) {
      try {
        search_db_ = Database::Open(path_, /*read_only=*/true);
      } catch (const StartupError& e) {
        return Error::Storage(e.what());
      }
      ApplyQueryLimit(*search_db_);
    }
  }
  Database& db = search_db_ ? *search_db_ : *db_;
  if (!search_attached_) {
    auto attached = Guarded(db, [&]() -> Result<bool> { return SearchIndex::AttachForSearch(db, path_); });
    if (!attached) return attached.error();
    if (!*attached)
      return Error::Storage(SearchIndex::PathFor(path_) +
                            ": no search index; presswatch poll or serve builds it from the stored articles");
    search_attached_ = true;
  }
  return &db;
}

Result<std::int64_t> Store::EnsureFeed(const std::string& url, const std::string& title,
                                       const std::string& language) {
  return Guarded(*db_, [&]() -> Result<std::int64_t> {
    db_->Prepare(
           "INSERT INTO feeds(url, title, language) VALUES(?1, ?2, ?3) "
           "ON CONFLICT(url) DO UPDATE SET "
           "title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE title END, "
           "language = CASE WHEN excluded.language <> '' THEN excluded.language ELSE language END "
           // A feed as it was is not written again: a start on a full disk
           // (or a read-only one) needs no page written.
           "WHERE (excluded.title <> '' AND excluded.title IS NOT title) "
           "OR (excluded.language <> '' AND excluded.language IS NOT language)")
        .Bind(1, url)
        .Bind(2, title)
        .Bind(3, language)
        .Step();
    Statement& s = db_->Prepare("SELECT id FROM feeds WHERE url = ?1");
    s.Bind(1, url);
    if (!s.Step()) return Error::Internal("feed vanished after insert: " + url);
    return s.Int64(0);
  });
}

namespace {

FeedHealth ReadFeedHealth(Statement& s) {
  FeedHealth f;
  f.id = s.Int64(0);
  f.url = s.Text(1);
  f.title = s.Text(2);
  f.last_fetch = s.OptionalText(3);
  f.last_status = static_cast<int>(s.Int64(4));
  f.last_error = s.OptionalText(5);
  f.etag = s.OptionalText(6);
  f.last_modified = s.OptionalText(7);
  f.consecutive_failures = static_cast<int>(s.Int64(8));
  f.next_poll = s.OptionalText(9);
  f.items = s.Int64(10);
  f.moved_to = s.OptionalText(11);
  return f;
}

constexpr const char* kFeedHealthColumns =
    "SELECT f.id, f.url, f.title, f.last_fetch, f.last_status, f.last_error, f.etag, "
    "f.last_modified, f.consecutive_failures, f.next_poll, "
    "(SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id), f.moved_to FROM feeds f ";

}  // namespace

Result<FeedHealth> Store::Feed(std::int64_t feed_id) {
  return Guarded(*db_, [&]() -> Result<FeedHealth> {
    Statement& s = db_->Prepare(std::string(kFeedHealthColumns) + "WHERE f.id = ?1");
    s.Bind(1, feed_id);
    if (!s.Step()) return Error::NotFound("no feed with id " + std::to_string(feed_id));
    return ReadFeedHealth(s);
  });
}

Result<std::vector<FeedHealth>> Store::Feeds() {
  return Guarded(*db_, [&]() -> Result<std::vector<FeedHealth>> {
    Statement& s = db_->Prepare(std::string(kFeedHealthColumns) +
                                "ORDER BY f.consecutive_failures DESC, f.url");
    std::vector<FeedHealth> out;
    while (s.Step()) out.push_back(ReadFeedHealth(s));
    return out;
  });
}

Result<void> Store::RecordFetch(std::int64_t feed_id, const FetchOutcome& o) {
  return Guarded(*db_, [&]() -> Result<void> {
    Statement& s = db_->Prepare(
        "UPDATE feeds SET last_fetch = ?2, last_status = ?3, last_error = ?4, "
        "etag = COALESCE(?5, etag), last_modified = COALESCE(?6, last_modified), "
        "consecutive_failures = CASE WHEN ?4 IS NULL THEN 0 ELSE consecutive_failures + 1 END, "
        "next_poll = ?7, "
        "title = CASE WHEN title = '' THEN ?8 ELSE title END, "
        "site_url = CASE WHEN ?9 <> '' THEN ?9 ELSE site_url END, "
        "language = CASE WHEN language = '' THEN ?10 ELSE language END, "
        "moved_to = COALESCE(?11, moved_to) "
        "WHERE id = ?1");
    s.Bind(1, feed_id).Bind(2, o.fetched_at).Bind(3, o.status);
    if (o.error.empty()) s.BindNull(4);
    else s.Bind(4, o.error);
    s.Bind(5, o.etag).Bind(6, o.last_modified).Bind(7, o.next_poll).Bind(8, o.title);
    s.Bind(9, o.site_url).Bind(10, o.language).Bind(11, o.moved_to);
    s.Step();
    return kOk;
  });
}

Result<std::vector<FeedHealth>> Store::EnsureFeeds(const std::vector<feed::Subscription>& feeds) {
  return Guarded(*db_, [&]() -> Result<std::vector<FeedHealth>> {
    Transaction tx(*db_);
    std::vector<FeedHealth> out;
    out.reserve(feeds.size());
    for (const auto& sub : feeds) {
      auto id = EnsureFeed(sub.url, sub.title, sub.language);
      if (!id) return id.error();
      auto health = Feed(*id);
      if (!health) return health.error();
      out.push_back(std::move(*health));
    }
    tx.Commit();
    return out;
  });
}

std::vector<Result<SaveStats>> Store::SaveBatch(const std::vector<FeedUpdate>& updates) {
  return Save(PrepareBatch(updates));
}

std::vector<Result<SaveStats>> Store::Save(const PreparedBatch& batch_to_save) {
  const std::vector<PreparedUpdate>& updates = batch_to_save.updates;
  std::vector<Result<SaveStats>> results;
  results.reserve(updates.size());
  auto batch = Guarded(*db_, [&]() -> Result<void> {
    Transaction tx(*db_);
    for (const auto& u : updates) {
      // Each feed in its own savepoint: one that fails leaves the others.
      // The text goes to the search index after the commit (HandToIndex);
      // a rolled-back feed's articles are gone by then.
      Result<SaveStats> stats = SaveStats{};
      if (!u.articles.empty()) stats = WriteArticles(u.feed_id, u.articles);
      if (stats) {
        if (auto recorded = RecordFetch(u.feed_id, u.outcome); !recorded) stats = recorded.error();
      }
      // SQLite rolls the whole transaction back on some errors (a full
      // disk, an I/O error), not just the failed statement: then the feeds
      // saved before in this batch are gone too, and none of them may be
      // reported stored (their pollers would keep the new validators, and
      // a 304 would lose their items for good).
      if (!stats && sqlite3_get_autocommit(db_->handle()) != 0) return stats.error();
      results.push_back(std::move(stats));
    }
    tx.Commit();
    HandToIndex();
    return kOk;
  });
  if (!batch) {
    results.assign(updates.size(), batch.error());
    ForgetRolledBackWrites();
  }
  return results;
}

void Store::ForgetRolledBackWrites() {
  cache_->Clear();
  story_bands_->Clear();
}

Result<std::vector<std::string>> Store::KnownItemKeys(std::int64_t feed_id,
                                                      const std::vector<std::string>& keys) {
  return Guarded(*db_, [&]() -> Result<std::vector<std::string>> {
    std::vector<std::string> known;
    for (const auto& key : keys) {
      Statement& s = db_->Prepare("SELECT 1 FROM articles WHERE feed_id = ?1 AND item_key = ?2");
      s.Bind(1, feed_id).Bind(2, key);
      if (s.Step()) known.push_back(key);
    }
    return known;
  });
}

Result<std::vector<std::string>> Store::KnownUrls(const std::vector<std::string>& urls) {
  return Guarded(*db_, [&]() -> Result<std::vector<std::string>> {
    std::vector<std::string> known;
    for (const auto& url : urls) {
      Statement& s = db_->Prepare("SELECT 1 FROM articles WHERE canonical_url = ?1");
      s.Bind(1, url);
      if (s.Step()) known.push_back(url);
    }
    return known;
  });
}

}  // namespace pw::store
