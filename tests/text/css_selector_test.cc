#include "text/css_selector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"
#include "text/html_dom.h"

namespace pw::text {
namespace {

// The ids of the elements of `html` that `selector` matches, in document order.
std::string MatchingIds(const std::string& html, const std::string& selector) {
  auto s = Selector::Parse(selector);
  EXPECT_TRUE(s.has_value()) << selector << ": " << s.error().message;
  if (!s) return "";
  const dom::DocPtr doc = dom::ParseHtml(html, "UTF-8");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::string ids;
  for (const xmlNode* n = root; n; n = dom::NextInTree(n, root)) {
    if (!s->Matches(n) || !dom::HasAttr(n, "id")) continue;
    if (!ids.empty()) ids += ' ';
    ids += dom::Attr(n, "id");
  }
  return ids;
}

const char* kPage =
    "<body><div id=d1 class='detail-content afcbc-body' data-role='content'>"
    "<p id=p1 class=Normal>a</p><p id=p2 class='Normal author'>b</p>"
    "<div id=d2 type=RelatedOneNews class=VCSortableInPreviewMode><p id=p3>c</p></div></div>"
    "<article id=a1 class='fck_detail '><section id=s1><p id=p4 lang=vi-VN>d</p></section></article></body>";

TEST(Selector, TypeClassIdAndCompounds) {
  EXPECT_EQ(MatchingIds(kPage, "p"), "p1 p2 p3 p4");
  EXPECT_EQ(MatchingIds(kPage, "P.Normal"), "p1 p2");  // element names ignore case
  EXPECT_EQ(MatchingIds(kPage, ".normal"), "");        // class names do not
  EXPECT_EQ(MatchingIds(kPage, "div.detail-content.afcbc-body"), "d1");
  EXPECT_EQ(MatchingIds(kPage, "#a1"), "a1");
  EXPECT_EQ(MatchingIds(kPage, "*#s1"), "s1");
  EXPECT_EQ(MatchingIds(kPage, "article.fck_detail"), "a1");  // a trailing space in class is fine
}

TEST(Selector, Attributes) {
  EXPECT_EQ(MatchingIds(kPage, "[data-role=content]"), "d1");
  EXPECT_EQ(MatchingIds(kPage, "div[type='RelatedOneNews']"), "d2");
  EXPECT_EQ(MatchingIds(kPage, "div[type=relatedonenews i]"), "d2");
  EXPECT_EQ(MatchingIds(kPage, "[class~=author]"), "p2");
  EXPECT_EQ(MatchingIds(kPage, "[class^=detail]"), "d1");
  EXPECT_EQ(MatchingIds(kPage, "[class$=body]"), "d1");
  EXPECT_EQ(MatchingIds(kPage, "[class*=Sortable]"), "d2");
  EXPECT_EQ(MatchingIds(kPage, "[lang|=vi]"), "p4");
  EXPECT_EQ(MatchingIds(kPage, "p[lang]"), "p4");
}

TEST(Selector, CombinatorsListsAndNot) {
  EXPECT_EQ(MatchingIds(kPage, "div.detail-content p"), "p1 p2 p3");
  EXPECT_EQ(MatchingIds(kPage, "div.detail-content > p"), "p1 p2");
  EXPECT_EQ(MatchingIds(kPage, "article  >  section > p"), "p4");
  EXPECT_EQ(MatchingIds(kPage, "body > p"), "");
  EXPECT_EQ(MatchingIds(kPage, "#d2 p, article p"), "p3 p4");
  EXPECT_EQ(MatchingIds(kPage, "p.Normal:not(.author)"), "p1");
  EXPECT_EQ(MatchingIds(kPage, "div p:not([lang])"), "p1 p2 p3");
}

TEST(Selector, ErrorsSayWhereAndWhat) {
  struct Case {
    const char* selector;
    const char* error;
  };
  for (const Case& c : std::vector<Case>{
           {"div..x", "column 5: expected a class name after '.'"},
           {"div + p", "column 5: the sibling combinator '+' is not supported"},
           {"p:first-child", "column 2: the pseudo-class ':first-child' is not supported (only :not)"},
           {"a::before", "column 2: pseudo-elements are not supported"},
           {"[data-role=", "column 12: expected a value"},
           {"[x='unterminated]", "column 5: unterminated string"},
           {"div,", "column 5: expected a selector"},
           {"", "column 1: expected a selector"},
           {"p > > a", "column 5: unexpected '>'"},
       }) {
    auto s = Selector::Parse(c.selector);
    ASSERT_FALSE(s.has_value()) << c.selector;
    EXPECT_EQ(s.error().message, c.error) << c.selector;
  }
}

}  // namespace
}  // namespace pw::text
