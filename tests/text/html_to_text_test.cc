#include "text/html_to_text.h"

#include <gtest/gtest.h>

#include "text/normalize.h"

namespace pw::text {
namespace {

TEST(HtmlToText, BlocksBecomeParagraphsAndBrALineBreak) {
  EXPECT_EQ(NormalizeText(HtmlToText("<h1>Tiêu đề</h1><p>Đoạn một<br>dòng hai</p><ul><li>a</li><li>b</li></ul>")),
            "Tiêu đề\n\nĐoạn một\ndòng hai\n\na\n\nb");
}

TEST(HtmlToText, DropsScriptsNavigationHiddenAndImageAltText) {
  const std::string html =
      "<html><head><title>T</title><style>p{}</style></head><body><nav>Trang chủ</nav>"
      "<p>Nội dung <img alt=\"ảnh minh họa\" src=x.jpg>chính.</p><script>var x=1;</script>"
      "<div hidden>ẩn</div><div style=\"display: none\">ẩn</div><p aria-hidden=\"true\">ẩn</p></body></html>";
  EXPECT_EQ(NormalizeText(HtmlToText(html)), "Nội dung chính.");
}

TEST(HtmlToText, DecodesEntitiesOnce) {
  EXPECT_EQ(NormalizeText(HtmlToText("<p>AT&amp;T &amp;amp; Co &lt;3</p>")), "AT&T &amp; Co <3");
}

}  // namespace
}  // namespace pw::text
