#include "feed/parse.h"

#include <gtest/gtest.h>

#include "common/time.h"
#include "test_util.h"

namespace pw::feed {
namespace {

using pw::testing::ReadFile;
using pw::testing::SourceDir;

TEST(FeedParse, ReadsTheDemoRssFeedWithContentEncoded) {
  auto feed = Parse(ReadFile(SourceDir() / "feeds/demo/genai.vi.xml"), {.document_url = "file:///x/genai.vi.xml"});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, Format::kRss20);
  EXPECT_EQ(feed->title, "Tin đổi mới sáng tạo (demo)");
  EXPECT_EQ(feed->language, "vi");
  EXPECT_FALSE(feed->illformed);
  ASSERT_EQ(feed->items.size(), 1u);
  const Item& item = feed->items[0];
  EXPECT_EQ(item.key, "guid:demo-vi-genai-open-innovation-2024-11-21");
  EXPECT_EQ(FormatTimestamp(*item.published), "2024-11-21T02:00:00Z");
  ASSERT_EQ(item.authors.size(), 1u);
  EXPECT_EQ(item.authors[0].name, "Ban biên tập");
  EXPECT_EQ(item.categories, std::vector<std::string>{"Khởi nghiệp"});
  EXPECT_NE(item.summary.find("92%"), std::string::npos);
  EXPECT_NE(item.content.find("<p>Báo cáo về hệ sinh thái"), std::string::npos);
}

TEST(FeedParse, ReadsAtomAndResolvesRelativeLinks) {
  auto feed = Parse(ReadFile(SourceDir() / "feeds/demo/genai.en.xml"),
                    {.document_url = "https://demo.presswatch.dev/en/feed.atom"});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, Format::kAtom10);
  EXPECT_EQ(feed->language, "en");
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].link, "https://demo.presswatch.dev/en/genai-open-innovation");
  EXPECT_EQ(FormatTimestamp(*feed->items[0].published), "2024-11-21T03:00:00Z");
  EXPECT_NE(feed->items[0].content.find("<p>"), std::string::npos);
}

TEST(FeedParse, ReadsJsonFeed) {
  auto feed = Parse(ReadFile(SourceDir() / "feeds/demo/press-releases.json"), {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, Format::kJsonFeed11);
  ASSERT_EQ(feed->items.size(), 2u);
  for (const auto& item : feed->items) {
    EXPECT_FALSE(item.title.empty());
    EXPECT_TRUE(item.published.has_value());
    EXPECT_EQ(item.key.rfind("guid:https://", 0), 0u) << item.key;
  }
}

TEST(FeedParse, ReadsRss10Rdf) {
  const std::string rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://a.vn/"><title>RDF feed</title><link>https://a.vn/</link></channel>
  <item rdf:about="https://a.vn/1"><title>Một</title><link>https://a.vn/1</link>
    <dc:date>2024-11-25T08:00:00+07:00</dc:date></item>
</rdf:RDF>)";
  auto feed = Parse(rdf, {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, Format::kRss10);
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].title, "Một");
  EXPECT_EQ(FormatTimestamp(*feed->items[0].published), "2024-11-25T01:00:00Z");
}

TEST(FeedParse, RecoversIllFormedXmlAndSaysWhy) {
  const std::string broken =
      "<rss version=\"2.0\"><channel><title>T</title>\n"
      "<item><title>One &amp; two</title><link>https://a.vn/1?a=1&b=2</link></item>\n"
      "<item><title>Two</title><link>https://a.vn/2</link></item></channel></rss>";
  auto feed = Parse(broken, {});
  ASSERT_OK(feed);
  EXPECT_TRUE(feed->illformed);
  EXPECT_EQ(feed->error.rfind("line 2:", 0), 0u) << feed->error;
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].title, "One & two");
}

// shared/corpus/feeds/vi-2golang-vnexpress-rss: a real VnExpress feed whose
// enclosure URL has a bare '&', as VnExpress sends it.
TEST(FeedParse, ReadsARealVnExpressFeedWithABareAmpersand) {
  PW_REQUIRE_SHARED();
  auto feed = Parse(ReadFile(pw::testing::SharedDir() /
                             "corpus/feeds/vi-2golang-vnexpress-rss/vnexpress_the-gioi_2025-02-06.xml"),
                    {.document_url = "https://vnexpress.net/rss/the-gioi.rss"});
  ASSERT_OK(feed);
  EXPECT_TRUE(feed->illformed);
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].title, "Israel nối gót Mỹ rời Hội đồng Nhân quyền LHQ");
  EXPECT_EQ(FormatTimestamp(*feed->items[0].published), "2025-02-06T13:30:48Z");
}

TEST(FeedParse, RefusesAnHtmlPageAndEmptyInput) {
  auto html = Parse("<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>",
                    {.document_url = "https://a.vn/"});
  ASSERT_FALSE(html.has_value());
  EXPECT_EQ(html.error().kind, ErrorKind::kUnsupported);
  auto empty = Parse("   \n", {.document_url = "f.xml"});
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().kind, ErrorKind::kMalformed);
  EXPECT_EQ(empty.error().message, "f.xml:1: empty document");
}

TEST(FeedParse, NeverExpandsExternalEntities) {
  const std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>a</title><link>https://a.vn/</link></item></channel></rss>)";
  auto feed = Parse(xxe, {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->title.find("root:"), std::string::npos);
}

TEST(FeedParse, ReadsVietnameseDatesWithoutZoneAsVietnamTime) {
  const std::string rss = R"(<rss version="2.0"><channel><title>T</title><language>vi</language>
<item><title>a</title><link>https://a.vn/1</link><pubDate>25/11/2024 08:00</pubDate></item></channel></rss>)";
  auto feed = Parse(rss, {});
  ASSERT_OK(feed);
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(FormatTimestamp(*feed->items[0].published), "2024-11-25T01:00:00Z");
}

TEST(FeedParse, SkipsAnEmptyItemWithAWarning) {
  const std::string rss = R"(<rss version="2.0"><channel><title>T</title>
<item></item><item><title>b</title><link>https://a.vn/b</link></item></channel></rss>)";
  auto feed = Parse(rss, {});
  ASSERT_OK(feed);
  ASSERT_EQ(feed->items.size(), 1u);
  ASSERT_EQ(feed->warnings.size(), 2u);
  EXPECT_EQ(feed->warnings[0], "item 1 is empty: skipped");
  EXPECT_EQ(feed->warnings[1], "item 2 has no usable date: its first-seen time stands in");
}

}  // namespace
}  // namespace pw::feed
