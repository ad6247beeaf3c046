// Hostile XML: external entities, DTDs on the network, entity bombs, deep
// nesting, huge bodies. The parser must refuse or bound each one: nothing
// loaded (the project's test server on 127.0.0.1 counts the attempts), no
// expansion past its budget, and a clear reason in Feed::error. Time is
// bounded by the CTest timeout; memory by what the parser may produce, which
// the tests measure as output sizes.
#include <string>

#include <gtest/gtest.h>

#include "common/utf8.h"
#include "feed/charset.h"
#include "feed/parse.h"
#include "feed/xml_repair.h"
#include "test_server.h"
#include "test_util.h"

namespace pw::feed {
namespace {

using pw::testing::TestServer;

std::string Rss(const std::string& doctype, const std::string& title) {
  return "<?xml version=\"1.0\"?>\n" + doctype + "\n<rss version=\"2.0\"><channel><title>" + title +
         "</title><item><title>a</title><link>https://a.vn/1</link></item></channel></rss>";
}

TEST(Hostile, ExternalEntitiesAndDtdsAreNeverFetched) {
  TestServer server;
  server.Route("/secret", {.body = "SECRET-FROM-THE-NETWORK"});
  server.Route("/evil.dtd", {.body = "<!ENTITY leak SYSTEM \"" + server.Url("/secret") + "\">"});
  const std::string doctype = "<!DOCTYPE rss SYSTEM \"" + server.Url("/evil.dtd") + "\" [\n" +
                              "<!ENTITY net SYSTEM \"" + server.Url("/secret") + "\">\n" +
                              "<!ENTITY file SYSTEM \"file:///etc/hostname\">\n" +
                              "<!ENTITY % pe SYSTEM \"" + server.Url("/evil.dtd") + "\"> %pe;\n]>";
  auto feed = Parse(Rss(doctype, "a&net;b&file;c&leak;d"), {.document_url = "https://a.vn/rss"});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->title, "abc&leak;d");  // an undeclared entity stays text
  EXPECT_EQ(server.Hits("/secret"), 0);
  EXPECT_EQ(server.Hits("/evil.dtd"), 0);
  EXPECT_TRUE(feed->illformed);
  EXPECT_NE(feed->error.find("external entities are never loaded"), std::string::npos) << feed->error;
  ASSERT_EQ(feed->items.size(), 1u);  // and the feed is still read
}

TEST(Hostile, TheBillionLaughsIsRefusedAtTheDeclaration) {
  std::string doctype = "<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int i = 1; i <= 9; ++i) {
    const std::string name = "lol" + std::to_string(i);
    doctype += "<!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) doctype += "&" + previous + ";";
    doctype += "\">\n";
    previous = name;
  }
  doctype += "]>";
  auto feed = Parse(Rss(doctype, "x&lol9;y&lol;z"), {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->title, "xylolz");  // only the flat entity expands
  EXPECT_TRUE(feed->illformed);
  EXPECT_NE(feed->error.find("nesting is not expanded"), std::string::npos) << feed->error;
}

TEST(Hostile, QuadraticBlowupStopsAtTheExpansionBudget) {
  const std::string value(4000, 'a');
  std::string title;
  for (int i = 0; i < 100000; ++i) title += "&a;";  // 400 MB if expanded
  const std::string doc = Rss("<!DOCTYPE rss [<!ENTITY a \"" + value + "\">]>", title);
  auto feed = Parse(doc, {});
  ASSERT_OK(feed);
  // The budget is max(1 MiB, the document's size).
  EXPECT_LE(feed->title.size(), std::max<size_t>(1 << 20, doc.size()));
  EXPECT_GT(feed->title.size(), 0u);
  EXPECT_TRUE(feed->illformed);
  EXPECT_NE(feed->error.find("expansions over"), std::string::npos) << feed->error;
}

TEST(Hostile, DeepNestingIsCutAtLibxml2sDepthLimit) {
  std::string doc = "<rss version=\"2.0\"><channel><title>deep</title>";
  for (int i = 0; i < 100000; ++i) doc += "<x>";
  auto feed = Parse(doc, {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->title, "deep");
  EXPECT_TRUE(feed->illformed);
  EXPECT_NE(feed->error.find("elements nested more than 256 deep"), std::string::npos) << feed->error;
}

TEST(Hostile, DeepJsonIsRefused) {
  std::string doc = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": ";
  for (int i = 0; i < 10000; ++i) doc += "[";
  auto feed = Parse(doc, {.document_url = "https://a.vn/feed.json"});
  ASSERT_FALSE(feed.has_value());
  EXPECT_EQ(feed.error().kind, ErrorKind::kMalformed);
}

TEST(Hostile, ABodyOverTheLimitIsRefusedBeforeParsing) {
  const std::string doc = Rss("", std::string(2000, 'x'));
  auto feed = Parse(doc, {.document_url = "https://a.vn/rss", .max_bytes = 1000});
  ASSERT_FALSE(feed.has_value());
  EXPECT_EQ(feed.error().kind, ErrorKind::kTooLarge);
  EXPECT_NE(feed.error().message.find("https://a.vn/rss: "), std::string::npos) << feed.error().message;
}

TEST(Hostile, ControlCharactersAndStrayMarkupAreRepairedNotFatal) {
  auto feed = Parse(std::string("<rss><channel><title>a\x01") + "b < c</title><item><title>t\x0b</title>"
                    "<link>https://a.vn/?a=1&b=2</link></item></channel></rss>",
                    {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->title, "a b < c");
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].link, "https://a.vn/?a=1&b=2");
  EXPECT_TRUE(feed->illformed);
  EXPECT_EQ(feed->error, "line 1: control character U+0001 replaced by a space");
}

TEST(RepairXml, FixesAmpersandsAndEntitiesOutsideCdataOnly) {
  const auto r = xml::RepairXml("<a>AT&T &eacute; &#146; &amp; <![CDATA[x & y]]><!-- & --></a>");
  ASSERT_TRUE(r.changed);
  EXPECT_EQ(r.text, "<a>AT&amp;T &#233; &#8217; &amp; <![CDATA[x & y]]><!-- & --></a>");
  EXPECT_EQ(r.first_problem, "line 1: bare '&' read as '&amp;'");
  EXPECT_EQ(r.fixes, 3);
  const auto clean = xml::RepairXml("<a href=\"x?a=1&amp;b=2\">ok &lt; &#x41;</a>");
  EXPECT_FALSE(clean.changed);
  EXPECT_TRUE(clean.first_problem.empty());
}

TEST(RepairXml, KeepsLineNumbersWhenItRemovesTheDoctype) {
  const auto r = xml::RepairXml("<!DOCTYPE rss [\n<!ENTITY a \"A\">\n]>\n<rss>&a; &b;</rss>");
  ASSERT_TRUE(r.changed);
  EXPECT_EQ(r.text, "\n\n\n<rss>A &amp;b;</rss>");
  EXPECT_EQ(r.first_problem, "line 4: undefined entity &b; kept as text");
}

TEST(RepairXml, AnHtmlEntityUnderAnExternalDtdIsNotIllFormed) {
  // Netscape's RSS 0.91 DTD declares the HTML entities; the feed is fine.
  const auto r = xml::RepairXml(
      "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
      "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss>caf&eacute;</rss>");
  EXPECT_EQ(r.text, "\n<rss>caf&#233;</rss>");
  EXPECT_TRUE(r.first_problem.empty());
}

// Found by fuzzing (tests/data/fuzz/feed/atom-content-of-a-binary-type-that-is-not-utf8):
// Atom content of a media type that is neither text nor XML is base64 (RFC
// 4287, section 4.1.3.3); decoded, an image's bytes went into Item::content,
// which is shown and stored as UTF-8 text.
TEST(Hostile, FuzzFindingBase64ContentThatIsNotTextIsDropped) {
  auto feed = Parse(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title><link href=\"https://a.vn/1\"/>"
      "<content type=\"image/png\">iVBORw0KGgoAAAANSUhEUg==</content></entry>"
      "<entry><title>u</title><link href=\"https://a.vn/2\"/>"
      "<content type=\"application/octet-stream\">WGluIGNow6Bv</content></entry></feed>",  // "Xin chào"
      {.document_url = "https://a.vn/atom"});
  ASSERT_OK(feed);
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].content, "");
  EXPECT_NE(feed->items[1].content.find("Xin chào"), std::string::npos) << feed->items[1].content;
}

// Found by fuzzing (tests/data/fuzz/feed/unknown-encoding-label-of-stray-bytes):
// the label of an encoding nobody knows was quoted as written in
// Feed::error, stray bytes and all, which made the message invalid UTF-8.
TEST(Hostile, FuzzFindingAnEncodingLabelOfStrayBytesIsQuotedEscaped) {
  auto feed = Parse(
      "<?xml version=\"1.0\" encoding=\"ut\xff\xfe" "8\"?><rss version=\"2.0\"><channel><title>x</title>"
      "</channel></rss>",
      {});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->error, "unknown encoding 'ut\\xff\\xfe8': read as utf-8");
  EXPECT_EQ(feed->encoding, "utf-8");
}

// Found by fuzzing (tests/data/fuzz/feed/declared-label-with-a-stray-byte):
// ICU skips what is not a letter or digit when it matches a label, so
// "u~tf\xb38" opened a converter and the raw label reached Feed::error.
TEST(Hostile, FuzzFindingALabelIcuOpensDespiteAStrayByteStaysPrintable) {
  auto feed = Parse(
      "<?xml version=\"1.0\" encoding=\"u~tf\xb3" "8\"?><rss version=\"2.0\"><channel><title>x\xff</title>"
      "</channel></rss>",
      {});
  ASSERT_OK(feed);
  EXPECT_TRUE(IsValidUtf8(feed->error)) << feed->error;
  EXPECT_TRUE(IsValidUtf8(feed->encoding)) << feed->encoding;
  EXPECT_NE(feed->error.find("u~tf\\xb38"), std::string::npos) << feed->error;
}

// Found by fuzzing (tests/data/fuzz/feed/libxml2-error-quoting-a-cut-character):
// libxml2 quotes the input on a second line of its message, cut at a byte
// count; read as Latin-1, every byte of the unfinished CDATA section is a
// two-byte character, and the cut left half of one in Feed::error.
TEST(Hostile, FuzzFindingAnXmlErrorQuotingACutCharacterIsOneLineOfUtf8) {
  std::string body = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
                     "<description><![CDATA[<p>";
  for (int i = 0; i < 40; ++i) body += "\xbd\xa8\xb9\xfa";
  auto feed = Parse(body, {.content_type = "text/xml; charset=iso-8859-1"});
  ASSERT_OK(feed);
  EXPECT_EQ(feed->error, "line 2: CData section not finished");
}

}  // namespace
}  // namespace pw::feed
