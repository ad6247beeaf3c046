#include "text/html_to_text.h"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <zlib.h>

#include "test_util.h"
#include "text/normalize.h"

namespace pw::text {
namespace {

std::string ReadGzip(const std::filesystem::path& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(file, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  gzclose(file);
  return out;
}

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

TEST(HtmlToText, DropsHiddenClassesKeepsPreformattedLinesAndCellsApart) {
  EXPECT_EQ(NormalizeText(HtmlToText("<p>Chia sẻ<span class=\"sr-only\"> lên Facebook</span></p>"
                                     "<div class=\"box hidden\">x</div><p class=\"hiddenish\">giữ</p>")),
            "Chia sẻ\n\ngiữ");
  EXPECT_EQ(NormalizeText(HtmlToText("<pre>dòng 1\ndòng 2</pre><p>a\nb</p>")), "dòng 1\ndòng 2\n\na b");
  EXPECT_EQ(NormalizeText(HtmlToText("<table><tr><td>Vốn</td><td>5 triệu USD</td></tr></table>")), "Vốn 5 triệu USD");
}

TEST(HtmlToText, KeepsFigureCaptionsOutOfSentences) {
  EXPECT_EQ(NormalizeText(HtmlToText("<p>Quỹ GenAI<figure><img alt=\"ảnh\"><figcaption>Ảnh: NIC</figcaption></figure>"
                                     "công bố.</p>")),
            "Quỹ GenAI\n\nẢnh: NIC\n\ncông bố.");
}

TEST(HtmlToText, ReadsTheVnExpressPageOfTheCorpus) {
  PW_REQUIRE_SHARED();
  // The only real Vietnamese news page of the corpus (htmldate-eval): a 2023
  // VnExpress business article with menus, scripts and related links.
  const std::string page = ReadGzip(pw::testing::SharedDir() /
                                                 "corpus/html/htmldate-eval/pages/VnExpress.net-Kinh-doanh.html.gz");
  ASSERT_FALSE(page.empty());
  const std::string text = NormalizeDocument(page);
  EXPECT_NE(text.find("Bộ trưởng Tài chính Hồ Đức Phớc thừa nhận mức giảm trừ gia cảnh tính thuế thu nhập cá nhân"),
            std::string::npos);
  EXPECT_NE(text.find("\n\nThông tin trên được Bộ trưởng Tài chính Hồ Đức Phớc chia sẻ bên hành lang Quốc hội, chiều 2/11."
                      "\n\n"),
            std::string::npos);  // a paragraph of its own
  for (const char* absent : {"function(", "window.", "{", "gtag", "<"}) EXPECT_EQ(text.find(absent), std::string::npos) << absent;
}

}  // namespace
}  // namespace pw::text
