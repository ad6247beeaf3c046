#include "fetch/robots.h"

#include <gtest/gtest.h>

#include <string>

namespace pw::fetch {
namespace {

using std::chrono::milliseconds;

constexpr std::string_view kUs = "presswatch";

// The shape of a large news site's robots.txt: search, tags and tracking
// parameters closed to everyone, AI crawlers shut out, sitemaps for news.
constexpr std::string_view kNewsSite =
    "# robots.txt for a news site\n"
    "User-agent: *\n"
    "Disallow: /search\n"
    "Disallow: /tim-kiem\n"
    "Disallow: /*?utm_\n"
    "Disallow: /*.json$\n"
    "Allow: /search/about\n"
    "\n"
    "User-agent: GPTBot\n"
    "User-agent: CCBot\n"
    "Disallow: /\n"
    "\n"
    "Sitemap: https://news.example.vn/sitemap.xml\n"
    "Sitemap: https://news.example.vn/google-news-sitemap.xml\n";

TEST(Robots, TheStarGroupAppliesWhenNoneNamesUs) {
  const Robots r = Robots::Parse(kNewsSite);
  EXPECT_TRUE(r.Allowed(kUs, "/kinh-doanh/startup-goi-von-4672302.html"));
  EXPECT_FALSE(r.Allowed(kUs, "/search?q=sovico"));
  EXPECT_FALSE(r.Allowed(kUs, "/searching"));    // a prefix match
  EXPECT_TRUE(r.Allowed(kUs, "/search/about"));  // longer Allow wins
  EXPECT_FALSE(r.Allowed(kUs, "/tim-kiem/abc"));
  EXPECT_FALSE(r.Allowed(kUs, "/a.html?utm_source=rss"));
  EXPECT_TRUE(r.Allowed(kUs, "/a.html?id=3"));
  EXPECT_FALSE(r.Allowed(kUs, "/data/list.json"));
  EXPECT_TRUE(r.Allowed(kUs, "/data/list.json?x=1"));  // "$" anchors the end
  EXPECT_FALSE(r.Allowed("GPTBot/1.0", "/kinh-doanh/a.html"));
  EXPECT_FALSE(r.Allowed("ccbot", "/"));
  EXPECT_EQ(r.sitemaps(), (std::vector<std::string>{"https://news.example.vn/sitemap.xml",
                                                    "https://news.example.vn/google-news-sitemap.xml"}));
}

TEST(Robots, OurOwnGroupsReplaceTheStarGroupAndAreMerged) {
  const Robots r = Robots::Parse(
      "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n\n"
      "User-agent: PressWatch/2.0\nDisallow: /video/\nCrawl-delay: 2.5\n\n"
      "User-agent: otherbot\nDisallow: /\n\n"
      "user-agent: presswatch\nallow: /video/public/\n");
  EXPECT_TRUE(r.Allowed(kUs, "/private/x"));  // only our groups count
  EXPECT_FALSE(r.Allowed(kUs, "/video/x"));
  EXPECT_TRUE(r.Allowed(kUs, "/video/public/x"));  // from the second group of ours
  EXPECT_EQ(r.CrawlDelay(kUs), milliseconds(2500));
  EXPECT_EQ(r.CrawlDelay("somebot"), milliseconds(1000));
  EXPECT_FALSE(r.Allowed("somebot", "/private/x"));
  // A longer token is another crawler: "presswatch-extra" is not us.
  const Robots other = Robots::Parse("User-agent: presswatch-extra\nDisallow: /\n");
  EXPECT_TRUE(other.Allowed(kUs, "/x"));
}

TEST(Robots, AllowWinsATieAndEmptyDisallowAllowsAll) {
  EXPECT_TRUE(Robots::Parse("User-agent: *\nDisallow: /page\nAllow: /page\n").Allowed(kUs, "/page"));
  EXPECT_TRUE(Robots::Parse("User-agent: *\nDisallow:\n").Allowed(kUs, "/anything"));
  EXPECT_FALSE(Robots::Parse("User-agent: *\nDisallow: /\n").Allowed(kUs, "/anything"));
  EXPECT_FALSE(Robots::Parse("User-agent: *\nAllow: /$\nDisallow: /\n").Allowed(kUs, "/page"));
  EXPECT_TRUE(Robots::Parse("User-agent: *\nAllow: /$\nDisallow: /\n").Allowed(kUs, "/"));
  // Rules before any User-agent line belong to no group.
  EXPECT_TRUE(Robots::Parse("Disallow: /\nUser-agent: *\nDisallow: /x\n").Allowed(kUs, "/y"));
  // No groups at all: everything is allowed.
  EXPECT_TRUE(Robots::Parse("# nothing here\nSitemap: https://a.vn/s.xml\n").Allowed(kUs, "/a"));
}

TEST(Robots, WildcardsMatchAnyRun) {
  const Robots r =
      Robots::Parse("User-agent: *\nDisallow: /*/amp/\nDisallow: /print*.htm$\nDisallow: *sessionid\n");
  EXPECT_FALSE(r.Allowed(kUs, "/kinh-doanh/amp/x.html"));
  EXPECT_TRUE(r.Allowed(kUs, "/amp/x.html"));
  EXPECT_FALSE(r.Allowed(kUs, "/print-123.htm"));
  EXPECT_TRUE(r.Allowed(kUs, "/print-123.html"));
  EXPECT_FALSE(r.Allowed(kUs, "/a?sessionid=1"));
}

TEST(Robots, PathsComparePercentEncodedAndTheQueryCounts) {
  const Robots r =
      Robots::Parse("User-agent: *\nDisallow: /tin-tức/\nDisallow: /a%3cb\nDisallow: /x?page=\n");
  EXPECT_FALSE(r.Allowed(kUs, "/tin-t%E1%BB%A9c/1"));
  EXPECT_FALSE(r.Allowed(kUs, "/tin-t%e1%bb%a9c/1"));
  EXPECT_FALSE(r.Allowed(kUs, "/tin-tức/1"));
  EXPECT_FALSE(r.Allowed(kUs, "/a%3Cb"));
  EXPECT_FALSE(r.Allowed(kUs, "/x?page=2"));
  EXPECT_TRUE(r.Allowed(kUs, "/x"));
  // Whole URLs are read for their path and query.
  EXPECT_FALSE(r.Allowed(kUs, "https://news.example.vn/x?page=2#top"));
  EXPECT_TRUE(r.Allowed(kUs, "https://news.example.vn/"));
}

TEST(Robots, ForgivesWhatRealFilesGetWrong) {
  // A BOM, CR LF and lone CR line ends, keys in any case and misspelled, a
  // missing colon, comments after values, spaces around everything.
  const Robots r = Robots::Parse(
      "\xEF\xBB\xBFUSER-AGENT: *\r\n  Disalow: /a   # old\r\nDissallow /b\rUser agent: presswatch\r\n"
      "Crawl-delay:  3 \r\nDisallow: /c\r\n");
  ASSERT_EQ(r.groups().size(), 2u);
  EXPECT_EQ(r.groups()[0].rules.size(), 2u);
  EXPECT_FALSE(r.Allowed("otherbot", "/a"));
  EXPECT_FALSE(r.Allowed("otherbot", "/b"));
  EXPECT_TRUE(r.Allowed(kUs, "/a"));
  EXPECT_FALSE(r.Allowed(kUs, "/c"));
  EXPECT_EQ(r.CrawlDelay(kUs), milliseconds(3000));
  // Nonsense delays are ignored; huge ones are capped at a day.
  EXPECT_EQ(Robots::Parse("User-agent: *\nCrawl-delay: soon\n").CrawlDelay(kUs), std::nullopt);
  EXPECT_EQ(Robots::Parse("User-agent: *\nCrawl-delay: -4\n").CrawlDelay(kUs), std::nullopt);
  EXPECT_EQ(Robots::Parse("User-agent: *\nCrawl-delay: 1e300\n").CrawlDelay(kUs), milliseconds(86400000));
}

TEST(Robots, OnlyTheFirst500KiBAreRead) {
  std::string body = "User-agent: *\n";
  while (body.size() < 600 * 1024) body += "Disallow: /filler-path-that-matches-nothing-we-ask-about\n";
  body += "Disallow: /late\n";
  EXPECT_TRUE(Robots::Parse(body).Allowed(kUs, "/late"));
  EXPECT_FALSE(Robots::Parse("User-agent: *\nDisallow: /late\n").Allowed(kUs, "/late"));
}

TEST(Robots, StatusOfTheRobotsFetchDecidesThePolicy) {
  EXPECT_FALSE(Robots::ForStatus(200, "User-agent: *\nDisallow: /\n").Allowed(kUs, "/a"));
  EXPECT_TRUE(Robots::ForStatus(404, "<html>not found</html>").Allowed(kUs, "/a"));
  EXPECT_TRUE(Robots::ForStatus(403, "").Allowed(kUs, "/a"));
  EXPECT_FALSE(Robots::ForStatus(503, "").Allowed(kUs, "/a"));
  EXPECT_FALSE(Robots::ForStatus(429, "").Allowed(kUs, "/a"));
  EXPECT_FALSE(Robots::ForStatus(0, "").Allowed(kUs, "/a"));  // no answer: unreachable
  EXPECT_TRUE(Robots::ForStatus(0, "").Allowed(kUs, "/robots.txt"));
  EXPECT_TRUE(Robots::DisallowAll().disallows_all());
}

TEST(Robots, AgentTokenIsTheProductName) {
  EXPECT_EQ(AgentToken("presswatch/0.1 (+https://presswatch.dev/bot)"), "presswatch");
  EXPECT_EQ(AgentToken("Googlebot-News"), "googlebot-news");
  EXPECT_EQ(AgentToken(" * "), "*");
  EXPECT_EQ(AgentToken("/weird"), "");
}

}  // namespace
}  // namespace pw::fetch
