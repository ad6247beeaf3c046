// The daemon in-process, against the project's test server on 127.0.0.1:
// it polls while it answers the API, reloads on request as on SIGHUP, and
// stops cleanly with a fetch in flight. Waits are on the daemon's own
// callbacks, each bounded so that a hang fails instead of blocking.
#include "app/daemon.h"

#include <gtest/gtest.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "store/store.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;
using pw::testing::ReadFile;
using pw::testing::SourceDir;
using pw::testing::TempDir;
using pw::testing::TestServer;
using pw::testing::WriteFile;

constexpr auto kBound = 60s;  // a failure bound, never a speed target

// Things the daemon's callbacks report, waited on from the test thread.
class Events {
 public:
  void Polled(const FeedResult& r) {
    std::lock_guard<std::mutex> lock(mu_);
    polled_.push_back(r);
    cv_.notify_all();
  }
  void Reloaded(bool rules, bool feeds) {
    std::lock_guard<std::mutex> lock(mu_);
    reloads_.emplace_back(rules, feeds);
    cv_.notify_all();
  }
  void Alerted(const AlertReport& r) {
    std::lock_guard<std::mutex> lock(mu_);
    written_ += r.written;
    posted_ += r.posted;
    cv_.notify_all();
  }
  void Hit(const std::string& what) {
    std::lock_guard<std::mutex> lock(mu_);
    hits_.push_back(what);
    cv_.notify_all();
  }
  // Waits until `done()` holds (called under the lock); false after kBound.
  template <class F>
  bool WaitFor(F done) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, kBound, done);
  }
  int PolledCount(const std::string& url) {
    int n = 0;
    for (const auto& r : polled_) n += r.url == url;
    return n;
  }
  std::vector<std::pair<bool, bool>> reloads_;
  std::vector<std::string> hits_;
  int written_ = 0, posted_ = 0;  // alerts, over every round

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<FeedResult> polled_;
};

struct HttpResult {
  int status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased

  std::string Header(std::string_view name) const {
    for (const auto& [n, v] : headers)
      if (n == name) return v;
    return {};
  }
};

HttpResult Get(const std::string& url) {
  fetch::FetchRequest request{.url = url};
  auto r = fetch::FetchBlocking(std::move(request), fetch::FetchOptions{});
  if (!r) return {0, r.error().message, {}};
  return {r->status, r->body, r->headers};
}

// Bytes as they are, for requests our own client would refuse to send.
std::string RawExchange(unsigned short port, const std::string& request) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  timeval bound{10, 0};  // a failure bound: the server closes long before
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &bound, sizeof bound);
  boost::asio::write(socket, boost::asio::buffer(request));
  std::string response;
  boost::system::error_code ec;
  char buf[4096];
  for (std::size_t n; (n = socket.read_some(boost::asio::buffer(buf), ec)) > 0 || !ec;)
    response.append(buf, n);
  return response;
}

class DaemonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto demo = SourceDir() / "feeds/demo";
    server_.Route("/vi.xml", TestServer::Response{.body = ReadFile(demo / "genai.vi.xml")});
    server_.Route("/en.xml", TestServer::Response{.body = ReadFile(demo / "genai.en.xml")});
    server_.Route("/stall", TestServer::Handler([this](const TestServer::Request&) {
                    events_.Hit("/stall");
                    return TestServer::Response{.behavior = TestServer::Behavior::kNoResponse};
                  }));
    std::filesystem::copy(SourceDir() / "rules", dir_.path() / "rules",
                          std::filesystem::copy_options::recursive);
    config_.db = dir_.File("pw.db");
    config_.feeds = dir_.File("feeds.opml");
    config_.rules = dir_.File("rules");
    config_.listen = "127.0.0.1:0";
    config_.workers = 2;
    options_.handle_signals = false;
    options_.on_polled = [this](const FeedResult& r) { events_.Polled(r); };
    options_.on_reloaded = [this](bool rules, bool feeds) { events_.Reloaded(rules, feeds); };
  }

  void WriteFeeds(const std::vector<std::string>& paths) {
    std::string opml = "<opml version=\"2.0\"><body>\n";
    for (const auto& p : paths) opml += "<outline text=\"" + p + "\" xmlUrl=\"" + server_.Url(p) + "\"/>\n";
    WriteFile(config_.feeds, opml + "</body></opml>\n");
  }

  // Starts the daemon on its own thread; Stop() joins it.
  void Start() {
    daemon_ =
        std::make_unique<Daemon>(config_, Log::ToStream(log_, LogFormat::kText, LogLevel::kInfo), options_);
    thread_ = std::thread([this] { exit_code_ = daemon_->Run(); });
  }

  void Stop() {
    daemon_->RequestStop();
    thread_.join();
  }

  void TearDown() override {
    if (thread_.joinable()) Stop();
  }

  std::string Api(const std::string& path_and_query) { return daemon_->url() + path_and_query; }

  TestServer server_;
  TempDir dir_;
  Config config_;
  Daemon::Options options_;
  Events events_;
  std::ostringstream log_;  // written by the daemon's thread; read after Stop()
  std::unique_ptr<Daemon> daemon_;
  std::thread thread_;
  int exit_code_ = -1;
};

TEST_F(DaemonTest, AnswersTheApiWhilePollingAndStopsCleanlyWithAFetchInFlight) {
  WriteFeeds({"/vi.xml", "/en.xml", "/stall"});
  Start();
  const std::string vi = server_.Url("/vi.xml"), en = server_.Url("/en.xml");
  ASSERT_TRUE(events_.WaitFor([&] {
    return events_.PolledCount(vi) == 1 && events_.PolledCount(en) == 1 && !events_.hits_.empty();
  }));

  // The /stall fetch is still in flight while all of this is answered.
  HttpResult health = Get(Api("/healthz"));
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(json::parse(health.body).at("status"), "ok");

  HttpResult funding = Get(Api("/api/funding?investee=genai%20fund"));
  ASSERT_EQ(funding.status, 200) << funding.body;
  const json::array rows = json::parse(funding.body).as_array();
  ASSERT_EQ(rows.size(), 1u);  // one deal: the Vietnamese item and the English one report it
  EXPECT_EQ(rows[0].at("reports"), 2);
  EXPECT_EQ(rows[0].at("investors").at(0), "Sovico Group");
  EXPECT_EQ(rows[0].at("round"), "strategic");

  // The API mirrors the commands: every report of the deal, a currency, a limit.
  HttpResult reports = Get(Api("/api/funding?investee=genai%20fund&each-report"));
  ASSERT_EQ(reports.status, 200) << reports.body;
  const json::value report_rows = json::parse(reports.body);
  ASSERT_EQ(report_rows.as_array().size(), 2u);  // the Vietnamese item and the English one
  std::set<std::string> languages;
  for (const auto& row : report_rows.as_array())
    languages.insert(std::string(row.at("language").as_string()));
  EXPECT_EQ(languages, (std::set<std::string>{"en", "vi"}));
  EXPECT_EQ(json::parse(Get(Api("/api/funding?investee=genai%20fund&each-report=true&limit=1")).body)
                .as_array()
                .size(),
            1u);
  EXPECT_TRUE(json::parse(Get(Api("/api/funding?investee=genai%20fund&currency=eur")).body).as_array().empty());
  HttpResult entities = Get(Api("/api/entities?type=ORG&top=3"));
  ASSERT_EQ(entities.status, 200) << entities.body;
  const json::array orgs = json::parse(entities.body).as_array();
  ASSERT_FALSE(orgs.empty());
  EXPECT_LE(orgs.size(), 3u);
  for (const auto& e : orgs) EXPECT_EQ(e.at("type"), "ORG");

  HttpResult search = Get(Api("/api/search?q=dau%20tu%20chien%20luoc&limit=5"));
  ASSERT_EQ(search.status, 200) << search.body;
  ASSERT_FALSE(json::parse(search.body).as_array().empty());
  EXPECT_TRUE(json::parse(search.body).at(0).as_object().contains("snippet"));

  HttpResult coverage = Get(Api("/api/coverage?entity=Qu%E1%BB%B9%20GenAI"));  // "Quỹ GenAI"
  ASSERT_EQ(coverage.status, 200) << coverage.body;
  EXPECT_EQ(json::parse(coverage.body).at("total"), 2);

  HttpResult feeds = Get(Api("/api/feeds"));
  ASSERT_EQ(feeds.status, 200) << feeds.body;
  EXPECT_EQ(json::parse(feeds.body).as_array().size(), 3u);

  HttpResult metrics = Get(Api("/metrics"));
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("presswatch_fetches_total{status=\"200\"} 2\n"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("presswatch_polls_in_flight 1\n"), std::string::npos);
  EXPECT_NE(metrics.body.find("presswatch_new_items_total 2\n"), std::string::npos);
  EXPECT_NE(metrics.body.find("presswatch_loop_lag_seconds_count"), std::string::npos);

  Stop();
  EXPECT_EQ(exit_code_, 0);
  // The cancelled fetch is not a failure of the feed: nothing was recorded,
  // so the next start polls it at once.
  auto db = store::Store::Open(config_.db, {.read_only = true});
  for (const auto& f : *db->Feeds()) {
    if (f.url == server_.Url("/stall")) {
      EXPECT_EQ(f.consecutive_failures, 0);
      EXPECT_FALSE(f.last_fetch.has_value());
    } else {
      EXPECT_EQ(f.items, 1) << f.url;
      EXPECT_TRUE(f.next_poll.has_value()) << f.url;
    }
  }
  const std::string log = log_.str();
  EXPECT_NE(log.find("listening on http://127.0.0.1:"), std::string::npos) << log;
  EXPECT_NE(log.find("stopping reason=\"stop requested\" polls_in_flight=1"), std::string::npos) << log;
  EXPECT_NE(log.find("stopped polls=2"), std::string::npos) << log;
}

TEST_F(DaemonTest, BadApiParametersGetA400WithAJsonError) {
  WriteFeeds({"/vi.xml"});
  Start();
  struct Case {
    const char* target;
    int status;
    const char* error;
  } cases[] = {
      {"/api/search", 400, "q: required"},
      {"/api/search?q=x&limit=0", 400, "limit: '0' must be a whole number from 1 to 10000"},
      {"/api/search?q=x&lang=fr", 400, "lang: 'fr' is not one of vi, en, other"},
      {"/api/search?q=x&q=y", 400, "q: given twice"},
      {"/api/funding?since=yesterday", 400, "since: 'yesterday' is not a date"},
      {"/api/funding?min-amount=lots", 400, "min-amount: 'lots' is not an amount"},
      {"/api/funding?round=SEED", 400, "round: 'SEED' is not one of pre-seed, seed, pre-series-a, series-a,"},
      {"/api/funding?investr=sovico", 400, "unknown parameter 'investr'"},
      {"/api/funding?each-report=maybe", 400, "each-report: 'maybe' must be true or false"},
      {"/api/funding?limit=0", 400, "limit: '0' must be a whole number from 1 to 1000000"},
      {"/api/coverage", 400, "entity: required"},
      {"/api/coverage?entity=%20", 400, "entity: ' ' names nothing"},
      {"/api/funding?investor=-", 400, "investor: '-' names nothing"},
      {"/api/coverage?entity=x&until=soon", 400, "until: 'soon' is not a date"},
      {"/api/entities?type=THING", 400, "type: 'THING' is not one of ORG, PER, LOC"},
      {"/api/entities?top=0", 400, "top: '0' must be a whole number from 1 to 100000"},
      {"/api/feeds?x=1", 400, "unknown parameter 'x'"},
      {"/api/export", 400, "kind: required"},
      {"/api/export?kind=people", 400, "kind: 'people' is not one of articles, funding, entities, events"},
      {"/api/export?kind=events&format=xml", 400, "format: 'xml' is not one of ndjson, csv"},
      {"/api/export?kind=events&limit=0", 400, "limit: '0' must be a whole number from 1 to 100000"},
      {"/api/export?kind=events&after=yesterday", 400, "cursor 'yesterday' is not a presswatch cursor"},
      {"/api/nothing", 404, "no such endpoint: /api/nothing"},
      // Not text: refused without echoing the bytes (JSON is UTF-8), and a
      // NUL never reaches SQLite (it ended the query's text: a 500).
      {"/api/search?q=%00sovico", 400, "q: not UTF-8 text"},
      {"/api/search?q=sovico%00", 400, "q: not UTF-8 text"},
      {"/api/funding?investor=%FF", 400, "investor: not UTF-8 text"},
      {"/api/funding?%FF=1", 400, "a parameter's name is not UTF-8 text"},
      {"/api/nothing%FF", 404, "no such endpoint: /api/nothing"},
  };
  for (const auto& c : cases) {
    HttpResult r = Get(Api(c.target));
    EXPECT_EQ(r.status, c.status) << c.target;
    json::value v;
    ASSERT_NO_THROW(v = json::parse(r.body)) << c.target << ": " << r.body;
    EXPECT_NE(std::string(v.at("error").as_string()).find(c.error), std::string::npos)
        << c.target << ": " << r.body;
  }
  const unsigned short port =
      static_cast<unsigned short>(std::stoi(daemon_->url().substr(daemon_->url().rfind(':') + 1)));
  std::string raw =
      RawExchange(port, "GET /api/search?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw;
  EXPECT_NE(raw.find("{\"error\":\"bad request target"), std::string::npos) << raw;
  raw = RawExchange(port, "NONSENSE\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw;
  raw = RawExchange(port, "DELETE /api/feeds HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 405", 0), 0u) << raw;
  EXPECT_NE(raw.find("\r\nAllow: GET, HEAD\r\n"), std::string::npos) << raw;
  raw = RawExchange(port, "GET /api/search?q=" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 431", 0), 0u) << raw.substr(0, 200);
  raw = RawExchange(
      port, "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
  EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << raw;  // the API takes no request bodies
  EXPECT_EQ(Get(Api("/healthz")).status, 200);         // and it serves on
}

// The ecosystem database pulls an export page by page over HTTP: the pages
// together are the whole export, in order, each record once, and the last
// page's cursor is the one `presswatch export` gives.
TEST_F(DaemonTest, ExportsPageByPageWithTheCursorInAHeader) {
  WriteFeeds({"/vi.xml", "/en.xml"});
  Start();
  const std::string vi = server_.Url("/vi.xml"), en = server_.Url("/en.xml");
  ASSERT_TRUE(events_.WaitFor([&] { return events_.PolledCount(vi) == 1 && events_.PolledCount(en) == 1; }));

  std::vector<std::int64_t> whole;
  std::string whole_cursor;
  {
    auto db = store::Store::Open(config_.db, {.read_only = true});
    auto cursor = db->ExportEntities("", [&](const store::EntityExport& e) { whole.push_back(e.id); });
    ASSERT_TRUE(cursor) << cursor.error().message;
    whole_cursor = cursor->Token();
  }
  ASSERT_GT(whole.size(), 4u);

  std::vector<std::int64_t> paged;
  std::string after;
  int pages = 0;
  for (bool more = true; more; ++pages) {
    ASSERT_LT(pages, 100) << "the pages never end";
    HttpResult page = Get(Api("/api/export?kind=entities&limit=3" + (after.empty() ? "" : "&after=" + after)));
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.Header("content-type"), "application/x-ndjson");
    std::istringstream lines(page.body);
    int records = 0;
    for (std::string line; std::getline(lines, line); ++records) paged.push_back(json::parse(line).at("id").as_int64());
    EXPECT_LE(records, 3);
    after = page.Header("presswatch-cursor");
    ASSERT_EQ(after.rfind("entities:", 0), 0u) << after;
    more = page.Header("presswatch-more") == "true";
    if (more) {
      EXPECT_EQ(records, 3);
    }
  }
  EXPECT_EQ(paged, whole);
  EXPECT_EQ(pages, static_cast<int>((whole.size() + 2) / 3));
  EXPECT_EQ(after, whole_cursor);

  // Nothing new since the last cursor: an empty page that keeps it.
  HttpResult empty = Get(Api("/api/export?kind=entities&after=" + after));
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.body, "");
  EXPECT_EQ(empty.Header("presswatch-cursor"), after);
  EXPECT_EQ(empty.Header("presswatch-more"), "false");

  // CSV: the header row, then the deal the seed reports (once, for both languages).
  HttpResult csv = Get(Api("/api/export?kind=funding&format=csv"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("id,seq,announced,investee,", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find("GenAI Fund"), std::string::npos) << csv.body;
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 2) << csv.body;

  // A cursor of another kind is the client's mistake.
  HttpResult wrong = Get(Api("/api/export?kind=articles&after=" + after));
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("is for --kind entities, not articles"), std::string::npos) << wrong.body;
}

TEST_F(DaemonTest, AReloadAddsFeedsAndKeepsTheOldRulesWhenTheNewOnesAreBroken) {
  WriteFeeds({"/vi.xml"});
  Start();
  const std::string vi = server_.Url("/vi.xml"), en = server_.Url("/en.xml");
  ASSERT_TRUE(events_.WaitFor([&] { return events_.PolledCount(vi) == 1; }));

  // A broken rule, and a new feed, at once.
  const std::string rules_file = config_.rules + "/funding.en.rules";
  const std::string good_rules = ReadFile(rules_file);
  WriteFile(rules_file, good_rules + "funding en.broken: {ORG:investee} raises (\n");
  WriteFeeds({"/vi.xml", "/en.xml"});
  daemon_->RequestReload();
  ASSERT_TRUE(events_.WaitFor([&] { return events_.reloads_.size() == 1 && events_.PolledCount(en) == 1; }));
  EXPECT_EQ(events_.reloads_[0], std::make_pair(false, true));  // rules kept, feeds reloaded
  EXPECT_EQ(server_.Hits("/vi.xml"), 1);  // a kept feed keeps its schedule: not polled again

  // The new feed was read with the old, good rules.
  HttpResult funding = Get(Api("/api/funding?investee=GenAI%20Fund"));
  ASSERT_EQ(funding.status, 200);
  ASSERT_EQ(json::parse(funding.body).as_array().size(), 1u);
  EXPECT_EQ(json::parse(funding.body).at(0).at("reports"), 2);  // the new feed's report joined the deal
  EXPECT_NE(Get(Api("/metrics")).body.find("presswatch_rule_reloads_total{result=\"error\"} 1\n"),
            std::string::npos);

  WriteFile(rules_file, good_rules);
  daemon_->RequestReload();
  ASSERT_TRUE(events_.WaitFor([&] { return events_.reloads_.size() == 2; }));
  EXPECT_EQ(events_.reloads_[1], std::make_pair(true, true));

  Stop();
  const std::string log = log_.str();
  EXPECT_NE(log.find("rules not reloaded, keeping the old ones error=\"" + rules_file + ":"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("rules reloaded rules="), std::string::npos) << log;
  EXPECT_NE(log.find("feeds reloaded feeds=2 before=1"), std::string::npos) << log;
}

// The watchlist reaches the store at start and on reload; new articles
// raise their alerts, delivered to the file and the webhook from the alerts
// thread while the loop serves on.
TEST_F(DaemonTest, RaisesAndDeliversAlertsForTheWatchlistAndReloadsIt) {
  server_.Route("/hook", TestServer::Handler([&](const TestServer::Request& r) {
                  events_.Hit(r.body);
                  return TestServer::Response{.status = 204};
                }));
  const std::string config_file = dir_.File("presswatch.toml");
  WriteFile(config_file, "[watchlist]\nentities = [\"GenAI Fund\"]\n");
  config_.file = config_file;
  config_.watchlist = {"GenAI Fund"};
  config_.alerts_file = dir_.File("alerts.ndjson");
  config_.webhook = server_.Url("/hook");
  options_.alerts_delay = 1ms;
  options_.on_alerts = [this](const AlertReport& r) { events_.Alerted(r); };
  WriteFeeds({"/vi.xml", "/en.xml"});
  Start();

  // Both articles name GenAI Fund: two alerts, in the file and posted.
  ASSERT_TRUE(events_.WaitFor([&] { return events_.written_ == 2 && events_.posted_ == 2; }));
  EXPECT_EQ(Get(Api("/healthz")).status, 200);  // the loop serves on
  std::istringstream lines(ReadFile(config_.alerts_file));
  std::set<std::string> languages;
  for (std::string line; std::getline(lines, line);) {
    const json::value alert = json::parse(line);
    EXPECT_EQ(alert.at("watch"), "GenAI Fund") << line;
    languages.insert(std::string(alert.at("language").as_string()));
  }
  EXPECT_EQ(languages, (std::set<std::string>{"en", "vi"}));
  ASSERT_TRUE(events_.WaitFor([&] { return events_.hits_.size() == 2; }));
  for (const auto& body : events_.hits_) EXPECT_EQ(json::parse(body).at("watch"), "GenAI Fund") << body;

  // SIGHUP re-reads the config file's watchlist; a broken one keeps the old.
  WriteFile(config_file, "[watchlist]\nentities = [\"GenAI Fund\", \"Sovico Group\"]\n");
  daemon_->RequestReload();
  ASSERT_TRUE(events_.WaitFor([&] { return events_.reloads_.size() == 1; }));
  WriteFile(config_file, "[watchlist]\nentities = \"Sovico Group\"\n");
  daemon_->RequestReload();
  ASSERT_TRUE(events_.WaitFor([&] { return events_.reloads_.size() == 2; }));
  Stop();
  const std::string log = log_.str();
  EXPECT_NE(log.find(" watchlist=1"), std::string::npos) << log;  // at start
  EXPECT_NE(log.find("watchlist set entities=2"), std::string::npos) << log;
  EXPECT_NE(log.find("watchlist not reloaded, keeping the old one error=\"" + config_file +
                     ":2:12: 'watchlist.entities' must be a list of strings"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("alerts: "), std::string::npos) << log;  // each round that delivered says so
}

// A run that stored articles and stopped (or crashed) before their round of
// alerts: the next run raises them at once, with no new article needed.
TEST_F(DaemonTest, RaisesAtStartTheAlertsALastRunStoredButDidNotRaise) {
  config_.watchlist = {"GenAI Fund"};
  config_.alerts_file = dir_.File("alerts.ndjson");
  options_.alerts_delay = 1h;  // the first run stops long before its round
  options_.alerts_interval = 1h;
  WriteFeeds({"/vi.xml", "/en.xml"});
  Start();
  ASSERT_TRUE(events_.WaitFor([&] { return events_.PolledCount(server_.Url("/vi.xml")) == 1 &&
                                           events_.PolledCount(server_.Url("/en.xml")) == 1; }));
  Stop();
  EXPECT_FALSE(std::filesystem::exists(config_.alerts_file));

  WriteFeeds({});  // nothing new will arrive
  options_.alerts_delay = 1ms;
  options_.on_alerts = [this](const AlertReport& r) { events_.Alerted(r); };
  Start();
  ASSERT_TRUE(events_.WaitFor([&] { return events_.written_ == 2; }));
  Stop();
  std::istringstream lines(ReadFile(config_.alerts_file));
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count)
    EXPECT_EQ(json::parse(line).at("watch"), "GenAI Fund") << line;
  EXPECT_EQ(count, 2);
}

// Alerts that cannot be written are a warning, so a log kept at warn shows it.
TEST_F(DaemonTest, AlertsThatCannotBeWrittenAreAWarning) {
  config_.watchlist = {"GenAI Fund"};
  config_.alerts_file = dir_.File("no-such-directory/alerts.ndjson");
  options_.alerts_delay = 1ms;
  bool file_failed = false;
  options_.on_alerts = [&](const AlertReport& r) {
    if (!r.file_error.empty()) events_.Hit("file error");
  };
  WriteFeeds({"/vi.xml"});
  Start();
  ASSERT_TRUE(events_.WaitFor([&] { return !events_.hits_.empty(); }));
  Stop();
  std::istringstream lines(log_.str());
  for (std::string line; std::getline(lines, line);)
    if (line.find("alerts: ") != std::string::npos && line.find("cannot open the alerts file") != std::string::npos) {
      file_failed = true;
      EXPECT_NE(line.find("warning"), std::string::npos) << line;
    }
  EXPECT_TRUE(file_failed) << log_.str();
}

// A failing webhook is tried again when its backoff ends (here 1 s, then
// 2 s), not at the next minute's round of deliveries.
TEST_F(DaemonTest, AFailingWebhookIsRetriedWhenItsBackoffEnds) {
  std::atomic<int> calls = 0;
  // When the first POST came: the bound below starts there, not at Start(),
  // so a slow start on a loaded machine (the rules compiled, the feed
  // polled) does not count.
  std::atomic<std::chrono::steady_clock::rep> first_call = 0;
  server_.Route("/hook", TestServer::Handler([&](const TestServer::Request& r) {
                  if (++calls == 1) first_call = std::chrono::steady_clock::now().time_since_epoch().count();
                  if (calls <= 2) return TestServer::Response{.status = 503};
                  events_.Hit(r.body);
                  return TestServer::Response{.status = 204};
                }));
  config_.watchlist = {"GenAI Fund"};
  config_.alerts_file = "";
  config_.webhook = server_.Url("/hook");
  config_.backoff = 1s;
  config_.max_backoff = 2s;
  options_.alerts_delay = 1ms;  // alerts_interval stays a minute
  WriteFeeds({"/vi.xml"});
  Start();
  ASSERT_TRUE(events_.WaitFor([&] { return events_.hits_.size() == 1; }));
  // Two failures, then the POST that delivers, 1 s and 2 s of backoff after
  // the first: well before the next minute's round, which would put the
  // second POST a minute after the first (a failure bound, not a speed target).
  const std::chrono::steady_clock::time_point first{std::chrono::steady_clock::duration{first_call.load()}};
  EXPECT_LT(std::chrono::steady_clock::now() - first, 30s);
  Stop();
  EXPECT_EQ(calls.load(), 3);
}

TEST_F(DaemonTest, RefusesToStartOnBrokenRulesOrABusyPort) {
  WriteFeeds({"/vi.xml"});
  WriteFile(config_.rules + "/broken.rules", "MONEY m: (\\d+\n");
  std::ostringstream log;
  try {
    Daemon daemon(config_, Log::ToStream(log, LogFormat::kText, LogLevel::kInfo), options_);
    ADD_FAILURE() << "started with a broken rule";
  } catch (const StartupError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(config_.rules + "/broken.rules:1: missing )", 0), 0u) << e.what();
  }
  std::filesystem::remove(config_.rules + "/broken.rules");
  config_.listen = "127.0.0.1:" + std::to_string(server_.port());  // taken by the test server
  try {
    Daemon daemon(config_, Log::ToStream(log, LogFormat::kText, LogLevel::kInfo), options_);
    ADD_FAILURE() << "started on a busy port";
  } catch (const StartupError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace pw::app
