#include "feed/charset.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "common/utf8.h"

namespace pw::feed {

namespace {

// A label as written, for a message: bytes outside printable ASCII as \xNN,
// so that a label of stray bytes cannot make the message invalid UTF-8
// (found by fuzzing: tests/data/fuzz/feed/unknown-encoding-label-of-stray-bytes).
std::string Printable(std::string_view label) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : label) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F) out += c;
    else out += std::string("\\x") + kHex[b >> 4] + kHex[b & 15];
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string TrimQuotesAndSpace(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '"' || s.front() == '\''))
    s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '"' || s.back() == '\''))
    s.remove_suffix(1);
  return std::string(s);
}

// The labels feeds write, folded to the names we report (Python's codec
// names where they exist, as feedparser reports them).
std::string CanonicalLabel(std::string_view label) {
  std::string l = Lower(TrimQuotesAndSpace(label));
  if (l == "utf8" || l == "unicode-1-1-utf-8") return "utf-8";
  if (l == "latin1" || l == "latin-1" || l == "iso8859-1" || l == "iso_8859-1" || l == "l1" ||
      l == "iso-ir-100" || l == "cp819" || l == "ibm819" || l == "iso_8859-1:1987" || l == "8859-1")
    return "iso-8859-1";
  if (l == "ascii" || l == "ansi_x3.4-1968" || l == "us" || l == "iso646-us") return "us-ascii";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "euc-cn" || l == "cp936" || l == "gb_2312-80")
    return "gb18030";
  if (l.size() == 6 && l.rfind("cp125", 0) == 0) return "windows-" + l.substr(2);
  if (l == "utf-16" || l == "utf16") return "utf-16";
  if (l == "utf-32" || l == "utf32") return "utf-32";
  if (l == "ucs-2") return "utf-16";
  // Names ICU knows otherwise (Python's names for the same tables).
  if (l == "cp874" || l == "tis-620" || l == "iso-8859-11") return "windows-874";
  if (l == "macgreek") return "x-mac-greek";
  if (l == "macturkish") return "x-mac-turkish";
  if (l == "maclatin2" || l == "maccentraleurope") return "x-mac-centraleurroman";
  if (l == "maccyrillic") return "x-mac-cyrillic";
  if (l == "macroman") return "macintosh";
  // ICU matches labels loosely (it skips what is not a letter or digit), so
  // a label with stray bytes may still open a converter, and the label then
  // ends up in messages and in `encoding`: keep it printable (found by
  // fuzzing: tests/data/fuzz/feed/declared-label-with-a-stray-byte).
  return Printable(l);
}

bool IsUtf16Or32(std::string_view label) { return label.rfind("utf-16", 0) == 0 || label.rfind("utf-32", 0) == 0; }

// A single-byte legacy charset, where valid multi-byte UTF-8 is a sign of a
// wrong label rather than real text.
bool IsSingleByteLatin(std::string_view label) {
  return label == "iso-8859-1" || label == "us-ascii" || label == "iso-8859-15" ||
         (label.rfind("windows-125", 0) == 0);
}

// The characters that may not be NFC-stable: combining marks, characters
// that compose with the one before them, and those NFC replaces (U+2000,
// U+2126 OHM SIGN). Text without them is NFC already, so ICU's full check is
// skipped: Vietnamese and English feeds never have them. Built once from
// ICU's NFC_Quick_Check and combining class (one bit per BMP character);
// beyond the BMP, everything but U+1F000-U+1FFFF (emoji) counts as at risk.
class NfcRiskTable {
 public:
  static const NfcRiskTable& Get() {
    static const NfcRiskTable table;
    return table;
  }
  bool AtRisk(std::uint32_t cp) const {
    if (cp < 0x10000) return (bmp_[cp >> 6] >> (cp & 63)) & 1;
    return !(cp >= 0x1F000 && cp <= 0x1FFFF && emoji_stable_);
  }

 private:
  NfcRiskTable() {
    auto unstable = [](UChar32 c) {
      return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES || u_getCombiningClass(c) != 0;
    };
    for (UChar32 c = 0x80; c <= 0xFFFF; ++c)
      if (unstable(c)) bmp_[static_cast<size_t>(c) >> 6] |= 1ull << (c & 63);
    for (UChar32 c = 0x1F000; c <= 0x1FFFF && emoji_stable_; ++c) emoji_stable_ = !unstable(c);
  }
  std::array<std::uint64_t, 0x10000 / 64> bmp_{};
  bool emoji_stable_ = true;
};

struct Utf8Scan {
  size_t valid = 0;        // length of the valid UTF-8 prefix
  bool c1 = false;         // a C1 control (U+0080-U+009F) in it
  bool nfc_risk = false;   // a character that may not be NFC-stable in it
};

// The valid UTF-8 prefix (common/utf8.h) and, in it, what would need a
// second look.
Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  scan.valid = ValidUtf8Prefix(s);
  const NfcRiskTable& risk = NfcRiskTable::Get();
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(scan.valid);
  for (std::int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 cp;
    U8_NEXT_UNSAFE(p, i, cp);  // well-formed: ValidUtf8Prefix said so
    if (cp >= 0x80 && cp <= 0x9F) scan.c1 = true;
    if (risk.AtRisk(static_cast<std::uint32_t>(cp))) scan.nfc_risk = true;
  }
  return scan;
}

// Whether bytes that are not all UTF-8 are mostly not UTF-8: more bytes
// that start no character than characters of several bytes (a legacy
// document, not UTF-8 with a few stray bytes in it).
bool MostlyNotUtf8(std::string_view s) {
  std::size_t multibyte = 0, stray = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t valid = ValidUtf8Prefix(s.substr(i));
    for (std::size_t k = i; k < i + valid; ++k) multibyte += static_cast<unsigned char>(s[k]) >= 0xC2;
    i += valid;
    if (i < s.size()) ++stray, ++i;
  }
  return stray > multibyte;
}

bool HasMultibyteUtf8(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xC2; });
}

// The code points of bytes 0x80-0xFF in a single-byte charset, from ICU.
using HighTable = std::array<std::uint32_t, 128>;

HighTable BuildHighTable(const char* charset) {
  HighTable table{};
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(charset, &err);
  for (int b = 0x80; b <= 0xFF; ++b) {
    table[b - 0x80] = 0xFFFD;
    if (U_FAILURE(err) || !cnv) continue;
    const char byte = static_cast<char>(b);
    UChar out[4];
    UErrorCode e = U_ZERO_ERROR;
    ucnv_reset(cnv);
    const int32_t n = ucnv_toUChars(cnv, out, 4, &byte, 1, &e);
    if (U_SUCCESS(e) && n == 1 && out[0] != 0xFFFD && out[0] != 0x1A) table[b - 0x80] = out[0];
  }
  if (cnv) ucnv_close(cnv);
  return table;
}

const HighTable& Windows1252() {
  static const HighTable table = BuildHighTable("windows-1252");
  return table;
}

const HighTable& Windows1258() {
  static const HighTable table = BuildHighTable("windows-1258");
  return table;
}

int LineOf(std::string_view text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Valid UTF-8 kept, each invalid byte read in the legacy table.
std::string RepairUtf8(std::string_view bytes, const HighTable& legacy) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  while (!bytes.empty()) {
    const size_t valid = ValidUtf8Prefix(bytes);
    out.append(bytes.substr(0, valid));
    if (valid == bytes.size()) break;
    const auto b = static_cast<unsigned char>(bytes[valid]);
    AppendUtf8(b < 0x80 ? b : legacy[b - 0x80], out);
    bytes.remove_prefix(valid + 1);
  }
  return out;
}

struct ConvertResult {
  std::string utf8;
  bool ok = false;          // the converter exists
  bool had_invalid = false; // some bytes were not valid in the charset
};

void FlagInvalid(const void* context, UConverterToUnicodeArgs* args, const char* units, int32_t length,
                 UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED)
    *static_cast<bool*>(const_cast<void*>(context)) = true;
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, err);
}

// Any charset ICU knows into UTF-8.
ConvertResult ConvertWithIcu(std::string_view bytes, const std::string& charset) {
  ConvertResult result;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err) || !cnv) return result;
  result.ok = true;
  ucnv_setToUCallBack(cnv.get(), FlagInvalid, &result.had_invalid, nullptr, nullptr, &err);
  // UTF-8 needs at most 3 bytes per UTF-16 unit and each input byte gives at
  // most one unit (two for UTF-32's 4 bytes); the capacity is exact enough.
  result.utf8.resize(bytes.size() * 3 + 16);
  err = U_ZERO_ERROR;
  const int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), result.utf8.data(),
                                        static_cast<int32_t>(result.utf8.size()), bytes.data(),
                                        static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    result.ok = false;
    result.utf8.clear();
    return result;
  }
  result.utf8.resize(static_cast<size_t>(n));
  return result;
}

// The encoding="..." of an XML declaration at the start of ASCII-compatible
// text, "" if none.
std::string DeclaredEncoding(std::string_view head) {
  if (head.rfind("<?xml", 0) != 0) return {};
  const size_t end = head.find("?>");
  const std::string_view decl = head.substr(0, end == std::string_view::npos ? std::min<size_t>(head.size(), 256) : end);
  const size_t pos = decl.find("encoding");
  if (pos == std::string_view::npos) return {};
  size_t i = pos + 8;
  while (i < decl.size() && std::isspace(static_cast<unsigned char>(decl[i]))) ++i;
  if (i >= decl.size() || decl[i] != '=') return {};
  ++i;
  while (i < decl.size() && std::isspace(static_cast<unsigned char>(decl[i]))) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
  const char quote = decl[i++];
  const size_t close = decl.find(quote, i);
  if (close == std::string_view::npos) return {};
  return std::string(decl.substr(i, close - i));
}

// The first bytes of a UTF-16/32 document, one byte per code unit, enough to
// read its XML declaration.
std::string NarrowHead(std::string_view bytes, size_t unit, bool big_endian) {
  std::string out;
  for (size_t i = 0; i + unit <= bytes.size() && out.size() < 256; i += unit) {
    const unsigned char c = static_cast<unsigned char>(bytes[big_endian ? i + unit - 1 : i]);
    out += static_cast<char>(c);
  }
  return out;
}

std::string DetectCharset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) return {};
  // Markup would only dilute the statistics.
  ucsdet_enableInputFilter(detector.get(), true);
  const size_t sample = std::min<size_t>(bytes.size(), 64 * 1024);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(sample), &err);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &err);
  if (U_FAILURE(err) || !match) return {};
  const char* name = ucsdet_getName(match, &err);
  const int32_t confidence = ucsdet_getConfidence(match, &err);
  if (U_FAILURE(err) || !name) return {};
  const std::string l = Lower(name);
  // Latin guesses are no better than our legacy fallback; trust only
  // charsets whose byte patterns are distinctive.
  static constexpr std::array<std::string_view, 14> kTrusted = {
      "shift_jis", "euc-jp", "euc-kr", "gb18030", "big5", "koi8-r", "windows-1251", "iso-8859-5",
      "windows-1253", "iso-8859-7", "windows-1255", "iso-8859-8", "iso-8859-8-i", "windows-1256"};
  if (confidence < 25 || std::find(kTrusted.begin(), kTrusted.end(), l) == kTrusted.end()) return {};
  // ICU names the ISO charsets; the Windows supersets read the same bytes
  // and more (as windows-1252 does for ISO-8859-1).
  if (l == "iso-8859-8" || l == "iso-8859-8-i") return "windows-1255";
  if (l == "iso-8859-7") return "windows-1253";
  return l;
}

bool IsNfc(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return true;
  const bool yes = nfc->isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), err);
  return U_FAILURE(err) || yes;
}

void NormalizeNfc(std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return;
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, err) || U_FAILURE(err)) return;
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  err = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_SUCCESS(err)) utf8 = std::move(out);
}

}  // namespace

std::string CharsetParameter(std::string_view content_type) {
  const std::string lower = Lower(content_type);
  size_t pos = 0;
  while ((pos = lower.find("charset", pos)) != std::string::npos) {
    size_t i = pos + 7;
    // Only a parameter: after ';' (and spaces), followed by '='.
    size_t before = pos;
    while (before > 0 && std::isspace(static_cast<unsigned char>(lower[before - 1]))) --before;
    while (i < lower.size() && std::isspace(static_cast<unsigned char>(lower[i]))) ++i;
    if (before > 0 && lower[before - 1] == ';' && i < lower.size() && lower[i] == '=') {
      std::string value = lower.substr(i + 1);
      if (auto end = value.find(';'); end != std::string::npos) value.resize(end);
      return TrimQuotesAndSpace(value);
    }
    pos += 7;
  }
  return {};
}

bool MapC1Controls(std::string& utf8) {
  size_t pos = utf8.find('\xC2');
  if (pos == std::string::npos) return false;
  const HighTable& table = Windows1252();
  std::string out;
  bool changed = false;
  size_t copied = 0;
  for (; pos != std::string::npos && pos + 1 < utf8.size(); pos = utf8.find('\xC2', pos + 1)) {
    const auto next = static_cast<unsigned char>(utf8[pos + 1]);
    if (next < 0x80 || next > 0x9F) continue;
    const std::uint32_t cp = table[next - 0x80];
    if (cp == 0xFFFD || cp < 0xA0) continue;  // 0x81, 0x8D, 0x8F, 0x90, 0x9D mean nothing
    if (!changed) out.reserve(utf8.size() + 16);
    changed = true;
    out.append(utf8, copied, pos - copied);
    AppendUtf8(cp, out);
    copied = pos + 2;
  }
  if (!changed) return false;
  out.append(utf8, copied, std::string::npos);
  utf8 = std::move(out);
  return true;
}

bool RepairDoubleEncoding(std::string& utf8) {
  // Mojibake of UTF-8 read as windows-1252 starts with a lead byte read as
  // one of U+00C2-U+00F4 (UTF-8 C3 82 .. C3 B4): no such byte pair, no work.
  if (utf8.find('\xC3') == std::string::npos && utf8.find('\xC2') == std::string::npos) return false;
  const HighTable& table = Windows1252();
  // The windows-1252 byte a character came from; -1 when none did.
  auto byte_of = [&](UChar32 cp) -> int {
    if (cp >= 0 && cp < 0x100) return cp;
    for (int b = 0; b < 32; ++b)
      if (table[b] == static_cast<std::uint32_t>(cp)) return 0x80 + b;
    return -1;
  };
  // First pass, without allocating: those bytes must be well-formed UTF-8
  // (real text fails at its first Vietnamese letter or lone accented one).
  int pending = 0;
  bool any_high = false;
  const auto n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, n, cp);
    const int b = byte_of(cp);
    if (b < 0) return false;
    if (pending > 0) {
      if ((b & 0xC0) != 0x80) return false;
      --pending;
    } else if (b >= 0x80) {
      any_high = true;
      if (b >= 0xC2 && b <= 0xDF) pending = 1;
      else if (b >= 0xE0 && b <= 0xEF) pending = 2;
      else if (b >= 0xF0 && b <= 0xF4) pending = 3;
      else return false;
    }
  }
  if (pending > 0 || !any_high) return false;
  std::string bytes;
  bytes.reserve(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, n, cp);
    bytes += static_cast<char>(byte_of(cp));
  }
  if (!IsValidUtf8(bytes) || bytes == utf8) return false;
  utf8 = std::move(bytes);
  return true;
}

DecodedText DecodeFeedBytes(std::string_view bytes, const DecodeOptions& options) {
  DecodedText out;
  const HighTable& legacy = options.vietnamese ? Windows1258() : Windows1252();
  const char* legacy_name = options.vietnamese ? "windows-1258" : "windows-1252";
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };

  // 1. Byte order mark.
  std::string bom;
  if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) bom = "utf-32be";
  else if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) bom = "utf-32le";
  else if (starts("\xEF\xBB\xBF")) bom = "utf-8";
  else if (starts("\xFE\xFF")) bom = "utf-16be";
  else if (starts("\xFF\xFE")) bom = "utf-16le";

  // The byte family of a document without BOM, from "<?" in its encoding.
  std::string family;
  if (starts("\x4C\x6F\xA7\x94")) family = "ebcdic";  // "<?xm" in EBCDIC
  else if (starts(std::string_view("\x00\x00\x00\x3C", 4))) family = "utf-32be";
  else if (starts(std::string_view("\x3C\x00\x00\x00", 4))) family = "utf-32le";
  else if (starts(std::string_view("\x00\x3C\x00\x3F", 4))) family = "utf-16be";
  else if (starts(std::string_view("\x3C\x00\x3F\x00", 4))) family = "utf-16le";

  std::string declared;
  if (family == "ebcdic") {
    // The declaration read in EBCDIC's invariant characters, which every
    // EBCDIC code page shares.
    const ConvertResult head = ConvertWithIcu(bytes.substr(0, 256), "ibm-037");
    declared = CanonicalLabel(DeclaredEncoding(head.utf8));
    family = declared.empty() ? "ibm-037" : declared;
  } else if (!bom.empty() || !family.empty()) {
    const std::string& f = bom.empty() ? family : bom;
    if (f != "utf-8") {
      const size_t unit = f.rfind("utf-32", 0) == 0 ? 4 : 2;
      const std::string_view body = bytes.substr(bom.empty() ? 0 : unit);
      declared = CanonicalLabel(DeclaredEncoding(NarrowHead(body, unit, f.find("be") != std::string::npos)));
    } else {
      declared = CanonicalLabel(DeclaredEncoding(bytes.substr(3, 512)));
    }
  } else {
    declared = CanonicalLabel(DeclaredEncoding(bytes.substr(0, 512)));
  }
  const std::string http = CanonicalLabel(options.http_charset);

  // 2. RFC 7303 precedence.
  std::string chosen;
  bool explicit_label = true;
  if (!bom.empty()) {
    chosen = bom;
    if (!http.empty() && http != bom && !(IsUtf16Or32(http) && http.substr(0, 6) == bom.substr(0, 6)))
      out.problem = "the byte order mark (" + bom + ") overrides the HTTP charset " + http;
  } else if (!http.empty()) {
    chosen = http;
  } else if (!family.empty()) {
    chosen = family;
  } else if (!declared.empty()) {
    chosen = declared;
  } else {
    chosen = "utf-8";
    explicit_label = false;
  }
  // "utf-16" without a BOM: the byte family says which end comes first.
  if (chosen == "utf-16" || chosen == "utf-32") {
    if (!family.empty() && family.substr(0, 6) == chosen) chosen = family;
    else chosen += "be";
  }
  if (IsUtf16Or32(chosen) && family.empty() && bom.empty()) {
    // Declared UTF-16 in ASCII-compatible bytes cannot be true.
    out.problem = "declared " + chosen + " but the bytes are ASCII-compatible: read as utf-8";
    chosen = "utf-8";
  }

  const size_t bom_length = bom.empty() ? 0 : bom == "utf-8" ? 3 : bom.rfind("utf-32", 0) == 0 ? 4 : 2;
  const std::string_view body = bytes.substr(bom_length);
  std::optional<Utf8Scan> body_scan;  // the scan of `body`, when it is the result
  if (chosen == "utf-8" || chosen == "us-ascii") {
    out.encoding = chosen;
    const Utf8Scan scan = ScanUtf8(body);
    const size_t valid = scan.valid;
    if (valid == body.size()) {
      out.unchanged = body;
      body_scan = scan;
      if (chosen == "us-ascii" && HasMultibyteUtf8(body)) {
        out.problem = "declared us-ascii but the bytes are utf-8: read as utf-8";
        out.encoding = "utf-8";
      }
    } else if (!explicit_label) {
      // Nothing declared and not UTF-8: the detector, else the legacy charset.
      const std::string detected = DetectCharset(body);
      ConvertResult converted;
      if (!detected.empty()) converted = ConvertWithIcu(body, detected);
      if (converted.ok) {
        out.converted = std::move(converted.utf8);
        out.encoding = detected;
        out.problem = "no encoding declared and the bytes are not utf-8: detected " + detected;
      } else {
        out.converted = RepairUtf8(body, legacy);
        out.encoding = legacy_name;
        out.problem = "line " + std::to_string(LineOf(body, valid)) +
                      ": no encoding declared and the bytes are not utf-8: read as " + legacy_name;
      }
    } else {
      // The label (HTTP's, as a rule) says UTF-8 and the bytes are not: the
      // document's own declaration, when it names another charset that
      // reads every byte, is the better witness (a windows-1258 feed served
      // as utf-8); else each stray byte is read in the legacy charset.
      ConvertResult by_declaration;
      if (!declared.empty() && declared != chosen && !IsUtf16Or32(declared) && MostlyNotUtf8(body))
        by_declaration = ConvertWithIcu(body, declared == "iso-8859-1" ? "windows-1252" : declared);
      out.problem =
          "line " + std::to_string(LineOf(body, valid)) + ": declared " + chosen + " but has bytes that are not: ";
      if (by_declaration.ok && !by_declaration.had_invalid) {
        out.converted = std::move(by_declaration.utf8);
        out.encoding = declared;
        out.problem += "read as " + declared + ", as the document declares";
      } else {
        out.converted = RepairUtf8(body, legacy);
        out.problem += std::string("read them as ") + legacy_name;
      }
    }
  } else {
    std::string charset = chosen;
    // ISO-8859-1 as the web means it: windows-1252, which only adds
    // characters where ISO-8859-1 has C1 controls.
    if (charset == "iso-8859-1") charset = "windows-1252";
    if (IsSingleByteLatin(chosen) && IsValidUtf8(body) && HasMultibyteUtf8(body)) {
      out.unchanged = body;
      out.encoding = "utf-8";
      out.problem = "declared " + chosen + " but the bytes are utf-8: read as utf-8";
    } else if (ConvertResult converted = ConvertWithIcu(body, charset); converted.ok) {
      out.converted = std::move(converted.utf8);
      out.encoding = chosen;
      if (converted.had_invalid)
        out.problem = "bytes that are not valid " + chosen + " were replaced by U+FFFD";
    } else {
      out.problem = "unknown encoding '" + Printable(chosen) + "': read as utf-8";
      out.encoding = "utf-8";
      const size_t valid = ValidUtf8Prefix(body);
      if (valid == body.size()) out.unchanged = body;
      else out.converted = RepairUtf8(body, legacy);
    }
  }
  // A BOM that ICU kept (UTF-16/32 converters pass U+FEFF through).
  if (out.converted && out.converted->rfind("\xEF\xBB\xBF", 0) == 0) out.converted->erase(0, 3);
  // C1 controls and NFC: the input is copied only when they change it.
  if (!out.converted) {
    const Utf8Scan scan = body_scan ? *body_scan : ScanUtf8(out.unchanged);
    if (scan.c1 || (scan.nfc_risk && !IsNfc(out.unchanged))) out.converted = std::string(out.unchanged);
  }
  if (out.converted) {
    MapC1Controls(*out.converted);
    NormalizeNfc(*out.converted);
  }
  return out;
}

}  // namespace pw::feed
