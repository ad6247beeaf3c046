// text/utf8.h: lengths of UTF-8 text as people count them, in characters
// (code points), not bytes.
//
//   CodePointCount("Đỗ")  == 2   // four bytes
//   CodePointCount("H")   == 1
//   CodePointCount("")    == 0
//
// Pure. It counts the bytes that start a code point, so text that is not
// valid UTF-8 still gets a count, never an error.
#pragma once

#include <cstddef>
#include <string_view>

namespace pw::text {

inline std::size_t CodePointCount(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;  // not a continuation byte
  return n;
}

}  // namespace pw::text
