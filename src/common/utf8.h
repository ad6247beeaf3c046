// common/utf8.h: whether bytes are UTF-8, and text made so. For every stage:
// what a client, a file or a feed sends is checked before it is quoted back,
// stored or written into JSON (which is UTF-8).
//
//   IsValidUtf8("Đỗ") == true;  IsValidUtf8("\xff") == false
//   ValidUtf8("a\xff" "b") == "a\uFFFD" "b"
//   LooksBinary(std::string("PK\x03\x04\0\0", 6)) == true
//   AppendUtf8(U'Đ', out) appends "\xC4\x90"
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

// Appends `code_point` to `out` in UTF-8; a surrogate or a value above
// U+10FFFF is no character and appends nothing.
void AppendUtf8(char32_t code_point, std::string& out);

// Binary data rather than text (an image, an archive, compressed bytes): a
// NUL among the first 512 bytes (where every such format's header has one),
// or more than one byte in ten a control character other than tab and line
// breaks. A stray NUL further on is a text's flaw, to repair, not a sign it
// is none. For text already decoded to UTF-8 (UTF-16 holds NULs).
bool LooksBinary(std::string_view text);

}  // namespace pw
