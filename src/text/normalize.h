// text/normalize.h: one canonical form for the text every later stage reads.
//
// Extraction, search and de-duplication see text only through NormalizeText,
// so two inputs that look the same on screen give the same bytes. In order:
//   1. invalid UTF-8 becomes U+FFFD; C0 controls, DEL, zero-width spaces and
//      joiners, word joiners, direction marks and isolates, the combining
//      grapheme joiner and stray BOMs are removed; tabs, NBSP and the other
//      Unicode spaces become ' ', CR LF and CR become LF, U+2028 LF and U+2029
//      a blank line. C1 controls, NBSP and soft hyphens wait for step 3;
//   2. Unicode NFC (ICU);
//   3. mojibake (UTF-8 read as Windows-1252 or Latin-1) is repaired
//      (text/mojibake.h), then what step 1 kept for it is removed (C1, soft
//      hyphen) or folded (NBSP), and NFC again;
//   4. the Vietnamese tone mark goes to its one place (text/tone_marks.h):
//      "hoà" -> "hòa", "thuý" -> "thúy";
//   5. runs of spaces collapse to one, lines are trimmed, paragraphs are
//      separated by exactly one blank line ("\n\n"); no leading or trailing
//      whitespace remains.
// Dashes, quotes and apostrophes stay as written (“ ” – — ’): the display
// text keeps them; SearchKey folds them for matching.
//
//   NormalizeText("Quy\u0300 GenAI\u00A0 \u200Bfund \r\n\r\n\r\nX") == "Quỳ GenAI fund\n\nX"
//   NormalizeText("Ä‘áº§u tÆ° vÃ\u00A0o Quá»¹")                 == "đầu tư vào Quỹ"
//   NormalizeText("ho\u0061\u0300 khoẻ")                         == "hòa khỏe"
//
// NormalizeDocument takes what a user or a feed gives (plain text or HTML,
// detected from the content) and returns the normalized text; `extract`
// reports its offsets into exactly this string.
//
// Idempotent: NormalizeText(NormalizeText(s)) == NormalizeText(s) (the
// mojibake repair runs until nothing changes, so a second call finds nothing
// left; input built to keep it busy is left as it is). Linear in the input.
// Pure; thread-safe. docs/text.md has every rule, with examples.
#pragma once

#include <string>
#include <string_view>

namespace pw::text {

std::string NormalizeText(std::string_view utf8);

// True when `input` looks like an HTML document or fragment (a tag of a known
// block or inline element near the start, or <html>/<body>).
bool LooksLikeHtmlDocument(std::string_view input);

// HtmlToText when LooksLikeHtmlDocument, then NormalizeText.
std::string NormalizeDocument(std::string_view input);

}  // namespace pw::text
