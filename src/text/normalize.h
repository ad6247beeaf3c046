// text/normalize.h: one canonical form for the text every later stage reads.
//
// Extraction, search and de-duplication see text only through NormalizeText,
// so two inputs that look the same on screen give the same bytes:
//   - invalid UTF-8 becomes U+FFFD; C0/C1 controls, zero-width spaces and
//     joiners, soft hyphens, word joiners and stray BOMs are removed;
//   - NBSP and the other Unicode spaces become ' '; tabs too; CR LF and CR
//     become LF;
//   - Unicode NFC (ICU);
//   - runs of spaces collapse to one, lines are trimmed, and paragraphs are
//     separated by exactly one blank line ("\n\n"); no leading or trailing
//     whitespace remains.
//
//   NormalizeText("Quy\u0300 GenAI\u00A0 \u200Bfund \r\n\r\n\r\nX") == "Quỳ GenAI fund\n\nX"
//
// NormalizeDocument takes what a user or a feed gives (plain text or HTML,
// detected from the content) and returns the normalized text; `extract`
// reports its offsets into exactly this string.
//
// Idempotent: NormalizeText(NormalizeText(s)) == NormalizeText(s).
// Pure; thread-safe.
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
