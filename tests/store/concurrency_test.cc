// One writer committing batches while readers query, each on its own
// connection, as the daemon runs them: readers never fail, never wait on the
// writer, and never see half a batch.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "articles.h"
#include "store/store.h"
#include "test_util.h"

namespace pw::store {
namespace {

using pw::testing::TempDir;
using namespace pw::store::testing;

TEST(Concurrency, ReadersQueryWhileTheWriterCommitsBatches) {
  TempDir dir;
  const std::string path = dir.File("t.db");
  auto writer = Store::Open(path, {});
  const std::int64_t feed = *writer->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  constexpr int kBatches = 20, kBatchSize = 5, kReaders = 3;

  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, torn{0}, reads{0};
  const auto reader = [&](int which) {
    auto db = Store::Open(path, {.read_only = true});
    std::int64_t last_seen = 0;
    // Until the writer is done, then once more: every reader reads during
    // the writes and after them, however the threads are scheduled.
    for (bool last = false; !last;) {
      last = done.load();
      // Each batch stores kBatchSize articles of one story-sized text, all
      // mentioning GenAI Fund: a reader counts whole batches only.
      auto coverage = db->Coverage({.entity = "GenAI Fund", .limit = 1});
      auto hits = db->Search({.query = which % 2 ? "dau tu" : "GenAI", .limit = 5});
      auto funding = db->Funding({.investor = "sovico", .each_report = true, .limit = 1000000});
      if (!coverage || !hits || !funding) {
        ++failures;
        continue;
      }
      if (coverage->total % kBatchSize != 0 || funding->size() % kBatchSize != 0) ++torn;
      if (coverage->total < last_seen) ++torn;  // time never runs backwards for a reader
      last_seen = coverage->total;
      ++reads;
    }
    EXPECT_EQ(last_seen, kBatches * kBatchSize) << "reader " << which << " saw the last batch";
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < kReaders; ++i) readers.emplace_back(reader, i);
  for (int b = 0; b < kBatches; ++b) {
    std::vector<ArticleRecord> batch;
    for (int i = 0; i < kBatchSize; ++i) {
      const std::string n = std::to_string(b * kBatchSize + i);
      batch.push_back(SovicoArticle("k:" + n, "https://a.vn/" + n, "2024-11-21T02:00:00Z"));
    }
    auto saved = writer->SaveArticles(feed, batch);
    ASSERT_OK(saved);
    ASSERT_EQ(saved->inserted, kBatchSize);
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(torn.load(), 0);
  EXPECT_GE(reads.load(), kReaders);
}

}  // namespace
}  // namespace pw::store
