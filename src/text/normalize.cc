#include "text/normalize.h"

#include <array>
#include <optional>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include "text/html_to_text.h"
#include "text/mojibake.h"
#include "text/tone_marks.h"

namespace pw::text {

namespace {

// C1 controls, NBSP and the soft hyphen are kept for the mojibake repair
// (they are bytes of a misread UTF-8 sequence: "Ã\u00A0" is "à", "Ã\u00AD"
// is "í") and removed or folded after it.
enum class CleanMode { kKeepForRepair, kFinal };

bool IsLatin1Control(UChar32 c) { return c >= 0x80 && c <= 0x9F; }

bool IsRemoved(UChar32 c) {
  if (c < 0x20) return c != '\n' && c != '\t' && c != '\r';
  if (c >= 0x7F && c <= 0x9F) return true;  // DEL and C1 controls
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x034F:  // combining grapheme joiner
    case 0x061C:  // Arabic letter mark
    case 0x180E:  // Mongolian vowel separator (formerly a space)
    case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:  // zero-width, marks
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:  // bidi embeddings
    case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:  // word joiner, invisibles
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:  // bidi isolates
    case 0xFEFF:  // BOM / zero-width no-break space
      return true;
  }
  return false;
}

bool IsSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// Printable ASCII and LF: kept as they are.
bool IsPlainAscii(uint8_t b) {
  static constexpr auto kPlain = [] {
    std::array<bool, 128> t{};
    for (int c = 0x20; c < 0x7F; ++c) t[c] = true;
    t['\n'] = true;
    return t;
  }();
  return kPlain[b];
}

struct Cleaned {
  std::string text;
  bool kept_for_repair = false;  // a C1 control, an NBSP or a soft hyphen is still in text
  bool removed = false;          // a code point was dropped
};

// Invalid bytes to U+FFFD, invisibles out, spaces folded, line ends unified.
// Runs of code points that stay as they are are copied whole.
Cleaned Clean(std::string_view in, CleanMode mode) {
  Cleaned r;
  std::string& out = r.text;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t length = static_cast<int32_t>(in.size());
  int32_t run = 0;  // start of the bytes not yet copied, all kept as they are
  auto flush = [&](int32_t end) { out.append(in.data() + run, static_cast<size_t>(end - run)); };
  for (int32_t i = 0; i < length;) {
    const uint8_t b = s[i];
    if (b < 0x80) {
      if (IsPlainAscii(b)) {
        ++i;
        continue;
      }
      flush(i);
      ++i;
      if (b == '\r') {
        out += '\n';
        if (i < length && s[i] == '\n') ++i;
      } else if (b == '\t') {
        out += ' ';
      } else {
        r.removed = true;
      }
      run = i;
      continue;
    }
    // Latin letters with marks (U+00C0..U+033F) and Latin Extended Additional
    // (U+1E00..U+1EFF, most Vietnamese vowels): never removed nor folded.
    if (b >= 0xC3 && b <= 0xCC && i + 1 < length && (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (b == 0xE1 && i + 2 < length && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && c != 0x00A0 && c != 0x00AD && c != 0x2028 && c != 0x2029 && !IsLatin1Control(c) &&
        !IsRemoved(c) && !IsSpace(c))
      continue;  // an ordinary code point: part of the run
    if (c >= 0 && mode == CleanMode::kKeepForRepair && (IsLatin1Control(c) || c == 0x00A0 || c == 0x00AD)) {
      r.kept_for_repair = true;
      continue;  // kept as it is, for now
    }
    flush(start);
    run = i;
    if (c < 0) {
      out += "\uFFFD";
    } else if (IsRemoved(c)) {
      r.removed = true;
    } else if (IsSpace(c)) {
      out += ' ';
    } else if (c == 0x2028 || c == 0x2029) {  // line and paragraph separators
      out += c == 0x2029 ? "\n\n" : "\n";
    }
  }
  flush(length);
  return r;
}

std::string Nfc(std::string in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return in;
  if (nfc->isNormalizedUTF8(in, status) && U_SUCCESS(status)) return in;
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(in.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, in, sink, nullptr, status);
  return U_SUCCESS(status) ? out : in;
}

// Trims lines, collapses spaces, and keeps at most one blank line. Words
// (runs of other bytes) are copied whole.
std::string Layout(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t newlines = 0;  // pending line breaks before the next visible byte
  bool space = false;
  for (size_t i = 0; i < in.size();) {
    const char c = in[i];
    if (c == '\n') {
      ++newlines;
      space = false;
      ++i;
      continue;
    }
    if (c == ' ') {
      space = true;
      ++i;
      continue;
    }
    if (!out.empty()) {
      if (newlines >= 2) out += "\n\n";
      else if (newlines == 1) out += '\n';
      else if (space) out += ' ';
    }
    newlines = 0;
    space = false;
    size_t end = i + 1;
    while (end < in.size() && in[end] != ' ' && in[end] != '\n') ++end;
    out.append(in.data() + i, end - i);
    i = end;
  }
  return out;
}

}  // namespace

std::string NormalizeText(std::string_view utf8) {
  Cleaned cleaned = Clean(utf8, CleanMode::kKeepForRepair);
  // NFC before the repair too: composition can make a lead ("A" U+0303 is
  // "Ã"), and the output must not hold a sequence a second call would repair.
  std::string text = Nfc(std::move(cleaned.text));
  bool pending = cleaned.kept_for_repair;  // C1 controls, NBSP, soft hyphens still to remove
  // Each round either repairs or removes something, so text only shrinks;
  // two rounds are enough for real text, the bound is for hostile input.
  for (int round = 0; round < 4; ++round) {
    std::optional<std::string> repaired = RepairMojibake(text);
    if (!repaired && !pending) break;
    if (repaired) text = std::move(*repaired);
    Cleaned final_pass = Clean(text, CleanMode::kFinal);
    text = Nfc(std::move(final_pass.text));
    pending = false;
    // Removing a code point can bring a lead next to continuation characters.
    if (!repaired && !final_pass.removed) break;
  }
  return Layout(CanonicalizeToneMarks(text));
}

bool LooksLikeHtmlDocument(std::string_view input) {
  const auto first = input.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos || input[first] != '<') return false;
  std::string head(input.substr(first, 512));
  for (auto& c : head) c = char(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<p", "<div", "<article",
                               "<h1", "<h2", "<span", "<section", "<!--", "<meta", "<title", "<br",
                               "<a ", "<strong", "<b>", "<em", "<i>", "<ul", "<table", "<figure", "<img"})
    if (head.find(tag) != std::string::npos) return true;
  return false;
}

std::string NormalizeDocument(std::string_view input) {
  if (LooksLikeHtmlDocument(input)) return NormalizeText(HtmlToText(input));
  return NormalizeText(input);
}

}  // namespace pw::text
