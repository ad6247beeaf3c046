#include "text/search_key.h"

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <unicode/utf8.h>

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

TEST(HasLetterOrDigit, TellsANameFromBlanksAndPunctuation) {
  EXPECT_TRUE(HasLetterOrDigit("Đ"));
  EXPECT_TRUE(HasLetterOrDigit(" 500 "));
  EXPECT_TRUE(HasLetterOrDigit("小米"));
  EXPECT_FALSE(HasLetterOrDigit(""));
  EXPECT_FALSE(HasLetterOrDigit(" \t"));
  EXPECT_FALSE(HasLetterOrDigit("- … ’"));
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

// MakeKeyedText as it was written before its table (one code point at a
// time through AppendSearchKeyByIcu): the reference its fast loop must equal.
KeyedText KeyedTextByIcu(std::string_view utf8) {
  KeyedText k;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == 0xDF) k.key += "ss";
    else if (c >= 0) AppendSearchKeyByIcu(static_cast<char32_t>(c), k.key);
    k.source_offset.resize(k.key.size(), static_cast<std::uint32_t>(start));
  }
  k.source_offset.push_back(static_cast<std::uint32_t>(utf8.size()));
  return k;
}

std::string Utf8(char32_t c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), error);
  if (error) return {};
  return std::string(buf, static_cast<std::size_t>(n));
}

TEST(SearchKey, TheTableGivesIcusKeyForEveryCodePoint) {
  // Every Unicode scalar value (the table covers U+0000..U+20FF; the rest
  // goes to ICU, and must still give the same), alone and between letters.
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string fast, icu;
    AppendSearchKey(c, fast);
    AppendSearchKeyByIcu(c, icu);
    ASSERT_EQ(fast, icu) << "U+" << std::hex << static_cast<std::uint32_t>(c);
    std::string text = "A";
    text += Utf8(c);
    text += 'b';
    const KeyedText k = MakeKeyedText(text);
    const KeyedText ref = KeyedTextByIcu(text);
    ASSERT_EQ(k.key, ref.key) << "U+" << std::hex << static_cast<std::uint32_t>(c);
    ASSERT_EQ(k.source_offset, ref.source_offset) << "U+" << std::hex << static_cast<std::uint32_t>(c);
    ASSERT_EQ(SearchKey(Utf8(c)), KeyedTextByIcu(Utf8(c)).key) << "U+" << std::hex << static_cast<std::uint32_t>(c);
  }
}

TEST(KeyedText, EqualsTheCodePointByCodePointKeyOnRandomBytes) {
  // Invalid and cut sequences, ß, folds that lengthen the text (U+0390 is 2
  // bytes and folds to 6; U+FB03 is 3 and folds to 3), marks, ASCII runs.
  const std::vector<std::string> pieces = {"a", "Z", " ", "\xC3", "\xA1", "\xE1\xBB", "\xF0\x9F\x98\x80", "\xFF",
                                           "ß", "ΐ", "ﬃ", "́", "Đ", "ỹ", "’", "ᾀ", "İ", "x\x80y"};
  std::mt19937 random(6);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
    const KeyedText k = MakeKeyedText(text);
    const KeyedText ref = KeyedTextByIcu(text);
    ASSERT_EQ(k.key, ref.key) << text;
    ASSERT_EQ(k.source_offset, ref.source_offset) << text;
  }
  // A text that is all lengthening folds grows the key past its first buffer.
  std::string long_fold;
  for (int i = 0; i < 100; ++i) long_fold += "ΐ";
  EXPECT_EQ(MakeKeyedText(long_fold).key, KeyedTextByIcu(long_fold).key);
  EXPECT_EQ(MakeKeyedText(long_fold).source_offset, KeyedTextByIcu(long_fold).source_offset);
  EXPECT_EQ(SearchKey(long_fold), KeyedTextByIcu(long_fold).key);
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
