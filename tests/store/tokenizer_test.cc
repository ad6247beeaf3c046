#include "store/tokenizer.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "test_util.h"
#include "text/search_key.h"

namespace pw::store {
namespace {

struct Token {
  std::string key;
  int start, end;
  bool operator==(const Token&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Token& t) {
  return out << '(' << t.key << ", " << t.start << ", " << t.end << ')';
}

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  ForEachToken(
      text,
      [](void* ctx, std::string_view key, int start, int end) {
        static_cast<std::vector<Token>*>(ctx)->push_back({std::string(key), start, end});
        return 0;
      },
      &tokens);
  return tokens;
}

// The tokenizer as it was before its ASCII fast path (commit 8e2b665), kept
// here as the definition the fast one must match token for token: the index
// of an existing database was built by it.
std::vector<Token> ReferenceTokens(std::string_view text) {
  const auto is_token = [](UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
  };
  std::vector<Token> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::string key;
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !is_token(c)) continue;
    key.clear();
    text::AppendSearchKey(static_cast<char32_t>(c), key);
    int32_t end = i;
    while (end < length) {
      int32_t next = end;
      U8_NEXT(s, next, length, c);
      if (c < 0 || !is_token(c)) break;
      text::AppendSearchKey(static_cast<char32_t>(c), key);
      end = next;
    }
    i = end;
    if (key.empty()) continue;
    if (key.size() > 64) key.resize(64);
    tokens.push_back({key, start, end});
  }
  return tokens;
}

TEST(Tokenizer, FoldsAccentsAndCaseAndKeepsTheOffsetsOfTheText) {
  const std::vector<Token> expected = {{"dau", 0, 6},   {"tu", 7, 10},     {"5", 11, 12},
                                       {"5", 13, 14},   {"trieu", 15, 22}, {"usd", 23, 26}};
  EXPECT_EQ(Tokens("Đầu tư 5,5 triệu USD"), expected);
}

TEST(Tokenizer, MatchesTheReferenceOnEdgeCases) {
  const std::string long_ascii(200, 'A');
  std::string long_vietnamese;
  for (int i = 0; i < 40; ++i) long_vietnamese += "Đầu";
  const std::vector<std::string> cases = {
      "",
      " ",
      "a",
      "McDonald’s – Việt Nam",
      "Quỹ GenAI đầu tư 1.000 tỷ đồng vào startup",
      "Straße ǅemal ﬀ ＦＵＬＬ ｗｉｄｔｈ",                    // folds that lengthen, full-width letters
      "e\xCC\x81 \xCC\x81\xCC\x80 x",                         // NFD: a letter and its mark; marks alone
      "\xFF\xFE" "abc\xC3 def\xE1\xBA",                        // bytes that are no UTF-8, a truncated sequence
      "abc\xED\xA0\x80xyz",                                   // an encoded surrogate
      long_ascii + " tail",                                   // longer than the 64-byte key
      long_vietnamese + "!",                                  // multi-byte folds past 64 bytes
      "北京 서울 東京 مرحبا Привет Ελλάδα",                   // other scripts, some past the table
      "\xF0\x9D\x90\x80\xF0\x9F\x98\x80 𝔘𝔫𝔦",                // outside the BMP: a math letter, an emoji
      std::string("tab\tnew\nline\r\0nul", 17),               // a NUL byte
  };
  for (const auto& text : cases) EXPECT_EQ(Tokens(text), ReferenceTokens(text)) << text;
}

TEST(Tokenizer, MatchesTheReferenceOnTheCorpus) {
  PW_REQUIRE_SHARED();
  const std::filesystem::path files[] = {
      "corpus/articles/vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl",
      "corpus/articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl",
  };
  int documents = 0;
  std::size_t tokens = 0;
  for (const auto& file : files) {
    std::ifstream in(pw::testing::SharedDir() / file);
    ASSERT_TRUE(in) << file;
    int read = 0;
    for (std::string line; read < 400 && std::getline(in, line); ++read) {
      const auto v = boost::json::parse(line);
      for (const auto& [name, value] : v.as_object()) {
        if (!value.is_string()) continue;
        const std::string_view text = value.as_string();
        const auto fast = Tokens(text);
        ASSERT_EQ(fast, ReferenceTokens(text)) << file << " document " << documents << " field " << name;
        tokens += fast.size();
      }
      ++documents;
    }
  }
  EXPECT_EQ(documents, 800);
  EXPECT_GT(tokens, 100'000u);
}

TEST(Tokenizer, StopsWhenTheSinkSaysSo) {
  int seen = 0;
  const int rc = ForEachToken(
      "one two three",
      [](void* ctx, std::string_view, int, int) { return ++*static_cast<int*>(ctx) == 2 ? 7 : 0; }, &seen);
  EXPECT_EQ(rc, 7);
  EXPECT_EQ(seen, 2);
}

}  // namespace
}  // namespace pw::store
