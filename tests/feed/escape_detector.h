// tests/feed/escape_detector.h: what must not survive sanitizing, looked for
// with a real HTML parser (libxml2's), not by substring. Test code only.
//
//   HtmlEscapes("<p>x</p>") is empty;
//   HtmlEscapes("<img src=x onerror=alert(1)>") names the onerror attribute.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pw::feed::testing {

// `url` runs script or carries a document: javascript:, vbscript:,
// livescript:, data: (spaces and control characters in the scheme seen
// through, as browsers do).
bool DangerousScheme(std::string_view url);

// Parses `html` as a page would when inserting it, and lists each element
// (script, style, applet, embed, object, iframe, frames, meta, link, base,
// form controls), on* or style attribute, and dangerous URL it finds, each
// prefixed with `where`.
std::vector<std::string> HtmlEscapes(const std::string& html, const std::string& where = "");

}  // namespace pw::feed::testing
