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
      {"[log]\nlevel = \"loud\"\n", ":2:9: 'log.level' must be one of \"debug\", \"info\", \"warn\", \"error\""},
      {"[log]\nformat = \"xml\"\n", ":2:10: 'log.format' must be one of \"text\", \"json\""},
      {"[poll]\nworkers = 0\n", ":2:11: 'poll.workers' must be between 1 and 256"},
      {"[fetch]\nallow_private_redirects = \"yes\"\n", ":2:27: 'fetch.allow_private_redirects' must be true or false"},
  };
  for (const auto& c : cases) {
    WriteFile(dir.path() / "c.toml", c.toml);
    try {
      LoadConfig(dir.File("c.toml"));
      ADD_FAILURE() << "accepted: " << c.toml;
    } catch (const StartupError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(dir.File("c.toml") + c.want, 0), 0u) << e.what();
    }
  }
  EXPECT_THROW(LoadConfig(dir.File("missing.toml")), StartupError);
}

}  // namespace
}  // namespace pw::app
