#include "text/normalize.h"

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "text/search_key.h"
#include "text_variants.h"

namespace pw::text {
namespace {

// Where two long strings first differ, with some context, for failure messages.
std::string FirstDifference(const std::string& got, const std::string& want) {
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  const size_t from = i > 40 ? i - 40 : 0;
  return "at byte " + std::to_string(i) + "\n  got:  " + got.substr(from, 100) + "\n  want: " + want.substr(from, 100);
}

TEST(NormalizeText, ComposesToNfcAndRemovesInvisibles) {
  // "Quỹ" written with a combining tilde, a zero-width space, an NBSP.
  EXPECT_EQ(NormalizeText("Quy\u0303 GenAI\u00A0\u200Bfund"), "Quỹ GenAI fund");
  EXPECT_EQ(NormalizeText("khởi\u00ADnghiệp\uFEFF"), "khởinghiệp");
  EXPECT_EQ(NormalizeText("a\x01" "b\x7F" "c"), "abc");
}

struct Case {
  const char* name;
  std::string in;
  std::string want;
};

TEST(NormalizeText, RemovesInvisibleAndControlCharacters) {
  const std::vector<Case> cases = {
      {"zero-width space", "Quỹ\u200BGenAI", "QuỹGenAI"},
      {"zero-width joiner and non-joiner", "Gen\u200DA\u200CI", "GenAI"},
      {"word joiner", "Sovico\u2060Group", "SovicoGroup"},
      {"soft hyphen", "khởi\u00ADnghiệp", "khởinghiệp"},
      {"BOM at the start and inside", "\uFEFFVốn\uFEFF đầu tư", "Vốn đầu tư"},
      {"direction marks and isolates", "\u200EAWS\u200F \u2066NIC\u2069 \u202Ax\u202C", "AWS NIC x"},
      {"C0 controls", "a\x01\x02\x1B" "b", "ab"},
      {"C1 controls", "a\u0085b\u009Fc", "abc"},
      {"combining grapheme joiner", "a\u034Fb", "ab"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeText(c.in), c.want) << c.name;
}

TEST(NormalizeText, FoldsSpacesAndLineEnds) {
  const std::vector<Case> cases = {
      {"NBSP", "200\u00A0triệu USD", "200 triệu USD"},
      {"narrow NBSP", "92\u202F%", "92 %"},
      {"em and thin spaces", "a\u2003b\u2009c", "a b c"},
      {"ideographic space", "a\u3000b", "a b"},
      {"tabs and runs of spaces", "a\t\t b   c", "a b c"},
      {"CR LF and CR", "a\r\nb\rc", "a\nb\nc"},
      {"line and paragraph separators", "a\u2028b\u2029c", "a\nb\n\nc"},
      {"blank lines collapse to one", "a\n\n\n\n b \n", "a\n\nb"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeText(c.in), c.want) << c.name;
}

TEST(NormalizeText, KeepsDashesAndQuotesForDisplay) {
  // Matching folds them (SearchKey); the text keeps what the outlet wrote.
  const std::string text = "“Quỹ GenAI” – quỹ đầu tư mạo hiểm — GenAI’s «fund» ‘x’ 1‑2";
  EXPECT_EQ(NormalizeText(text), text);
  EXPECT_EQ(SearchKey(text), "\"quy genai\" - quy dau tu mao hiem - genai's \"fund\" 'x' 1-2");
}

TEST(NormalizeText, PutsToneMarksInOnePlace) {
  EXPECT_EQ(NormalizeText("Hoà Bình khoẻ, thuý, Uỷ ban"), "Hòa Bình khỏe, thúy, Ủy ban");
  EXPECT_EQ(NormalizeText("ho\u0061\u0300 (NFD, old style)"), "hòa (NFD, old style)");
}

TEST(NormalizeText, RepairsMojibake) {
  EXPECT_EQ(NormalizeText("Ä‘áº§u tÆ° vÃ\u00A0o Quá»¹ GenAI"), "đầu tư vào Quỹ GenAI");
  EXPECT_EQ(NormalizeText("PROMPERÃ\u009A"), "PROMPERÚ");     // the C1 control is a byte of the character
  EXPECT_EQ(NormalizeText("Ã\u200B©"), "é");                  // once the invisible is gone, a pair
  EXPECT_EQ(NormalizeText("â€‹x"), "x");                       // mojibake of a zero-width space
}

TEST(NormalizeText, LeavesCorrectTextUnchanged) {
  for (const char* text : {
           "Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI.",
           "GenAI Fund announced a strategic investment from Sovico Group (TP.HCM, 21/11/2024).",
           "Giá vàng SJC ở mức 55,55 - 56 triệu đồng/lượng; tăng 1,2%.",
           "São Paulo, naïve café, Straße, Ωmega, Привет, 中文, ไทย, 한국어",
           "5 < 6 & 7 > 3",
       })
    EXPECT_EQ(NormalizeText(text), text);
}

TEST(NormalizeText, ReplacesInvalidUtf8) {
  EXPECT_EQ(NormalizeText("a\xff" "b"), "a\uFFFD" "b");
  EXPECT_EQ(NormalizeText("\xe1\xbb"), "\uFFFD");
  EXPECT_EQ(NormalizeText("\xf0\x9f\x98"), "\uFFFD");  // a truncated four-byte sequence: one U+FFFD
}

TEST(NormalizeText, IsIdempotentOnTheSeed) {
  const std::string seed = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  const std::string once = NormalizeText(seed);
  EXPECT_EQ(NormalizeText(once), once);
  EXPECT_NE(once.find("Quỹ GenAI"), std::string::npos);
}

TEST(NormalizeText, TheSeedIsAlreadyCanonical) {
  // extract's offsets for the seed records refer to this text.
  const std::string seed = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  EXPECT_EQ(NormalizeText(seed), seed);
}

// Paragraphs of real text: Dan tri 2020 (vi), press releases (en), and a few
// scripts more (newspaper4k), about 3,000 strings.
std::vector<std::string> CorpusParagraphs() {
  std::vector<std::string> out;
  const auto corpus = pw::testing::SharedDir() / "corpus";
  auto add_lines = [&](const std::string& text, size_t limit) {
    size_t begin = 0;
    while (begin < text.size() && limit > 0) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      if (end > begin && text[begin] != '#') out.emplace_back(text.substr(begin, end - begin)), --limit;
      begin = end + 1;
    }
  };
  for (int n = 1; n <= 150; ++n) {
    char name[64];
    std::snprintf(name, sizeof name, "news_tech_%03d.txt", n);
    add_lines(pw::testing::ReadFile(corpus / "articles/vi/undertheseanlp-dantri-UNC/docs" / name), 100);
  }
  // JSON lines: their escapes (\n, \") are part of the test, as any text.
  add_lines(pw::testing::ReadFile(corpus / "articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl"),
            600);
  for (const char* name : {"chinese_article", "korean_article", "thai_article", "arabic_article", "spanish_article"})
    add_lines(pw::testing::ReadFile(corpus / "html/newspaper4k-testdata/txt" / (std::string(name) + ".txt")), 100);
  return out;
}

TEST(NormalizeText, NormalizingTwiceEqualsOnceOnTheCorpus) {
  PW_REQUIRE_SHARED();
  const std::vector<std::string> paragraphs = CorpusParagraphs();
  ASSERT_GT(paragraphs.size(), 2000u);
  for (const std::string& p : paragraphs) {
    for (const std::string& variant : {p, pw::testing::Nfd(pw::testing::OtherToneStyle(p)), pw::testing::Mojibake(p)}) {
      const std::string once = NormalizeText(variant);
      const std::string twice = NormalizeText(once);
      ASSERT_TRUE(twice == once) << FirstDifference(twice, once);
    }
  }
}

TEST(NormalizeText, VariantsOfCorpusTextMeet) {
  PW_REQUIRE_SHARED();
  size_t moved = 0;
  for (const std::string& p : CorpusParagraphs()) {
    const std::string want = NormalizeText(p);
    const std::string other_style = pw::testing::OtherToneStyle(p);
    moved += other_style != p;
    for (const auto& [name, variant] : {std::pair{"NFD, other tone style", pw::testing::Nfd(other_style)},
                                        std::pair{"mojibake", pw::testing::Mojibake(p)},
                                        std::pair{"NFD mojibake", pw::testing::Mojibake(pw::testing::Nfd(p))}}) {
      const std::string got = NormalizeText(variant);
      ASSERT_TRUE(got == want) << name << " " << FirstDifference(got, want);
    }
  }
  EXPECT_GT(moved, 20u);
}

TEST(NormalizeText, IsIdempotentOnHostileMixtures) {
  // Random strings of the pieces that interact: mojibake leads and
  // continuations, C1 controls, NBSP, invisibles, combining marks, tone
  // marks, spaces, line breaks, invalid bytes. Deterministic.
  const std::vector<std::string> pieces = {
      "Ã", "Â", "Ä", "Æ", "á", "à", "ƒ", "©", "‘", "€", "\u0090", "\u0085", "\u00A0", "\u200B", "\uFEFF",
      "\u0300", "\u0301", "\u0303", "o", "a", "u", "y", "h", "qu", "gi", "oà", "uý", " ", "  ", "\n", "\n\n",
      "\t", "\r", "\xff", "\xe1\xbb", "Ã ", "ng", "ư", "ơ", "đ", "ï»¿", "â€œ"};
  std::mt19937 random(20241121);
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const int length = 1 + static_cast<int>(random() % 24);
    for (int k = 0; k < length; ++k) s += pieces[random() % pieces.size()];
    const std::string once = NormalizeText(s);
    ASSERT_EQ(NormalizeText(once), once) << "input bytes: " << ::testing::PrintToString(s);
  }
}

TEST(NormalizeText, StaysBoundedOnHostileInput) {
  std::string marks = "a";
  for (int i = 0; i < 200000; ++i) marks += "\u0301";
  EXPECT_FALSE(NormalizeText(marks).empty());
  std::string busy = "Ã";
  for (int i = 0; i < 200000; ++i) busy += "ƒ";
  EXPECT_EQ(NormalizeText(busy), busy);  // given up on: it is not mojibake of any text
  // libxml2 stops at 256 open elements (the walk over the tree is bounded by
  // it): a page nested deeper loses what is below, and nothing worse.
  std::string nested;
  for (int i = 0; i < 200; ++i) nested += "<div>";
  EXPECT_EQ(NormalizeDocument(nested + "sâu"), "sâu");
  for (int i = 0; i < 100000; ++i) nested += "<div>";
  EXPECT_EQ(NormalizeDocument(nested + "sâu"), "");
}

TEST(NormalizeDocument, TakesHtmlOrText) {
  EXPECT_EQ(NormalizeDocument("<p>Quỹ <b>GenAI</b></p><p>AWS &amp; NIC</p>"), "Quỹ GenAI\n\nAWS & NIC");
  EXPECT_EQ(NormalizeDocument("5 < 6 and plain"), "5 < 6 and plain");
  EXPECT_TRUE(LooksLikeHtmlDocument("<!DOCTYPE html><html>"));
  EXPECT_FALSE(LooksLikeHtmlDocument("<3 startups"));
}

TEST(NormalizeDocument, GivesTheSameTextForEveryShapeOfTheSeed) {
  const std::string seed = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  const std::string want = NormalizeDocument(seed);
  for (const auto& [name, variant] :
       {std::pair{"NFD, other tone style", pw::testing::Nfd(pw::testing::OtherToneStyle(seed))},
        std::pair{"mojibake", pw::testing::Mojibake(seed)}, std::pair{"HTML page", pw::testing::AsHtmlPage(seed)},
        std::pair{"HTML page of mojibake", pw::testing::AsHtmlPage(pw::testing::Mojibake(seed))}}) {
    const std::string got = NormalizeDocument(variant);
    EXPECT_TRUE(got == want) << name << " " << FirstDifference(got, want);
  }
}

}  // namespace
}  // namespace pw::text
