#include "common/utf8.h"

#include <cstdint>
#include <cstring>

namespace pw {

namespace {

// The length of the well-formed character at the start of `s`, 0 if none.
std::size_t CharacterLength(const unsigned char* p, std::size_t n) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  std::size_t len;
  std::uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
  else return 0;
  if (len > n) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return len;
}

}  // namespace

void AppendUtf8(char32_t code_point, std::string& out) {
  const std::uint32_t cp = code_point;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    if (cp >= 0xD800 && cp <= 0xDFFF) return;
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp <= 0x10FFFF) {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t ValidUtf8Prefix(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of any feed or query.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const std::size_t len = CharacterLength(p + i, n - i);
    if (len == 0) break;
    i += len;
  }
  return i;
}

std::string ValidUtf8(std::string_view bytes) {
  std::string out;
  // Each valid run as it is, then U+FFFD for the byte that ended it.
  for (std::size_t i = 0;;) {
    const std::size_t valid = ValidUtf8Prefix(bytes.substr(i));
    out.append(bytes.substr(i, valid));
    i += valid;
    if (i >= bytes.size()) return out;
    out += "\xEF\xBF\xBD";
    ++i;
  }
}

bool LooksBinary(std::string_view text) {
  if (text.substr(0, 512).find('\0') != std::string_view::npos) return true;
  std::size_t controls = 0;
  for (unsigned char c : text) controls += c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  return controls * 10 > text.size();
}

}  // namespace pw
