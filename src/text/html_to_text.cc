#include "text/html_to_text.h"

#include <algorithm>

#include "text/html_dom.h"

namespace pw::text {

namespace {

using dom::Name;

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsBlock(std::string_view name) {
  return OneOf(name, {"p",       "div",    "h1",         "h2",      "h3",      "h4",      "h5",
                      "h6",      "li",     "ul",         "ol",      "dl",      "dt",      "dd",
                      "tr",      "table",  "blockquote", "section", "article", "main",    "header",
                      "footer",  "figure", "figcaption", "pre",     "hr",      "address", "details",
                      "summary", "center", "tbody",      "thead",   "caption"});
}

bool IsSkipped(std::string_view name) {
  return OneOf(name,
               {"script",  "style", "noscript", "template", "nav",    "aside",  "form",     "head",  "iframe",
                "object",  "embed", "svg",      "canvas",   "button", "select", "textarea", "input", "img",
                "picture", "video", "audio",    "map",      "title",  "meta",   "link"});
}

// Recursive: libxml2's HTML parser stops at 256 open elements (without
// HTML_PARSE_HUGE), which bounds the depth.
void Walk(const xmlNode* node, bool preformatted, std::string& out) {
  for (const xmlNode* n = node->children; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      // Source line breaks inside text are just spaces in HTML, except in <pre>.
      for (const char* p = reinterpret_cast<const char*>(n->content); p && *p; ++p)
        out += (*p == '\n' || *p == '\r') && !preformatted ? ' ' : *p;
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(n);
    if (IsSkipped(name) || dom::IsHidden(n)) continue;
    if (name == "br") {
      out += '\n';
      continue;
    }
    const bool block = IsBlock(name);
    if (block)
      out += "\n\n";
    else if (name == "td" || name == "th")
      out += ' ';
    Walk(n, preformatted || name == "pre", out);
    if (block) out += "\n\n";
  }
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  if (html.empty()) return {};
  const dom::DocPtr doc = dom::ParseHtml(html, "UTF-8");
  if (!doc) return std::string(html);
  std::string out;
  if (const xmlNode* root = xmlDocGetRootElement(doc.get())) Walk(root, false, out);
  return out;
}

}  // namespace pw::text
