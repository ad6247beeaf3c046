// The writer's WAL checkpoints on the store's own thread (checkpointer.h):
// they happen, they keep the -wal file bounded, and what the writer stored
// is in the database file, whole, when the store closes.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "articles.h"
#include "store/store.h"
#include "test_util.h"

namespace pw::store {
namespace {

using pw::testing::TempDir;
using namespace pw::store::testing;

constexpr int kBatchSize = 4;
constexpr std::uintmax_t kPageSize = 4096;  // SQLite 3.40's default for a new file

// Stores batch `b` of kBatchSize articles.
void SaveBatchNumber(Store& db, std::int64_t feed, int b) {
  std::vector<ArticleRecord> batch;
  for (int i = 0; i < kBatchSize; ++i) {
    const std::string n = std::to_string(b * kBatchSize + i);
    batch.push_back(SovicoArticle("k:" + n, "https://a.vn/" + n));
  }
  ASSERT_OK(db.SaveArticles(feed, batch));
}

std::uintmax_t WalBytes(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path + "-wal", ec);
  return ec ? 0 : size;
}

std::int64_t CoverageOf(const std::string& path) {
  auto reader = Store::Open(path, {.read_only = true});
  auto coverage = reader->Coverage({.entity = "GenAI Fund", .limit = 1});
  EXPECT_TRUE(coverage) << (coverage ? "" : coverage.error().message);
  return coverage ? coverage->total : -1;
}

TEST(Checkpointer, CopiesTheWalOnItsThreadAndKeepsItBounded) {
  TempDir dir;
  const std::string path = dir.File("t.db");
  constexpr int kLimitPages = 1000;
  auto writer = Store::Open(path, {.checkpoint = {.start_pages = 8, .limit_pages = kLimitPages}});
  const std::int64_t feed = *writer->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  SaveBatchNumber(*writer, feed, 0);
  const std::int64_t one_batch = writer->Checkpoints().max_wal_pages;  // the WAL held the feed's row and a batch
  ASSERT_LT(4 * one_batch, kLimitPages) << "a batch should be far below the limit";
  int b = 1;
  std::uintmax_t largest_wal = 0;
  for (; b < 150; ++b) {
    SaveBatchNumber(*writer, feed, b);
    largest_wal = std::max(largest_wal, WalBytes(path));
  }
  // The thread runs when the scheduler lets it: go on writing, a bounded
  // number of batches, until it has run at least once.
  while (writer->Checkpoints().background_rounds == 0 && b < 5000) SaveBatchNumber(*writer, feed, b++);
  const CheckpointStats stats = writer->Checkpoints();
  EXPECT_GT(stats.background_rounds, 0);
  EXPECT_EQ(stats.failed_rounds, 0);
  // The batches wrote many times the limit; the WAL never held more than
  // the limit and a batch or two (batches grow a little as the indexes do).
  EXPECT_GT(b * one_batch, 10 * kLimitPages);
  EXPECT_LE(stats.max_wal_pages, kLimitPages + 2 * one_batch);
  EXPECT_LE(largest_wal, (kLimitPages + 2 * one_batch + 1) * (kPageSize + 24));  // a frame: page and header
  // Readers see every batch while the writer is open, and after it closes
  // (its last checkpoint folds the WAL into the file).
  EXPECT_EQ(CoverageOf(path), b * kBatchSize);
  writer.reset();
  EXPECT_EQ(WalBytes(path), 0u);
  EXPECT_EQ(CoverageOf(path), b * kBatchSize);
}

TEST(Checkpointer, TheWriterCheckpointsItselfPastTheLimit) {
  TempDir dir;
  const std::string path = dir.File("t.db");
  // Every commit leaves more than one page: each is past the limit, so the
  // writer copies the WAL in the commit, and the next one starts it again.
  auto writer = Store::Open(path, {.checkpoint = {.start_pages = 1, .limit_pages = 1}});
  const std::int64_t feed = *writer->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  const std::int64_t before = writer->Checkpoints().writer_rounds;
  std::int64_t one_batch = 0;
  for (int b = 0; b < 10; ++b) {
    SaveBatchNumber(*writer, feed, b);
    if (b == 0) one_batch = writer->Checkpoints().max_wal_pages;
  }
  const CheckpointStats stats = writer->Checkpoints();
  EXPECT_EQ(stats.writer_rounds - before, 10);
  EXPECT_EQ(stats.failed_rounds, 0);
  // The WAL starts again after each copy: it never holds two batches.
  EXPECT_LT(stats.max_wal_pages, 2 * one_batch);
  EXPECT_EQ(CoverageOf(path), 10 * kBatchSize);
}

TEST(Checkpointer, OffLeavesCheckpointsToSqliteAndStoresTheSame) {
  TempDir dir;
  const std::string path = dir.File("t.db");
  auto writer = Store::Open(path, {.checkpoint_in_background = false});
  const std::int64_t feed = *writer->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  for (int b = 0; b < 5; ++b) SaveBatchNumber(*writer, feed, b);
  const CheckpointStats stats = writer->Checkpoints();
  EXPECT_EQ(stats.background_rounds + stats.writer_rounds + stats.max_wal_pages, 0);
  EXPECT_EQ(CoverageOf(path), 5 * kBatchSize);
}

TEST(Checkpointer, BadSettingsAreStartupErrors) {
  TempDir dir;
  EXPECT_THROW(Store::Open(dir.File("a.db"), {.cache_mib = 0}), StartupError);
  EXPECT_THROW(Store::Open(dir.File("b.db"), {.checkpoint = {.start_pages = 10, .limit_pages = 5}}), StartupError);
  EXPECT_THROW(Store::Open(dir.File("c.db"), {.checkpoint = {.start_pages = 0, .limit_pages = 5}}), StartupError);
}

}  // namespace
}  // namespace pw::store
