// The article page behind a teaser, against the project's test server on
// 127.0.0.1: the cache, robots.txt (read once, obeyed, an unreachable one
// keeping the site out), errors that are final, the address guard, the
// budget; and the two small pieces under it, the per-host turns and the
// page cache.
#include "app/page_fetcher.h"

#include <gtest/gtest.h>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <sstream>

#include "app/host_politeness.h"
#include "app/page_cache.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using pw::testing::TestServer;
using Kind = PageOutcome::Kind;
using Steady = std::chrono::steady_clock;

const char* kArticle =
    "<!DOCTYPE html><html lang=\"vi\"><head><title>Quỹ GenAI</title>"
    "<meta property=\"article:published_time\" content=\"2024-11-21T09:00:00+07:00\"></head><body>"
    "<nav><a href=\"/\">Trang chủ</a> <a href=\"/kinh-doanh\">Kinh doanh</a></nav>"
    "<article><h1>Sovico đầu tư vào Quỹ GenAI</h1>"
    "<p>Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI, quỹ đầu tư mạo hiểm đầu tiên tại "
    "ASEAN "
    "tập trung vào AI tạo sinh, tại sự kiện GenAI Open Innovation.</p>"
    "<p>Quan hệ hợp tác này sẽ thúc đẩy sự hợp tác giữa doanh nghiệp và startup, theo bà Laura Nguyễn, Giám "
    "đốc "
    "Quỹ GenAI Fund.</p></article></body></html>";

class PageFetcherTest : public ::testing::Test {
 protected:
  PageFetcherTest() {
    server_.Route("/a.html",
                  TestServer::Response{.body = kArticle, .content_type = "text/html; charset=utf-8"});
    fetch::FetchOptions fetch_options;
    fetch_options.total_timeout = 10s;
    fetcher_ = std::make_unique<fetch::Fetcher>(loop_.get_executor(), fetch_options);
    options_.host_delay = 10ms;
  }
  ~PageFetcherTest() override { pool_.join(); }

  PageFetcher& Pages() {
    if (!pages_)
      pages_ =
          std::make_unique<PageFetcher>(loop_.get_executor(), *fetcher_, pool_.get_executor(), nullptr,
                                        Log::ToStream(log_, LogFormat::kText, LogLevel::kDebug), options_);
    return *pages_;
  }

  // One Get, run to its end on the test's loop.
  PageOutcome Get(const std::string& path, bool from_public_page = false,
                  Steady::time_point deadline = Steady::now() + 30s) {
    std::string url = server_.Url(path);
    PageOutcome out;
    asio::co_spawn(loop_, Pages().Get(std::move(url), from_public_page, deadline),
                   [&out](std::exception_ptr e, PageOutcome o) {
                     if (e) std::rethrow_exception(e);
                     out = std::move(o);
                   });
    loop_.restart();
    loop_.run();
    return out;
  }

  TestServer server_;
  asio::io_context loop_;
  asio::thread_pool pool_{1};
  std::unique_ptr<fetch::Fetcher> fetcher_;
  std::ostringstream log_;
  FullTextOptions options_;
  std::unique_ptr<PageFetcher> pages_;
};

TEST_F(PageFetcherTest, ReadsAPageOnceThenServesItFromTheCache) {
  const PageOutcome first = Get("/a.html");
  ASSERT_EQ(first.kind, Kind::kFetched) << first.reason;
  ASSERT_TRUE(first.page);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.robots_status, 404);  // no robots.txt: everything allowed
  EXPECT_EQ(first.page->url, server_.Url("/a.html"));
  EXPECT_EQ(first.page->content.language, "vi");
  EXPECT_EQ(first.page->content.published, "2024-11-21T09:00:00+07:00");
  ASSERT_EQ(first.page->content.paragraphs.size(), 2u);
  EXPECT_EQ(first.page->content.paragraphs[0].rfind("Tập đoàn Sovico đã công bố", 0), 0u);

  const PageOutcome again = Get("/a.html?utm_source=rss");  // the same page, canonically
  EXPECT_EQ(again.kind, Kind::kCached);
  EXPECT_EQ(again.page, first.page);
  EXPECT_FALSE(again.robots_status.has_value());
  EXPECT_EQ(server_.Hits("/a.html"), 1);
  EXPECT_EQ(server_.Hits("/robots.txt"), 1);
  EXPECT_NE(
      log_.str().find("robots.txt read url=" + server_.Url("/robots.txt") + " status=404 agent=presswatch"),
      std::string::npos)
      << log_.str();
}

TEST_F(PageFetcherTest, ObeysRobotsTxtAndReadsItOncePerSite) {
  server_.Route("/robots.txt", TestServer::Response{.body = "User-agent: presswatch\nDisallow: /private\n",
                                                    .content_type = "text/plain"});
  server_.Route("/private.html", TestServer::Response{.body = kArticle, .content_type = "text/html"});
  const PageOutcome disallowed = Get("/private.html");
  EXPECT_EQ(disallowed.kind, Kind::kDisallowed);
  EXPECT_EQ(disallowed.reason, "robots.txt disallows it for presswatch");
  EXPECT_EQ(Get("/a.html").kind, Kind::kFetched);
  EXPECT_EQ(server_.Hits("/private.html"), 0);
  EXPECT_EQ(server_.Hits("/robots.txt"), 1);
  EXPECT_NE(log_.str().find("page not fetched: robots.txt disallows it url=" + server_.Url("/private.html")),
            std::string::npos)
      << log_.str();
}

TEST_F(PageFetcherTest, ARobotsTxtThatDoesNotAnswerKeepsTheSiteOutUntilItsRetry) {
  server_.Route("/robots.txt",
                TestServer::Response{.status = 503, .body = "busy", .content_type = "text/plain"});
  const PageOutcome first = Get("/a.html");
  EXPECT_EQ(first.kind, Kind::kDisallowed);
  EXPECT_EQ(first.reason, "robots.txt unreachable (status 503): the site is not crawled");
  EXPECT_EQ(Get("/a.html").kind, Kind::kDisallowed);  // kept for robots_retry: not asked again
  EXPECT_EQ(server_.Hits("/robots.txt"), 1);
  EXPECT_EQ(server_.Hits("/a.html"), 0);
  EXPECT_NE(log_.str().find("robots.txt unreachable: no page of this site is fetched until it answers"),
            std::string::npos)
      << log_.str();
}

TEST_F(PageFetcherTest, ErrorsAndPagesThatAreNotHtmlAreFinal) {
  server_.Route("/report.pdf", TestServer::Response{.body = "%PDF-1.4", .content_type = "application/pdf"});
  const PageOutcome missing = Get("/missing.html");
  EXPECT_EQ(missing.kind, Kind::kFailed);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.reason, "HTTP 404 (Not Found)");
  const PageOutcome pdf = Get("/report.pdf");
  EXPECT_EQ(pdf.kind, Kind::kFailed);
  EXPECT_EQ(pdf.reason, "not an HTML page (application/pdf)");
  EXPECT_FALSE(pdf.page);
  EXPECT_NE(log_.str().find("page not used url=" + server_.Url("/report.pdf")), std::string::npos)
      << log_.str();
}

TEST_F(PageFetcherTest, ALinkFromAPublicPageMayNotLeadToLoopback) {
  const PageOutcome refused = Get("/a.html", /*from_public_page=*/true);
  EXPECT_EQ(refused.kind, Kind::kFailed);
  EXPECT_NE(refused.reason.find("a public address led to 127.0.0.1 (loopback)"), std::string::npos)
      << refused.reason;
  EXPECT_EQ(server_.Hits("/robots.txt"), 0);  // refused before anything was sent
  EXPECT_EQ(server_.Hits("/a.html"), 0);
}

TEST_F(PageFetcherTest, APageIsDeferredWhenItsBudgetIsSpentOrItsHostsTurnComesTooLate) {
  const PageOutcome late = Get("/a.html", false, Steady::now());
  EXPECT_EQ(late.kind, Kind::kDeferred);
  EXPECT_EQ(server_.Hits("/robots.txt") + server_.Hits("/a.html"), 0);
  // A Crawl-delay longer than what is left of the budget: robots.txt is
  // read, the page waits for the next poll.
  server_.Route("/robots.txt", TestServer::Response{.body = "User-agent: *\nCrawl-delay: 30\n",
                                                    .content_type = "text/plain"});
  const PageOutcome waits = Get("/a.html", false, Steady::now() + 5s);
  EXPECT_EQ(waits.kind, Kind::kDeferred);
  EXPECT_EQ(waits.reason.rfind("the pause at 127.0.0.1 ends after the deadline", 0), 0u) << waits.reason;
  EXPECT_EQ(server_.Hits("/a.html"), 0);
}

TEST_F(PageFetcherTest, AStalledPageIsCutAtTheDeadlineAndDeferred) {
  server_.Route("/stall.html", TestServer::Response{.behavior = TestServer::Behavior::kNoResponse});
  const PageOutcome stalled = Get("/stall.html", false, Steady::now() + 500ms);
  EXPECT_EQ(stalled.kind, Kind::kDeferred);
  EXPECT_NE(stalled.reason.find("request deadline"), std::string::npos) << stalled.reason;
}

// --- HostPoliteness --------------------------------------------------------

class PolitenessTest : public ::testing::Test {
 protected:
  // Runs `coroutine` on the loop until it and everything it started end.
  template <class Awaitable>
  void Run(Awaitable coroutine) {
    asio::co_spawn(loop_, std::move(coroutine), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
    loop_.restart();
    loop_.run();
  }

  asio::io_context loop_;
  HostPoliteness politeness_{loop_.get_executor()};
};

// Takes a turn at "a.vn", notes when, holds it for `hold`, notes when it
// ends the turn. The end is noted just before End(), not in the spawn's
// completion handler, which may run later on a loaded machine.
asio::awaitable<void> Visit(HostPoliteness& politeness, int id,
                            std::vector<std::pair<int, Steady::time_point>>& log,
                            std::vector<Steady::time_point>& ends, std::chrono::milliseconds hold) {
  auto turn = co_await politeness.Wait("a.vn", 40ms, Steady::now() + 10s);
  if (!turn) co_return;
  log.emplace_back(id, Steady::now());
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(hold);
  co_await timer.async_wait(asio::use_awaitable);
  ends.push_back(Steady::now());
  turn->End();
}

asio::awaitable<void> ThreeVisits(HostPoliteness& politeness,
                                  std::vector<std::pair<int, Steady::time_point>>& log,
                                  std::vector<Steady::time_point>& ends) {
  auto executor = co_await asio::this_coro::executor;
  for (int id = 0; id < 3; ++id)
    asio::co_spawn(executor, Visit(politeness, id, log, ends, 20ms), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
  co_return;
}

TEST_F(PolitenessTest, OneRequestAtATimeInTheOrderAskedWithThePauseAfterEach) {
  std::vector<std::pair<int, Steady::time_point>> starts;
  std::vector<Steady::time_point> ends;
  Run(ThreeVisits(politeness_, starts, ends));
  ASSERT_EQ(starts.size(), 3u);
  ASSERT_EQ(ends.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(starts[static_cast<std::size_t>(i)].first, i);
  // Each turn starts at least the delay after the previous one ended (it
  // held its turn for 20 ms): the lower bounds timers guarantee.
  for (std::size_t i = 1; i < 3; ++i) EXPECT_GE(starts[i].second - ends[i - 1], 40ms);
}

asio::awaitable<void> HoldAndAsk(HostPoliteness& politeness, std::vector<std::string>& results) {
  auto held = co_await politeness.Wait("a.vn", 0ms, Steady::now() + 10s);
  results.push_back(held ? "held" : held.error().message);
  // Another request cannot get a turn before its deadline while this one holds it.
  auto late = co_await politeness.Wait("a.vn", 0ms, Steady::now() + 20ms);
  results.push_back(late ? "turn" : late.error().message);
  held->End();
  auto next = co_await politeness.Wait("a.vn", 0ms, Steady::now() + 10s);
  results.push_back(next ? "turn" : next.error().message);
}

TEST_F(PolitenessTest, AWaitGivesUpAtItsDeadlineAndLeavesTheLine) {
  std::vector<std::string> results;
  Run(HoldAndAsk(politeness_, results));
  EXPECT_EQ(results, (std::vector<std::string>{
                         "held", "no turn at a.vn before the deadline (requests ahead in line)", "turn"}));
}

asio::awaitable<void> WaitBehind(HostPoliteness& politeness, std::string& result) {
  auto turn = co_await politeness.Wait("a.vn", 0ms, Steady::now() + 10s);
  result = turn ? "turn" : turn.error().message;
}

asio::awaitable<void> CancelAWaiter(HostPoliteness& politeness, std::string& result, std::string& after) {
  auto executor = co_await asio::this_coro::executor;
  auto held = co_await politeness.Wait("a.vn", 0ms, Steady::now() + 10s);
  asio::cancellation_signal cancel;
  asio::co_spawn(executor, WaitBehind(politeness, result),
                 asio::bind_cancellation_slot(cancel.slot(), [](std::exception_ptr e) {
                   if (e) std::rethrow_exception(e);
                 }));
  asio::steady_timer timer(executor);
  timer.expires_after(10ms);
  co_await timer.async_wait(asio::use_awaitable);
  cancel.emit(asio::cancellation_type::terminal);  // as at shutdown
  timer.expires_after(10ms);
  co_await timer.async_wait(asio::use_awaitable);
  held->End();
  // Nobody is left in line: the next request goes at once.
  auto next = co_await politeness.Wait("a.vn", 0ms, Steady::now() + 50ms);
  after = next ? "turn" : next.error().message;
}

TEST_F(PolitenessTest, ACancelledWaitLeavesTheLine) {
  std::string result, after;
  Run(CancelAWaiter(politeness_, result, after));
  EXPECT_EQ(result, "cancelled while waiting for a turn at a.vn");
  EXPECT_EQ(after, "turn");
}

// --- PageCache -------------------------------------------------------------

std::shared_ptr<const ArticlePage> PageOf(std::size_t bytes) {
  auto page = std::make_shared<ArticlePage>();
  page->content.paragraphs = {std::string(bytes, 'x')};
  return page;
}

TEST(PageCache, KeepsTheMostRecentlyUsedWithinItsBytes) {
  PageCache cache(64 * 1024);
  cache.Put("a", PageOf(3000));
  cache.Put("b", PageOf(3000));
  ASSERT_TRUE(cache.Get("a"));  // a is now the most recent
  for (int i = 0; i < 40; ++i) cache.Put(std::string("n").append(std::to_string(i)), PageOf(3000));
  EXPECT_LE(cache.bytes(), 64u * 1024u);
  EXPECT_FALSE(cache.Get("b"));
  EXPECT_TRUE(cache.Get("n39"));
  cache.Put("huge", PageOf(20000));  // over an eighth of the cache: not kept
  EXPECT_FALSE(cache.Get("huge"));
}

}  // namespace
}  // namespace pw::app
