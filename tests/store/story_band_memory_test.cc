// The writer's memory of story_bands (store/story_band_memory.h): the same
// candidates as the table, the same stories as a Store that starts with an
// empty memory, and the three ways it could go stale (a failed batch, a
// feed's savepoint rolled back inside a committed batch, another
// connection's commit).
#include "store/story_band_memory.h"

#include <algorithm>
#include <random>
#include <set>

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "articles.h"
#include "store/sqlite.h"
#include "store/stories.h"
#include "store/store.h"
#include "common/time.h"
#include "test_util.h"

namespace pw::store {
namespace {

using pw::testing::TempDir;
using namespace pw::store::testing;

// A text of `words` words drawn from a vocabulary large enough that two
// texts share almost no three-word shingle by chance.
std::string Word(int n) {
  std::string w = "w";  // appended: g++ 12 warns falsely (-Wrestrict) on "w" + std::to_string(n)
  w += std::to_string(n);
  return w;
}

std::vector<std::string> RandomWords(std::mt19937& rng, int words) {
  std::uniform_int_distribution<int> pick(0, 4999);
  std::vector<std::string> out;
  for (int i = 0; i < words; ++i) out.push_back(Word(pick(rng)));
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// A copy of `words` with `changes` words replaced: a pickup that rewrote a
// few phrases.
std::vector<std::string> Rewrite(std::mt19937& rng, std::vector<std::string> words, int changes) {
  std::uniform_int_distribution<std::size_t> at(0, words.size() - 1);
  std::uniform_int_distribution<int> pick(5000, 9999);
  for (int i = 0; i < changes; ++i) words[at(rng)] = Word(pick(rng));
  return words;
}

// Text as Article() builds it ("title\n\nbody"), with a fixed title.
ArticleRecord Story(const std::string& key, const std::string& body, const std::string& published) {
  return Article(key, "https://a.vn/" + key, "Tin", body, published);
}

std::vector<std::int64_t> StoryIds(const std::string& path) {
  auto db = Database::Open(path, /*read_only=*/true);
  std::vector<std::int64_t> out;
  Statement& s = db->Prepare("SELECT story_id FROM articles ORDER BY id");
  while (s.Step()) out.push_back(s.Int64(0));
  return out;
}

std::string Week(int week_offset, int hour) {
  // 2024-01-01 plus `week_offset` weeks plus `hour` hours, as RFC 3339.
  const auto t = std::chrono::sys_days{std::chrono::year{2024} / 1 / 1} + std::chrono::weeks{week_offset} +
                 std::chrono::hours{hour};
  return FormatTimestamp(std::chrono::time_point_cast<Timestamp::duration>(t));
}

// Articles over 40 weeks, in batches out of publication order, many of them
// rewrites of earlier ones (some a few weeks apart, in or out of the story
// window), a few with a publication time in another form than the column's
// canonical one: a Store that keeps its memory across batches (and drops
// weeks, 40 being more than it holds) gives every article the story that a
// Store opened afresh for each article gives, whose memory is empty and
// which reads every candidate from its row.
TEST(StoryBandMemory, AWarmMemoryGivesTheStoriesAnEmptyOneGives) {
  TempDir dir;
  std::mt19937 rng(11);
  std::vector<std::vector<ArticleRecord>> batches;
  std::vector<std::pair<std::vector<std::string>, int>> earlier;  // text, week
  std::uniform_int_distribution<int> week(0, 39), hour(0, 167), coin(0, 2), changes(2, 9);
  int n = 0;
  for (int b = 0; b < 12; ++b) {
    std::vector<ArticleRecord> batch;
    for (int i = 0; i < 25; ++i, ++n) {
      std::vector<std::string> words;
      int w = week(rng);
      if (!earlier.empty() && coin(rng) != 0) {
        const auto& [text, at] = earlier[std::uniform_int_distribution<std::size_t>(0, earlier.size() - 1)(rng)];
        words = Rewrite(rng, text, changes(rng));
        w = std::clamp(at + std::uniform_int_distribution<int>(-3, 3)(rng), 0, 39);
      } else {
        words = RandomWords(rng, 60);
      }
      earlier.emplace_back(words, w);
      std::string published = Week(w, hour(rng));
      if (n % 10 == 0) published = published.substr(0, 10);  // a day, as a feed may give it
      batch.push_back(Story(std::to_string(n), Join(words), published));
    }
    batches.push_back(std::move(batch));
  }
  const std::string warm_path = dir.File("warm.db"), cold_path = dir.File("cold.db");
  {
    auto warm = Store::Open(warm_path, {});
    const auto feed = warm->EnsureFeed("https://a.vn/rss", "A", "vi");
    ASSERT_OK(feed);
    for (const auto& batch : batches) ASSERT_OK(warm->SaveArticles(*feed, batch));
  }
  for (const auto& batch : batches)
    for (const auto& article : batch) {
      auto cold = Store::Open(cold_path, {});
      const auto feed = cold->EnsureFeed("https://a.vn/rss", "A", "vi");
      ASSERT_OK(feed);
      ASSERT_OK(cold->SaveArticles(*feed, {article}));
    }
  const auto warm = StoryIds(warm_path), cold = StoryIds(cold_path);
  ASSERT_EQ(warm.size(), static_cast<std::size_t>(n));
  EXPECT_EQ(warm, cold);
  // Not a trivial agreement: many articles joined an earlier story.
  std::int64_t joined = 0;
  for (std::size_t i = 0; i < warm.size(); ++i) joined += warm[i] != static_cast<std::int64_t>(i) + 1;
  EXPECT_GT(joined, 50) << "of " << n;
  EXPECT_LT(joined, n - 50);
}

// The story window's edges, kStoryWindow either side, are in it: what the
// memory remembers of a candidate decides as its row does. A, then copies
// of A 14 days and 1 s after it (out of A's window: a story of its own) and
// 14 days after it (in the windows of both; the tie goes to A's story),
// saved in one batch (candidates remembered) and one by one (read from
// their rows).
TEST(StoryBandMemory, TheWindowsEdgesAreInItFromMemoryAsFromTheRows) {
  TempDir dir;
  std::mt19937 rng(13);
  const std::string text = Join(RandomWords(rng, 60));
  const Timestamp t0 = *ParseTimestamp(Week(5, 10));
  const std::vector<ArticleRecord> articles = {
      Story("a", text, FormatTimestamp(t0)),
      Story("b", text, FormatTimestamp(t0 + kStoryWindow + std::chrono::seconds(1))),
      Story("c", text, FormatTimestamp(t0 + kStoryWindow)),
  };
  const std::string at_once = dir.File("at_once.db"), one_by_one = dir.File("one_by_one.db");
  {
    auto store = Store::Open(at_once, {});
    const auto feed = store->EnsureFeed("https://a.vn/rss", "A", "vi");
    ASSERT_OK(feed);
    ASSERT_OK(store->SaveArticles(*feed, articles));
  }
  for (const auto& article : articles) {
    auto store = Store::Open(one_by_one, {});
    const auto feed = store->EnsureFeed("https://a.vn/rss", "A", "vi");
    ASSERT_OK(feed);
    ASSERT_OK(store->SaveArticles(*feed, {article}));
  }
  EXPECT_EQ(StoryIds(at_once), (std::vector<std::int64_t>{1, 2, 1}));
  EXPECT_EQ(StoryIds(one_by_one), (std::vector<std::int64_t>{1, 2, 1}));
}

// Find gives, week by week, the ids the table gives, also for weeks dropped
// (max_weeks 5) and loaded again, and after Adds to weeks held and not held,
// written into the table at once or later.
TEST(StoryBandMemory, FindsWhatTheTableHolds) {
  TempDir dir;
  auto store = Store::Open(dir.File("t.db"), {});  // the schema
  store.reset();
  auto db = Database::Open(dir.File("t.db"), /*read_only=*/false);
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::int64_t> key(0, 40), week(0, 11);
  StoryBandMemory memory(5);
  db->Exec("PRAGMA foreign_keys = OFF");  // band rows without their articles
  Transaction tx(*db);
  for (std::int64_t id = 1; id <= 600; ++id) {
    std::array<std::int64_t, kBands> keys;
    for (auto& k : keys) k = key(rng);
    const std::int64_t w = week(rng);
    memory.Add(w, keys, id);
    if (id % 25 == 0) memory.WriteAdded(*db);  // otherwise a load writes them first
    if (id % 50 != 0) continue;
    for (std::int64_t first = 0; first + 5 <= 12; first += 3) {
      std::array<std::int64_t, kBands> probe;
      for (auto& k : probe) k = key(rng);
      std::vector<std::int64_t> got;
      memory.Find(*db, first, 5, probe, got);
      std::set<std::int64_t> got_set(got.begin(), got.end()), want;
      memory.WriteAdded(*db);  // the table, as a commit would leave it
      for (std::int64_t w2 = first; w2 < first + 5; ++w2)
        for (const auto k : probe) {
          Statement& s = db->Prepare("SELECT article_id FROM story_bands WHERE week = ?1 AND band_key = ?2");
          s.Bind(1, w2).Bind(2, k);
          while (s.Step()) want.insert(s.Int64(0));
        }
      ASSERT_EQ(got_set, want) << "after id " << id << ", weeks from " << first;
      ASSERT_FALSE(want.empty());
    }
  }
  EXPECT_GT(memory.loads(), 12);  // weeks were dropped and read again
}

// Another connection's commit (a second poller on the file) drops the
// memory; this connection's own commits do not.
TEST(StoryBandMemory, AnotherConnectionsCommitDropsTheMemoryAndOwnCommitsDoNot) {
  TempDir dir;
  Store::Open(dir.File("t.db"), {}).reset();
  auto mine = Database::Open(dir.File("t.db"), false);
  auto other = Database::Open(dir.File("t.db"), false);
  StoryBandMemory memory;
  std::array<std::int64_t, kBands> keys{};
  std::vector<std::int64_t> found;
  const auto write_and_find = [&](Database& writer) {
    {
      Transaction tx(writer);
      writer.Exec("INSERT INTO meta(key, value) VALUES('probe', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1");
      tx.Commit();
    }
    Transaction tx(*mine);
    mine->Prepare("SELECT 1 FROM meta").Step();
    memory.DropIfChangedElsewhere(*mine);
    memory.Find(*mine, 100, 5, keys, found);
    tx.Commit();
  };
  write_and_find(*mine);
  EXPECT_EQ(memory.loads(), 5);
  write_and_find(*mine);
  write_and_find(*mine);
  EXPECT_EQ(memory.loads(), 5);  // warm: no week read again
  write_and_find(*other);
  EXPECT_EQ(memory.loads(), 10);  // dropped and read again
}

// The same, end to end: a second Store writes, into a week the first holds,
// an article that the first's next article copies; the copy joins its story.
TEST(StoryBandMemory, AStoryWrittenByASecondStoreIsFound) {
  TempDir dir;
  std::mt19937 rng(3);
  const std::string path = dir.File("t.db");
  auto first = Store::Open(path, {});
  const auto feed = first->EnsureFeed("https://a.vn/rss", "A", "vi");
  ASSERT_OK(feed);
  ASSERT_OK(first->SaveArticles(*feed, {Story("a", Join(RandomWords(rng, 60)), Week(10, 1))}));
  const std::string shared_text = Join(RandomWords(rng, 60));
  {
    auto second = Store::Open(path, {});
    ASSERT_OK(second->SaveArticles(*feed, {Story("b", shared_text, Week(10, 2))}));
  }
  ASSERT_OK(first->SaveArticles(*feed, {Story("c", shared_text, Week(10, 3))}));
  first.reset();
  EXPECT_EQ(StoryIds(path), (std::vector<std::int64_t>{1, 2, 2}));
}

// Two texts of similarity >= kSameStorySimilarity that share no band key
// (LSH misses ~9% of such pairs at 0.6): found by trying rewrites.
std::pair<std::string, std::string> SimilarWithoutACommonBand() {
  std::mt19937 rng(5);
  for (int attempt = 0; attempt < 20000; ++attempt) {
    const auto p = RandomWords(rng, 60);
    const auto q = Rewrite(rng, p, 4 + attempt % 4);
    const std::string pt = Join(p), qt = Join(q);
    const auto fp = MakeFingerprint("Tin\n\n" + pt), fq = MakeFingerprint("Tin\n\n" + qt);
    if (!fp || !fq || Similarity(*fp, *fq) < kSameStorySimilarity) continue;
    const auto bp = BandKeys(*fp), bq = BandKeys(*fq);
    bool common = false;
    for (int i = 0; i < kBands; ++i) common = common || bp[i] == bq[i];
    if (!common) return {pt, qt};
  }
  return {};
}

// A feed whose savepoint is rolled back inside a batch that commits: its
// article P was indexed (in memory too) before the feed failed, and its id
// is given to the next feed's article Q. P and Q are similar but share no
// band; R, a copy of P, shares P's bands. Had the memory kept P's bands
// under the reused id, R would find Q through them and join its story; the
// table has no such row, and R starts its own, as in the batch without the
// failed feed.
TEST(StoryBandMemory, AFeedRolledBackInsideACommittedBatchLeavesNoBandBehind) {
  const auto [p_text, q_text] = SimilarWithoutACommonBand();
  ASSERT_FALSE(p_text.empty()) << "no such pair found";
  TempDir dir;
  for (const bool with_failure : {false, true}) {
    const std::string path = dir.File(with_failure ? "failed.db" : "clean.db");
    auto store = Store::Open(path, {});
    const auto a = store->EnsureFeed("https://a.vn/rss", "A", "vi");
    const auto b = store->EnsureFeed("https://b.vn/rss", "B", "vi");
    ASSERT_OK(a);
    ASSERT_OK(b);
    FailInsertsOf(path, "fail");
    std::vector<FeedUpdate> batch;
    if (with_failure)
      batch.push_back({.feed_id = *a,
                       .articles = {Story("p", p_text, Week(5, 1)), Story("fail", p_text + " w1", Week(5, 1))},
                       .outcome = {}});
    batch.push_back({.feed_id = *b, .articles = {Story("q", q_text, Week(5, 2))}, .outcome = {}});
    const auto results = store->Save(PrepareBatch(batch));
    ASSERT_EQ(results.size(), batch.size());
    EXPECT_EQ(results.front().has_value(), !with_failure);
    ASSERT_TRUE(results.back().has_value());
    ASSERT_OK(store->SaveArticles(*b, {Story("r", p_text, Week(5, 3))}));
    store.reset();
    // q (id 1, p's id in the failed run) and r (id 2): each its own story.
    EXPECT_EQ(StoryIds(path), (std::vector<std::int64_t>{1, 2})) << (with_failure ? "failed" : "clean");
  }
}

// The same through a whole batch that fails (SaveArticles, its own
// transaction): P indexed, then the batch rolled back; Q takes P's id.
TEST(StoryBandMemory, ABatchThatFailsLeavesNoBandBehind) {
  const auto [p_text, q_text] = SimilarWithoutACommonBand();
  ASSERT_FALSE(p_text.empty()) << "no such pair found";
  TempDir dir;
  const std::string path = dir.File("t.db");
  auto store = Store::Open(path, {});
  const auto feed = store->EnsureFeed("https://a.vn/rss", "A", "vi");
  ASSERT_OK(feed);
  FailInsertsOf(path, "fail");
  const auto failed = store->SaveArticles(
      *feed, {Story("p", p_text, Week(5, 1)), Story("fail", p_text + " w1", Week(5, 1))});
  ASSERT_FALSE(failed.has_value());
  ASSERT_OK(store->SaveArticles(*feed, {Story("q", q_text, Week(5, 2))}));
  ASSERT_OK(store->SaveArticles(*feed, {Story("r", p_text, Week(5, 3))}));
  store.reset();
  EXPECT_EQ(StoryIds(path), (std::vector<std::int64_t>{1, 2}));
}

}  // namespace
}  // namespace pw::store
