#include "text/search_key.h"

#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "text_variants.h"

namespace pw::text {
namespace {

TEST(SearchKey, FoldsAccentsCaseAndDStroke) {
  EXPECT_EQ(SearchKey("Đổi mới sáng tạo"), "doi moi sang tao");
  EXPECT_EQ(SearchKey("ĐẦU TƯ"), SearchKey("dau tu"));
  EXPECT_EQ(SearchKey("Quỹ GenAI"), "quy genai");
  EXPECT_EQ(SearchKey("Straße"), "strasse");
  EXPECT_EQ(SearchKey("TP.HCM, 92%"), "tp.hcm, 92%");
}

TEST(SearchKey, MakesTheIssuesThreeSpellingsMeet) {
  EXPECT_EQ(SearchKey("dau tu"), "dau tu");
  EXPECT_EQ(SearchKey("Đầu Tư"), "dau tu");
  EXPECT_EQ(SearchKey("đầu tư"), "dau tu");
}

TEST(SearchKey, IgnoresHowTheMarksWereWritten) {
  // NFC, NFD, and either tone placement all meet.
  EXPECT_EQ(SearchKey("hòa"), SearchKey("ho\u0300a"));
  EXPECT_EQ(SearchKey("hòa"), SearchKey("hoà"));
  EXPECT_EQ(SearchKey("thúy"), SearchKey("thuý"));
}

TEST(SearchKey, FoldsDashesQuotesAndApostrophes) {
  EXPECT_EQ(SearchKey("McDonald’s – Việt Nam"), "mcdonald's - viet nam");
  EXPECT_EQ(SearchKey("“Quỹ GenAI” «x» ‘y’ 1‒2 3—4 5−6 a‐b"), "\"quy genai\" \"x\" 'y' 1-2 3-4 5-6 a-b");
  EXPECT_EQ(SearchKey("Fund＇s"), "fund's");
}

TEST(SearchKey, RepairsMojibakeFirst) {
  EXPECT_EQ(SearchKey("Ä‘áº§u tÆ°"), "dau tu");
  EXPECT_EQ(SearchKey("Teemu PÃ¤ivinen"), "teemu paivinen");
}

// Lines of real Vietnamese and English text (Dan tri 2020, press releases).
std::vector<std::string> CorpusLines() {
  std::vector<std::string> out;
  const auto corpus = pw::testing::SharedDir() / "corpus";
  auto add = [&](const std::string& text, size_t limit) {
    size_t begin = 0;
    while (begin < text.size() && limit > 0) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      if (end > begin && text[begin] != '#') out.emplace_back(text.substr(begin, end - begin)), --limit;
      begin = end + 1;
    }
  };
  for (int n = 1; n <= 200; ++n) {
    char name[64];
    std::snprintf(name, sizeof name, "news_science_%03d.txt", n);
    add(pw::testing::ReadFile(corpus / "articles/vi/undertheseanlp-dantri-UNC/docs" / name), 100);
  }
  add(pw::testing::ReadFile(corpus / "articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl"),
      500);
  return out;
}

TEST(SearchKey, IsTheSameForEveryShapeOfCorpusText) {
  PW_REQUIRE_SHARED();
  const std::vector<std::string> lines = CorpusLines();
  ASSERT_GT(lines.size(), 2000u);
  for (const std::string& line : lines) {
    const std::string key = SearchKey(line);
    ASSERT_EQ(SearchKey(pw::testing::Nfd(line)), key) << "NFD: " << line.substr(0, 200);
    ASSERT_EQ(SearchKey(pw::testing::OtherToneStyle(line)), key) << "tone style: " << line.substr(0, 200);
    ASSERT_EQ(SearchKey(pw::testing::Mojibake(line)), key) << "mojibake: " << line.substr(0, 200);
    ASSERT_EQ(MakeKeyedText(line).key, key) << line.substr(0, 200);
  }
}

TEST(KeyedText, MapsKeySpansBackToTheSource) {
  const KeyedText k = MakeKeyedText("Quỹ GenAI");
  EXPECT_EQ(k.key, "quy genai");
  const auto span = k.SourceSpan(4, 9);
  EXPECT_EQ(span.first, 6u);  // "Quỹ " is 6 bytes
  EXPECT_EQ(span.second, 11u);
  const KeyedText nfd = MakeKeyedText("a\u0301b");
  EXPECT_EQ(nfd.key, "ab");
  EXPECT_EQ(nfd.SourceSpan(0, 1), (std::pair<std::size_t, std::size_t>{0, 3}));  // the mark goes with its letter
  const KeyedText quote = MakeKeyedText("GenAI’s fund");
  EXPECT_EQ(quote.key, "genai's fund");
  EXPECT_EQ(quote.SourceSpan(8, 12), (std::pair<std::size_t, std::size_t>{10, 14}));  // ’ is 3 bytes, 1 in the key
}

}  // namespace
}  // namespace pw::text
