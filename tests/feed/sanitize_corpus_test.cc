// The attack corpus: the 745 files of feedparser's wellformed/sanitize
// (../shared/conformance/feedparser/wellformed/sanitize), each a feed that
// hides script, handlers, styles, frames, objects or dangerous URLs in one
// field or another. Every field of every parsed feed is read back with a
// real HTML parser (libxml2's) and searched for what must not survive:
//   - elements script, style, applet, embed, object, iframe, frame,
//     frameset, meta, link, base, form controls;
//   - attributes on*, style, and href/src/action/... whose URL is
//     javascript:, vbscript: or data: (spaces and control characters in the
//     scheme seen through, as browsers do);
// and URL fields (links, enclosures, images) are checked for the same
// schemes. The count of escapes must be 0.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "feed/parse.h"
#include "escape_detector.h"
#include "feed/sanitize.h"
#include "test_util.h"

namespace pw::feed {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

using testing::DangerousScheme;

// A field read as HTML, the way a careless page would insert it.
void CheckAsHtml(const std::string& field, const std::string& where, std::vector<std::string>& escapes,
                 int& checked) {
  if (field.empty()) return;
  ++checked;
  for (auto& e : testing::HtmlEscapes(field, where)) escapes.push_back(std::move(e));
}

void CheckUrl(const std::string& url, const std::string& where, std::vector<std::string>& escapes, int& checked) {
  if (url.empty()) return;
  ++checked;
  if (DangerousScheme(url)) escapes.push_back(where + ": URL " + url);
}

// The attacks as the feeds carry them: the text of every element and of the
// inline markup, with XML's escaping undone, read as HTML. This is the
// control: the detector must see the attacks before sanitizing.
void CheckRawText(const std::string& bytes, const std::string& where, std::vector<std::string>& found, int& checked) {
  std::unique_ptr<xmlDoc, DocDeleter> doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                                        nullptr, XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                                                                     XML_PARSE_NOWARNING | XML_PARSE_NONET));
  if (!doc) return;
  xmlBufferPtr buffer = xmlBufferCreate();
  xmlNodeDump(buffer, doc.get(), xmlDocGetRootElement(doc.get()), 0, 0);
  std::string markup(reinterpret_cast<const char*>(xmlBufferContent(buffer)));
  xmlBufferFree(buffer);
  xmlChar* text = xmlNodeGetContent(xmlDocGetRootElement(doc.get()));
  CheckAsHtml(markup + (text ? reinterpret_cast<const char*>(text) : ""), where, found, checked);
  xmlFree(text);
}

TEST(SanitizeCorpus, NoAttackInFeedparsersSanitizeSuiteSurvivesInAnyField) {
  PW_REQUIRE_SHARED();
  const auto dir = pw::testing::SharedDir() / "conformance/feedparser/wellformed/sanitize";
  std::vector<std::string> escapes, attacks_in_input;
  int files = 0, checked = 0, raw_checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".xml") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    const std::string bytes = pw::testing::ReadFile(entry.path());
    CheckRawText(bytes, name + " input", attacks_in_input, raw_checked);
    auto feed = Parse(bytes, {.document_url = "http://example.com/feed.xml"});
    ASSERT_OK(feed);
    for (const std::string* text : {&feed->title, &feed->description, &feed->rights})
      CheckAsHtml(*text, name + " feed", escapes, checked);
    CheckUrl(feed->link, name + " feed link", escapes, checked);
    CheckUrl(feed->image, name + " feed image", escapes, checked);
    for (const auto& l : feed->links) CheckUrl(l.href, name + " feed links", escapes, checked);
    for (const auto& item : feed->items) {
      for (const std::string* field : {&item.title, &item.summary, &item.content})
        CheckAsHtml(*field, name + " item", escapes, checked);
      for (const auto& a : item.authors) {
        CheckAsHtml(a.name, name + " author", escapes, checked);
        CheckUrl(a.uri, name + " author uri", escapes, checked);
      }
      for (const auto& c : item.categories) CheckAsHtml(c, name + " category", escapes, checked);
      CheckUrl(item.link, name + " item link", escapes, checked);
      for (const auto& l : item.links) CheckUrl(l.href, name + " item links", escapes, checked);
      for (const auto& e : item.enclosures) CheckUrl(e.url, name + " enclosure", escapes, checked);
      if (item.source) CheckUrl(item.source->url, name + " source", escapes, checked);
    }
  }
  EXPECT_EQ(files, 745);
  // The detector works: most files carry an attack it sees in the input.
  EXPECT_GT(attacks_in_input.size(), 400u);
  EXPECT_GT(checked, 1000) << "the corpus should give fields to check";
  EXPECT_TRUE(escapes.empty()) << escapes.size() << " escapes, the first: " << escapes.front();
  std::cout << "sanitize corpus: " << files << " files, " << checked << " fields checked, " << escapes.size()
            << " escapes (the same detector finds " << attacks_in_input.size() << " in the input)\n";
}

// Unit cases: the tricks of the corpus, one by one.
TEST(SanitizeHtml, SeesThroughObfuscatedSchemes) {
  for (const char* url : {"javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                          "java&#x09;script:alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)",
                          "data:text/html;base64,PHNjcmlwdD4=", "jav&#x0A;ascript:alert(1)"}) {
    const std::string html = std::string("<a href=\"") + url + "\">x</a><img src=\"" + url + "\">";
    const std::string out = SanitizeHtml(html, "https://a.vn/").html;
    EXPECT_EQ(out, "<a>x</a><img>") << url;
  }
  EXPECT_FALSE(IsSafeUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsSafeUrl(" data:text/html,x"));
  EXPECT_TRUE(IsSafeUrl("https://vnexpress.net/a.html"));
  EXPECT_TRUE(IsSafeUrl("/relative/path"));
  EXPECT_TRUE(IsSafeUrl("記事1のURL"));            // relative, however long its first segment
  EXPECT_TRUE(IsSafeUrl("verylongsegment/x:y"));  // a ':' after a '/' is no scheme
  EXPECT_FALSE(IsSafeUrl("verylongscheme:x"));
}

TEST(SanitizeHtml, UnwrapsFramesAndObjectsButKeepsTheirText) {
  EXPECT_EQ(SanitizeHtml("safe<embed src=\"http://e/\"> <b>description</b>", "").html, "safe <b>description</b>");
  EXPECT_EQ(SanitizeHtml("<object data=\"x.swf\"><param name=a value=b>fallback</object>", "").html, "fallback");
  EXPECT_EQ(SanitizeHtml("<noscript><img src=\"https://a.vn/i.jpg\"></noscript>", "").html,
            "<img src=\"https://a.vn/i.jpg\">");
}

TEST(SanitizeHtml, ReadsCommentsAsBrowsersDo) {
  // HTML5 ends a comment only at "-->": the rest is inside it.
  EXPECT_EQ(SanitizeHtml("sa<!-- -- x >fe<script>alert(1);</script>", "").text, "sa");
  // A stray DOCTYPE or an unclosed comment at the end swallows nothing of ours.
  EXPECT_EQ(SanitizeHtml("x <!DOCTYPE ~", "").text, "x");
  EXPECT_EQ(SanitizeHtml("x <!-- never closed", "").text, "x");
}

}  // namespace
}  // namespace pw::feed
