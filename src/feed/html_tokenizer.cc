#include "feed/html_tokenizer.h"

#include <array>
#include <cstdint>

#include <libxml/HTMLparser.h>

#include "common/utf8.h"

namespace pw::feed {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Raw text for HTML, except <iframe>: browsers never show its content, so
// it is read as markup here and sanitized like the rest (its text kept).
bool IsRawTextElement(std::string_view name) {
  return name == "script" || name == "style" || name == "xmp" || name == "noembed" || name == "noframes" ||
         name == "textarea" || name == "title";
}

// windows-1252 meanings of the references &#128;-&#159; (0: none), as HTML5 reads them.
constexpr std::array<std::uint16_t, 32> kWindows1252C1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// The code point of a named reference, 0 when unknown. HTML 4's names
// (libxml2's table) and apos, which HTML 5 added.
std::uint32_t NamedReference(const std::string& name) {
  if (name == "apos") return '\'';
  const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  return entity ? entity->value : 0;
}

// Names HTML reads even without their ';' ("AT&amp T" is rare; "&nbsp" is not).
bool LegacyWithoutSemicolon(const std::string& name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp" || name == "copy" ||
         name == "reg";
}

// The position of "</name" (any case) followed by a space, '/' or '>'; the
// end of the input when there is none.
size_t FindEndTag(std::string_view in, size_t from, std::string_view end_tag) {
  for (size_t i = in.find("</", from); i != std::string_view::npos; i = in.find("</", i + 2)) {
    if (i + end_tag.size() > in.size()) break;
    bool same = true;
    for (size_t k = 2; k < end_tag.size() && same; ++k) same = Lower(in[i + k]) == end_tag[k];
    const size_t after = i + end_tag.size();
    if (same && (after == in.size() || IsSpace(in[after]) || in[after] == '/' || in[after] == '>')) return i;
  }
  return in.size();
}

}  // namespace

void AppendDecodedHtml(std::string_view text, std::string& out) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      return;
    }
    out.append(text.substr(i, amp - i));
    size_t j = amp + 1;
    if (j < text.size() && text[j] == '#') {
      ++j;
      const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
      if (hex) ++j;
      const size_t digits = j;
      std::uint64_t value = 0;
      while (j < text.size() && (hex ? std::isxdigit(static_cast<unsigned char>(text[j])) : IsDigit(text[j]))) {
        if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(
            IsDigit(text[j]) ? text[j] - '0' : Lower(text[j]) - 'a' + 10);
        ++j;
      }
      if (j == digits) {  // "&#" with no digits: literal
        out += '&';
        i = amp + 1;
        continue;
      }
      if (j < text.size() && text[j] == ';') ++j;
      std::uint32_t cp = static_cast<std::uint32_t>(value);
      if (value >= 0x80 && value <= 0x9F) cp = kWindows1252C1[value - 0x80];
      if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) cp = 0xFFFD;
      AppendUtf8(cp, out);
      i = j;
      continue;
    }
    while (j < text.size() && j - amp <= 32 && IsAlnum(text[j])) ++j;
    const std::string name(text.substr(amp + 1, j - amp - 1));
    const bool semicolon = j < text.size() && text[j] == ';';
    const std::uint32_t cp = name.empty() ? 0 : NamedReference(name);
    if (cp && (semicolon || LegacyWithoutSemicolon(name))) {
      AppendUtf8(cp, out);
      i = semicolon ? j + 1 : j;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
}

bool HtmlTokenizer::Next(HtmlToken& token) {
  token.attributes.clear();
  token.self_closing = false;
  if (!raw_text_end_.empty()) {
    const size_t end = FindEndTag(in_, pos_, raw_text_end_);
    token.kind = HtmlToken::kText;
    token.text = in_.substr(pos_, end - pos_);
    pos_ = end;
    raw_text_end_.clear();
    if (!token.text.empty()) return true;
  }
  while (pos_ < in_.size()) {
    const size_t lt = in_.find('<', pos_);
    if (lt != pos_) {
      const size_t end = lt == std::string_view::npos ? in_.size() : lt;
      token.kind = HtmlToken::kText;
      token.text = in_.substr(pos_, end - pos_);
      pos_ = end;
      return true;
    }
    const char next = pos_ + 1 < in_.size() ? in_[pos_ + 1] : '\0';
    const char after = pos_ + 2 < in_.size() ? in_[pos_ + 2] : '\0';
    if (IsAlpha(next) || (next == '/' && IsAlpha(after))) {
      if (ReadTag(token)) return true;
      pos_ = in_.size();  // the input ends inside the tag: HTML drops it
      return false;
    }
    if (in_.substr(pos_, 4) == "<!--") {
      // "<!-->" and "<!--->" close at once; else the comment runs to "-->".
      if (in_.substr(pos_ + 4, 1) == ">") {
        pos_ += 5;
      } else if (in_.substr(pos_ + 4, 2) == "->") {
        pos_ += 6;
      } else {
        const size_t end = in_.find("-->", pos_ + 4);
        pos_ = end == std::string_view::npos ? in_.size() : end + 3;
      }
      continue;
    }
    if (next == '!' || next == '?' || next == '/') {
      pos_ = SkipBogusComment(pos_ + 2);
      continue;
    }
    // A '<' that starts nothing is text, up to the next '<'.
    const size_t following = in_.find('<', pos_ + 1);
    const size_t end = following == std::string_view::npos ? in_.size() : following;
    token.kind = HtmlToken::kText;
    token.text = in_.substr(pos_, end - pos_);
    pos_ = end;
    return true;
  }
  return false;
}

size_t HtmlTokenizer::SkipBogusComment(size_t from) const {
  const size_t end = in_.find('>', from);
  return end == std::string_view::npos ? in_.size() : end + 1;
}

bool HtmlTokenizer::ReadTag(HtmlToken& token) {
  const size_t n = in_.size();
  size_t i = pos_ + 1;
  const bool end_tag = in_[i] == '/';
  if (end_tag) ++i;
  token.name.clear();
  while (i < n && !IsSpace(in_[i]) && in_[i] != '/' && in_[i] != '>') token.name += Lower(in_[i++]);
  while (true) {
    while (i < n && IsSpace(in_[i])) ++i;
    if (i >= n) return false;
    if (in_[i] == '>') {
      ++i;
      break;
    }
    if (in_[i] == '/') {
      ++i;
      if (i < n && in_[i] == '>') token.self_closing = true;
      continue;
    }
    // An attribute: name [= value]
    std::string name;
    name += Lower(in_[i++]);  // may be '=': HTML allows it as a first character
    while (i < n && !IsSpace(in_[i]) && in_[i] != '/' && in_[i] != '>' && in_[i] != '=') name += Lower(in_[i++]);
    while (i < n && IsSpace(in_[i])) ++i;
    std::string_view value;
    if (i < n && in_[i] == '=') {
      ++i;
      while (i < n && IsSpace(in_[i])) ++i;
      if (i >= n) return false;
      if (in_[i] == '"' || in_[i] == '\'') {
        const size_t close = in_.find(in_[i], i + 1);
        if (close == std::string_view::npos) return false;
        value = in_.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        const size_t start = i;
        while (i < n && !IsSpace(in_[i]) && in_[i] != '>') ++i;
        value = in_.substr(start, i - start);
      }
    }
    if (end_tag || token.attributes.size() >= 64) continue;
    bool duplicate = false;  // HTML keeps the first of two same-named attributes
    for (const auto& a : token.attributes) duplicate = duplicate || a.name == name;
    if (duplicate) continue;
    HtmlAttribute attribute;
    attribute.name = std::move(name);
    AppendDecodedHtml(value, attribute.value);
    token.attributes.push_back(std::move(attribute));
  }
  token.kind = end_tag ? HtmlToken::kEndTag : HtmlToken::kStartTag;
  pos_ = i;
  // HTML ignores "/>" on elements that are not void: <script/> still opens.
  if (!end_tag && IsRawTextElement(token.name)) raw_text_end_ = "</" + token.name;
  return true;
}

}  // namespace pw::feed
