// text/utf8.h: lengths of UTF-8 text as people count them, in characters
// (code points), not bytes; whether bytes are UTF-8 at all, and text made so.
//
//   CodePointCount("Đỗ")  == 2   // four bytes
//   CodePointCount("H")   == 1
//   CodePointCount("")    == 0
//   IsValidUtf8("Đỗ") == true, IsValidUtf8("\xff") == false
//   ValidUtf8("a\xffb")  == "a\uFFFDb"
//
// Pure. CodePointCount counts the bytes that start a code point, so text
// that is not valid UTF-8 still gets a count, never an error.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pw::text {

inline std::size_t CodePointCount(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;  // not a continuation byte
  return n;
}

// Whether `bytes` are well-formed UTF-8 (no surrogates, no overlong forms).
inline bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// `bytes` with each ill-formed sequence replaced by U+FFFD: text that may be
// written into JSON or shown, whatever a client sent.
inline std::string ValidUtf8(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return std::string(bytes);
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  std::string out;
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) out += "\uFFFD";
    else out.append(bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

}  // namespace pw::text
