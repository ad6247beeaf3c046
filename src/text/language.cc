#include "text/language.h"

#include <algorithm>
#include <array>
#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/search_key.h"

namespace pw::text {

namespace {

// Vietnamese syllables that are frequent in news and rare in English text,
// written without diacritics (as they are compared, on the search key).
constexpr std::array<std::string_view, 48> kVietnameseWords = {
    "cua", "va", "cac", "nhung", "duoc", "cho", "voi", "khong", "nguoi", "trong", "la", "mot",
    "nay", "da", "se", "dong", "ty", "trieu", "cong", "ty", "nam", "thang", "ngay", "theo", "tai",
    "nhu", "cung", "khi", "den", "tu", "ve", "dau", "tren", "nhieu", "viec", "doanh", "nghiep",
    "hien", "thi", "truong", "nha", "nuoc", "quy", "ong", "ba", "dieu", "tong", "giam"};

constexpr std::array<std::string_view, 40> kEnglishWords = {
    "the", "and", "of", "to", "in", "is", "for", "that", "with", "on", "as", "by", "at", "from",
    "it", "was", "are", "its", "be", "has", "have", "this", "an", "which", "will", "said", "were",
    "their", "its", "been", "than", "more", "into", "over", "after", "about", "also", "who",
    "company", "announced"};

bool IsVietnameseLetter(UChar32 c) {
  // Letters with Vietnamese-only shapes: ă â đ ê ô ơ ư and precomposed
  // tone-marked vowels in Latin Extended Additional (U+1EA0..U+1EF9).
  switch (u_tolower(c)) {
    case 0x0103: case 0x00E2: case 0x0111: case 0x00EA: case 0x00F4: case 0x01A1: case 0x01B0:
      return true;
  }
  return c >= 0x1EA0 && c <= 0x1EF9;
}

}  // namespace

Language DetectLanguage(std::string_view text) {
  int vietnamese_letters = 0, letters = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(std::min<size_t>(text.size(), 64 * 1024));
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    ++letters;
    if (IsVietnameseLetter(c)) ++vietnamese_letters;
  }
  if (letters == 0) return Language::kOther;

  const std::string key = SearchKey(text.substr(0, static_cast<size_t>(length)));
  int vi_words = 0, en_words = 0, words = 0;
  size_t pos = 0;
  while (pos < key.size()) {
    while (pos < key.size() && !std::isalpha(static_cast<unsigned char>(key[pos]))) ++pos;
    size_t end = pos;
    while (end < key.size() && std::isalpha(static_cast<unsigned char>(key[end]))) ++end;
    if (end == pos) break;
    const std::string_view w(key.data() + pos, end - pos);
    ++words;
    if (std::find(kVietnameseWords.begin(), kVietnameseWords.end(), w) != kVietnameseWords.end())
      ++vi_words;
    if (std::find(kEnglishWords.begin(), kEnglishWords.end(), w) != kEnglishWords.end()) ++en_words;
    pos = end;
  }
  // Vietnamese letters are the strongest evidence: about one letter in five
  // carries a mark in Vietnamese prose, almost none in English.
  const double letter_ratio = double(vietnamese_letters) / letters;
  const double vi_score = letter_ratio * 5.0 + (words ? double(vi_words) / words : 0) * 2.0;
  const double en_score = (words ? double(en_words) / words : 0) * 2.5;
  if (vi_score < 0.15 && en_score < 0.15) {
    // Few function words (a short title): fall back to the letters alone.
    if (vietnamese_letters >= 1 && letter_ratio > 0.03) return Language::kVietnamese;
    const bool ascii_only = vietnamese_letters == 0;
    return ascii_only && words > 0 ? Language::kEnglish : Language::kOther;
  }
  return vi_score >= en_score ? Language::kVietnamese : Language::kEnglish;
}

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kVietnamese: return "vi";
    case Language::kEnglish: return "en";
    case Language::kOther: break;
  }
  return "other";
}

Language LanguageFromCode(std::string_view code) {
  if (code.substr(0, 2) == "vi") return Language::kVietnamese;
  if (code.substr(0, 2) == "en") return Language::kEnglish;
  return Language::kOther;
}

}  // namespace pw::text
