#include "feed/sanitize.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "common/url.h"

namespace pw::feed {

namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::unique_ptr<xmlDoc, DocDeleter> ParseHtmlFragment(std::string_view html) {
  // The fragment is wrapped so that libxml2 puts everything under one <div>
  // in <body>, and declared UTF-8 so no charset sniffing happens.
  std::string wrapped = "<html><head><meta charset=\"utf-8\"></head><body><div>";
  wrapped.append(html);
  wrapped += "</div></body></html>";
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS;
  return std::unique_ptr<xmlDoc, DocDeleter>(
      htmlReadMemory(wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8", options));
}

const xmlNode* FragmentRoot(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && std::string_view(reinterpret_cast<const char*>(n->name)) == "body")
      return n->children && n->children->type == XML_ELEMENT_NODE ? n->children : n;
  }
  return root;
}

std::string_view Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsDroppedWithContent(std::string_view name) {
  return OneOf(name, {"script", "style", "iframe", "object", "embed", "applet", "form", "input",
                      "button", "select", "textarea", "noscript", "frame", "frameset", "meta",
                      "link", "base", "svg", "math", "template", "head", "title"});
}

bool IsAllowedElement(std::string_view name) {
  return OneOf(name, {"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del",
                      "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
                      "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q",
                      "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody",
                      "td", "tfoot", "th", "thead", "tr", "u", "ul", "time", "mark", "picture",
                      "source", "video", "audio"});
}

bool IsVoid(std::string_view name) { return OneOf(name, {"br", "hr", "img", "source"}); }

bool IsUrlAttribute(std::string_view name) { return OneOf(name, {"href", "src", "cite", "poster"}); }

bool IsAllowedAttribute(std::string_view name) {
  return IsUrlAttribute(name) ||
         OneOf(name, {"alt", "title", "width", "height", "colspan", "rowspan", "lang", "dir",
                      "datetime", "type", "controls"});
}

void AppendEscaped(std::string& out, std::string_view s, bool attribute) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) out += "&quot;";
        else out += c;
        break;
      default: out += c;
    }
  }
}

// http, https, mailto, or relative: anything else (javascript:, data:,
// vbscript:) is dropped. Control characters and whitespace inside the scheme
// ("java\tscript:") are ignored, as browsers ignore them.
std::string SafeUrl(std::string_view raw, const std::string& base) {
  std::string compact;
  for (char c : raw)
    if (static_cast<unsigned char>(c) > 0x20) compact += c;
  std::string lower = compact;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  const auto colon = lower.find(':');
  const auto first_delim = lower.find_first_of("/?#");
  const bool has_scheme = colon != std::string::npos && (first_delim == std::string::npos || colon < first_delim);
  if (has_scheme) {
    const std::string scheme = lower.substr(0, colon);
    if (scheme != "http" && scheme != "https" && scheme != "mailto") return {};
    return std::string(raw);
  }
  if (base.empty()) return std::string(raw);
  std::string resolved = ResolveUrl(base, raw);
  return resolved;
}

std::string AttrValue(const xmlNode* node, const xmlAttr* a) {
  xmlChar* v = xmlNodeListGetString(node->doc, a->children, 1);
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

void SanitizeNode(const xmlNode* node, const std::string& base, std::string& out) {
  for (const xmlNode* n = node->children; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      AppendEscaped(out, reinterpret_cast<const char*>(n->content), false);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;  // comments, PIs: dropped
    const std::string_view name = Name(n);
    if (IsDroppedWithContent(name)) continue;
    if (!IsAllowedElement(name)) {  // unknown wrapper: keep what is inside
      SanitizeNode(n, base, out);
      continue;
    }
    out += '<';
    out += name;
    for (const xmlAttr* a = n->properties; a; a = a->next) {
      const std::string_view attr = reinterpret_cast<const char*>(a->name);
      if (!IsAllowedAttribute(attr)) continue;
      std::string value = AttrValue(n, a);
      if (IsUrlAttribute(attr)) {
        value = SafeUrl(value, base);
        if (value.empty()) continue;
      }
      out += ' ';
      out += attr;
      out += "=\"";
      AppendEscaped(out, value, true);
      out += '"';
    }
    out += '>';
    if (IsVoid(name)) continue;
    SanitizeNode(n, base, out);
    out += "</";
    out += name;
    out += '>';
  }
}

void CollectText(const xmlNode* node, std::string& out) {
  for (const xmlNode* n = node->children; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      out += reinterpret_cast<const char*>(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = Name(n);
      if (IsDroppedWithContent(name)) continue;
      if (name == "br" || name == "p" || name == "div" || name == "li") out += ' ';
      CollectText(n, out);
    }
  }
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    // U+00A0 (C2 A0) counts as a space here too.
    const bool is_nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (std::isspace(c) || is_nbsp) {
      if (is_nbsp) ++i;
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += char(c);
  }
  return out;
}

}  // namespace

bool LooksLikeHtml(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '<' && (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/' ||
                           text[i + 1] == '!'))
      return true;
    if (text[i] == '&') {
      size_t j = i + 1;
      if (j < text.size() && text[j] == '#') ++j;
      const size_t start = j;
      while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
      if (j > start && j < text.size() && text[j] == ';') return true;
    }
  }
  return false;
}

std::string SanitizeHtml(std::string_view html, const std::string& base_url) {
  if (html.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
  auto doc = ParseHtmlFragment(html);
  if (!doc) return {};
  const xmlNode* root = FragmentRoot(doc.get());
  std::string out;
  if (root) SanitizeNode(root, base_url, out);
  return out;
}

std::string InlineText(std::string_view html) {
  if (!LooksLikeHtml(html)) return CollapseSpaces(html);
  auto doc = ParseHtmlFragment(html);
  if (!doc) return CollapseSpaces(html);
  std::string text;
  if (const xmlNode* root = FragmentRoot(doc.get())) CollectText(root, text);
  return CollapseSpaces(text);
}

}  // namespace pw::feed
