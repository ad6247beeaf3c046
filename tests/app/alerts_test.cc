// Alerts end to end: the watchlist's new mentions to a file and to a
// webhook on the project's test server (127.0.0.1), retried with backoff on
// a fake clock, never lost across restarts, never delivered twice.
#include "app/alerts.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../store/articles.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

namespace json = boost::json;
using pw::testing::ReadFile;
using pw::testing::TempDir;
using pw::testing::TestServer;
using namespace pw::store::testing;

class AlertsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Route("/hook", TestServer::Handler([this](const TestServer::Request&) {
                    return TestServer::Response{.status = hook_status_.load(), .body = "{}"};
                  }));
    options_.file = dir_.File("alerts.ndjson");
    options_.webhook = server_.Url("/hook");
    options_.http.total_timeout = std::chrono::seconds(5);
    options_.backoff = std::chrono::seconds(30);
    options_.max_backoff = std::chrono::seconds(100);
  }

  // Opens the database as a fresh process would.
  std::unique_ptr<store::Store> Open() { return store::Store::Open(dir_.File("pw.db"), {}); }

  std::vector<json::value> FileLines() {
    std::vector<json::value> lines;
    const std::string text = ReadFile(options_.file);
    for (size_t at = 0; at < text.size();) {
      const size_t nl = text.find('\n', at);
      lines.push_back(json::parse(text.substr(at, nl - at)));
      at = nl + 1;
    }
    return lines;
  }

  TestServer server_;
  TempDir dir_;
  AlertOptions options_;
  std::atomic<int> hook_status_{200};
  FakeClock clock_{*ParseTimestamp("2024-11-21T06:00:00Z")};
};

TEST_F(AlertsTest, ANewMentionGoesToTheFileAndTheWebhookOnce) {
  auto db = Open();
  ASSERT_OK(db->SetWatchlist({"GenAI Fund"}));
  const std::int64_t feed = *db->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:1", "https://a.vn/1")}));
  const AlertReport r = RaiseAndDeliverAlerts(*db, options_, clock_);
  EXPECT_EQ(r.queued, 1);
  EXPECT_EQ(r.written, 1);
  EXPECT_EQ(r.posted, 1);
  EXPECT_EQ(r.waiting_file + r.waiting_webhook, 0);
  EXPECT_TRUE(r.store_error.empty() && r.file_error.empty() && r.webhook_error.empty());

  const auto lines = FileLines();
  ASSERT_EQ(lines.size(), 1u);
  const json::object& alert = lines[0].as_object();
  EXPECT_EQ(alert.at("entity"), "GenAI Fund");
  EXPECT_EQ(alert.at("watch"), "GenAI Fund");
  EXPECT_EQ(alert.at("url"), "https://a.vn/1");
  EXPECT_EQ(alert.at("source"), "Báo A");
  EXPECT_EQ(alert.at("raised"), "2024-11-21T06:00:00Z");
  for (const char* key : {"id", "type", "title", "language", "published", "snippet", "story"})
    EXPECT_TRUE(alert.contains(key)) << key;
  // The POST carried the same object.
  EXPECT_EQ(json::parse(server_.LastRequest("/hook").body), lines[0]);
  EXPECT_EQ(server_.LastRequest("/hook").headers.at("content-type"), "application/json");

  // Nothing new: nothing appended, nothing posted.
  const AlertReport again = RaiseAndDeliverAlerts(*db, options_, clock_);
  EXPECT_EQ(again.queued + again.written + again.posted, 0);
  EXPECT_EQ(FileLines().size(), 1u);
  EXPECT_EQ(server_.Hits("/hook"), 1);
}

TEST_F(AlertsTest, AFailingWebhookIsRetriedWithBackoffAcrossRestarts) {
  hook_status_ = 503;
  {
    auto db = Open();
    ASSERT_OK(db->SetWatchlist({"Sovico"}));
    const std::int64_t feed = *db->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
    ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:1", "https://a.vn/1"),
                                      SovicoArticle("a:2", "https://a.vn/2", "2024-11-21T04:00:00Z", "Tin mới: ")}));
    const AlertReport r = RaiseAndDeliverAlerts(*db, options_, clock_);
    EXPECT_EQ(r.queued, 2);
    EXPECT_EQ(r.written, 2);  // the file does not wait for the webhook
    EXPECT_EQ(r.posted, 0);
    EXPECT_EQ(r.waiting_webhook, 2);
    EXPECT_NE(r.webhook_error.find("HTTP 503"), std::string::npos) << r.webhook_error;
    EXPECT_EQ(r.next_attempt, "2024-11-21T06:00:30Z");  // backoff: 30 s
    EXPECT_EQ(server_.Hits("/hook"), 1);                 // stopped at the first failure
    EXPECT_NE(Summary(r, options_).find("webhook failing"), std::string::npos);
  }
  // A restart before the wait is over: the webhook is left alone.
  {
    auto db = Open();
    clock_.Advance(std::chrono::seconds(10));
    const AlertReport r = DeliverAlerts(*db, options_, clock_);
    EXPECT_EQ(r.posted, 0);
    EXPECT_EQ(r.next_attempt, "2024-11-21T06:00:30Z");
    EXPECT_EQ(server_.Hits("/hook"), 1);
  }
  // After it, still failing: the wait doubles.
  {
    auto db = Open();
    clock_.Advance(std::chrono::seconds(30));
    const AlertReport r = DeliverAlerts(*db, options_, clock_);
    EXPECT_EQ(r.posted, 0);
    EXPECT_EQ(r.next_attempt, "2024-11-21T06:01:40Z");  // 06:00:40 + 60 s
    EXPECT_EQ(server_.Hits("/hook"), 2);
  }
  // The endpoint is back: both alerts go, oldest first, and the backoff resets.
  hook_status_ = 200;
  {
    auto db = Open();
    clock_.Advance(std::chrono::seconds(60));
    const AlertReport r = DeliverAlerts(*db, options_, clock_);
    EXPECT_EQ(r.posted, 2);
    EXPECT_EQ(r.waiting_webhook, 0);
    EXPECT_TRUE(r.webhook_error.empty());
    EXPECT_EQ(db->Webhook()->failures, 0);
  }
  EXPECT_EQ(server_.Hits("/hook"), 4);
  EXPECT_EQ(FileLines().size(), 2u);  // written once each
}

TEST_F(AlertsTest, APayloadTheWebhookRefusesIsRejectedNotRetried) {
  hook_status_ = 422;
  auto db = Open();
  ASSERT_OK(db->SetWatchlist({"GenAI Fund"}));
  const std::int64_t feed = *db->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:1", "https://a.vn/1")}));
  const AlertReport r = RaiseAndDeliverAlerts(*db, options_, clock_);
  EXPECT_EQ(r.rejected, 1);
  EXPECT_EQ(r.waiting_webhook, 0);
  EXPECT_TRUE(r.next_attempt.empty());
  EXPECT_EQ(db->Alerts()->rejected, 1);
}

TEST_F(AlertsTest, AnUnwritableFileKeepsTheAlertsForLater) {
  options_.webhook.clear();
  options_.file = dir_.File("no-such-dir/alerts.ndjson");
  auto db = Open();
  ASSERT_OK(db->SetWatchlist({"GenAI Fund"}));
  const std::int64_t feed = *db->EnsureFeed("https://a.vn/rss", "Báo A", "vi");
  ASSERT_OK(db->SaveArticles(feed, {SovicoArticle("a:1", "https://a.vn/1")}));
  const AlertReport r = RaiseAndDeliverAlerts(*db, options_, clock_);
  EXPECT_EQ(r.queued, 1);
  EXPECT_EQ(r.written, 0);
  EXPECT_EQ(r.waiting_file, 1);
  EXPECT_NE(r.file_error.find("no-such-dir/alerts.ndjson: cannot open"), std::string::npos) << r.file_error;
  // Fixed: the next round writes it.
  options_.file = dir_.File("alerts.ndjson");
  const AlertReport later = DeliverAlerts(*db, options_, clock_);
  EXPECT_EQ(later.written, 1);
  EXPECT_EQ(FileLines().size(), 1u);
}

}  // namespace
}  // namespace pw::app
