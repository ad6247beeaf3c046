#include "store/search_index.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include <sqlite3.h>

#include "store/meta.h"
#include "store/sqlite.h"
#include "store/store_errors.h"

namespace pw::store {

namespace {

// PRAGMA user_version of DB-search: the layout below. 1 (up to store9) kept
// FTS5's own copy of the three columns; 2 keeps the index alone.
constexpr int kIndexFormat = 2;
constexpr int kFormatWithContent = 1;

// The index itself: made with the file, and again when the file is rebuilt.
// Contentless (content=''): the terms, their positions and each row's column
// sizes (columnsize, for pw_rank), no copy of the text; search's snippets
// read the text from the database (fts_snippet.h). `language` stays a column
// of the index because search filters on it inside the MATCH ("language :
// vi AND ...") and pw_rank's row length counts its token.
constexpr std::string_view kCreateIndexTable =
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, language, tokenize='presswatch', content='')";

constexpr std::string_view kStateSchema = R"sql(
CREATE TABLE search_state (
  key TEXT PRIMARY KEY,
  value
) WITHOUT ROWID;
INSERT INTO search_state(key, value) VALUES ('indexed', 0), ('database_id', '');
)sql";

// FTS5's settings for this index. They live in its articles_fts_config
// table, so a file keeps them: a writable open sets each one the file lacks
// (a file made before a setting gets it; one set by hand keeps its own).
struct FtsSetting {
  const char* key;
  std::int64_t value;
};
constexpr FtsSetting kFtsSettings[] = {
    // FTS5 keeps the terms of the rows not yet written in memory and writes
    // them out as a new segment whenever they pass 'hashsize' (1 MB by
    // default): one batch of 5,000 articles became a dozen small segments,
    // each merged again later. With room for a whole batch, a batch is one
    // segment: about 9% less CPU per article over 300,000 articles
    // (bench/RESULTS.md, "FTS5's pending-data limit").
    {"hashsize", std::int64_t{64} << 20},
    // FTS5 merges a level's segments into one of the next level once it holds
    // 'automerge' of them (4 by default), and after each write does merge
    // work in proportion to the pages written times the number of levels. At
    // 16, the 200 segments of a million articles in batches of 5,000 make two
    // levels, not four: the index thread used 105 us an article over a
    // million against 149-165 with the defaults (whose cost grew with the
    // archive), for searches about 10% slower, far inside their target
    // (bench/RESULTS.md, "FTS5 merging 16 segments at a time"). 'crisismerge'
    // (16 by default) merges a level at once when it holds that many; it must
    // stay above automerge, or every full level would be merged in one go.
    {"automerge", 16},
    {"crisismerge", 64},
};

// A catch-up commits every this many article ids: progress to show, and a
// crash during a long one keeps what was done.
constexpr std::int64_t kCatchUpIds = 20000;

void ApplyFtsSettings(Database& db) {
  Statement& read = db.Prepare("SELECT 1 FROM articles_fts_config WHERE k = ?1");
  for (const FtsSetting& setting : kFtsSettings) {
    read.Bind(1, setting.key);
    const bool present = read.Step();
    read.Reset();
    if (!present)
      db.Exec(std::string("INSERT INTO articles_fts(articles_fts, rank) VALUES('") + setting.key + "', " +
              std::to_string(setting.value) + ")");
  }
}

std::int64_t Scalar(Database& db, std::string_view sql) {
  Statement& s = db.Prepare(sql);
  const std::int64_t v = s.Step() && !s.IsNull(0) ? s.Int64(0) : 0;
  s.Reset();
  return v;
}

std::string StateText(Database& db, const char* key) {
  Statement& s = db.Prepare("SELECT value FROM search_state WHERE key = ?1");
  s.Bind(1, key);
  std::string v = s.Step() && !s.IsNull(0) ? s.Text(0) : std::string();
  s.Reset();
  return v;
}

void SetState(Database& db, const char* key, const std::string& value) {
  db.Prepare("UPDATE search_state SET value = ?2 WHERE key = ?1").Bind(1, key).Bind(2, value).Step();
}

void SetState(Database& db, const char* key, std::int64_t value) {
  db.Prepare("UPDATE search_state SET value = ?2 WHERE key = ?1").Bind(1, key).Bind(2, value).Step();
}

// The calling thread's CPU time.
std::chrono::nanoseconds ThreadCpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

}  // namespace

std::string SearchIndex::PathFor(const std::string& db_path) { return db_path + "-search"; }

std::unique_ptr<SearchIndex> SearchIndex::Open(const std::string& db_path, const MigrationProgress& progress) {
  const std::string path = PathFor(db_path);
  auto index = Database::Open(path, /*read_only=*/false);
  auto articles = Database::Open(db_path, /*read_only=*/true);
  std::int64_t indexed = 0, last_id = 0;
  try {
    const int format = static_cast<int>(Scalar(*index, "PRAGMA user_version"));
    if (format > kIndexFormat)
      throw StartupError("search index " + path + " has format " + std::to_string(format) +
                         ", newer than this presswatch understands; delete it to have it built again");
    const std::string database_id = GetMeta(*articles, kMetaDatabaseId).value_or("");
    last_id = Scalar(*articles, "SELECT MAX(id) FROM articles");
    articles->ResetStatements();  // no read transaction left: the thread must see later commits
    Transaction tx(*index);
    if (format == 0) {
      index->Exec(kCreateIndexTable);
      index->Exec(kStateSchema);
      index->Exec("PRAGMA user_version = " + std::to_string(kIndexFormat));
    }
    indexed = Scalar(*index, "SELECT value FROM search_state WHERE key = 'indexed'");
    // The index of another database (a file copied beside it), of a later
    // state of this one (restored from a backup), or of format 1 (with its
    // copy of the text): built again, by the catch-up below.
    const bool with_content = format == kFormatWithContent;
    if (StateText(*index, "database_id") != database_id || indexed > last_id || with_content) {
      index->Exec("DROP TABLE articles_fts");
      index->Exec(kCreateIndexTable);
      SetState(*index, "database_id", database_id);
      SetState(*index, "indexed", std::int64_t{0});
      indexed = 0;
      if (with_content) index->Exec("PRAGMA user_version = " + std::to_string(kIndexFormat));
    }
    ApplyFtsSettings(*index);
    tx.Commit();
  } catch (const SqliteError& e) {
    throw StartupError("cannot set up the search index " + path + ": " + e.what() +
                       " (it is derived from the database: deleting it has it built again)");
  }
  std::unique_ptr<SearchIndex> self(new SearchIndex(std::move(index), std::move(articles), path, indexed));
  // Catching up: the articles stored since the index last committed.
  try {
    const std::int64_t first = indexed;
    while (indexed < last_id) {
      const std::int64_t to = std::min(last_id, indexed + kCatchUpIds);
      const auto cpu0 = ThreadCpu();
      self->IndexRange(indexed, to);
      self->times_.thread_cpu += ThreadCpu() - cpu0;
      indexed = to;
      if (progress) progress(indexed - first, last_id - first);
    }
  } catch (const SqliteError& e) {
    throw StartupError("cannot bring the search index " + path + " up to date: " + e.what());
  }
  self->indexed_ = self->wanted_ = last_id;
  self->thread_ = std::thread([s = self.get()] { s->Run(); });
  return self;
}

SearchIndex::SearchIndex(std::unique_ptr<Database> index, std::unique_ptr<Database> articles, std::string path,
                         std::int64_t indexed)
    : index_(std::move(index)), articles_(std::move(articles)), path_(std::move(path)), wanted_(indexed),
      indexed_(indexed) {}

SearchIndex::~SearchIndex() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SearchIndex::IndexUpTo(std::int64_t last_id) {
  std::unique_lock lock(mutex_);
  if (last_id <= wanted_) return;  // nothing new: no need to wait
  const auto wait_start = std::chrono::steady_clock::now();
  changed_.wait(lock, [&] { return indexed_ >= wanted_ || failed_at_ == wanted_; });
  times_.writer_waited += std::chrono::steady_clock::now() - wait_start;
  wanted_ = last_id;
  changed_.notify_all();
}

Result<void> SearchIndex::WaitUntilIndexed() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return indexed_ >= wanted_ || failed_at_ == wanted_; });
  if (indexed_ < wanted_ && error_) return *error_;
  return kOk;
}

SearchIndex::Times SearchIndex::times() {
  std::lock_guard lock(mutex_);
  return times_;
}

void SearchIndex::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    // A failed range is tried again when the writer hands more (or at the
    // next Open), not in a loop against a full disk.
    changed_.wait(lock, [&] { return stopping_ || (indexed_ < wanted_ && failed_at_ != wanted_); });
    if (indexed_ >= wanted_ || failed_at_ == wanted_) return;  // stopping, nothing more to do
    const std::int64_t from = indexed_, to = wanted_;
    lock.unlock();
    std::optional<Error> failure;
    const auto cpu0 = ThreadCpu();
    try {
      IndexRange(from, to);
    } catch (const SqliteError& e) {
      failure = ToError(e, path_);
    } catch (const std::exception& e) {
      failure = Error::Storage(path_ + ": " + e.what());
    }
    index_->ResetStatements();
    articles_->ResetStatements();
    const auto cpu = ThreadCpu() - cpu0;
    lock.lock();
    times_.thread_cpu += cpu;
    if (failure) {
      error_ = std::move(failure);
      failed_at_ = to;
    } else {
      indexed_ = to;
      error_.reset();
    }
    changed_.notify_all();
  }
}

void SearchIndex::IndexRange(std::int64_t from, std::int64_t to) {
  // A statement left on a row would keep an old snapshot of the articles,
  // without the ones to index.
  articles_->ResetStatements();
  Transaction tx(*index_);
  // The file's own watermark decides: another writer's Open may have indexed
  // further meanwhile.
  from = std::max(from, Scalar(*index_, "SELECT value FROM search_state WHERE key = 'indexed'"));
  if (from >= to) return;
  // One snapshot of the articles, which must reach `to`: the watermark may
  // never pass an article the read did not see.
  Transaction snapshot(*articles_, Transaction::Mode::kRead);
  if (Scalar(*articles_, "SELECT MAX(id) FROM articles") < to)
    throw SqliteError(SQLITE_INTERNAL, "the articles up to id " + std::to_string(to) + " are not visible yet");
  Statement& read =
      articles_->Prepare("SELECT id, title, text, language FROM articles WHERE id > ?1 AND id <= ?2 ORDER BY id");
  read.Bind(1, from).Bind(2, to);
  Statement& insert = index_->Prepare("INSERT INTO articles_fts(rowid, title, text, language) VALUES(?1, ?2, ?3, ?4)");
  while (read.Step()) {
    insert.Reset();
    // Views of the read row: valid until its next Step, after this insert.
    insert.Bind(1, read.Int64(0)).BindView(2, read.Blob(1)).BindView(3, read.Blob(2)).BindView(4, read.Blob(3));
    insert.Step();
  }
  read.Reset();
  SetState(*index_, "indexed", to);
  tx.Commit();
  snapshot.Commit();
}

bool SearchIndex::AttachForSearch(Database& db, const std::string& db_path) {
  const std::string path = PathFor(db_path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return false;
  db.AttachReadOnly(path, "search");
  return true;
}

}  // namespace pw::store
