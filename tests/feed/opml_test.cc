#include "feed/opml.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace pw::feed {
namespace {

TEST(ParseOpml, ReadsTheDemoFileWithRelativeUrlsAndAttributes) {
  const auto path = pw::testing::SourceDir() / "feeds/demo.opml";
  auto subs = ParseOpml(pw::testing::ReadFile(path), "feeds/demo.opml", "file://" + path.string());
  ASSERT_OK(subs);
  ASSERT_EQ(subs->size(), 5u);
  const Subscription& vi = (*subs)[0];
  EXPECT_EQ(vi.url, "file://" + (pw::testing::SourceDir() / "feeds/demo/genai.vi.xml").string());
  EXPECT_EQ(vi.language, "vi");
  EXPECT_EQ(vi.tags, std::vector<std::string>{"Demo"});
  EXPECT_EQ((*subs)[3].tags, std::vector<std::string>{"Real items (excerpts)"});
}

TEST(ParseOpml, ReadsTheDefaultFeedsFile) {
  const auto path = pw::testing::SourceDir() / "feeds/default.opml";
  auto subs = ParseOpml(pw::testing::ReadFile(path), "feeds/default.opml", "file://" + path.string());
  ASSERT_OK(subs);
  EXPECT_GE(subs->size(), 10u);
  for (const auto& s : *subs) EXPECT_EQ(s.url.rfind("https://", 0), 0u) << s.url;
}

TEST(ParseOpml, ReadsIntervalAndFulltext) {
  const std::string opml = R"(<opml version="2.0" xmlns:pw="https://presswatch.dev/opml"><body>
<outline text="A" xmlUrl="https://a.vn/rss" pw:interval="600" pw:fulltext="true"/></body></opml>)";
  auto subs = ParseOpml(opml, "x.opml", "");
  ASSERT_OK(subs);
  ASSERT_EQ(subs->size(), 1u);
  EXPECT_EQ((*subs)[0].interval, std::chrono::seconds(600));
  EXPECT_TRUE((*subs)[0].fulltext);
  EXPECT_EQ((*subs)[0].title, "A");
}

// Found by fuzzing (tests/data/fuzz/opml/mixed-case-scheme).
TEST(ParseOpml, FuzzFindingAMixedCaseSchemeIsStoredLowerCase) {
  const std::string opml = R"(<opml version="2.0"><body>
<outline text="A" xmlUrl="hTtps://a.vn/rss"/></body></opml>)";
  auto subs = ParseOpml(opml, "x.opml", "");
  ASSERT_OK(subs);
  ASSERT_EQ(subs->size(), 1u);
  EXPECT_EQ((*subs)[0].url, "https://a.vn/rss");
}

TEST(ParseOpml, NamesFileAndLineOfABadAttribute) {
  const std::string opml = "<opml version=\"2.0\" xmlns:pw=\"https://presswatch.dev/opml\"><body>\n"
                           "<outline text=\"A\" xmlUrl=\"https://a.vn/rss\"/>\n"
                           "<outline text=\"B\" xmlUrl=\"https://b.vn/rss\" pw:interval=\"soon\"/>\n"
                           "</body></opml>";
  auto subs = ParseOpml(opml, "feeds.opml", "");
  ASSERT_FALSE(subs.has_value());
  EXPECT_EQ(subs.error().message.rfind("feeds.opml:3: pw:interval", 0), 0u) << subs.error().message;
}

// An empty xmlUrl on an outline with nothing inside is a feed whose address
// was lost, said at its line; one with outlines inside is a folder, as is an
// outline without the attribute.
TEST(ParseOpml, AnEmptyXmlUrlIsSaidAtItsLine) {
  const std::string opml = "<opml version=\"2.0\"><body>\n"
                           "<outline text=\"Folder\" xmlUrl=\"\"><outline text=\"A\" xmlUrl=\"https://a.vn/rss\"/>"
                           "</outline>\n"
                           "<outline text=\"B\" xmlUrl=\" \"/>\n"
                           "</body></opml>";
  auto subs = ParseOpml(opml, "feeds.opml", "");
  ASSERT_FALSE(subs.has_value());
  EXPECT_EQ(subs.error().message, "feeds.opml:3: xmlUrl is empty (outline 'B')");
}

TEST(ParseOpml, NamesFileAndLineOfBrokenXml) {
  auto subs = ParseOpml("<opml><body>\n<outline text=\"A\"\n</body></opml>", "feeds.opml", "");
  ASSERT_FALSE(subs.has_value());
  EXPECT_EQ(subs.error().message.rfind("feeds.opml:", 0), 0u);
  auto not_opml = ParseOpml("<rss/>", "feeds.opml", "");
  ASSERT_FALSE(not_opml.has_value());
  EXPECT_NE(not_opml.error().message.find("not an OPML file"), std::string::npos);
}

// libxml2's depth limit, in words a user can act on (it advised a parser
// flag, XML_PARSE_HUGE, that presswatch never sets).
TEST(ParseOpml, NestingPastTheDepthLimitIsSaidAsSuch) {
  std::string opml = "<opml version=\"2.0\"><body>\n";
  for (int i = 0; i < 300; ++i) opml += "<outline text=\"x\">";
  for (int i = 0; i < 300; ++i) opml += "</outline>";
  opml += "</body></opml>\n";
  auto subs = ParseOpml(opml, "deep.opml", "");
  ASSERT_FALSE(subs.has_value());
  EXPECT_EQ(subs.error().message, "deep.opml:2: elements nested more than 256 deep (the limit of a feed or an OPML file)");
}

// Found by fuzzing (tests/data/fuzz/opml/https-url-without-a-host): a URL
// of a scheme and no host was a subscription, polled in vain for good.
TEST(ParseOpml, FuzzFindingAnHttpsUrlWithoutAHostIsRefused) {
  for (const char* url : {"https:/?b.vn/rss", "http:///rss", "https:"}) {
    const std::string opml = "<opml version=\"2.0\"><body>\n<outline text=\"B\" xmlUrl=\"" + std::string(url) +
                             "\"/>\n</body></opml>";
    auto subs = ParseOpml(opml, "feeds.opml", "");
    ASSERT_FALSE(subs.has_value()) << url << " -> " << (*subs)[0].url;
    EXPECT_EQ(subs.error().message.rfind("feeds.opml:2: xmlUrl", 0), 0u) << subs.error().message;
  }
}

TEST(ParseOpml, RefusesUnsupportedSchemes) {
  auto subs = ParseOpml(R"(<opml><body><outline xmlUrl="ftp://a.vn/rss"/></body></opml>)", "f.opml", "");
  ASSERT_FALSE(subs.has_value());
  EXPECT_NE(subs.error().message.find("not an http, https or file URL"), std::string::npos);
}

}  // namespace
}  // namespace pw::feed
