#include "text/search_key.h"

#include <algorithm>
#include <array>
#include <optional>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "common/utf8.h"
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

void AppendSearchKeyByIcu(char32_t c, std::string& out) {
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

// AppendSearchKeyByIcu's answer for every code point below kFastLimit (Latin,
// the Vietnamese letters, combining marks, General Punctuation), computed
// once from it: most of a text's code points then cost a table read instead
// of a switch, a table guard and ICU's UTF-8 writer. A key of more than three
// bytes (a Greek letter's full fold) is marked kByIcu and computed each time.
constexpr char32_t kFastLimit = 0x2100;
constexpr std::uint8_t kByIcu = 0xFF;

struct CodePointKey {
  std::uint8_t size;  // 0..3, or kByIcu
  char bytes[3];
};

const std::array<CodePointKey, kFastLimit>& FastTable() {
  static const std::array<CodePointKey, kFastLimit> table = [] {
    std::array<CodePointKey, kFastLimit> t{};
    std::string key;
    for (char32_t c = 0; c < kFastLimit; ++c) {
      key.clear();
      AppendSearchKeyByIcu(c, key);
      if (key.size() > sizeof t[c].bytes) {
        t[c].size = kByIcu;
        continue;
      }
      t[c].size = static_cast<std::uint8_t>(key.size());
      for (std::size_t i = 0; i < key.size(); ++i) t[c].bytes[i] = key[i];
    }
    return t;
  }();
  return table;
}

// The table's key of c, or null where the table has none (c at or above
// kFastLimit, or a key longer than it holds).
const CodePointKey* TableKey(const std::array<CodePointKey, kFastLimit>& table, char32_t c) {
  if (c >= kFastLimit) return nullptr;
  const CodePointKey& k = table[c];
  return k.size == kByIcu ? nullptr : &k;
}

}  // namespace

void AppendSearchKey(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += AsciiKey(static_cast<char>(c));
    return;
  }
  if (const CodePointKey* k = TableKey(FastTable(), c)) {
    out.append(k->bytes, k->size);
    return;
  }
  AppendSearchKeyByIcu(c, out);
}

namespace {

// A decoded code point's key (nothing for an invalid one, c < 0). ß folds to
// "ss" (full folding; the table holds simple folds).
void AppendCodePointKey(UChar32 c, std::string& out) {
  if (c == 0xDF) out += "ss";
  else if (c >= 0) AppendSearchKey(static_cast<char32_t>(c), out);
}

// Builds a key and, when kOffsets, the source offset of each of its bytes:
// the loop of KeyOf and MakeKeyedText. It writes through raw pointers into
// buffers sized once (a key byte per source byte, grown in the rare case a
// fold lengthens the text), and keys ASCII bytes and the code points of
// FastTable inline: the per-byte push_back and the call per code point were
// most of the cost (bench/RESULTS.md, branch extractspeed8).
template <bool kOffsets>
void BuildKey(std::string_view utf8, std::string& key, std::vector<std::uint32_t>* offsets) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  const std::array<CodePointKey, kFastLimit>& table = FastTable();
  std::size_t capacity = 0;
  // Raw pointers into the buffers: a char written through std::string's
  // operator[] may alias anything, so the compiler would reload both
  // buffers' addresses after every byte.
  char* out = nullptr;
  std::uint32_t* out_offset = nullptr;
  const auto grow = [&](std::size_t size) {
    capacity = size;
    key.resize(capacity);
    out = key.data();
    if constexpr (kOffsets) {
      offsets->resize(capacity + 1);
      out_offset = offsets->data();
    }
  };
  // A key is most often no longer than its text; 15 bytes fit in the string
  // itself (no allocation for a short name's key).
  grow(std::max<std::size_t>(utf8.size(), 15));
  std::size_t n = 0;  // key bytes written
  std::string slow;   // the key of a code point outside the table
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      // An ASCII run: as many bytes as the key has room for, without a check each.
      if (n == capacity) grow(capacity * 2);
      const int32_t run_end = static_cast<int32_t>(
          std::min<std::size_t>(static_cast<std::size_t>(length), static_cast<std::size_t>(i) + (capacity - n)));
      for (; i < run_end && s[i] < 0x80; ++i, ++n) {
        out[n] = AsciiKey(static_cast<char>(s[i]));
        if constexpr (kOffsets) out_offset[n] = static_cast<std::uint32_t>(i);
      }
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;  // invalid: no key
    const char* bytes;
    std::size_t size;
    // ß is AppendCodePointKey's own ("ss"), not the table's simple fold.
    if (const CodePointKey* k = c != 0xDF ? TableKey(table, static_cast<char32_t>(c)) : nullptr) {
      bytes = k->bytes;
      size = k->size;
    } else {
      slow.clear();
      AppendCodePointKey(c, slow);
      bytes = slow.data();
      size = slow.size();
    }
    if (n + size > capacity) grow(std::max(capacity * 2, n + size));
    for (std::size_t b = 0; b < size; ++b) {
      out[n + b] = bytes[b];
      if constexpr (kOffsets) out_offset[n + b] = static_cast<std::uint32_t>(start);
    }
    n += size;
  }
  key.resize(n);
  if constexpr (kOffsets) {
    out_offset[n] = static_cast<std::uint32_t>(utf8.size());
    offsets->resize(n + 1);
  }
}

std::string KeyOf(std::string_view utf8) {
  std::string out;
  BuildKey<false>(utf8, out, nullptr);
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
  BuildKey<true>(utf8, k.key, &k.source_offset);
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

bool HasLetterOrDigit(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

}  // namespace pw::text
