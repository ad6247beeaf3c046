#include "text/site_rules.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace pw::text {
namespace {

const char* kRules =
    "# two outlets and a rule for every page\n"
    "site everywhere\n"
    "host: *\n"
    "drop-text: ^Advertisement$\n"
    "\n"
    "site vnexpress\n"
    "host: vnexpress.net\n"
    "body: article.fck_detail\n"
    "body: div.fck_detail\n"
    "lead: p.description\n"
    "drop: figure, .box-tinlienquanv2\n"
    "\n"
    "site vnexpress-international\n"
    "host: e.vnexpress.net, www.e.vnexpress.net\n"
    "body: div.fck_detail\n";

TEST(SiteRules, ParsesRulesWithWhereEachLineIs) {
  auto rules = SiteRules::Parse(kRules, "x.site");
  ASSERT_OK(rules);
  ASSERT_EQ(rules->size(), 3u);
  const SiteRule& vne = rules->rules()[1];
  EXPECT_EQ(vne.name, "vnexpress");
  EXPECT_EQ(vne.where, "x.site:6");
  ASSERT_EQ(vne.body.size(), 2u);
  EXPECT_EQ(vne.body[1].selector.text(), "div.fck_detail");
  EXPECT_EQ(vne.body[1].where, "x.site:9");
  EXPECT_EQ(vne.drop.size(), 1u);
  EXPECT_EQ(rules->rules()[2].hosts, (std::vector<std::string>{"e.vnexpress.net", "www.e.vnexpress.net"}));
  EXPECT_TRUE(rules->rules()[0].is_every_host());
}

TEST(SiteRules, TheLongestHostWinsAndEveryHostRulesComeFirst) {
  auto rules = SiteRules::Parse(kRules, "x.site");
  ASSERT_OK(rules);
  auto names = [&](const std::string& url) {
    std::string out;
    for (const SiteRule* r : rules->For(url)) out += (out.empty() ? "" : " ") + r->name;
    return out;
  };
  EXPECT_EQ(names("https://vnexpress.net/a-1.html"), "everywhere vnexpress");
  EXPECT_EQ(names("https://kinhdoanh.vnexpress.net/a-1.html"), "everywhere vnexpress");
  EXPECT_EQ(names("https://E.VNEXPRESS.NET/news/x"), "everywhere vnexpress-international");
  EXPECT_EQ(names("https://notvnexpress.net/a"), "everywhere");
  EXPECT_EQ(names("not a url"), "everywhere");
}

TEST(SiteRules, EveryErrorIsReportedWithFileAndLine) {
  struct Case {
    const char* text;
    const char* error;
  };
  for (const Case& c : std::vector<Case>{
           {"body: article\n", "f.site:1: 'body' before any 'site NAME' line"},
           {"site a\nhost: a.vn\nboddy: x\n",
            "f.site:3: unknown key 'boddy' (expected host, body, lead, title, author, published, drop, "
            "drop-text)"},
           {"site a\nhost: a.vn\nbody: div..x\n",
            "f.site:3: body: column 5: expected a class name after '.'"},
           {"site a\nhost: a.vn\ndrop-text: (Xem thêm\n", "f.site:3: drop-text: missing ): (Xem thêm"},
           {"site a\nbody: article\n", "f.site:1: site 'a' has no host line"},
           {"site A b\nhost: a.vn\n",
            "f.site:1: a site name is lower-case letters, digits, '-', '_' or '.': 'A b'"},
           {"site a\nhost: a.vn\nsite a\nhost: b.vn\n", "f.site:3: site 'a' is already defined at f.site:1"},
           {"site a\nhost: a.vn\nsite b\nhost: A.VN\n",
            "f.site:4: host 'a.vn' already belongs to site 'a' (and 1 more)"},  // and b has no host
           {"site a\nhost: http://a.vn/\n", "f.site:2: host: 'http://a.vn/' is not a host name (and 1 more)"},
           {"site a\nhost: *\nbody: article\n",
            "f.site:1: site 'a' is for every host (*): it may only drop (drop, drop-text)"},
           {"site a\nhost: a.vn\ntitle:\n", "f.site:3: title: no value"},
           {"site a\nhost: a.vn\njust words\n", "f.site:3: expected 'site NAME' or 'KEY: VALUE'"},
       }) {
    auto r = SiteRules::Parse(c.text, "f.site");
    ASSERT_FALSE(r.has_value()) << c.text;
    EXPECT_EQ(r.error().message, c.error) << c.text;
  }
  auto r = SiteRules::Parse("site a\nhost: a.vn\nbody: x..y\nlead: [\n", "f.site");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "f.site:3: body: column 3: expected a class name after '.' (and 1 more)");
}

TEST(SiteRules, TheProjectsSiteRulesLoadAndCoverTheVietnameseOutletsOfTheDefaultFeeds) {
  const std::string dir = (pw::testing::SourceDir() / "rules" / "sites").string();
  EXPECT_TRUE(SiteRules::Check(dir).empty());
  auto rules = SiteRules::Load(dir);
  ASSERT_OK(rules);
  // Every pw:fulltext outlet of feeds/default.opml, on an article address.
  for (const char* url :
       {"https://vnexpress.net/a-4672302.html", "https://e.vnexpress.net/news/business/a-1.html",
        "https://tuoitre.vn/a-2024.htm", "https://thanhnien.vn/a-185.htm",
        "https://vietnamnet.vn/a-2342.html", "https://dantri.com.vn/kinh-doanh/a-2024.htm",
        "https://cafef.vn/a-188.chn", "https://cafebiz.vn/a-176.chn", "https://vneconomy.vn/a.htm",
        "https://nld.com.vn/a-196.htm"}) {
    const auto applying = rules->For(url);
    ASSERT_FALSE(applying.empty()) << url;
    EXPECT_FALSE(applying.back()->is_every_host()) << url << " has no site rule of its own";
    EXPECT_FALSE(applying.back()->body.empty()) << url;
  }
}

TEST(SiteRules, MissingDirectoryIsNoRules) {
  auto rules = SiteRules::Load("/nonexistent/rules/sites");
  ASSERT_OK(rules);
  EXPECT_EQ(rules->size(), 0u);
  EXPECT_TRUE(SiteRules::Check("/nonexistent/rules/sites").empty());
}

TEST(SiteRules, ErrorsNameTheFileOnDisk) {
  pw::testing::TempDir dir;
  pw::testing::WriteFile(dir.path() / "a.site", "site a\nhost: a.vn\nbody: article\n");
  pw::testing::WriteFile(dir.path() / "b.site", "site a\nhost: b.vn\nsite c\nhost: c.vn\nfoo: x\n");
  pw::testing::WriteFile(dir.path() / "notes.txt", "not a rule file");
  const auto errors = SiteRules::Check(dir.path().string());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0],
            dir.File("b.site") + ":1: site 'a' is already defined at " + dir.File("a.site") + ":1");
  EXPECT_EQ(errors[1].rfind(dir.File("b.site") + ":5: unknown key 'foo'", 0), 0u) << errors[1];
  EXPECT_FALSE(SiteRules::Load(dir.path().string()).has_value());
}

}  // namespace
}  // namespace pw::text
