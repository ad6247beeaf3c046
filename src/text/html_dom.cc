#include "text/html_dom.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace pw::text::dom {

namespace {

bool IsSpaceByte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

void IgnoreError(void*, const char*, ...) {}

bool IsInvisibleName(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "template";
}

}  // namespace

DocPtr ParseHtml(std::string_view bytes, const char* encoding) {
  if (bytes.empty()) return nullptr;
  // libxml2 sets up its globals on first use; do it once, before threads race.
  static const bool initialized = (xmlInitParser(), true);
  (void)initialized;
  // No HTML_PARSE_NOBLANKS: the blank between two inline elements is a word
  // break. No HTML_PARSE_COMPACT: main_content takes elements out of the tree.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;
  // libxml2 takes an int length; a page over 2 GiB is cut there (fetch caps bodies long before).
  const int size = static_cast<int>(std::min<size_t>(bytes.size(), 0x7fffffff));
  // Bytes the encoding cannot convert are reported on stderr by libxml2's
  // generic error handler (per thread), which HTML_PARSE_NOERROR does not
  // reach; a library prints nothing, so it is silenced for this call.
  const xmlGenericErrorFunc saved_handler = xmlGenericError;
  void* const saved_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(nullptr, IgnoreError);
  DocPtr doc(htmlReadMemory(bytes.data(), size, nullptr, encoding, options));
  xmlSetGenericErrorFunc(saved_context, saved_handler);
  return doc;
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

bool HasAttr(const xmlNode* n, const char* name) {
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string ClassAndId(const xmlNode* n) {
  std::string out = Attr(n, "class");
  const std::string id = Attr(n, "id");
  if (!id.empty()) {
    if (!out.empty()) out += ' ';
    out += id;
  }
  return Lower(std::move(out));
}

bool HasClass(std::string_view classes, std::string_view name) {
  size_t begin = 0;
  while (begin < classes.size()) {
    while (begin < classes.size() && IsSpaceByte(classes[begin])) ++begin;
    size_t end = begin;
    while (end < classes.size() && !IsSpaceByte(classes[end])) ++end;
    if (end > begin && classes.substr(begin, end - begin) == name) return true;
    begin = end;
  }
  return false;
}

bool IsHidden(const xmlNode* n) {
  if (!n->properties) return false;  // most elements have no attributes at all
  if (HasAttr(n, "hidden")) return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  const std::string classes = Attr(n, "class");
  for (std::string_view c : {"hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text"})
    if (HasClass(classes, c)) return true;
  std::string style = Attr(n, "style");
  if (style.empty()) return false;
  style.erase(std::remove_if(style.begin(), style.end(), [](unsigned char c) { return std::isspace(c); }),
              style.end());
  style = Lower(std::move(style));
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool IsBlockName(std::string_view name) {
  static constexpr std::array<std::string_view, 37> kBlocks = {
      "p",          "div",     "h1",      "h2",      "h3",      "h4",     "h5",     "h6",
      "li",         "ul",      "ol",      "dl",      "dt",      "dd",     "tr",     "table",
      "blockquote", "section", "article", "main",    "header",  "footer", "figure", "figcaption",
      "pre",        "hr",      "address", "details", "summary", "center", "tbody",  "thead",
      "caption",    "aside",   "nav",     "form",    "fieldset"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

void AppendText(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (IsText(c))
      out += Content(c);
    else if (IsElement(c) && !IsInvisibleName(Name(c)))
      AppendText(c, out);
  }
}

std::string TextOf(const xmlNode* n) {
  std::string out;
  AppendText(n, out);
  return out;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (IsSpaceByte(c) || nbsp) {
      pending_space = true;
      if (nbsp) ++i;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += static_cast<char>(c);
  }
  return out;
}

xmlNode* FirstChildElement(const xmlNode* n) {
  for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (IsElement(c)) return c;
  return nullptr;
}

xmlNode* NextElement(const xmlNode* n) {
  for (xmlNode* c = n->next; c; c = c->next)
    if (IsElement(c)) return c;
  return nullptr;
}

xmlNode* NextInTree(const xmlNode* n, const xmlNode* root, bool skip_children) {
  if (!skip_children)
    if (xmlNode* c = FirstChildElement(n)) return c;
  for (const xmlNode* at = n; at && at != root; at = at->parent)
    if (xmlNode* s = NextElement(at)) return s;
  return nullptr;
}

}  // namespace pw::text::dom
