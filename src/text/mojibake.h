// text/mojibake.h: UTF-8 that was read as Windows-1252 or Latin-1, repaired.
//
// A page or a feed stored as UTF-8 but decoded somewhere on its way as
// Windows-1252 (or Latin-1) arrives with every non-ASCII character turned
// into two to four characters of Latin-1 and cp1252 punctuation:
//
//   RepairMojibake("Ä‘áº§u tÆ° vÃ o AI")   == "đầu tư vào AI"
//   RepairMojibake("Teemu PÃ¤ivinen")      == "Teemu Päivinen"
//   RepairMojibake("PROMPERÃ\u009A")        == "PROMPERÚ"      (Latin-1: a C1 control)
//   RepairMojibake("Ã„â€˜")                 == "đ"             (encoded twice)
//   RepairMojibake("đầu tư, SÃO PAULO, 5°C") == std::nullopt   (correct text: untouched)
//
// The rule (docs/text.md has it in full, with its limits):
//   - a character that Windows-1252 can encode as a UTF-8 lead byte (Â..ô,
//     U+00C2..U+00F4) followed by the characters that encode as the
//     continuation bytes (0x80..0xBF: C1 controls, cp1252 punctuation such as
//     ‘ ’ “ ” – € ™, NBSP and ¡..¿) is replaced by the code point those bytes
//     spell, when they form valid, shortest-form UTF-8 and the code point is
//     plausible: a Latin letter or mark, punctuation, a symbol, or a script
//     letter (Greek, Cyrillic, Hebrew, Arabic, Thai, CJK, ...); a non-Latin
//     letter from a two-byte sequence must sit next to other non-ASCII text
//     (an isolated "Ó”" in an English sentence stays as it is);
//   - "Ã" followed by an ASCII space stands for "à" (C3 A0, whose NBSP became
//     a space) only where the text has other repairs in the same pass;
//   - repeated until nothing changes (text encoded twice or more).
// Correct Vietnamese, English and Western European text never contains such
// sequences (an upper-case accented letter directly followed by a C1 control
// or a symbol), which is what keeps correct text untouched.
//
// Input: UTF-8; invalid bytes are left as they are and never take part in a
// repair. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pw::text {

// The repaired text, or nullopt when there is nothing to repair (the common
// case, which allocates nothing).
std::optional<std::string> RepairMojibake(std::string_view utf8);

}  // namespace pw::text
