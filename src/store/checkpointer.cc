#include "store/checkpointer.h"

#include <sqlite3.h>

#include <time.h>

#include <algorithm>

#include "store/sqlite.h"

namespace pw::store {

namespace {

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace

Checkpointer::Checkpointer(const std::string& path, sqlite3* writer, CheckpointOptions options)
    : writer_(writer), options_(options), own_(Database::Open(path, /*read_only=*/false)) {
  // Replaces the writer's automatic checkpoint (SQLite implements
  // wal_autocheckpoint with this same hook).
  sqlite3_wal_hook(writer_, &Checkpointer::OnCommit, this);
  thread_ = std::thread([this] { Run(); });
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_hook(writer_, nullptr, nullptr);
  sqlite3_wal_autocheckpoint(writer_, options_.start_pages);
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

CheckpointStats Checkpointer::Stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

int Checkpointer::OnCommit(void* self, sqlite3* db, const char* /*schema*/, int wal_pages) {
  static_cast<Checkpointer*>(self)->AfterCommit(db, wal_pages);
  return SQLITE_OK;  // the commit is done whatever the checkpoint does
}

void Checkpointer::AfterCommit(sqlite3* db, int wal_pages) {
  if (wal_pages > options_.limit_pages) {
    // The thread has fallen behind (or the WAL is never wholly copied while
    // the writer writes): copy what is left here, so that the next write
    // transaction starts the WAL again from its beginning.
    int rc;
    {
      std::lock_guard checkpointing(checkpoint_mu_);
      rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    std::lock_guard lock(mu_);
    stats_.max_wal_pages = std::max<std::int64_t>(stats_.max_wal_pages, wal_pages);
    ++(rc == SQLITE_OK ? stats_.writer_rounds : stats_.failed_rounds);
    return;
  }
  {
    std::lock_guard lock(mu_);
    stats_.max_wal_pages = std::max<std::int64_t>(stats_.max_wal_pages, wal_pages);
    if (wal_pages <= options_.start_pages) return;
    requested_ = true;
  }
  wake_.notify_one();
}

void Checkpointer::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return requested_ || stopping_; });
    if (stopping_) return;
    requested_ = false;
    lock.unlock();
    int rc;
    const double cpu0 = ThreadCpuSeconds();
    {
      std::lock_guard checkpointing(checkpoint_mu_);
      rc = sqlite3_wal_checkpoint_v2(own_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    const double cpu = ThreadCpuSeconds() - cpu0;
    lock.lock();
    stats_.background_cpu_seconds += cpu;
    ++(rc == SQLITE_OK ? stats_.background_rounds : stats_.failed_rounds);
  }
}

}  // namespace pw::store
