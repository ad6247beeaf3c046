// store/search_index.h: the full-text index in a file of its own, written by
// a thread of its own. Internal to pw_store.
//
// SQLite lets one connection write a database file at a time, and the FTS5
// insert was a sixth to a third of the writer's time (bench/RESULTS.md,
// "Branch store5", "Branch store8"). So the index lives beside the database, in DB-search (as SQLite's
// DB-wal and DB-shm do), and a second thread writes it while the writer
// writes the next batch into DB:
//
//   auto index = SearchIndex::Open("pw.db", progress);  // catches up; throws StartupError
//   ... the writer commits a batch whose largest article id is 5000 ...
//   index->IndexUpTo(5000);          // returns at once, unless the batch before is not indexed yet
//   Result<void> r = index->WaitUntilIndexed();  // a reader that must see its own writes
//   index.reset();                   // indexes what it was handed, then stops
//
// The file (format 2, its PRAGMA user_version) holds `articles_fts`, a
// contentless FTS5 table (`content=''`) over title, text and language: the
// terms, their positions and each row's column sizes, no copy of the text
// (FTS5's external content would have to be in this file, and a copy was
// two thirds of it: bench/RESULTS.md, "Branch store10"). Search's snippets
// come from pw_snippet, handed the text from `main.articles`
// (fts_snippet.h). Beside it, `search_state`, whose `indexed` is the largest
// article id whose text is in the index, committed in the same transaction
// as the text. Articles are insert-only and their ids grow, so "everything up
// to `indexed`" is the whole state (a contentless table of SQLite 3.40 cannot
// delete a row; none is ever deleted): Open indexes `articles WHERE id >
// indexed` (after a crash between the two commits, a deleted DB-search, or a
// database of schema 5 and before) and rebuilds a file that belongs to
// another database (its `database_id`), is ahead of it (a database restored
// from a backup), or is of format 1 (up to store9: FTS5's own copy of the
// three columns), by dropping the table and indexing every article again. A
// format newer than 2 is refused. Derived data: deleting DB-search loses
// nothing.
//
// Readers attach the file (AttachForSearch); queries name `articles_fts` as
// before and SQLite finds it there (a contentless table answers MATCH
// queries, not a scan of all its rows: count them in `articles_fts_docsize`).
// A reader in another connection sees a batch in search once the thread has
// indexed it: at most one batch after the rows (the writer's IndexUpTo waits
// for the batch before).
//
// Errors: Open throws StartupError (the file cannot be opened or made, or is
// of a newer format). A failure of the thread (a full disk) is kept, returned
// by WaitUntilIndexed, and tried again with the next batch; the articles stay
// in the database, and their text is indexed by a later batch or the next
// Open: nothing is lost.
//
// Thread-safety: IndexUpTo and WaitUntilIndexed may be called from any one
// thread at a time (the Store's writer).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/error.h"
#include "store/schema.h"
#include "store/store.h"

namespace pw::store {

class Database;

class SearchIndex {
 public:
  // DB-search for the database DB.
  static std::string PathFor(const std::string& db_path);
  // Opens DB-search (creating it), brings it up to the articles of DB
  // (progress: articles indexed, articles to index), starts the thread.
  static std::unique_ptr<SearchIndex> Open(const std::string& db_path, const MigrationProgress& progress);
  ~SearchIndex();  // indexes what it was handed (unless that failed), then stops
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Hands the thread the articles up to `last_id`, committed in DB. Waits
  // first until what was handed before is indexed (or failed): one batch
  // may wait, never more, so the writer slows down rather than run ahead.
  void IndexUpTo(std::int64_t last_id);
  // Waits until everything handed is indexed; the thread's error if it failed.
  Result<void> WaitUntilIndexed();

  // What the thread has cost so far: its CPU time in IndexRange (the
  // catch-up of Open included), and the wall time IndexUpTo waited for the
  // batch before. Shown by store_bench, to tell the thread's share of the
  // CPU from the rest and to see whether the writer waits for it.
  using Times = Store::SearchIndexTimes;
  Times times();

  // Attaches DB-search to a connection on DB as schema "search", read-only.
  // False when there is no DB-search (no writer has built it yet).
  // Throws SqliteError.
  static bool AttachForSearch(Database& db, const std::string& db_path);

 private:
  SearchIndex(std::unique_ptr<Database> index, std::unique_ptr<Database> articles, std::string path,
              std::int64_t indexed);
  void Run();
  // Indexes the articles with ids in (from, to] in one transaction of DB-search.
  void IndexRange(std::int64_t from, std::int64_t to);

  std::unique_ptr<Database> index_;     // DB-search, written
  std::unique_ptr<Database> articles_;  // DB, read
  const std::string path_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::int64_t wanted_;   // handed so far
  std::int64_t indexed_;  // committed in DB-search
  std::optional<Error> error_;  // the last attempt's failure; cleared by a success
  std::int64_t failed_at_ = -1;  // wanted_ when it failed: not tried again until it moves
  bool stopping_ = false;
  Times times_;
  std::thread thread_;
};

}  // namespace pw::store
