#include "text/html_to_text.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

namespace pw::text {

namespace {

std::string_view Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsBlock(std::string_view name) {
  return OneOf(name, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                      "dd", "tr", "table", "blockquote", "section", "article", "main", "header",
                      "footer", "figure", "figcaption", "pre", "hr", "address", "details",
                      "summary", "center", "tbody", "thead", "caption"});
}

bool IsSkipped(std::string_view name) {
  return OneOf(name, {"script", "style", "noscript", "template", "nav", "aside", "form", "head",
                      "iframe", "object", "embed", "svg", "canvas", "button", "select", "textarea",
                      "input", "img", "picture", "video", "audio", "map", "title", "meta", "link"});
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

// Class names that frameworks use to hide an element, or to show it to
// screen readers only ("Share on Facebook", "Close").
bool HasHidingClass(const std::string& classes) {
  size_t begin = 0;
  while (begin < classes.size()) {
    const size_t end = std::min(classes.find(' ', begin), classes.size());
    const std::string_view c(classes.data() + begin, end - begin);
    if (c == "hidden" || c == "d-none" || c == "sr-only" || c == "visually-hidden" || c == "screen-reader-text")
      return true;
    begin = end + 1;
  }
  return false;
}

bool IsHidden(const xmlNode* n) {
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  if (HasHidingClass(Attr(n, "class"))) return true;
  std::string style = Attr(n, "style");
  style.erase(std::remove_if(style.begin(), style.end(), [](unsigned char c) { return std::isspace(c); }),
              style.end());
  std::transform(style.begin(), style.end(), style.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
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
    if (IsSkipped(name) || IsHidden(n)) continue;
    if (name == "br") {
      out += '\n';
      continue;
    }
    const bool block = IsBlock(name);
    if (block) out += "\n\n";
    else if (name == "td" || name == "th") out += ' ';
    Walk(n, preformatted || name == "pre", out);
    if (block) out += "\n\n";
  }
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  if (html.empty()) return {};
  // libxml2 sets up its globals on first use; do it once, before threads race.
  static const bool initialized = (xmlInitParser(), true);
  (void)initialized;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING;
  // UTF-8 unless the document's own <meta charset> says otherwise.
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options),
      xmlFreeDoc);
  if (!doc) return std::string(html);
  std::string out;
  if (const xmlNode* root = xmlDocGetRootElement(doc.get())) Walk(root, false, out);
  return out;
}

}  // namespace pw::text
