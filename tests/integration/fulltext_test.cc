// Teasers get their article: the project's test server on 127.0.0.1 serves
// feeds whose items carry only a one-line teaser and link to article pages
// (tests/data/fulltext/: the seed press item in Vietnamese and English, with
// navigation, related links, share bars and comments around it) and a
// robots.txt; one poll fills a temporary SQLite file. The stored articles
// have the page's text and the funding record in both languages; robots.txt
// is obeyed and logged; requests to the host are spaced by the delay in
// force (read from the server's arrival times, not from a clock of ours); a
// page is fetched once; a slow page is cut by the poll's budget. Then the
// same with `serve`, in process.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include "app/daemon.h"
#include "app/feeds_file.h"
#include "app/poll.h"
#include "store/store.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

using namespace std::chrono_literals;
using pw::testing::ReadFile;
using pw::testing::SourceDir;
using pw::testing::TempDir;
using pw::testing::TestServer;
using pw::testing::WriteFile;

constexpr auto kHostDelay = 100ms;
constexpr auto kCrawlDelay = 250ms;  // robots.txt's, longer: it wins

const char* kViTitle = "NIC, GenAI Fund và AWS lần đầu tổ chức GenAI Open Innovation tại Việt Nam";
const char* kViTeaser =
    "Báo cáo của GenAI Fund cho thấy 92% các startup GenAI tại ASEAN tập trung vào mảng B2B.";
const char* kEnTitle = "NIC, GenAI Fund and AWS hold GenAI Open Innovation in Vietnam for the first time";
const char* kEnTeaser = "A report by GenAI Fund shows that 92% of GenAI startups in ASEAN focus on B2B.";

// An RSS item with a title, a link and a one-line description, nothing more.
std::string Item(const std::string& guid, const std::string& title, const std::string& link,
                 const std::string& teaser, const std::string& pub_date) {
  return "<item><title>" + title + "</title><link>" + link + "</link><guid isPermaLink=\"false\">" + guid +
         "</guid>" + (pub_date.empty() ? "" : "<pubDate>" + pub_date + "</pubDate>") + "<description>" +
         teaser + "</description></item>\n";
}

std::string Rss(const std::string& title, const std::string& language, const std::string& items) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + title +
         "</title><link>https://news.example/</link><language>" + language + "</language>\n" + items +
         "</channel></rss>\n";
}

struct StoredArticle {
  std::string url, title, summary, text, content, published, language;
  bool published_estimated = false;
};

// The articles table as stored, by URL (no query of the store returns the summary).
std::map<std::string, StoredArticle> ReadArticles(const std::string& db_path) {
  std::map<std::string, StoredArticle> out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    ADD_FAILURE() << "cannot open " << db_path;
    return out;
  }
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT url, title, summary, text, content, coalesce(published, ''), language, "
                     "published_estimated FROM articles",
                     -1, &s, nullptr);
  auto column = [&](int i) {
    const auto* p = sqlite3_column_text(s, i);
    return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
  };
  while (sqlite3_step(s) == SQLITE_ROW) {
    StoredArticle a{column(0), column(1), column(2), column(3), column(4), column(5), column(6)};
    a.published_estimated = sqlite3_column_int(s, 7) != 0;
    out[a.url] = a;
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class FullTextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto pages = SourceDir() / "tests/data/fulltext";
    server_.Route("/vi/genai-open-innovation.html",
                  TestServer::Response{.body = ReadFile(pages / "genai-open-innovation.vi.html"),
                                       .content_type = "text/html; charset=utf-8"});
    server_.Route("/en/genai-open-innovation.html",
                  TestServer::Response{.body = ReadFile(pages / "genai-open-innovation.en.html"),
                                       .content_type = "text/html; charset=UTF-8"});
    server_.Route("/members/bai-viet.html",
                  TestServer::Response{.body = "<html><body><p>Members only.</p></body></html>",
                                       .content_type = "text/html"});
    // Everyone else is kept out; our own group lets us in, except /members/.
    server_.Route("/robots.txt", TestServer::Response{.body = "User-agent: *\nDisallow: /\n\n"
                                                              "User-agent: presswatch\nDisallow: /members/\n"
                                                              "Crawl-delay: 0.25\n",
                                                      .content_type = "text/plain"});
    vi_page_ = server_.Url("/vi/genai-open-innovation.html");
    en_page_ = server_.Url("/en/genai-open-innovation.html");
    members_page_ = server_.Url("/members/bai-viet.html");
    ServeFeed("/vi.xml",
              Rss("Tin đổi mới sáng tạo", "vi",
                  Item("vi-genai", kViTitle, vi_page_, kViTeaser, "Thu, 21 Nov 2024 09:00:00 +0700") +
                      Item("vi-members", "Bài dành cho thành viên", members_page_,
                           "Nội dung dành cho thành viên.", "Thu, 21 Nov 2024 10:00:00 +0700")));
    // No pubDate: the page's article:published_time fills it in.
    ServeFeed("/en.xml", Rss("Innovation Wire", "en", Item("en-genai", kEnTitle, en_page_, kEnTeaser, "")));

    // The Vietnamese page is laid out as VnExpress lays out its articles;
    // this site rule reads it as rules/sites/vietnam.site reads VnExpress
    // (the English page, in another layout, falls to the generic extractor).
    std::filesystem::copy(SourceDir() / "rules", dir_.path() / "rules",
                          std::filesystem::copy_options::recursive);
    WriteFile(
        dir_.path() / "rules/sites/local-test.site",
        "site local-test\nhost: 127.0.0.1\nbody: article.fck_detail\nlead: p.description\n"
        "title: h1.title-detail\npublished: span.date\ndrop: figure, p.author_mail, .box-tinlienquanv2\n");
    auto rules = extract::RuleSet::Load(dir_.File("rules"));
    ASSERT_OK(rules);
    auto site_rules = LoadSiteRules(dir_.File("rules"));
    ASSERT_OK(site_rules);
    auto project_site_rules = LoadSiteRules((SourceDir() / "rules").string());
    ASSERT_OK(project_site_rules);
    ASSERT_EQ((*site_rules)->size(), (*project_site_rules)->size() + 1)
        << "the project's site rules and the test's";
    rules_ = *rules;
    options_.fetch.total_timeout = 10s;
    options_.site_rules = *site_rules;
    options_.log = Log::ToStream(log_, LogFormat::kText, LogLevel::kDebug);
    options_.fulltext.host_delay = kHostDelay;
    options_.fulltext.min_feed_chars = 400;  // the English feed is not marked pw:fulltext
  }

  void ServeFeed(const std::string& path, std::string body) {
    server_.Route(path, TestServer::Response{.body = std::move(body)});
  }

  void WriteFeeds(const std::string& outlines) {
    WriteFile(dir_.path() / "feeds.opml",
              "<opml version=\"2.0\" xmlns:pw=\"https://presswatch.dev/opml\"><body>\n" + outlines +
                  "</body></opml>\n");
  }

  std::string Outline(const std::string& title, const std::string& path, const std::string& attributes) {
    return "<outline text=\"" + title + "\" xmlUrl=\"" + server_.Url(path) + "\" " + attributes + "/>\n";
  }

  PollReport Poll() {
    return PollOnce(LoadFeedsFile(dir_.File("feeds.opml")), dir_.File("pw.db"), rules_, options_);
  }

  // The times the server read the requests for pages and robots.txt (the
  // feeds are the scheduler's, not subject to the per-host delay).
  std::vector<TestServer::Arrival> PageArrivals() const {
    std::vector<TestServer::Arrival> out;
    for (auto& a : server_.Arrivals())
      if (a.path.size() < 4 || a.path.compare(a.path.size() - 4, 4, ".xml") != 0) out.push_back(a);
    return out;
  }

  TestServer server_;
  TempDir dir_;
  std::shared_ptr<const extract::RuleSet> rules_;
  PollOptions options_;
  std::ostringstream log_;
  std::string vi_page_, en_page_, members_page_;
};

TEST_F(FullTextTest, ATeaserEndsUpStoredWithTheArticlesTextAndItsFundingInBothLanguages) {
  WriteFeeds(Outline("Tin (vi)", "/vi.xml", "pw:language=\"vi\" pw:fulltext=\"true\"") +
             Outline("Wire (en)", "/en.xml", "pw:language=\"en\""));
  const PollReport report = Poll();
  ASSERT_EQ(report.feeds.size(), 2u);
  EXPECT_EQ(report.failed(), 0) << report.feeds[0].error << report.feeds[1].error << log_.str();
  EXPECT_EQ(report.new_items(), 3);
  EXPECT_EQ(report.feeds[0].pages.fetched, 1);
  EXPECT_EQ(report.feeds[0].pages.disallowed, 1);
  EXPECT_EQ(report.feeds[1].pages.fetched, 1);
  EXPECT_EQ(server_.Hits("/robots.txt"), 1);  // once for the origin, then cached

  auto db = store::Store::Open(dir_.File("pw.db"), {.read_only = true});
  auto funding = db->Funding({.investee = "GenAI Fund", .each_report = true});  // one deal, a row per report
  ASSERT_OK(funding);
  ASSERT_EQ(funding->size(), 2u);
  std::set<std::string> languages;
  for (const auto& row : *funding) {
    languages.insert(row.language);
    // Read from the article, not from the teaser or the headline, which name no investment.
    EXPECT_TRUE(Contains(row.record.evidence, row.language == "vi" ? "Cũng tại sự kiện, Tập đoàn Sovico"
                                                                   : "Also at the event, Sovico Group"))
        << row.record.evidence;
    EXPECT_EQ(row.record.investors, std::vector<std::string>{"Sovico Group"});
    EXPECT_EQ(row.record.lead_investors, std::vector<std::string>{"Sovico Group"});
    EXPECT_EQ(row.record.round, "strategic");
    EXPECT_EQ(row.record.announced, "2024-11-21");
  }
  EXPECT_EQ(languages, (std::set<std::string>{"en", "vi"}));

  auto articles = ReadArticles(dir_.File("pw.db"));
  ASSERT_EQ(articles.size(), 3u);
  const StoredArticle& vi = articles[vi_page_];
  const StoredArticle& en = articles[en_page_];
  // The page's text, whole: the lead (a site rule's), the first and the last paragraph.
  EXPECT_TRUE(Contains(vi.text, std::string(kViTeaser) + "\n\nBáo cáo về hệ sinh thái trí tuệ nhân tạo"))
      << vi.text;
  EXPECT_TRUE(Contains(vi.text, "Galaxy Technology Services")) << vi.text;
  EXPECT_TRUE(Contains(vi.text, "bắt đầu từ Malaysia và Singapore trong Quý 1 năm 2025")) << vi.text;
  EXPECT_TRUE(Contains(en.text, "Look out for the next programmes")) << en.text;
  EXPECT_TRUE(Contains(en.text, "Participating companies included Sovico Group")) << en.text;
  // None of the page around it: navigation, related links, share bars,
  // newsletter box, comments, sidebar, footer, byline.
  for (const StoredArticle* a : {&vi, &en}) {
    for (const char* boilerplate :
         {"Trang chủ", "Startups", "Jungle Ventures", "Do Ventures", "Chia sẻ", "Share on", "Vingroup",
          "Subscribe", "Xem nhiều", "Recent posts", "Giấy phép", "All rights", "Ban biên tập", "Wire staff",
          "Leave a Reply", "Quảng cáo", "Advertisement"})
      EXPECT_FALSE(Contains(a->text, boilerplate)) << boilerplate << " in " << a->url;
  }
  // The teaser stays the summary; the page is the content shown.
  EXPECT_EQ(vi.summary, kViTeaser);
  EXPECT_EQ(en.summary, kEnTeaser);
  EXPECT_TRUE(Contains(en.content, "<p>Also at the event, Sovico Group")) << en.content;
  EXPECT_EQ(vi.title, kViTitle);
  // The English item had no date: the page's article:published_time.
  EXPECT_EQ(en.published, "2024-11-21T02:00:00Z");
  EXPECT_FALSE(en.published_estimated);
  EXPECT_EQ(vi.published, "2024-11-21T02:00:00Z");  // the feed's
  EXPECT_EQ(vi.language, "vi");
  EXPECT_EQ(en.language, "en");

  // Search reads the full text: a word of the page only, accent-free.
  auto hits = db->Search({.query = "galaxy technology services"});
  ASSERT_OK(hits);
  EXPECT_EQ(hits->size(), 2u);
  auto vingroup = db->Coverage({.entity = "Vingroup"});  // named only in a reader's comment
  ASSERT_OK(vingroup);
  EXPECT_EQ(vingroup->total, 0);
}

TEST_F(FullTextTest, RobotsTxtIsObeyedForOurAgentAndTheLogSaysWhy) {
  WriteFeeds(Outline("Tin (vi)", "/vi.xml", "pw:language=\"vi\" pw:fulltext=\"true\""));
  const PollReport report = Poll();
  ASSERT_EQ(report.new_items(), 2) << log_.str();
  // "User-agent: *" disallows everything, but our own group is the one obeyed.
  EXPECT_EQ(server_.Hits("/vi/genai-open-innovation.html"), 1);
  EXPECT_EQ(server_.Hits("/members/bai-viet.html"), 0);
  EXPECT_EQ(server_.LastRequest("/robots.txt").headers["user-agent"].rfind("presswatch/", 0), 0u);

  auto articles = ReadArticles(dir_.File("pw.db"));
  ASSERT_EQ(articles.count(members_page_), 1u);
  EXPECT_EQ(articles[members_page_].text, "Bài dành cho thành viên\n\nNội dung dành cho thành viên.");

  const std::string log = log_.str();
  EXPECT_TRUE(Contains(log, "robots.txt read url=" + server_.Url("/robots.txt") +
                                " status=200 agent=presswatch crawl_delay=0.25s host_delay=0.25s"))
      << log;
  EXPECT_TRUE(
      Contains(log, "page not fetched: robots.txt disallows it url=" + members_page_ + " agent=presswatch"))
      << log;
  EXPECT_TRUE(Contains(log, "article pages feed=" + server_.Url("/vi.xml") +
                                " fetched=1 cached=0 disallowed=1 failed=0 deferred=0 robots_fetches=1"))
      << log;
}

TEST_F(FullTextTest, RequestsToOneHostAreSpacedByTheDelayInForce) {
  WriteFeeds(Outline("Tin (vi)", "/vi.xml", "pw:language=\"vi\" pw:fulltext=\"true\"") +
             Outline("Wire (en)", "/en.xml", "pw:language=\"en\""));
  ASSERT_EQ(Poll().new_items(), 3);
  // robots.txt, then the two pages, one at a time: each request was read
  // by the server at least the Crawl-delay (longer than host_delay) after
  // the previous one, since it was sent at least that long after the
  // previous one ended.
  const auto arrivals = PageArrivals();
  ASSERT_EQ(arrivals.size(), 3u);
  EXPECT_EQ(arrivals[0].path, "/robots.txt");
  for (std::size_t i = 1; i < arrivals.size(); ++i)
    EXPECT_GE(arrivals[i].at - arrivals[i - 1].at, kCrawlDelay)
        << arrivals[i - 1].path << " then " << arrivals[i].path;
  // The wait shows in the log's per-feed lines.
  EXPECT_TRUE(Contains(log_.str(), "page fetched url=" + vi_page_)) << log_.str();
}

TEST_F(FullTextTest, APageIsFetchedOnceAcrossFeedsAndPolls) {
  // The same article in two feeds of the outlet, under another guid and a
  // tracking parameter.
  ServeFeed("/vi-latest.xml", Rss("Tin mới nhất", "vi",
                                  Item("latest-genai", kViTitle, vi_page_ + "?utm_source=rss", kViTeaser,
                                       "Thu, 21 Nov 2024 09:00:00 +0700")));
  WriteFeeds(Outline("Tin (vi)", "/vi.xml", "pw:language=\"vi\" pw:fulltext=\"true\"") +
             Outline("Tin mới nhất", "/vi-latest.xml", "pw:language=\"vi\" pw:fulltext=\"true\""));
  const PollReport first = Poll();
  EXPECT_EQ(first.failed(), 0);
  EXPECT_EQ(first.new_items(), 2);  // the article once, and the members' teaser
  EXPECT_EQ(server_.Hits("/vi/genai-open-innovation.html"), 1);

  // The feeds answer in full again (no validators): every item is read, and
  // no page is fetched: the items are stored, or another feed stored their URL.
  const PollReport second = Poll();
  EXPECT_EQ(second.new_items(), 0);
  EXPECT_EQ(server_.Hits("/vi/genai-open-innovation.html"), 1);
  EXPECT_EQ(server_.Hits("/robots.txt"), 1);  // the second PollOnce kept nothing in memory: it asked no page
  int asked = 0;
  for (const auto& f : second.feeds) asked += f.pages.asked();
  EXPECT_EQ(asked, 0);
}

TEST_F(FullTextTest, PagesLeftOverBudgetWaitForTheNextPollWhichReadsTheFeedWhole) {
  // The feed has validators: a poll that stored everything would get a 304 next.
  server_.Route("/vi.xml", TestServer::Handler([this](const TestServer::Request& req) {
                  auto it = req.headers.find("if-none-match");
                  if (it != req.headers.end() && it->second == "\"v1\"")
                    return TestServer::Response{.status = 304};
                  return TestServer::Response{.body = Rss("Tin đổi mới sáng tạo", "vi",
                                                          Item("vi-genai", kViTitle, vi_page_, kViTeaser,
                                                               "Thu, 21 Nov 2024 09:00:00 +0700")),
                                              .headers = {{"ETag", "\"v1\""}}};
                }));
  WriteFeeds(Outline("Tin (vi)", "/vi.xml", "pw:language=\"vi\" pw:fulltext=\"true\""));
  options_.fulltext.poll_budget = 0s;  // spent before the first page
  const PollReport starved = Poll();
  EXPECT_EQ(starved.failed(), 0);
  EXPECT_EQ(starved.new_items(), 0);
  EXPECT_EQ(starved.feeds[0].pages.deferred, 1);
  EXPECT_EQ(server_.Hits("/vi/genai-open-innovation.html"), 0);
  EXPECT_TRUE(ReadArticles(dir_.File("pw.db")).empty());

  options_.fulltext.poll_budget = 120s;
  const PollReport next = Poll();
  EXPECT_TRUE(server_.LastRequest("/vi.xml").headers.count("if-none-match") == 0);  // not conditional
  EXPECT_EQ(next.new_items(), 1);
  EXPECT_EQ(next.feeds[0].pages.fetched, 1);
  EXPECT_TRUE(Contains(ReadArticles(dir_.File("pw.db"))[vi_page_].text, "Galaxy Technology Services"));
}

TEST_F(FullTextTest, ASlowPageIsCutByThePollsBudgetAndTheItemWaits) {
  server_.Route("/slow.html", TestServer::Response{.behavior = TestServer::Behavior::kNoResponse});
  ServeFeed("/slow.xml",
            Rss("Slow", "en", Item("slow", "A slow page", server_.Url("/slow.html"), "A teaser.", "")));
  WriteFeeds(Outline("Slow", "/slow.xml", "pw:fulltext=\"true\""));
  options_.fulltext.poll_budget = 1s;  // the fetch's own limits are 10 s
  const PollReport report = Poll();
  ASSERT_EQ(report.feeds.size(), 1u);
  EXPECT_EQ(report.failed(), 0) << report.feeds[0].error;
  EXPECT_EQ(report.feeds[0].pages.deferred, 1);
  EXPECT_EQ(report.new_items(), 0);
  EXPECT_EQ(server_.Hits("/slow.html"), 1);
}

TEST_F(FullTextTest, ServeFetchesTheArticlesBehindTeasersToo) {
  WriteFeeds(Outline("Tin (vi)", "/vi.xml", "pw:language=\"vi\" pw:fulltext=\"true\"") +
             Outline("Wire (en)", "/en.xml", "pw:language=\"en\""));
  Config config;
  config.db = dir_.File("pw.db");
  config.feeds = dir_.File("feeds.opml");
  config.rules = dir_.File("rules");
  config.listen = "127.0.0.1:0";
  config.workers = 2;
  config.fetch.total_timeout = 10s;
  config.fulltext = options_.fulltext;

  std::mutex mu;
  std::condition_variable cv;
  int polled = 0;
  Daemon::Options daemon_options;
  daemon_options.handle_signals = false;
  daemon_options.on_polled = [&](const FeedResult&) {
    std::lock_guard<std::mutex> lock(mu);
    ++polled;
    cv.notify_all();
  };
  std::ostringstream log;
  Daemon daemon(config, Log::ToStream(log, LogFormat::kText, LogLevel::kInfo), daemon_options);
  std::thread thread([&] { daemon.Run(); });
  {
    std::unique_lock<std::mutex> lock(mu);
    EXPECT_TRUE(cv.wait_for(lock, 60s, [&] { return polled == 2; }));  // a failure bound, not a speed target
  }
  daemon.RequestStop();
  thread.join();

  auto db = store::Store::Open(config.db, {.read_only = true});
  auto funding = db->Funding({.investee = "GenAI Fund", .each_report = true});  // one deal, a row per report
  ASSERT_OK(funding);
  EXPECT_EQ(funding->size(), 2u);
  EXPECT_TRUE(Contains(log.str(), "robots.txt read url=" + server_.Url("/robots.txt"))) << log.str();
  EXPECT_TRUE(Contains(log.str(), "page not fetched: robots.txt disallows it url=" + members_page_))
      << log.str();
}

TEST_F(FullTextTest, AStopCancelsAPageInFlightAndItsItemWaitsForTheNextStart) {
  std::mutex mu;
  std::condition_variable cv;
  bool asked = false;
  server_.Route("/slow.html", TestServer::Handler([&](const TestServer::Request&) {
                  std::lock_guard<std::mutex> lock(mu);
                  asked = true;
                  cv.notify_all();
                  return TestServer::Response{.behavior = TestServer::Behavior::kNoResponse};
                }));
  ServeFeed("/slow.xml",
            Rss("Slow", "en", Item("slow", "A slow page", server_.Url("/slow.html"), "A teaser.", "")));
  WriteFeeds(Outline("Slow", "/slow.xml", "pw:fulltext=\"true\""));
  Config config;
  config.db = dir_.File("pw.db");
  config.feeds = dir_.File("feeds.opml");
  config.rules = dir_.File("rules");
  config.listen = "127.0.0.1:0";
  config.workers = 2;
  config.fetch.total_timeout = 60s;  // only the stop can end the page's request
  config.fulltext = options_.fulltext;
  std::vector<FeedResult> polled;
  Daemon::Options daemon_options;
  daemon_options.handle_signals = false;
  daemon_options.on_polled = [&](const FeedResult& r) {
    std::lock_guard<std::mutex> lock(mu);
    polled.push_back(r);
  };
  std::ostringstream log;
  Daemon daemon(config, Log::ToStream(log, LogFormat::kText, LogLevel::kInfo), daemon_options);
  std::thread thread([&] { daemon.Run(); });
  {
    std::unique_lock<std::mutex> lock(mu);
    EXPECT_TRUE(cv.wait_for(lock, 60s, [&] { return asked; }));  // a failure bound
  }
  daemon.RequestStop();
  thread.join();  // within the daemon's stop grace: the page's request was cancelled

  // The poll past its feed's fetch finished and was recorded; the item was not stored.
  ASSERT_EQ(polled.size(), 1u);
  EXPECT_EQ(polled[0].error, "");
  EXPECT_EQ(polled[0].pages.deferred, 1);
  EXPECT_EQ(polled[0].new_items, 0);
  EXPECT_TRUE(ReadArticles(config.db).empty());
  EXPECT_FALSE(Contains(log.str(), "abandoning")) << log.str();
}

TEST_F(FullTextTest, SiteRulesReloadWithTheRulesAndABrokenOneKeepsBoth) {
  WriteFeeds(Outline("Tin (vi)", "/vi.xml", "pw:language=\"vi\" pw:fulltext=\"true\""));
  Config config;
  config.db = dir_.File("pw.db");
  config.feeds = dir_.File("feeds.opml");
  config.rules = dir_.File("rules");
  config.listen = "127.0.0.1:0";
  config.workers = 2;
  config.fulltext = options_.fulltext;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<bool> reloads;
  Daemon::Options daemon_options;
  daemon_options.handle_signals = false;
  daemon_options.on_reloaded = [&](bool rules, bool) {
    std::lock_guard<std::mutex> lock(mu);
    reloads.push_back(rules);
    cv.notify_all();
  };
  std::ostringstream log;
  Daemon daemon(config, Log::ToStream(log, LogFormat::kText, LogLevel::kInfo), daemon_options);
  std::thread thread([&] { daemon.Run(); });
  auto reload = [&](std::size_t n) {
    daemon.RequestReload();
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, 60s, [&] { return reloads.size() == n; });  // a failure bound
  };
  WriteFile(dir_.path() / "rules/sites/zz-broken.site", "site broken\nhost: example.vn\nbody: article + p\n");
  EXPECT_TRUE(reload(1));
  std::filesystem::remove(dir_.path() / "rules/sites/zz-broken.site");
  EXPECT_TRUE(reload(2));
  daemon.RequestStop();
  thread.join();
  EXPECT_EQ(reloads, (std::vector<bool>{false, true}));
  EXPECT_TRUE(
      Contains(log.str(), "rules not reloaded, keeping the old ones error=\"" + dir_.File("rules") +
                              "/sites/zz-broken.site:3: body: column 9: the sibling combinator '+' is "
                              "not supported\""))
      << log.str();
  EXPECT_TRUE(Contains(log.str(), "rules reloaded rules=")) << log.str();
}

}  // namespace
}  // namespace pw::app
