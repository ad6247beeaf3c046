// The poll against a web that misbehaves: the project's test server on
// 127.0.0.1 answers each feed in its own wrong way, one PollOnce cycle (the
// same per-feed poll `serve` runs) goes through them, and each failure must
// be recorded in the feed's health, in words, with its backoff. The clock
// is a FakeClock, so next_poll is exact (jitter off).
#include <gtest/gtest.h>

#include "app/poll.h"
#include "store/store.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

using namespace std::chrono_literals;
using pw::testing::SourceDir;
using pw::testing::TempDir;
using pw::testing::TestServer;

const Timestamp kNow = *ParseTimestamp("2024-11-21T05:00:00Z");

// One item per feed; feeds that share an `item` share the article (same
// canonical URL), so tests with several good feeds give each its own.
std::string Rss(const std::string& title, const std::string& extra_channel = "",
                const std::string& item = "1") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title +
         "</title><link>http://example.vn/</link>" + extra_channel +
         "<item><title>Quỹ GenAI công bố vòng gọi vốn</title><link>http://example.vn/a/" + item +
         "</link>"
         "<guid>a-" +
         item +
         "</guid><pubDate>Thu, 21 Nov 2024 09:00:00 +0700</pubDate>"
         "<description>Tập đoàn Sovico đầu tư chiến lược vào Quỹ GenAI.</description></item>"
         "</channel></rss>";
}

class Misbehaviour : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = extract::RuleSet::Load((SourceDir() / "rules").string());
    ASSERT_OK(rules);
    rules_ = *rules;
    options_.fetch.connect_timeout = 2s;
    options_.fetch.first_byte_timeout = 2s;
    options_.fetch.stall_timeout = 300ms;
    options_.fetch.total_timeout = 1500ms;
    options_.schedule.jitter = 0;
    options_.clock = &clock_;
  }

  feed::Subscription Sub(const std::string& path) {
    feed::Subscription s;
    s.url = server_.Url(path);
    s.title = path;
    return s;
  }

  PollReport Poll(const std::vector<std::string>& paths) {
    std::vector<feed::Subscription> subs;
    for (const auto& p : paths) subs.push_back(Sub(p));
    return PollOnce(subs, dir_.File("pw.db"), rules_, options_);
  }

  store::FeedHealth Health(const std::string& path) {
    auto db = store::Store::Open(dir_.File("pw.db"), {.read_only = true});
    auto feeds = db->Feeds();
    EXPECT_TRUE(feeds.has_value());
    for (const auto& f : *feeds)
      if (f.url == server_.Url(path)) return f;
    ADD_FAILURE() << "no feed " << path;
    return {};
  }

  std::string NextPollIn(std::chrono::seconds d) { return FormatTimestamp(clock_.Now() + d); }

  TestServer server_;
  TempDir dir_;
  FakeClock clock_{kNow};
  std::shared_ptr<const extract::RuleSet> rules_;
  PollOptions options_;
};

TEST_F(Misbehaviour, A304WithBothValidatorsCostsNoParsing) {
  server_.Route("/feed", TestServer::Handler([](const TestServer::Request& req) {
                  const bool etag_matches =
                      req.headers.count("if-none-match") && req.headers.at("if-none-match") == "\"v7\"";
                  const bool date_matches =
                      req.headers.count("if-modified-since") &&
                      req.headers.at("if-modified-since") == "Thu, 21 Nov 2024 02:00:00 GMT";
                  if (etag_matches && date_matches) return TestServer::Response{.status = 304};
                  return TestServer::Response{
                      .body = Rss("Tin"),
                      .headers = {{"ETag", "\"v7\""}, {"Last-Modified", "Thu, 21 Nov 2024 02:00:00 GMT"}}};
                }));
  PollReport first = Poll({"/feed"});
  ASSERT_EQ(first.feeds[0].error, "");
  EXPECT_EQ(first.new_items(), 1);
  PollReport second = Poll({"/feed"});
  EXPECT_TRUE(second.feeds[0].not_modified);
  EXPECT_EQ(second.feeds[0].status, 304);
  EXPECT_EQ(second.new_items(), 0);
  const auto health = Health("/feed");
  EXPECT_EQ(health.etag.value_or(""), "\"v7\"");
  EXPECT_EQ(health.last_modified.value_or(""), "Thu, 21 Nov 2024 02:00:00 GMT");
  EXPECT_EQ(health.last_status, 304);
  EXPECT_EQ(health.items, 1);
  EXPECT_EQ(health.next_poll.value_or(""), NextPollIn(15min));
}

TEST_F(Misbehaviour, GzipFeedsAreReadAndAGzipBombIsStopped) {
  server_.Route("/gz", TestServer::Response{.body = TestServer::Gzip(Rss("Nén")),
                                            .headers = {{"Content-Encoding", "gzip"}}});
  server_.Route("/bomb", TestServer::Response{.body = TestServer::GzipZeros(64 << 20),
                                              .headers = {{"Content-Encoding", "gzip"}}});
  options_.fetch.max_inflated_bytes = 8 << 20;
  PollReport r = Poll({"/gz", "/bomb"});
  EXPECT_EQ(r.feeds[0].error, "");
  EXPECT_EQ(r.feeds[0].new_items, 1);
  EXPECT_EQ(Health("/gz").title, "/gz");  // the feeds file's title stays
  const auto bomb = Health("/bomb");
  EXPECT_NE(bomb.last_error.value_or("").find("inflated body over 8388608 bytes"), std::string::npos)
      << bomb.last_error.value_or("");
  EXPECT_EQ(bomb.consecutive_failures, 1);
}

TEST_F(Misbehaviour, A301MovesTheFeedAndA302DoesNot) {
  server_.Route("/old", TestServer::Response{.status = 301, .headers = {{"Location", "/new"}}});
  server_.Route("/new", TestServer::Response{.body = Rss("Mới", "", "new")});
  server_.Route("/temp", TestServer::Response{.status = 302, .headers = {{"Location", "/elsewhere"}}});
  server_.Route("/elsewhere", TestServer::Response{.body = Rss("Tạm", "", "elsewhere")});
  Poll({"/old", "/temp"});
  EXPECT_EQ(Health("/old").moved_to.value_or(""), server_.Url("/new"));
  EXPECT_FALSE(Health("/temp").moved_to.has_value());
  Poll({"/old", "/temp"});
  EXPECT_EQ(server_.Hits("/old"), 1);  // the second poll went straight to /new
  EXPECT_EQ(server_.Hits("/new"), 2);
  EXPECT_EQ(server_.Hits("/temp"), 2);  // a temporary redirect is asked again
  EXPECT_EQ(Health("/old").items, 1);
}

TEST_F(Misbehaviour, ARedirectLoopIsRecorded) {
  server_.Route("/a", TestServer::Response{.status = 302, .headers = {{"Location", "/b"}}});
  server_.Route("/b", TestServer::Response{.status = 302, .headers = {{"Location", "/a"}}});
  Poll({"/a"});
  EXPECT_NE(Health("/a").last_error.value_or("").find("redirect loop"), std::string::npos);
}

TEST_F(Misbehaviour, AStatusAfterARedirectSaysWhereItLed) {
  server_.Route("/moved-away", TestServer::Response{.status = 301, .headers = {{"Location", "/nowhere"}}});
  server_.Route("/nowhere", TestServer::Response{.status = 404});
  Poll({"/moved-away"});
  const auto moved = Health("/moved-away");
  EXPECT_EQ(moved.last_status, 404);
  EXPECT_EQ(moved.last_error.value_or(""), "HTTP 404 (Not Found) at " + server_.Url("/nowhere") + " (after 1 redirect)");
  EXPECT_FALSE(moved.moved_to.has_value());  // learnt from a good answer only
}

TEST_F(Misbehaviour, ErrorStatusesAreRecordedInWordsWithRetryAfterHonoured) {
  server_.Route("/gone", TestServer::Response{.status = 404});
  server_.Route("/broken", TestServer::Response{.status = 500});
  server_.Route("/busy", TestServer::Response{.status = 503, .headers = {{"Retry-After", "7200"}}});
  PollReport r = Poll({"/gone", "/broken", "/busy"});
  EXPECT_EQ(r.failed(), 3);
  const auto gone = Health("/gone");
  EXPECT_EQ(gone.last_status, 404);
  EXPECT_EQ(gone.last_error.value_or(""), "HTTP 404 (Not Found)");
  EXPECT_EQ(gone.next_poll.value_or(""), NextPollIn(15min));
  EXPECT_EQ(Health("/broken").last_error.value_or(""), "HTTP 500 (Internal Server Error)");
  const auto busy = Health("/busy");
  EXPECT_EQ(busy.last_status, 503);
  EXPECT_EQ(busy.last_error.value_or(""), "HTTP 503 (Service Unavailable); retry after 7200 s");
  EXPECT_EQ(busy.next_poll.value_or(""), NextPollIn(2h));  // Retry-After beats the 15 min backoff
}

TEST_F(Misbehaviour, BackoffDoublesWithEachFailureAndResetsOnSuccess) {
  bool healthy = false;
  server_.Route("/flaky", TestServer::Handler([&healthy](const TestServer::Request&) {
                  return healthy ? TestServer::Response{.body = Rss("Ổn")}
                                 : TestServer::Response{.status = 500};
                }));
  const std::chrono::seconds want[] = {15min, 30min, 1h, 2h, 4h};
  for (int i = 0; i < 5; ++i) {
    Poll({"/flaky"});
    const auto h = Health("/flaky");
    EXPECT_EQ(h.consecutive_failures, i + 1);
    EXPECT_EQ(h.next_poll.value_or(""), NextPollIn(want[i])) << "after failure " << i + 1;
    clock_.Advance(want[i]);
  }
  healthy = true;
  Poll({"/flaky"});
  const auto h = Health("/flaky");
  EXPECT_EQ(h.consecutive_failures, 0);
  EXPECT_EQ(h.last_error, std::nullopt);
  EXPECT_EQ(h.next_poll.value_or(""), NextPollIn(15min));
}

TEST_F(Misbehaviour, TtlAndCacheControlStretchTheInterval) {
  server_.Route("/ttl", TestServer::Response{.body = Rss("TTL", "<ttl>60</ttl>")});
  server_.Route("/cached", TestServer::Response{.body = Rss("Cache", "", "cached"),
                                                .headers = {{"Cache-Control", "max-age=7200"}}});
  Poll({"/ttl", "/cached"});
  EXPECT_EQ(Health("/ttl").next_poll.value_or(""), NextPollIn(1h));
  EXPECT_EQ(Health("/cached").next_poll.value_or(""), NextPollIn(2h));
}

TEST_F(Misbehaviour, StallingDrippingOversizedAndTruncatedBodiesAreCutAndRecorded) {
  server_.Route("/stall",
                TestServer::Response{.body = Rss("x"), .behavior = TestServer::Behavior::kStallAfterHeaders});
  server_.Route("/drip", TestServer::Response{.body = std::string(200, ' ') + Rss("x"),
                                              .behavior = TestServer::Behavior::kDrip,
                                              .drip_interval = 100ms});
  server_.Route("/big", TestServer::Response{.body = std::string(2 << 20, ' ')});
  server_.Route("/cut",
                TestServer::Response{.body = Rss("x"), .behavior = TestServer::Behavior::kCloseMidBody});
  options_.fetch.max_body_bytes = 1 << 20;
  // Margins wide enough for a loaded machine: the drip's 100 ms gaps stay
  // far under the stall limit, so only the deadline can cut it.
  options_.fetch.stall_timeout = 800ms;
  options_.fetch.total_timeout = 2s;
  PollReport r = Poll({"/stall", "/drip", "/big", "/cut"});
  EXPECT_EQ(r.failed(), 4);
  EXPECT_NE(Health("/stall").last_error.value_or("").find("timeout during reading the body"),
            std::string::npos)
      << Health("/stall").last_error.value_or("");
  EXPECT_NE(Health("/drip").last_error.value_or("").find("request deadline"), std::string::npos)
      << Health("/drip").last_error.value_or("");
  EXPECT_NE(Health("/big").last_error.value_or("").find("body over the size cap"), std::string::npos);
  EXPECT_NE(Health("/cut").last_error.value_or("").find("connection closed mid-body"), std::string::npos)
      << Health("/cut").last_error.value_or("");
  for (const char* path : {"/stall", "/drip", "/big", "/cut"}) {
    EXPECT_EQ(Health(path).last_status, 0) << path;  // no complete response
    EXPECT_EQ(Health(path).next_poll.value_or(""), NextPollIn(15min)) << path;
  }
}

TEST_F(Misbehaviour, AnHtmlPageIsNotAFeed) {
  server_.Route("/page",
                TestServer::Response{.body = "<!DOCTYPE html><html><head><title>Trang chủ</title></head>"
                                             "<body><p>Xin chào</p></body></html>",
                                     .content_type = "text/html; charset=utf-8"});
  Poll({"/page"});
  const auto h = Health("/page");
  EXPECT_EQ(h.last_status, 200);
  EXPECT_NE(h.last_error.value_or("").find("an HTML page, not a feed"), std::string::npos)
      << h.last_error.value_or("");
  EXPECT_EQ(h.consecutive_failures, 1);
}

TEST_F(Misbehaviour, ALatin1FeedIsDecoded) {
  // ISO-8859-1 bytes: é is 0xE9, è 0xE8, û 0xFB.
  const std::string latin1 =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
      "<title>Caf\xe9 du commerce</title><link>http://example.fr/</link>"
      "<item><title>Cr\xe8me br\xfbl\xe9\x65 et capital-risque</title><link>http://example.fr/1</link>"
      "<guid>fr-1</guid></item></channel></rss>";
  server_.Route("/latin1", TestServer::Response{.body = latin1,
                                                .content_type = "application/rss+xml; charset=ISO-8859-1"});
  PollReport r = Poll({"/latin1"});
  ASSERT_EQ(r.feeds[0].error, "");
  auto db = store::Store::Open(dir_.File("pw.db"), {.read_only = true});
  auto hits = db->Search({.query = "creme brulee"});
  ASSERT_OK(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].title, "Crème brûlée et capital-risque");
}

TEST_F(Misbehaviour, ASlowHostDoesNotHoldUpAnother) {
  // 127.0.0.1 and localhost are two hosts to the limits, one server here.
  options_.per_host = 1;
  options_.concurrency = 2;
  options_.fetch.stall_timeout =
      2s;  // the slow feed holds its slot far longer than the other host's whole poll
  options_.fetch.total_timeout = 3s;
  server_.Route("/slow",
                TestServer::Response{.body = Rss("x"), .behavior = TestServer::Behavior::kStallAfterHeaders});
  server_.Route("/fast", TestServer::Response{.body = Rss("Nhanh", "", "fast")});
  server_.Route("/other", TestServer::Response{.body = Rss("Khác", "", "other")});
  std::vector<feed::Subscription> subs = {Sub("/slow"), Sub("/fast"), Sub("/other")};
  subs[2].url = "http://localhost:" + std::to_string(server_.port()) + "/other";
  std::vector<std::string> order;
  PollOnce(subs, dir_.File("pw.db"), rules_, options_,
           [&order](int, int, const FeedResult& r) { order.push_back(r.url); });
  ASSERT_EQ(order.size(), 3u);
  // /fast shares the slow feed's host and waits for it; the other host does not.
  EXPECT_EQ(order[0], subs[2].url);
  EXPECT_EQ(order[1], subs[0].url);
  EXPECT_EQ(order[2], subs[1].url);
}

}  // namespace
}  // namespace pw::app
