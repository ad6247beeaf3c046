#include "app/config.h"

#include <cstdlib>

#include <gtest/gtest.h>

#include "common/error.h"
#include "test_util.h"

namespace pw::app {
namespace {

using pw::testing::TempDir;
using pw::testing::WriteFile;

TEST(LoadConfig, NoFileGivesTheDocumentedDefaults) {
  const Config c = LoadConfig("");
  EXPECT_EQ(c.db, "presswatch.db");
  EXPECT_EQ(c.feeds, "feeds/default.opml");
  EXPECT_EQ(c.rules, "rules");
  EXPECT_EQ(c.listen, "127.0.0.1:8080");
  EXPECT_EQ(c.interval, std::chrono::minutes(15));
  EXPECT_EQ(c.per_host, 2);
  EXPECT_EQ(c.fetch.connect_timeout, std::chrono::seconds(10));
  EXPECT_EQ(c.fetch.max_body_bytes, 10u << 20);
  EXPECT_EQ(c.fetch.user_agent.rfind("presswatch/", 0), 0u);
  EXPECT_FALSE(c.fetch.allow_private_redirects);
  EXPECT_EQ(c.workers, Config::DefaultWorkers());
  EXPECT_GE(c.workers, 1);
  EXPECT_EQ(c.log_level, "info");
  EXPECT_EQ(c.fulltext.min_feed_chars, 0u);  // only pw:fulltext feeds
  EXPECT_EQ(c.fulltext.host_delay, std::chrono::seconds(1));
  EXPECT_EQ(c.fulltext.robots_ttl, std::chrono::hours(24));
  EXPECT_EQ(c.fulltext.poll_budget, std::chrono::seconds(120));
}

TEST(LoadConfig, ReadsTheFullTextKeys) {
  TempDir dir;
  WriteFile(dir.path() / "c.toml",
            "[fulltext]\nmin_feed_chars = 400\nhost_delay = 2.5\nrobots_ttl = 3600\npoll_budget = 300\n");
  const Config c = LoadConfig(dir.File("c.toml"));
  EXPECT_EQ(c.fulltext.min_feed_chars, 400u);
  EXPECT_EQ(c.fulltext.host_delay, std::chrono::milliseconds(2500));
  EXPECT_EQ(c.fulltext.robots_ttl, std::chrono::hours(1));
  EXPECT_EQ(c.fulltext.poll_budget, std::chrono::minutes(5));
  WriteFile(dir.path() / "c.toml", "[fulltext]\nhost_delay = 1\npoll_budget = 20\n");
  const Config whole = LoadConfig(dir.File("c.toml"));
  EXPECT_EQ(whole.fulltext.host_delay, std::chrono::seconds(1));
  // A Crawl-delay may not keep every page of a host out of a poll's budget.
  EXPECT_EQ(whole.fulltext.max_crawl_delay, std::chrono::seconds(10));
}

TEST(LoadConfig, ReadsTheDaemonsKeys) {
  TempDir dir;
  WriteFile(dir.path() / "c.toml",
            "[fetch]\nallow_private_redirects = true\ntotal_timeout = 30\n[poll]\nworkers = 3\n"
            "[log]\nlevel = \"debug\"\n");
  const Config c = LoadConfig(dir.File("c.toml"));
  EXPECT_TRUE(c.fetch.allow_private_redirects);
  EXPECT_EQ(c.fetch.total_timeout, std::chrono::seconds(30));
  EXPECT_EQ(c.workers, 3);
  EXPECT_EQ(c.log_level, "debug");
}

TEST(LoadConfig, TakesProxiesFromTheEnvironment) {
  ::setenv("https_proxy", "http://proxy.fund.vn:3128", 1);
  ::setenv("no_proxy", ".internal", 1);
  const Config c = LoadConfig("");
  ::unsetenv("https_proxy");
  ::unsetenv("no_proxy");
  EXPECT_EQ(c.fetch.proxy.https_proxy, "http://proxy.fund.vn:3128");
  EXPECT_EQ(c.fetch.proxy.no_proxy, ".internal");
}

TEST(LoadConfig, ReadsEverySection) {
  TempDir dir;
  WriteFile(dir.path() / "c.toml",
            "db = \"x.db\"\n[fetch]\nconnect_timeout = 3\ncontact = \"mailto:ops@fund.vn\"\n"
            "[poll]\ninterval = 600\nper_host = 4\n[server]\nlisten = \"0.0.0.0:9000\"\n[log]\nformat = \"json\"\n");
  const Config c = LoadConfig(dir.File("c.toml"));
  EXPECT_EQ(c.db, "x.db");
  EXPECT_EQ(c.fetch.connect_timeout, std::chrono::seconds(3));
  EXPECT_NE(c.fetch.user_agent.find("mailto:ops@fund.vn"), std::string::npos);
  EXPECT_EQ(c.interval, std::chrono::seconds(600));
  EXPECT_EQ(c.per_host, 4);
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.log_format, "json");
}

TEST(LoadConfig, ReadsTheWatchlistAndAlerts) {
  TempDir dir;
  const Config defaults = LoadConfig("");
  EXPECT_TRUE(defaults.watchlist.empty());
  EXPECT_EQ(defaults.alerts_file, "alerts.ndjson");
  EXPECT_EQ(defaults.webhook, "");
  EXPECT_EQ(defaults.webhook_timeout, std::chrono::seconds(10));
  EXPECT_EQ(defaults.backoff, std::chrono::seconds(30));
  EXPECT_EQ(defaults.max_backoff, std::chrono::hours(1));
  WriteFile(dir.path() / "c.toml",
            "[watchlist]\nentities = [\"GenAI Fund\", \"Tập đoàn Sovico\"]\n"
            "[alerts]\nfile = \"\"\nwebhook = \"https://hooks.example/presswatch\"\ntimeout = 5\n"
            "backoff = 60\nmax_backoff = 600\n");
  const Config c = LoadConfig(dir.File("c.toml"));
  EXPECT_EQ(c.watchlist, (std::vector<std::string>{"GenAI Fund", "Tập đoàn Sovico"}));
  EXPECT_EQ(c.alerts_file, "");
  EXPECT_EQ(c.webhook, "https://hooks.example/presswatch");
  EXPECT_EQ(c.webhook_timeout, std::chrono::seconds(5));
  EXPECT_EQ(c.backoff, std::chrono::minutes(1));
  EXPECT_EQ(c.max_backoff, std::chrono::minutes(10));
}

TEST(LoadConfig, NamesFileAndLineOfEveryKindOfMistake) {
  TempDir dir;
  struct Case {
    const char* toml;
    const char* want;  // prefix after the path
  } cases[] = {
      {"db = \"x\"\ndbb = \"typo\"\n", ":2:1: unknown key 'dbb'"},
      {"[poll]\ninterval = \"fast\"\n", ":2:12: 'poll.interval' must be a whole number"},
      {"[poll]\nper_host = 0\n", ":2:12: 'poll.per_host' must be between 1 and 64"},
      {"db = \n", ":1:"},
      {"[log]\nlevel = \"loud\"\n",
       ":2:9: 'log.level' must be one of \"debug\", \"info\", \"warn\", \"error\""},
      {"[log]\nformat = \"xml\"\n", ":2:10: 'log.format' must be one of \"text\", \"json\""},
      {"[poll]\nworkers = 0\n", ":2:11: 'poll.workers' must be between 1 and 256"},
      {"[fetch]\nallow_private_redirects = \"yes\"\n", ":2:27: 'fetch.allow_private_redirects' must be true or false"},
      {"[watchlist]\nentities = \"GenAI Fund\"\n", ":2:12: 'watchlist.entities' must be a list of strings"},
      {"[watchlist]\nentities = [\"GenAI Fund\", 3]\n", ":2:27: 'watchlist.entities' must be a list of non-empty strings"},
      {"[watchlist]\nentity = [\"x\"]\n", ":2:1: unknown key 'watchlist.entity'"},
      {"[alerts]\nwebhook = \"ftp://x\"\n", ":2:11: 'alerts.webhook' must be an http:// or https:// URL"},
      {"[alerts]\nbackoff = 0\n", ":2:11: 'alerts.backoff' must be between 1 and 86400"},
      {"[alerts]\nbackoff = 60\nmax_backoff = 30\n", ":3:15: 'alerts.max_backoff' must be at least 'alerts.backoff'"},
      {"[fetch]\nallow_private_redirects = \"yes\"\n",
       ":2:27: 'fetch.allow_private_redirects' must be true or false"},
      {"[fulltext]\nhost_delay = \"1s\"\n", ":2:14: 'fulltext.host_delay' must be a number of seconds"},
      {"[fulltext]\nhost_delay = 90\n", ":2:14: 'fulltext.host_delay' must be between 0 and 60 seconds"},
      {"[fulltext]\nmin_feed_chars = -1\n", ":2:18: 'fulltext.min_feed_chars' must be between 0 and 1000000"},
      {"[fulltext]\nbudget = 10\n", ":2:1: unknown key 'fulltext.budget'"},
  };
  for (const auto& c : cases) {
    WriteFile(dir.path() / "c.toml", c.toml);
    try {
      LoadConfig(dir.File("c.toml"));
      ADD_FAILURE() << "accepted: " << c.toml;
    } catch (const StartupError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(dir.File("c.toml") + c.want, 0), 0u) << e.what() << " (wanted " << c.want << ")";
    }
  }
  EXPECT_THROW(LoadConfig(dir.File("missing.toml")), StartupError);
}

// Found by fuzzing (tests/data/fuzz/config/toml-error-quotes-a-line-break):
// toml++ quotes the character it stopped at, here a line break, and a quoted
// key may hold one; the error must still be one line.
TEST(LoadConfig, FuzzFindingAnErrorThatQuotesALineBreakIsStillOneLine) {
  TempDir dir;
  struct Case {
    const char* toml;
    const char* want;  // after the path
  } cases[] = {
      {"d= n\n]lltoierval = 20\n", ":1:5: Error while parsing floating-point: expected 'nan', saw 'n\\n'"},
      {"\"a\\nb\" = 1\n", ":1:1: unknown key 'a\\nb'"},
      {"[\"p\\u0001\"]\nx = 1\n", ":1:2: unknown key 'p\\x01'"},
  };
  for (const auto& c : cases) {
    WriteFile(dir.path() / "c.toml", c.toml);
    try {
      LoadConfig(dir.File("c.toml"));
      ADD_FAILURE() << "accepted: " << c.toml;
    } catch (const StartupError& e) {
      const std::string message = e.what();
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      EXPECT_EQ(message, dir.File("c.toml") + c.want);
    }
  }
}

}  // namespace
}  // namespace pw::app
