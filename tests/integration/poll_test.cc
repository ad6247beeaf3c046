// The whole pipeline once: the project's test server on 127.0.0.1 serves the
// demo feeds, one poll fills a temporary SQLite file, and the records of the
// seed come back through the same queries the commands use.
#include <filesystem>

#include <gtest/gtest.h>

#include "app/feeds_file.h"
#include "app/poll.h"
#include "store/store.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::app {
namespace {

using pw::testing::ReadFile;
using pw::testing::SourceDir;
using pw::testing::TempDir;
using pw::testing::TestServer;

class PollIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto demo = SourceDir() / "feeds/demo";
    // Served with validators, so a second poll is a 304.
    Serve("/vi.xml", ReadFile(demo / "genai.vi.xml"), "\"vi-1\"");
    Serve("/en.xml", ReadFile(demo / "genai.en.xml"), "\"en-1\"");
    Serve("/pr.json", ReadFile(demo / "press-releases.json"), "\"pr-1\"");
    Serve("/vne.xml", ReadFile(demo / "vnexpress-kinh-doanh.xml"), "\"vne-1\"");
    server_.Route("/gone.xml", TestServer::Response{.status = 410});
    const std::string opml = "<opml version=\"2.0\" xmlns:pw=\"https://presswatch.dev/opml\"><body>\n"
                             "<outline text=\"Tin (vi)\" xmlUrl=\"" + server_.Url("/vi.xml") + "\" pw:language=\"vi\"/>\n"
                             "<outline text=\"Wire (en)\" xmlUrl=\"" + server_.Url("/en.xml") + "\"/>\n"
                             "<outline text=\"Press\" xmlUrl=\"" + server_.Url("/pr.json") + "\"/>\n"
                             "<outline text=\"VnExpress\" xmlUrl=\"" + server_.Url("/vne.xml") + "\"/>\n"
                             "<outline text=\"Gone\" xmlUrl=\"" + server_.Url("/gone.xml") + "\"/>\n"
                             "</body></opml>\n";
    pw::testing::WriteFile(dir_.path() / "feeds.opml", opml);
    auto rules = extract::RuleSet::Load((SourceDir() / "rules").string());
    ASSERT_OK(rules);
    rules_ = *rules;
    options_.fetch.total_timeout = std::chrono::seconds(10);
  }

  void Serve(const std::string& path, std::string body, std::string etag) {
    server_.Route(path, TestServer::Handler([body, etag](const TestServer::Request& req) {
                    auto it = req.headers.find("if-none-match");
                    if (it != req.headers.end() && it->second == etag) return TestServer::Response{.status = 304};
                    return TestServer::Response{.body = body, .headers = {{"ETag", etag}}};
                  }));
  }

  PollReport Poll() {
    return PollOnce(LoadFeedsFile(dir_.File("feeds.opml")), dir_.File("pw.db"), rules_, options_);
  }

  TestServer server_;
  TempDir dir_;
  std::shared_ptr<const extract::RuleSet> rules_;
  PollOptions options_;
};

TEST_F(PollIntegration, OnePollStoresTheSeedRecordsAndRecordsFailures) {
  const PollReport report = Poll();
  ASSERT_EQ(report.feeds.size(), 5u);
  EXPECT_EQ(report.ok(), 4);
  EXPECT_EQ(report.failed(), 1);
  EXPECT_EQ(report.new_items(), 1 + 1 + 2 + 3);

  auto db = store::Store::Open(dir_.File("pw.db"), {.read_only = true});
  auto funding = db->Funding({.investee = "GenAI Fund"});
  ASSERT_OK(funding);
  ASSERT_EQ(funding->size(), 2u);  // the Vietnamese item and the English one
  for (const auto& row : *funding) {
    EXPECT_EQ(row.record.investors, std::vector<std::string>{"Sovico Group"});
    EXPECT_EQ(row.record.lead_investors, std::vector<std::string>{"Sovico Group"});
    EXPECT_EQ(row.record.round, "strategic");
    EXPECT_FALSE(row.record.amount.has_value());
    EXPECT_EQ(row.record.announced, "2024-11-21");
  }
  EXPECT_EQ(db->Funding({.investor = "tap doan sovico"})->size(), 2u);

  auto coverage = db->Coverage({.entity = "GenAI Fund"});
  ASSERT_OK(coverage);
  EXPECT_EQ(coverage->total, 2);
  EXPECT_EQ(coverage->by_source.at("Tin (vi)"), 1);
  EXPECT_EQ(coverage->by_language.at("en"), 1);

  auto people = db->Entities({.type = "PER"});
  ASSERT_OK(people);
  bool thinh = false;
  for (const auto& p : *people)
    if (p.name == "Đỗ Tiến Thịnh") {
      thinh = true;
      EXPECT_EQ(p.title, "Phó Giám đốc");
      EXPECT_EQ(p.organization, "NIC");
    }
  EXPECT_TRUE(thinh);

  auto hits = db->Search({.query = "dau tu chien luoc"});
  ASSERT_OK(hits);
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ((*hits)[0].language, "vi");

  auto feeds = db->Feeds();
  ASSERT_OK(feeds);
  ASSERT_EQ(feeds->size(), 5u);
  EXPECT_EQ((*feeds)[0].url, server_.Url("/gone.xml"));  // failing feeds first
  EXPECT_EQ((*feeds)[0].last_status, 410);
  EXPECT_EQ((*feeds)[0].consecutive_failures, 1);
  EXPECT_NE((*feeds)[0].last_error.value_or("").find("HTTP 410"), std::string::npos);
}

TEST_F(PollIntegration, ASecondPollIsConditionalAndStoresNothingTwice) {
  ASSERT_EQ(Poll().new_items(), 7);
  const PollReport again = Poll();
  EXPECT_EQ(again.new_items(), 0);
  int not_modified = 0;
  for (const auto& f : again.feeds) not_modified += f.not_modified;
  EXPECT_EQ(not_modified, 4);
  auto db = store::Store::Open(dir_.File("pw.db"), {.read_only = true});
  EXPECT_EQ(db->Funding({.investee = "GenAI Fund"})->size(), 2u);
  auto feeds = db->Feeds();
  ASSERT_OK(feeds);
  for (const auto& f : *feeds)
    if (f.url == server_.Url("/vi.xml")) {
      EXPECT_EQ(f.etag.value_or(""), "\"vi-1\"");
    }
}

}  // namespace
}  // namespace pw::app
