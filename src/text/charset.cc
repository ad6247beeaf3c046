#include "text/charset.h"

#include <algorithm>
#include <cctype>

namespace pw::text {

namespace {

constexpr size_t kPrescanBytes = 8192;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '"' || s.front() == '\'')) s.remove_prefix(1);
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
  return s;
}

// The standard's label folding, for the labels pages actually use.
std::string FoldLabel(std::string_view label) {
  const std::string l = Lower(Trim(label));
  if (l.empty()) return "";
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8") return "UTF-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" || l == "ascii" ||
      l == "us-ascii" || l == "iso_8859-1" || l == "cp1252" || l == "windows-1252" || l == "x-cp1252")
    return "windows-1252";
  if (l == "cp1258" || l == "windows-1258" || l == "x-cp1258") return "windows-1258";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "chinese") return "GBK";
  if (l == "utf-16" || l == "utf-16le" || l == "utf-16be") return "UTF-8";  // declared in ASCII bytes
  // Anything else is passed on; only letters, digits and -_:. can be a label.
  if (!std::all_of(l.begin(), l.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '_' || c == ':' || c == '.';
      }))
    return "";
  return l;
}

// The value after "charset=" in `text` (a Content-Type value or a meta
// content attribute), up to ';', a quote or a space.
std::string_view CharsetParameter(std::string_view text) {
  const std::string lower = Lower(text);
  const size_t at = lower.find("charset");
  if (at == std::string::npos) return {};
  size_t i = at + 7;
  while (i < text.size() && IsSpace(text[i])) ++i;
  if (i >= text.size() || text[i] != '=') return {};
  ++i;
  while (i < text.size() && (IsSpace(text[i]) || text[i] == '"' || text[i] == '\'')) ++i;
  size_t end = i;
  while (end < text.size() && text[end] != ';' && text[end] != '"' && text[end] != '\'' &&
         !IsSpace(text[end]) && text[end] != '>' && text[end] != '/')
    ++end;
  return text.substr(i, end - i);
}

// <meta charset=X> or <meta http-equiv=content-type content="...charset=X">
// in the first bytes of the page. Comments are skipped, as a browser would.
std::string MetaCharset(std::string_view page) {
  const std::string_view head = page.substr(0, std::min(page.size(), kPrescanBytes));
  const std::string lower = Lower(head);
  size_t pos = 0;
  while ((pos = lower.find('<', pos)) != std::string::npos) {
    if (lower.compare(pos, 4, "<!--") == 0) {
      const size_t end = lower.find("-->", pos + 4);
      if (end == std::string::npos) return "";
      pos = end + 3;
      continue;
    }
    const bool is_meta = lower.compare(pos, 5, "<meta") == 0 && pos + 5 < lower.size() &&
                         (IsSpace(lower[pos + 5]) || lower[pos + 5] == '/');
    const size_t end = lower.find('>', pos);
    if (end == std::string::npos) return "";
    if (is_meta) {
      const std::string_view tag = head.substr(pos, end - pos);
      const std::string_view value = CharsetParameter(tag);
      if (!value.empty()) {
        std::string folded = FoldLabel(value);
        if (!folded.empty()) return folded;
      }
    }
    pos = end + 1;
  }
  return "";
}

// True when `page` is valid UTF-8 and has at least one multi-byte character.
bool IsUtf8WithNonAscii(std::string_view page) {
  bool non_ascii = false;
  for (size_t i = 0; i < page.size();) {
    const unsigned char c = static_cast<unsigned char>(page[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (c >= 0xF5) length = 0;
    if (length == 0 || i + length > page.size()) return false;
    for (size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(page[i + k]) & 0xC0) != 0x80) return false;
    const unsigned char second = static_cast<unsigned char>(page[i + 1]);
    if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90) ||
        (c == 0xF4 && second > 0x8F))
      return false;  // overlong forms and surrogates
    non_ascii = true;
    i += length;
  }
  return non_ascii;
}

}  // namespace

std::string CharsetOfContentType(std::string_view content_type) {
  return FoldLabel(CharsetParameter(content_type));
}

std::string SniffCharset(std::string_view page, std::string_view content_type) {
  if (page.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (page.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (page.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  std::string declared = CharsetOfContentType(content_type);
  if (declared.empty()) declared = MetaCharset(page);
  if (declared.empty() || declared == "UTF-8") return "UTF-8";
  // Servers and re-saved pages often declare a legacy charset for UTF-8
  // bytes; text in a legacy charset with accents is practically never valid
  // UTF-8, so valid UTF-8 with accents is read as UTF-8.
  if (IsUtf8WithNonAscii(page)) return "UTF-8";
  return declared;
}

}  // namespace pw::text
