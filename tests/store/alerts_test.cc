// The watchlist and the alert outbox: each new mention queued once, kept
// until delivered, across restarts.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "articles.h"
#include "store/store.h"
#include "test_util.h"

namespace pw::store {
namespace {

using pw::testing::TempDir;
using namespace pw::store::testing;

constexpr const char* kNow = "2024-11-21T06:00:00Z";

TEST(Alerts, NewMentionsOfWatchedEntitiesAreQueuedOnceAndSurviveARestart) {
  TempDir dir;
  const std::string path = dir.File("t.db");
  {
    auto db = Store::Open(path, {});
    const std::int64_t feed = *db->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
    // Stored before the watchlist named it: history, not news.
    ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:0", "https://a.vn/0", "2024-11-20T02:00:00Z")}));
    ASSERT_OK(db->SetWatchlist({"Quy GenAI", "Vingroup"}));  // an alias, without accents
    auto none = db->QueueAlerts({.file = true, .webhook = true}, kNow);
    ASSERT_OK(none);
    EXPECT_EQ(*none, 0);
    ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:1", "https://a.vn/1")}));
    auto queued = db->QueueAlerts({.file = true, .webhook = true}, kNow);
    ASSERT_OK(queued);
    EXPECT_EQ(*queued, 1);  // one article, one watched entity (mentioned three times)
    auto again = db->QueueAlerts({.file = true, .webhook = true}, kNow);
    ASSERT_OK(again);
    EXPECT_EQ(*again, 0);
  }  // the process stops before delivering anything

  auto db = Store::Open(path, {});
  auto to_write = db->AlertsToWrite(10);
  ASSERT_OK(to_write);
  ASSERT_EQ(to_write->size(), 1u);
  const Alert& a = (*to_write)[0];
  EXPECT_EQ(a.watch, "Quy GenAI");
  EXPECT_EQ(a.entity, "GenAI Fund");
  EXPECT_EQ(a.entity_type, "ORG");
  EXPECT_EQ(a.raised, kNow);
  EXPECT_EQ(a.mention.url, "https://a.vn/1");
  EXPECT_EQ(a.mention.source, "Báo A");
  EXPECT_NE(a.mention.snippet.find("<mark>Quỹ GenAI</mark>"), std::string::npos) << a.mention.snippet;

  ASSERT_OK(db->MarkAlertsWritten({a.id}));
  EXPECT_TRUE(db->AlertsToWrite(10)->empty());
  auto to_post = db->AlertsToPost(10);
  ASSERT_OK(to_post);
  ASSERT_EQ(to_post->size(), 1u);  // the webhook still owes it
  ASSERT_OK(db->RecordWebhookFailure(a.id, {1, "2024-11-21T06:00:30Z", "HTTP 503 from https://hook"}));
  auto state = db->Webhook();
  ASSERT_OK(state);
  EXPECT_EQ(state->failures, 1);
  EXPECT_EQ(state->next_attempt, "2024-11-21T06:00:30Z");
  EXPECT_EQ(db->AlertsToPost(10)->front().webhook_attempts, 1);
  ASSERT_OK(db->MarkAlertPosted(a.id));
  ASSERT_OK(db->ResetWebhook());
  EXPECT_TRUE(db->AlertsToPost(10)->empty());
  auto stats = db->Alerts();
  ASSERT_OK(stats);
  EXPECT_EQ(stats->total, 1);
  EXPECT_EQ(stats->to_file + stats->to_webhook + stats->rejected, 0);
  EXPECT_EQ(db->Webhook()->failures, 0);
}

TEST(Alerts, TheWatchlistChangesWhatIsWatchedFromNowOn) {
  TempDir dir;
  auto db = Store::Open(dir.File("t.db"), {});
  const std::int64_t feed = *db->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  ASSERT_OK(db->SetWatchlist({"Sovico Group"}));
  ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:1", "https://a.vn/1")}));
  // GenAI Fund joins the list after that article was stored: not news for it.
  ASSERT_OK(db->SetWatchlist({"Sovico Group", "GenAI Fund"}));
  auto queued = db->QueueAlerts({.file = true}, kNow);
  ASSERT_OK(queued);
  EXPECT_EQ(*queued, 1);
  EXPECT_EQ(db->AlertsToWrite(10)->front().entity, "Sovico Group");
  // No channel configured for the webhook: nothing owed to it.
  EXPECT_TRUE(db->AlertsToPost(10)->empty());
  ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:2", "https://a.vn/2", "2024-11-22T02:00:00Z")}));
  ASSERT_OK(db->SetWatchlist({}));  // nothing watched any more
  auto after = db->QueueAlerts({.file = true}, kNow);
  ASSERT_OK(after);
  EXPECT_EQ(*after, 0);
}

// A name means one entity, as in coverage; an entity listed by its own alias
// is credited to that name, not to a short name that starts one of its words.
TEST(Alerts, AShortNameWatchesOneEntityAndAnExactNameKeepsItsCredit) {
  TempDir dir;
  auto db = Store::Open(dir.File("t.db"), {});
  const std::int64_t feed = *db->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:0", "https://a.vn/0", "2024-11-20T02:00:00Z")}));
  ASSERT_OK(db->SetWatchlist({"G", "Sovico Group"}));  // "g" sorts first
  ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:1", "https://a.vn/1")}));
  ASSERT_OK(db->QueueAlerts({.file = true}, kNow));
  auto alerts = db->AlertsToWrite(10);
  ASSERT_OK(alerts);
  std::map<std::string, std::string> watch_of;  // entity -> the name credited
  int from_g = 0;
  for (const Alert& a : *alerts) {
    watch_of[a.entity] = a.watch;
    from_g += a.watch == "G";
  }
  EXPECT_EQ(watch_of["Sovico Group"], "Sovico Group");
  // "G" starts a word of both organisations the article names (GenAI Fund,
  // Sovico Group): it watches the one coverage gives for it, no other.
  auto g = db->Coverage({.entity = "G", .limit = 1});
  ASSERT_OK(g);
  ASSERT_TRUE(g->known);
  const bool g_is_sovico = g->entity == "Sovico Group";
  EXPECT_EQ(from_g, g_is_sovico ? 0 : 1);
  if (!g_is_sovico) {
    EXPECT_EQ(watch_of[g->entity], "G");
  }
  EXPECT_EQ(alerts->size(), g_is_sovico ? 1u : 2u);
}

TEST(Alerts, ARejectedAlertIsKeptAndNotOwed) {
  TempDir dir;
  auto db = Store::Open(dir.File("t.db"), {});
  const std::int64_t feed = *db->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  ASSERT_OK(db->SetWatchlist({"GenAI Fund"}));
  ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:1", "https://a.vn/1")}));
  ASSERT_OK(db->QueueAlerts({.webhook = true}, kNow));
  auto owed = db->AlertsToPost(10);
  ASSERT_OK(owed);
  ASSERT_EQ(owed->size(), 1u);
  ASSERT_OK(db->MarkAlertRejected(owed->front().id, "HTTP 422 from https://hook: bad payload"));
  EXPECT_TRUE(db->AlertsToPost(10)->empty());
  auto stats = db->Alerts();
  ASSERT_OK(stats);
  EXPECT_EQ(stats->total, 1);
  EXPECT_EQ(stats->rejected, 1);
}

}  // namespace
}  // namespace pw::store
