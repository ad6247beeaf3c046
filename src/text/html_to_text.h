// text/html_to_text.h: an HTML page or fragment as readable plain text.
//
//   HtmlToText("<p>Quỹ <b>GenAI</b></p><p>AWS &amp; NIC<br>Hà Nội</p><script>x()</script>")
//       == "Quỹ GenAI\n\nAWS & NIC\nHà Nội"
//
// Block elements (p, div, h1-h6, li, tr, blockquote, section, article,
// figure, figcaption, ...) become paragraph breaks, <br> a line break, table
// cells are separated by a space, <pre> keeps its line breaks; entities are
// decoded once (by the HTML parser: "&amp;amp;" is "&amp;"); script, style,
// noscript, template, nav, aside, form and its controls, head, iframe, svg,
// and anything hidden (the hidden attribute, aria-hidden="true", display:none,
// visibility:hidden, the classes hidden, d-none, sr-only, visually-hidden,
// screen-reader-text) is dropped; images are dropped with their alt text, so
// it is never mixed into sentences (a figcaption is a paragraph of its own).
// The input is read as UTF-8. Elements nested deeper than 256 (libxml2's
// limit) are lost, and nothing worse happens. The result is not yet
// normalized: pass it to NormalizeText (NormalizeDocument does both).
// Pure (libxml2's HTML parser, no network); thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pw::text {

std::string HtmlToText(std::string_view html);

}  // namespace pw::text
