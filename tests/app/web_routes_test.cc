// The dashboard's routes (app/web_routes.h) on a real ApiServer on
// 127.0.0.1: the page and its files are served byte for byte as checked in
// under src/app/web/, every file the page names is served, and
// /api/watchlist answers with the configured list or, without one, the most
// covered organisations of a real SQLite file.
#include "app/web_routes.h"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <future>
#include <regex>
#include <thread>

#include "app/web_assets.h"
#include "fetch/fetch.h"
#include "store/store.h"
#include "test_util.h"

namespace pw::app {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using pw::testing::ReadFile;
using pw::testing::SourceDir;
using pw::testing::TempDir;

struct HttpResult {
  int status = 0;
  std::string content_type, body;
};

// An ApiServer with the web routes, on its own loop thread.
class WebServer {
 public:
  WebServer(const std::string& db, std::vector<std::string> watchlist) : stores_(db) {
    server_ = std::make_unique<ApiServer>(loop_.get_executor(), ApiServer::Options{});
    AddApiRoutes(*server_, ApiContext{queries_.get_executor(), &stores_, [] { return std::string(); }});
    AddWebRoutes(*server_, WebContext{queries_.get_executor(), &stores_, [watchlist] { return watchlist; }});
    server_->Listen("127.0.0.1:0");
    server_->Start();
    thread_ = std::thread([this] { loop_.run(); });
  }
  ~WebServer() {
    std::promise<void> stopped;
    asio::post(loop_, [&] {
      server_->Stop();
      stopped.set_value();
    });
    stopped.get_future().wait();
    loop_.stop();
    thread_.join();
    queries_.join();
  }

  HttpResult Get(const std::string& path) {
    auto r = fetch::FetchBlocking(fetch::FetchRequest{.url = server_->url() + path}, fetch::FetchOptions{});
    if (!r) return {0, "", r.error().message};
    std::string type;
    for (const auto& [name, value] : r->headers)
      if (name == "content-type" || name == "Content-Type") type = value;
    return {r->status, type, r->body};
  }

 private:
  asio::io_context loop_{1};
  asio::thread_pool queries_{1};
  ReadOnlyStores stores_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
};

std::string EmptyDatabase(const TempDir& dir) {
  const std::string path = dir.File("pw.db");
  store::Store::Open(path, {});  // creates the schema; the server only reads
  return path;
}

TEST(WebRoutes, ServesEveryFileAsCheckedInAndTheIndexAtTheRoot) {
  TempDir dir;
  WebServer server(EmptyDatabase(dir), {});
  ASSERT_GE(WebAssets().size(), 4u);
  for (const WebAsset& asset : WebAssets()) {
    HttpResult r = server.Get(std::string(asset.path));
    ASSERT_EQ(r.status, 200) << asset.path << ": " << r.body;
    EXPECT_EQ(r.body, ReadFile(SourceDir() / "src/app/web" / std::string(asset.path.substr(1))))
        << asset.path;
    EXPECT_EQ(r.content_type, asset.content_type) << asset.path;
  }
  HttpResult root = server.Get("/?lang=en");
  ASSERT_EQ(root.status, 200);
  EXPECT_EQ(root.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(root.body, ReadFile(SourceDir() / "src/app/web/index.html"));
  EXPECT_EQ(server.Get("/missing.js").status, 404);
}

TEST(WebRoutes, EveryFileThePageNamesIsServedAndNothingComesFromElsewhere) {
  const std::string index = ReadFile(SourceDir() / "src/app/web/index.html");
  const std::regex reference(R"re((?:src|href)="([^"#]+)")re");
  int local = 0;
  for (auto it = std::sregex_iterator(index.begin(), index.end(), reference); it != std::sregex_iterator();
       ++it) {
    const std::string target = (*it)[1];
    EXPECT_EQ(target.front(), '/') << target << ": the page loads only its own files";
    bool served = false;
    for (const WebAsset& asset : WebAssets()) served = served || asset.path == target;
    EXPECT_TRUE(served) << target << " is named by index.html but not built in (src/app/CMakeLists.txt)";
    ++local;
  }
  EXPECT_GE(local, 4);  // icon, styles, labels, script
}

// A database with one article that names GenAI Fund as "Quỹ GenAI".
std::string DatabaseWithGenAiFund(const TempDir& dir) {
  const std::string db = EmptyDatabase(dir);
  auto store = store::Store::Open(db, {});
  auto feed = store->EnsureFeed("file:///demo.xml", "Demo", "vi");
  EXPECT_TRUE(feed) << feed.error().message;
  store::ArticleRecord a;
  a.item_key = "a1";
  a.url = "https://example.com/a1";
  a.title = "Quỹ GenAI rót vốn";
  a.published = a.first_seen = "2024-11-21T03:00:00Z";
  a.extraction.language = "vi";
  a.extraction.text = a.title;
  a.extraction.entities.push_back({.text = "Quỹ GenAI", .name = "GenAI Fund", .start = 0, .end = 11});
  a.extraction.funding.push_back({.investee = "Acme AI",
                                  .investors = {"GenAI Fund"},
                                  .lead_investors = {"GenAI Fund"},
                                  .amount = 2500000,
                                  .currency = "USD",
                                  .round = "seed",
                                  .announced = "2024-11-21",
                                  .evidence = "Quỹ GenAI rót vốn"});
  auto saved = store->SaveArticles(*feed, {a});
  EXPECT_TRUE(saved) << saved.error().message;
  return db;
}

TEST(WebRoutes, WatchlistIsTheConfiguredOneInItsOrderByCanonicalNames) {
  TempDir dir;
  // "Quỹ GenAI" and "GenAI Fund" are one entity; "Sovico Group" is not in the store yet.
  WebServer server(DatabaseWithGenAiFund(dir), {"Quỹ GenAI", "Sovico Group", "GenAI Fund"});
  HttpResult r = server.Get("/api/watchlist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"configured": true, "entities": [
                                   {"name": "GenAI Fund", "articles": 1},
                                   {"name": "Sovico Group", "articles": 0}]})"));
}

TEST(WebRoutes, WithoutAWatchlistTheMostCoveredOrganisationsAreListed) {
  TempDir dir;
  WebServer server(DatabaseWithGenAiFund(dir), {});
  HttpResult r = server.Get("/api/watchlist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"configured": false, "entities": [
                                   {"name": "GenAI Fund", "type": "ORG", "articles": 1}]})"));
}

TEST(WebRoutes, WatchlistRefusesParameters) {
  TempDir dir;
  WebServer server(EmptyDatabase(dir), {});
  HttpResult r = server.Get("/api/watchlist?entity=x");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body).at("error"), "unknown parameter 'entity' (/api/watchlist takes: none)");
}

}  // namespace
}  // namespace pw::app

namespace pw::app {
namespace {

// The parameters of the API the dashboard uses beyond the foundation's, as
// the commands' flags: coverage --until (a day to its end) and --limit,
// funding --currency.
TEST(WebRoutes, CoverageTakesUntilAndLimitAsTheCommandDoes) {
  TempDir dir;
  WebServer server(DatabaseWithGenAiFund(dir), {});
  const auto total = [&](const std::string& query) {
    HttpResult r = server.Get("/api/coverage?entity=GenAI%20Fund" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    return json::parse(r.body).at("total").as_int64();
  };
  EXPECT_EQ(total(""), 1);
  EXPECT_EQ(total("&until=2024-11-21"), 1);  // published 03:00 that day: the day is included
  EXPECT_EQ(total("&until=2024-11-20"), 0);
  EXPECT_EQ(total("&since=2024-11-21&until=2024-11-21T02:59:59Z"), 0);
  HttpResult limited = server.Get("/api/coverage?entity=GenAI%20Fund&limit=1");
  EXPECT_EQ(json::parse(limited.body).at("mentions").as_array().size(), 1u);
  EXPECT_EQ(server.Get("/api/coverage?entity=x&limit=0").status, 400);
  EXPECT_EQ(json::parse(server.Get("/api/coverage?entity=x&until=soon").body).at("error"),
            "until: 'soon' is not a date (use YYYY-MM-DD or RFC 3339)");
}

TEST(WebRoutes, FundingTakesACurrency) {
  TempDir dir;
  WebServer server(DatabaseWithGenAiFund(dir), {});
  const auto investees = [&](const std::string& query) {
    HttpResult r = server.Get("/api/funding?" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    std::vector<std::string> names;
    const json::value rows = json::parse(r.body);
    for (const auto& row : rows.as_array()) names.emplace_back(row.at("investee").as_string());
    return names;
  };
  EXPECT_EQ(investees("currency=usd&min-amount=1000000"), std::vector<std::string>{"Acme AI"});
  EXPECT_EQ(investees("currency=VND&min-amount=1000000"), std::vector<std::string>{});
  EXPECT_EQ(investees("min-amount=3000000"), std::vector<std::string>{});
}

// What the command refuses, the API refuses, with the same words
// (store::FundingQueryProblem): a query that cannot be answered is a 400,
// not an empty list that reads as "no deals".
TEST(WebRoutes, FundingRefusesWhatTheCommandRefuses) {
  TempDir dir;
  WebServer server(DatabaseWithGenAiFund(dir), {});
  const std::pair<const char*, const char*> refused[] = {
      {"currency=US", "currency 'US' is not an ISO 4217 code"},
      {"currency=dollars", "currency 'dollars' is not an ISO 4217 code"},
      {"since=2025-02-01&until=2025-01-01", "since (2025-02-01) is after until (2025-01-01)"},
      {"min-amount=5000000&max-amount=1000000", "min-amount (5000000) is above max-amount (1000000)"},
  };
  for (const auto& [query, message] : refused) {
    HttpResult r = server.Get(std::string("/api/funding?") + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_NE(r.body.find(message), std::string::npos) << query << ": " << r.body;
  }
  // An amount of 301 digits is said whole (the double nearest 1e300, exactly).
  HttpResult huge = server.Get("/api/funding?min-amount=1e300&max-amount=1");
  EXPECT_EQ(huge.status, 400);
  const std::string error(json::parse(huge.body).at("error").as_string());
  ASSERT_EQ(error.rfind("min-amount (1", 0), 0u) << error;
  ASSERT_TRUE(error.ends_with(") is above max-amount (1)")) << error;
  EXPECT_EQ(error.find(')') - std::string("min-amount (").size(), 301u) << error;
}

}  // namespace
}  // namespace pw::app
