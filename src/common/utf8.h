// common/utf8.h: whether bytes are UTF-8, and text made so. For every stage:
// what a client, a file or a feed sends is checked before it is quoted back,
// stored or written into JSON (which is UTF-8).
//
//   IsValidUtf8("Đỗ") == true;  IsValidUtf8("\xff") == false
//   ValidUtf8("a\xff" "b") == "a\uFFFD" "b"
//
// Well-formed as RFC 3629 has it: no overlong forms, no surrogates, nothing
// above U+10FFFF. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pw {

// The length of the longest prefix of `bytes` that is well-formed UTF-8 and
// ends at a character's end.
std::size_t ValidUtf8Prefix(std::string_view bytes);

inline bool IsValidUtf8(std::string_view bytes) { return ValidUtf8Prefix(bytes) == bytes.size(); }

// `bytes` with each byte that does not start a well-formed character
// replaced by U+FFFD.
std::string ValidUtf8(std::string_view bytes);

}  // namespace pw
