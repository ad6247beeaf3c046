#include "text/search_key.h"

#include <array>
#include <optional>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/mojibake.h"

namespace pw::text {

namespace {

// Base letter (marks removed, case folded) for U+0000..U+1EFF, where all
// Vietnamese letters live; computed once from ICU's decompositions.
constexpr char32_t kTableSize = 0x1F00;

const std::array<char32_t, kTableSize>& BaseTable() {
  static const std::array<char32_t, kTableSize> table = [] {
    std::array<char32_t, kTableSize> t{};
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t c = 0; c < kTableSize; ++c) {
      char32_t base = c;
      icu::UnicodeString decomposition;
      if (U_SUCCESS(status) && nfd->getDecomposition(static_cast<UChar32>(c), decomposition) &&
          decomposition.length() > 0)
        base = static_cast<char32_t>(decomposition.char32At(0));
      if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) base = 0;  // dropped
      if (base == 0x0110 || base == 0x0111) base = 'd';  // Đ đ: no decomposition in Unicode
      if (base) base = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(base), U_FOLD_CASE_DEFAULT));
      t[c] = base;
    }
    return t;
  }();
  return table;
}

void AppendUtf8(char32_t c, std::string& out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

// Dashes, quotes and apostrophes that are written many ways, as one ASCII
// character each; 0 for the rest.
char FoldedPunctuation(char32_t c) {
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:  // hyphens, dashes
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:  // minus, small and full-width hyphen-minus
      return '-';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0xFF07:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
    case 0xFF02:
      return '"';
  }
  return 0;
}

// The key of an ASCII character: itself, in lower case.
char AsciiKey(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

}  // namespace

void AppendSearchKey(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += AsciiKey(static_cast<char>(c));
    return;
  }
  if (const char folded = FoldedPunctuation(c)) {
    out += folded;
    return;
  }
  if (c < kTableSize) {
    if (char32_t base = BaseTable()[c]) AppendUtf8(base, out);
    return;
  }
  if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) return;
  // Outside the table: full case folding (may lengthen: U+FB00 "ﬀ" -> "ff").
  icu::UnicodeString folded(static_cast<UChar32>(c));
  folded.foldCase();
  std::string utf8;
  folded.toUTF8String(utf8);
  out += utf8;
}

namespace {

// A decoded code point's key (nothing for an invalid one, c < 0). ß folds to
// "ss" (full folding; the table holds simple folds).
void AppendCodePointKey(UChar32 c, std::string& out) {
  if (c == 0xDF) out += "ss";
  else if (c >= 0) AppendSearchKey(static_cast<char32_t>(c), out);
}

std::string KeyOf(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    AppendCodePointKey(c, out);
  }
  return out;
}

}  // namespace

std::string SearchKey(std::string_view utf8) {
  // Mojibake meets the text it garbles ("Ä‘áº§u tÆ°" and "đầu tư").
  if (std::optional<std::string> repaired = RepairMojibake(utf8)) return KeyOf(*repaired);
  return KeyOf(utf8);
}

KeyedText MakeKeyedText(std::string_view utf8) {
  KeyedText k;
  k.key.reserve(utf8.size());
  k.source_offset.reserve(utf8.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    if (s[i] < 0x80) {
      // Most of a text is ASCII: its key is the byte in lower case, and
      // AppendSearchKey's way would cost a call and a resize per byte.
      k.key += AsciiKey(static_cast<char>(s[i]));
      k.source_offset.push_back(static_cast<std::uint32_t>(start));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    AppendCodePointKey(c, k.key);
    k.source_offset.resize(k.key.size(), static_cast<std::uint32_t>(start));
  }
  k.source_offset.push_back(static_cast<std::uint32_t>(utf8.size()));
  return k;
}

std::pair<std::size_t, std::size_t> KeyedText::SourceSpan(std::size_t key_begin,
                                                          std::size_t key_end) const {
  const std::size_t begin = source_offset[key_begin];
  // The end is where the code point after the last matched key byte starts.
  std::size_t end = source_offset[key_end];
  if (key_end > key_begin && key_end < key.size() && source_offset[key_end] == source_offset[key_end - 1]) {
    // key_end falls inside one source code point's key (a fold that grew):
    // extend to that code point's end.
    std::size_t j = key_end;
    while (j < key.size() && source_offset[j] == source_offset[key_end - 1]) ++j;
    end = source_offset[j];
  }
  return {begin, end};
}

}  // namespace pw::text
