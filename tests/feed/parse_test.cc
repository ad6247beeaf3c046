#include "feed/parse.h"

#include <algorithm>

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

// A JSON Feed whose items are not an array says so rather than read as an
// empty feed.
TEST(FeedParse, AJsonFeedWhoseItemsAreNoArraySaysSo) {
  auto feed = Parse(R"({"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": {"id": "1"}})", {});
  ASSERT_OK(feed);
  EXPECT_TRUE(feed->items.empty());
  EXPECT_NE(std::find(feed->warnings.begin(), feed->warnings.end(), "items is not an array: no items read"),
            feed->warnings.end());
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

// A feed URL that serves an image or a .gz file is told so, not reported as
// a broken feed at its first stray byte.
TEST(FeedParse, RefusesBinaryDataAsWhatItIs) {
  auto gz = Parse(std::string("\x1f\x8b\x08\0\0\0\0\0\0\x03\xcb\x48\xcd\xc9", 14), {.document_url = "f.xml.gz"});
  ASSERT_FALSE(gz.has_value());
  EXPECT_EQ(gz.error().kind, ErrorKind::kMalformed);
  EXPECT_EQ(gz.error().message, "f.xml.gz:1: gzip-compressed data, not a feed");
  auto png = Parse(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), {.document_url = "logo.png"});
  ASSERT_FALSE(png.has_value());
  EXPECT_EQ(png.error().message, "logo.png:1: binary data, not a feed");
  // One stray control character is still a flaw to repair.
  auto flawed = Parse("<rss version=\"2.0\"><channel><title>a\x01" "b</title></channel></rss>", {.document_url = "f.xml"});
  ASSERT_TRUE(flawed.has_value()) << flawed.error().message;
  EXPECT_EQ(flawed->title, "a b");
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

namespace pw::feed {
namespace {

std::string Published(const Feed& feed, size_t i) {
  return feed.items.size() > i && feed.items[i].published ? FormatTimestamp(*feed.items[i].published) : "-";
}

TEST(FeedParse, ReadsZoneLessDatesAsVietnamTimeForAVietnameseOutlet) {
  const std::string item = "<item><title>a</title><link>https://x/1</link><pubDate>25/11/2024 08:00</pubDate></item>";
  // By the title's letters (VnExpress is on .net and declares no language).
  auto by_title = Parse("<rss><channel><title>Thế giới - VnExpress RSS</title>" + item + "</channel></rss>",
                        {.document_url = "file:///tmp/feed.xml"});
  ASSERT_OK(by_title);
  EXPECT_EQ(Published(*by_title, 0), "2024-11-25T01:00:00Z");
  // By the site's host.
  auto by_host = Parse("<rss><channel><title>Zing</title><link>http://news.zing.vn/</link>" + item +
                       "</channel></rss>", {});
  ASSERT_OK(by_host);
  EXPECT_EQ(Published(*by_host, 0), "2024-11-25T01:00:00Z");
  // An English feed's zone-less date is UTC; the caller's choice wins over both.
  auto english = Parse("<rss><channel><title>TechCrunch</title>" + item + "</channel></rss>", {});
  ASSERT_OK(english);
  EXPECT_EQ(Published(*english, 0), "2024-11-25T08:00:00Z");
  auto fixed = Parse("<rss><channel><title>Thế giới</title>" + item + "</channel></rss>",
                     {.default_utc_offset = std::chrono::minutes(0)});
  ASSERT_OK(fixed);
  EXPECT_EQ(Published(*fixed, 0), "2024-11-25T08:00:00Z");
}

TEST(FeedParse, SaysWhenAnItemHasNoUsableDate) {
  auto feed = Parse("<rss><channel><item><title>a</title><pubDate>soon</pubDate></item></channel></rss>", {});
  ASSERT_OK(feed);
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_FALSE(feed->items[0].published.has_value());
  EXPECT_EQ(feed->warnings, (std::vector<std::string>{"item 1: date 'soon' not understood",
                                                      "item 1 has no usable date: its first-seen time stands in"}));
}

TEST(FeedParse, FindsItemsBelowAnElementLeftOpen) {
  // <itunes:category> never closed: every later item ends up inside it.
  auto feed = Parse(
      "<rss xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd'><channel><title>T</title>"
      "<itunes:category text='Technology'><item><title>one</title></item><item><title>two</title></item>"
      "</channel></rss>",
      {});
  ASSERT_OK(feed);
  EXPECT_TRUE(feed->illformed);
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[1].title, "two");
  EXPECT_EQ(feed->categories, std::vector<std::string>{"Technology"});
}

TEST(FeedParse, ReadsAFeedSavedInsideAnHtmlPage) {
  auto feed = Parse("<html><body><feed xmlns='http://www.w3.org/2005/Atom'><title>Blog</title>"
                    "<entry><title>e</title><link href='https://a.vn/e'/></entry></feed></body></html>",
                    {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, Format::kAtom10);
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->warnings[0], "the feed is wrapped in an HTML page: read from its <feed>");
}

TEST(FeedParse, DecodesTitlesOnceNotTwice) {
  auto feed = Parse(
      "<rss><channel><title>AT&amp;T &amp;amp; Co</title><item>"
      "<title>5 &lt; 6 and &lt;b&gt;bold&lt;/b&gt;</title><description>&lt;p&gt;x &amp;amp;lt; y&lt;/p&gt;"
      "</description></item></channel></rss>",
      {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->title, "AT&T & Co");           // XML decodes "&amp;amp;" to "&amp;", HTML to "&"
  EXPECT_EQ(feed->items[0].title, "5 < 6 and bold");
  EXPECT_EQ(feed->items[0].summary, "x &lt; y");  // an escaped entity stays visible, once decoded
  EXPECT_EQ(feed->items[0].content, "<p>x &amp;lt; y</p>");
}

TEST(FeedParse, KeepsAtomTextConstructsAsTheirTypeSays) {
  auto feed = Parse(
      "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='https://a.vn/blog/'><title type='text'>History of the "
      "&lt;blink&gt; tag</title><entry><id>/posts/1</id><title type='html'>&lt;b&gt;Bold&lt;/b&gt;</title>"
      "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>Hi <a href='x.html'>x</a></p></div>"
      "</content><link href='1.html'/></entry></feed>",
      {.document_url = "https://a.vn/feed.atom"});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->title, "History of the <blink> tag");
  const Item& item = feed->items[0];
  EXPECT_EQ(item.title, "Bold");
  EXPECT_EQ(item.link, "https://a.vn/blog/1.html");
  EXPECT_EQ(item.guid, "https://a.vn/posts/1");  // a path-like id, resolved as feedparser does
  EXPECT_EQ(item.content, "<p>Hi <a href=\"https://a.vn/blog/x.html\">x</a></p>");
}

TEST(FeedParse, DropsLinksThatWouldRunScript) {
  auto feed = Parse(
      "<rss><channel><link>javascript:alert(1)</link><item><title>a</title><link> JavaScript:alert(1)</link>"
      "<enclosure url='data:text/html,x' type='text/html'/></item></channel></rss>",
      {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->link, "");
  EXPECT_EQ(feed->items[0].link, "");
  EXPECT_TRUE(feed->items[0].enclosures.empty());
  const auto said = [&](const std::string& warning) {
    return std::find(feed->warnings.begin(), feed->warnings.end(), warning) != feed->warnings.end();
  };
  EXPECT_TRUE(said("feed: unsafe URL dropped ('javascript:alert(1)')"));
  EXPECT_TRUE(said("item 1: unsafe URL dropped ('JavaScript:alert(1)')"));
}

TEST(FeedParse, ReadsItemLanguageFromXmlLangOrDublinCore) {
  auto feed = Parse(
      "<rss xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><language>vi</language>"
      "<item><title>a</title></item><item><title>b</title><dc:language>en_US</dc:language></item>"
      "<item xml:lang='fr'><title>c</title></item></channel></rss>",
      {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->items[0].language, "vi");
  EXPECT_EQ(feed->items[1].language, "en-US");
  EXPECT_EQ(feed->items[2].language, "fr");
}

TEST(FeedParse, ReadsAuthorsAsPeople) {
  auto feed = Parse(
      "<rss><channel><item><title>a</title><author>me@example.com (Nguyễn Văn A)</author></item>"
      "<item><title>b</title><author>Trần B &lt;b@example.com&gt;</author></item></channel></rss>",
      {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->items[0].authors[0].name, "Nguyễn Văn A");
  EXPECT_EQ(feed->items[0].authors[0].email, "me@example.com");
  EXPECT_EQ(feed->items[1].authors[0].name, "Trần B");
  EXPECT_EQ(feed->items[1].authors[0].email, "b@example.com");
}

TEST(FeedParse, UsesContentLocationAndContentLanguageFromHttp) {
  auto feed = Parse("<rss><channel><item><title>a</title><link>/a.html</link></item></channel></rss>",
                    {.document_url = "https://cdn.example/x.xml",
                     .content_location = "https://vnexpress.net/rss/x.rss",
                     .content_language = "vi"});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->items[0].link, "https://vnexpress.net/a.html");
  EXPECT_EQ(feed->language, "vi");
}

}  // namespace
}  // namespace pw::feed

namespace pw::feed {
namespace {

TEST(FeedParse, ReadsAnAtomEntryDocumentAsAFeedOfOne) {
  auto feed = Parse("<entry xmlns='http://www.w3.org/2005/Atom'><title>Một</title><id>urn:x:1</id>"
                    "<updated>2024-11-25T08:00:00+07:00</updated></entry>",
                    {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, Format::kAtom10);
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].title, "Một");
  EXPECT_EQ(feed->items[0].key, "guid:urn:x:1");
}

}  // namespace
}  // namespace pw::feed
