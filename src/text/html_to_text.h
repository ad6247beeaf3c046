// text/html_to_text.h: an HTML page or fragment as readable plain text.
//
//   HtmlToText("<p>Quỹ <b>GenAI</b></p><p>AWS &amp; NIC<br>Hà Nội</p><script>x()</script>")
//       == "Quỹ GenAI\n\nAWS & NIC\nHà Nội"
//
// Block elements (p, div, h1-h6, li, tr, blockquote, section, article, ...)
// become paragraph breaks, <br> a line break; entities are decoded once (by
// the HTML parser); script, style, noscript, template, nav, aside, form,
// head, and anything hidden (hidden, aria-hidden="true", display:none) is
// dropped; the alt text of images is not mixed into sentences. The result is
// not yet normalized: pass it to NormalizeText (NormalizeDocument does both).
// Pure (libxml2's HTML parser, no network); thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pw::text {

std::string HtmlToText(std::string_view html);

}  // namespace pw::text
