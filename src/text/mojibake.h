// text/mojibake.h: UTF-8 that was read as Windows-1252 or Latin-1, repaired.
//
// A page or a feed stored as UTF-8 but decoded somewhere on its way as
// Windows-1252 (or Latin-1) arrives with every non-ASCII character turned
// into two to four characters of Latin-1 and cp1252 punctuation:
//
//   RepairMojibake("Ä‘áº§u tÆ° vÃ\u00A0o AI") == "đầu tư vào AI"
//   RepairMojibake("Teemu PÃ¤ivinen")      == "Teemu Päivinen"
//   RepairMojibake("PROMPERÃ\u009A")        == "PROMPERÚ"      (Latin-1: a C1 control)
//   RepairMojibake("Ã„â€˜")                 == "đ"             (encoded twice)
//   RepairMojibake("đầu tư, SÃO PAULO, 5°C") == std::nullopt   (correct text: untouched)
//
// The rule (docs/text.md has it in full, with its limits):
//   - a character that Windows-1252 encodes as a UTF-8 lead byte (Â..ô,
//     U+00C2..U+00F4) followed by the characters that encode as continuation
//     bytes (0x80..0xBF: C1 controls, cp1252 punctuation such as ‘ ’ “ ” – €
//     ™, NBSP, the soft hyphen and ¡..¿) is replaced by the code point those
//     bytes spell, when they form valid, shortest-form UTF-8 and the code
//     point is plausible: a Latin letter or mark, Greek, IPA, punctuation, a
//     symbol, an emoji, a private-use character (Word's symbol font), a C1
//     control (the inner layer of text encoded twice); a letter of another
//     script (Cyrillic, Hebrew, Arabic, Thai, CJK, Hangul, ...) only next to
//     another such repair, or in a text that has runs of them (an isolated
//     "Ó”" in English, "é »" in French, "đá…”" in Vietnamese stay as they are);
//   - "Ã" and an ASCII space after a letter stand for "à" (C3 A0, whose NBSP
//     became a space) where the same pass repaired something else: "vÃ  công"
//     -> "và công", and "thÃ nh" -> "thành" when the two halves make one
//     Vietnamese syllable;
//   - repeated until nothing changes (text encoded twice or more); text still
//     changing after eight rounds is left as it is (bounded work).
// Correct text of Vietnamese, English and the other languages of the corpus
// does not contain such sequences (an upper-case accented letter directly
// followed by a C1 control or a symbol): over all 980,123 lines of
// ../shared/corpus, the 42 lines this changes are all mojibake.
//
// Input: UTF-8; invalid bytes are left as they are and never take part in a
// repair. Linear in the input. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pw::text {

// The repaired text, or nullopt when there is nothing to repair (the common
// case, which allocates nothing).
std::optional<std::string> RepairMojibake(std::string_view utf8);

}  // namespace pw::text
