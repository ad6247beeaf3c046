#include "text/mojibake.h"

#include <cstring>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/tone_marks.h"

namespace pw::text {

namespace {

// Text still changing after this many rounds is not mojibake of real text
// (which is rarely encoded more than twice) but input built to keep the
// repair busy ("Ã" and a long run of "ƒ" repairs one "Ãƒ" per round): it is
// left as it is.
constexpr int kMaxRounds = 8;

// The Windows-1252 byte of a code point, or -1. U+0080..U+00FF map to their
// own byte, C1 controls included: Latin-1 decoders (and browsers, for the five
// bytes cp1252 leaves undefined) turn bytes 0x80..0x9F into them.
int Cp1252Byte(UChar32 c) {
  if (c >= 0x80 && c <= 0xFF) return c;
  switch (c) {
    case 0x20AC: return 0x80;  // €
    case 0x201A: return 0x82;  // ‚
    case 0x0192: return 0x83;  // ƒ
    case 0x201E: return 0x84;  // „
    case 0x2026: return 0x85;  // …
    case 0x2020: return 0x86;  // †
    case 0x2021: return 0x87;  // ‡
    case 0x02C6: return 0x88;  // ˆ
    case 0x2030: return 0x89;  // ‰
    case 0x0160: return 0x8A;  // Š
    case 0x2039: return 0x8B;  // ‹
    case 0x0152: return 0x8C;  // Œ
    case 0x017D: return 0x8E;  // Ž
    case 0x2018: return 0x91;  // ‘
    case 0x2019: return 0x92;  // ’
    case 0x201C: return 0x93;  // “
    case 0x201D: return 0x94;  // ”
    case 0x2022: return 0x95;  // •
    case 0x2013: return 0x96;  // –
    case 0x2014: return 0x97;  // —
    case 0x02DC: return 0x98;  // ˜
    case 0x2122: return 0x99;  // ™
    case 0x0161: return 0x9A;  // š
    case 0x203A: return 0x9B;  // ›
    case 0x0153: return 0x9C;  // œ
    case 0x017E: return 0x9E;  // ž
    case 0x0178: return 0x9F;  // Ÿ
  }
  return -1;
}

enum class Plausibility {
  kNo,             // Armenian, Syriac, unassigned blocks, surrogates
  kAlone,          // Latin letters and marks, punctuation, symbols, emoji
  kWithNeighbour,  // letters of other scripts: only in a run of repairs
};

// What a repaired code point may be. Letters of other scripts must come in
// runs (or in a text that has such runs): a lone one is more likely correct
// text, such as a capital and a quote ("ADIÓ”" would spell U+04D4), a French
// "é »" (U+983B) or a Vietnamese "đá…”" (U+1154, a Hangul Jamo).
Plausibility PlausibilityOf(UChar32 c) {
  // A C1 control is a byte of the inner layer of text encoded twice
  // ("Â\u009D" -> U+009D, then "á»\u009D" -> "ờ"); alone, it is removed later.
  if (c >= 0x80 && c <= 0x9F) return Plausibility::kAlone;
  if ((c >= 0xA0 && c <= 0x24F) || (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF))
    return Plausibility::kAlone;  // Latin, Vietnamese included
  if (c >= 0x250 && c <= 0x3FF) return Plausibility::kAlone;  // IPA letters (ə), modifiers, Greek (μm, Ω)
  if ((c >= 0x2000 && c <= 0x2BFF) ||    // punctuation, currency, symbols, arrows, shapes
      (c >= 0x3000 && c <= 0x303F) ||    // CJK spaces and punctuation (U+3000 in English text too)
      (c >= 0xFF00 && c <= 0xFFEF) ||    // full-width forms
      c == 0xFEFF || c == 0xFFFD ||      // BOM, replacement character
      (c >= 0xFE00 && c <= 0xFE0F) ||    // variation selectors (emoji style: "®️")
      (c >= 0xE000 && c <= 0xF8FF) ||    // private use: Word's Symbol-font bullets and dashes
      (c >= 0x1F000 && c <= 0x1FAFF))    // emoji
    return Plausibility::kAlone;
  if ((c >= 0x400 && c <= 0x52F) ||      // Cyrillic
      (c >= 0x590 && c <= 0x6FF) ||      // Hebrew, Arabic
      (c >= 0x900 && c <= 0xEFF) ||      // Indic scripts, Thai, Lao
      (c >= 0x1000 && c <= 0x11FF) ||    // Myanmar, Hangul Jamo (Korean in NFD)
      (c >= 0x1780 && c <= 0x17FF) ||    // Khmer
      (c >= 0x3040 && c <= 0x9FFF) ||    // kana, Hangul compatibility, CJK
      (c >= 0xAC00 && c <= 0xD7AF) ||    // Hangul
      (c >= 0xF900 && c <= 0xFAFF) ||    // CJK compatibility
      (c >= 0x20000 && c <= 0x3FFFF))    // CJK extensions
    return Plausibility::kWithNeighbour;
  return Plausibility::kNo;
}

bool IsLetterBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c >= 0 && u_isalpha(c);
}

size_t WordStart(std::string_view text, size_t end) {
  size_t b = end;
  while (b > 0) {
    int32_t i = static_cast<int32_t>(b);
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
    if (c < 0 || !u_isalpha(c)) break;
    b = static_cast<size_t>(i);
  }
  return b;
}

size_t WordEnd(std::string_view text, size_t begin) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t e = static_cast<int32_t>(begin);
  while (e < length) {
    int32_t next = e;
    UChar32 c;
    U8_NEXT(s, next, length, c);
    if (c < 0 || !u_isalpha(c)) break;
    e = next;
  }
  return static_cast<size_t>(e);
}

// "Ã" + ASCII space: "à" (C3 A0) whose NBSP became a space. Two spaces after
// it: the first was the NBSP. One space: joined to the next word when the two
// make one Vietnamese syllable ("thÃ nh" -> "thành", "vÃ o" -> "vào"), else
// the space is the text's own ("vÃ công" -> "và công").
std::string RestoreAGraveBeforeSpace(std::string_view text) {
  static constexpr std::string_view kAGrave = "\xC3\x83 ";  // "Ã "
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (size_t pos = text.find(kAGrave); pos != std::string_view::npos; pos = text.find(kAGrave, pos + 1)) {
    if (!IsLetterBefore(text, pos)) continue;
    const size_t after = pos + kAGrave.size();
    out.append(text.substr(copied, pos - copied));
    out += "\xC3\xA0";  // à
    copied = after;
    if (after < text.size() && text[after] == ' ') continue;  // the NBSP's space is consumed
    const size_t next_end = WordEnd(text, after);
    const std::string_view next = text.substr(after, next_end - after);
    if (next.empty()) {
      copied = after - 1;  // keep the space
      continue;
    }
    std::string joined(out.substr(WordStart(out, out.size())));
    joined += next;
    if (!IsVietnameseSyllable(joined)) copied = after - 1;
  }
  out.append(text.substr(copied));
  return out;
}

struct Repair {
  int32_t begin = 0, end = 0;  // the mojibake's bytes in the text
  UChar32 code_point = 0;      // what they spell
  bool needs_neighbour = false;
};

// The sequence a lead at text[begin] starts, if it spells a plausible code
// point.
std::optional<Repair> RepairAt(const uint8_t* s, int32_t begin, int32_t length) {
  int32_t i = begin;
  UChar32 lead;
  U8_NEXT(s, i, length, lead);
  // The lead: a Latin-1 character U+00C2..U+00F4, standing for the byte that
  // starts a two- to four-byte UTF-8 sequence.
  if (lead < 0xC2 || lead > 0xF4) return std::nullopt;
  const int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  uint8_t bytes[4] = {static_cast<uint8_t>(lead)};
  for (int have = 0; have < need; ++have) {
    if (i >= length) return std::nullopt;
    UChar32 t;
    U8_NEXT(s, i, length, t);
    const int b = t < 0 ? -1 : Cp1252Byte(t);
    if (b < 0x80 || b > 0xBF) return std::nullopt;  // not a continuation byte
    bytes[1 + have] = static_cast<uint8_t>(b);
  }
  int32_t j = 0;
  UChar32 decoded;
  U8_NEXT(bytes, j, need + 1, decoded);  // rejects overlong forms and surrogates
  if (decoded < 0 || j != need + 1) return std::nullopt;
  const Plausibility p = PlausibilityOf(decoded);
  if (p == Plausibility::kNo) return std::nullopt;
  return Repair{begin, i, decoded, p == Plausibility::kWithNeighbour};
}

// One round over the text; nullopt when nothing was repaired.
std::optional<std::string> RepairOnce(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  std::vector<Repair> repairs;
  for (int32_t i = 0; i < length;) {
    // Every lead, U+00C2..U+00F4, starts with byte C3; the character after
    // it, one of U+0080..U+00BF or cp1252's punctuation, with C2, C5, C6, CB
    // or E2. Anything else is correct text, and the common case.
    const void* lead = std::memchr(s + i, 0xC3, static_cast<size_t>(length - i));
    if (!lead) break;
    i = static_cast<int32_t>(static_cast<const uint8_t*>(lead) - s);
    if (i + 2 >= length) break;
    const uint8_t after = s[i + 2];
    if (after != 0xC2 && after != 0xC5 && after != 0xC6 && after != 0xCB && after != 0xE2) {
      i += 2;
      continue;
    }
    if (std::optional<Repair> r = RepairAt(s, i, length)) {
      repairs.push_back(*r);
      i = r->end;
    } else {
      i += 2;
    }
  }
  // A letter of another script only in a run of repairs, or in a text where
  // such runs exist (Korean and Chinese have one-letter words between spaces).
  auto joined = [&](size_t k) {
    return (k > 0 && repairs[k - 1].end == repairs[k].begin) ||
           (k + 1 < repairs.size() && repairs[k + 1].begin == repairs[k].end);
  };
  int runs_of_other_scripts = 0;
  for (size_t k = 0; k < repairs.size(); ++k) runs_of_other_scripts += repairs[k].needs_neighbour && joined(k);
  std::vector<Repair> kept;
  for (size_t k = 0; k < repairs.size(); ++k)
    if (!repairs[k].needs_neighbour || joined(k) || runs_of_other_scripts >= 2) kept.push_back(repairs[k]);
  if (kept.empty()) return std::nullopt;
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (const Repair& r : kept) {
    out.append(text.substr(copied, static_cast<size_t>(r.begin) - copied));
    uint8_t bytes[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, r.code_point);
    out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(n));
    copied = static_cast<size_t>(r.end);
  }
  out.append(text.substr(copied));
  if (out.find("\xC3\x83 ") != std::string::npos) return RestoreAGraveBeforeSpace(out);
  return out;
}

}  // namespace

std::optional<std::string> RepairMojibake(std::string_view utf8) {
  std::optional<std::string> repaired = RepairOnce(utf8);
  if (!repaired) return std::nullopt;
  for (int round = 1; round < kMaxRounds; ++round) {
    std::optional<std::string> again = RepairOnce(*repaired);
    if (!again) return repaired;
    repaired = std::move(again);
  }
  return std::nullopt;
}

}  // namespace pw::text
