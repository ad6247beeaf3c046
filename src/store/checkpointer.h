// store/checkpointer.h: WAL checkpoints beside the writer, on a thread of
// their own. Internal to pw_store (Store::Open makes one for a writer).
//
// In WAL mode a commit appends the pages it changed to the -wal file; a
// checkpoint copies them back into the database file and syncs both. SQLite's
// automatic checkpoint runs inside the commit that crosses its threshold, so
// the writer spends its own time copying pages into a file of gigabytes
// (bench/RESULTS.md, "The store at a million articles"). A Checkpointer
// replaces it (sqlite3_wal_hook on the writer's connection):
//
//   - after a commit that leaves more than `start_pages` in the WAL, its
//     thread runs a PASSIVE checkpoint on a connection of its own, while the
//     writer goes on writing (a passive checkpoint blocks no reader and no
//     writer; it copies what no reader still needs);
//   - after a commit that leaves more than `limit_pages`, the writer
//     checkpoints in the commit itself, as SQLite would, once the thread's
//     round is over. The thread alone never lets the WAL start again from
//     its beginning (the writer is always appending while it copies, and
//     only a WAL wholly copied when a write transaction starts is reused), so
//     this bounds the -wal file: about `limit_pages` plus one transaction.
//
//   Checkpointer cp(path, writer_handle, {.start_pages = 10000, .limit_pages = 100000});
//   ... the writer commits as before ...
//   CheckpointStats s = cp.Stats();
//
// Thread-safety: the hook runs on the writer's thread; Stats() may be called
// from any thread. The destructor stops the thread (ending a round in
// progress first); the writer's connection must outlive the Checkpointer.
// Errors: the constructor throws StartupError when its connection cannot be
// opened; a failed round (SQLITE_BUSY from a reader taking the lock, an I/O
// error) is counted and retried at the next commit: a checkpoint that fails
// loses nothing, the pages stay in the WAL.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace pw::store {

class Database;

struct CheckpointOptions {
  int start_pages = 10000;   // wake the thread past this many WAL pages (SQLite's autocheckpoint: 1000)
  int limit_pages = 100000;  // past this, the writer checkpoints in its commit
};

struct CheckpointStats {
  std::int64_t background_rounds = 0;  // checkpoints run by the thread
  std::int64_t writer_rounds = 0;      // checkpoints the writer ran past limit_pages
  std::int64_t failed_rounds = 0;      // rounds that returned an error (retried later)
  std::int64_t max_wal_pages = 0;      // the largest WAL a commit left
  double background_cpu_seconds = 0;   // the thread's CPU time in its rounds
};

class Checkpointer {
 public:
  // REQUIRES: `writer` is the connection that writes `path`, in WAL mode, and
  // outlives this object; 0 < start_pages <= limit_pages.
  Checkpointer(const std::string& path, sqlite3* writer, CheckpointOptions options);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  CheckpointStats Stats() const;

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages);
  void AfterCommit(sqlite3* db, int wal_pages);
  void Run();

  sqlite3* writer_;
  CheckpointOptions options_;
  std::unique_ptr<Database> own_;  // the thread's connection

  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool requested_ = false;  // guarded by mu_
  bool stopping_ = false;   // guarded by mu_
  CheckpointStats stats_;   // guarded by mu_
  // Held for a whole checkpoint by whoever runs it: SQLite lets one
  // checkpoint run at a time and a PASSIVE one does not wait for another.
  std::mutex checkpoint_mu_;
  std::thread thread_;
};

}  // namespace pw::store
