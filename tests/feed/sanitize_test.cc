#include "feed/sanitize.h"

#include <gtest/gtest.h>

namespace pw::feed {
namespace {

TEST(SanitizeHtml, RemovesScriptsHandlersAndDangerousUrls) {
  const std::string out = SanitizeHtml(
      "<p onclick=\"x()\">Hi<script>evil()</script><a href=\"javascript:alert(1)\">a</a>"
      "<a href=\" JaVa\tScRiPt:alert(1)\">b</a><img src=\"data:image/png;base64,xx\"><iframe src=\"//e\"></iframe>"
      "<style>p{}</style></p>",
      "https://a.vn/").html;
  EXPECT_EQ(out.find("script"), std::string::npos) << out;
  EXPECT_EQ(out.find("onclick"), std::string::npos) << out;
  EXPECT_EQ(out.find("javascript"), std::string::npos) << out;
  EXPECT_EQ(out.find("data:"), std::string::npos) << out;
  EXPECT_EQ(out.find("iframe"), std::string::npos) << out;
  EXPECT_EQ(out.find("style"), std::string::npos) << out;
  EXPECT_NE(out.find("<p>Hi"), std::string::npos) << out;
}

TEST(SanitizeHtml, ResolvesRelativeUrlsAndEscapesText) {
  EXPECT_EQ(SanitizeHtml("<a href='/x'>x &amp; y</a>", "https://a.vn/rss").html, "<a href=\"https://a.vn/x\">x &amp; y</a>");
  EXPECT_EQ(SanitizeHtml("", "https://a.vn/").html, "");
}

TEST(InlineText, DecodesEntitiesOnceAndDropsTags) {
  EXPECT_EQ(InlineText("<b>Quỹ GenAI</b> &amp; AWS"), "Quỹ GenAI & AWS");
  EXPECT_EQ(InlineText("AT&T  buys\n X"), "AT&T buys X");
  EXPECT_EQ(InlineText("a <script>x</script>b"), "a b");
}

}  // namespace
}  // namespace pw::feed
