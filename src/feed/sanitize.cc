#include "feed/sanitize.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "common/url.h"
#include "feed/charset.h"

namespace pw::feed {

namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using HtmlDoc = std::unique_ptr<xmlDoc, DocDeleter>;

// Marks the wrapper element, which is not part of the fragment.
constexpr std::string_view kWrapperId = "pw-fragment-9f3c";

HtmlDoc ParseHtmlFragment(std::string_view html) {
  // Wrapped so that libxml2 puts leading text in our <div> (not an implied
  // <p>), and declared UTF-8 so no charset sniffing happens.
  std::string wrapped = "<html><head><meta charset=\"utf-8\"></head><body><div id=\"";
  wrapped += kWrapperId;
  wrapped += "\">";
  wrapped.append(html);
  // No closing tags: an unclosed comment or a stray "<!DOCTYPE" at the end
  // of the fragment would swallow them as text. End of input closes all.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT;
  return HtmlDoc(htmlReadMemory(wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8", options));
}

std::string_view Name(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

// The local part of a prefixed name ("svg:script" -> "script").
std::string_view LocalPart(std::string_view name) {
  const size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsDroppedWithContent(std::string_view name) {
  return OneOf(LocalPart(name),
               {"script", "style", "frame", "frameset", "noembed", "noframes", "template", "svg", "math", "input",
                "button", "select", "textarea", "option", "optgroup", "datalist", "keygen", "output", "head",
                "title", "meta", "link", "base", "param", "xml", "xmp", "plaintext", "dialog", "portal", "slot"});
}

bool IsAllowedElement(std::string_view name) {
  return OneOf(name, {"a",      "abbr",    "acronym", "address", "article", "aside",  "audio",   "b",
                      "bdi",    "bdo",     "big",     "blockquote", "br",   "caption", "center", "cite",
                      "code",   "col",     "colgroup", "dd",     "del",     "details", "dfn",    "div",
                      "dl",     "dt",      "em",      "figcaption", "figure", "footer", "h1",    "h2",
                      "h3",     "h4",      "h5",      "h6",      "header",  "hr",     "i",       "img",
                      "ins",    "kbd",     "li",      "main",    "mark",    "nav",    "ol",      "p",
                      "picture", "pre",    "q",       "rp",      "rt",      "ruby",   "s",       "samp",
                      "section", "small",  "source",  "span",    "strike",  "strong", "sub",     "summary",
                      "sup",    "table",   "tbody",   "td",      "tfoot",   "th",     "thead",   "time",
                      "tr",     "tt",      "u",       "ul",      "var",     "video",  "wbr"});
}

bool IsVoid(std::string_view name) { return OneOf(name, {"br", "hr", "img", "source", "wbr", "col"}); }

bool IsBlock(std::string_view name) {
  return OneOf(name, {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                      "dd", "dt", "figcaption", "section", "article", "pre", "table", "ul", "ol", "hr", "header",
                      "footer", "aside", "nav", "main", "address", "caption", "summary", "details"});
}

bool IsUrlAttribute(std::string_view name) { return OneOf(name, {"href", "src", "cite", "poster"}); }

bool IsAllowedAttribute(std::string_view name) {
  return IsUrlAttribute(name) ||
         OneOf(name, {"alt", "title", "width", "height", "colspan", "rowspan", "lang", "dir", "datetime", "type",
                      "controls", "start", "reversed", "scope", "headers", "abbr", "align", "valign", "hreflang",
                      "span", "open"});
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

// Whether a URL's scheme is one we let through: http, https, mailto, ftp,
// tel, or none (relative). javascript:, vbscript:, data: and the rest are
// not. Control characters and whitespace anywhere are ignored when reading
// the scheme, as browsers ignore them ("java\tscript:").
bool AllowedScheme(std::string_view url) {
  std::string lower;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20) lower += char(std::tolower(static_cast<unsigned char>(c)));
  const auto colon = lower.find(':');
  const auto first_delim = lower.find_first_of("/?#");
  const bool has_scheme = colon != std::string::npos && (first_delim == std::string::npos || colon < first_delim);
  return !has_scheme || OneOf(lower.substr(0, colon), {"http", "https", "mailto", "ftp", "tel", "magnet"});
}

std::string TrimSpaces(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return std::string(s);
}

// The URL to write, or "" to drop the attribute. Relative URLs are resolved
// against an http(s) base; against no base or another kind (a local file)
// they stay relative.
std::string SafeUrl(std::string_view raw, const std::string& base) {
  if (!AllowedScheme(raw)) return {};
  std::string url = TrimSpaces(raw);
  const bool web_base = base.rfind("http://", 0) == 0 || base.rfind("https://", 0) == 0;
  if (!web_base) return url;
  std::string resolved = ResolveUrl(base, url);
  if (resolved.empty()) return {};
  return AllowedScheme(resolved) ? resolved : std::string();
}

std::string AttrValue(const xmlNode* node, const xmlAttr* a) {
  xmlChar* v = xmlNodeListGetString(node->doc, a->children, 1);
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

bool IsWrapper(const xmlNode* n) {
  if (n->type != XML_ELEMENT_NODE || Name(n) != "div") return false;
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (std::string_view(reinterpret_cast<const char*>(a->name)) == "id" && AttrValue(n, a) == kWrapperId)
      return true;
  return false;
}

struct Writer {
  const std::string& base;
  std::string html;
  std::string text;
  int depth = 0;

  void Children(const xmlNode* node) {
    for (const xmlNode* n = node->children; n; n = n->next) Node(n);
  }

  void Node(const xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      const char* content = n->content ? reinterpret_cast<const char*>(n->content) : "";
      AppendEscaped(html, content, false);
      text += content;
      return;
    }
    if (n->type != XML_ELEMENT_NODE) return;  // comments, PIs: dropped
    if (IsWrapper(n)) return Children(n);
    const std::string_view name = Name(n);
    if (IsDroppedWithContent(name)) return;
    // libxml2's own depth limit applies; this keeps recursion bounded too.
    if (depth > 512) return;
    ++depth;
    if (IsBlock(name)) text += ' ';
    if (!IsAllowedElement(name)) {  // unknown wrapper: keep what is inside
      Children(n);
      --depth;
      return;
    }
    html += '<';
    html += name;
    for (const xmlAttr* a = n->properties; a; a = a->next) {
      const std::string_view attr = reinterpret_cast<const char*>(a->name);
      if (!IsAllowedAttribute(attr)) continue;
      std::string value = AttrValue(n, a);
      if (IsUrlAttribute(attr)) {
        value = SafeUrl(value, base);
        if (value.empty()) continue;
      }
      html += ' ';
      html += attr;
      html += "=\"";
      AppendEscaped(html, value, true);
      html += '"';
    }
    html += '>';
    if (!IsVoid(name)) {
      Children(n);
      html += "</";
      html += name;
      html += '>';
    }
    if (IsBlock(name)) text += ' ';
    --depth;
  }
};

const xmlNode* Body(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && Name(n) == "body") return n;
  return root;
}

// Any '<' that could open a tag or comment, or an entity reference.
bool MayHoldMarkup(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<' && i + 1 < text.size() &&
        (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/' || text[i + 1] == '!'))
      return true;
    if (c == '&' && i + 1 < text.size() &&
        (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '#'))
      return true;
  }
  return false;
}

}  // namespace

bool IsSafeUrl(std::string_view url) { return AllowedScheme(url); }

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(out, text, false);
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
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

bool LooksLikeHtml(std::string_view text) {
  // An end tag of an HTML element.
  for (size_t i = text.find("</"); i != std::string_view::npos; i = text.find("</", i + 2)) {
    size_t j = i + 2;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    if (j < text.size() && text[j] == '>' && j > i + 2) {
      std::string name(text.substr(i + 2, j - i - 2));
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
      if (IsAllowedElement(name) || OneOf(name, {"font", "form", "label", "legend", "fieldset", "map", "area",
                                                  "dir", "menu", "li", "nobr", "blink", "marquee"}))
        return true;
    }
  }
  // An entity reference: &name; &#123; &#x1F;
  for (size_t i = text.find('&'); i != std::string_view::npos; i = text.find('&', i + 1)) {
    size_t j = i + 1;
    const bool numeric = j < text.size() && text[j] == '#';
    if (numeric) ++j;
    if (numeric && j < text.size() && (text[j] == 'x' || text[j] == 'X')) ++j;
    const size_t start = j;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    if (j > start && j < text.size() && text[j] == ';') return true;
  }
  return false;
}

SanitizedHtml SanitizeHtml(std::string_view html, const std::string& base_url) {
  SanitizedHtml out;
  if (html.find_first_not_of(" \t\r\n") == std::string_view::npos) return out;
  if (!MayHoldMarkup(html)) {
    out.html = EscapeHtml(html);
    out.text = CollapseSpaces(html);
  } else {
    const HtmlDoc doc = ParseHtmlFragment(html);
    if (!doc) return out;
    Writer writer{base_url, {}, {}, 0};
    if (const xmlNode* body = Body(doc.get())) writer.Children(body);
    out.html = std::move(writer.html);
    out.text = CollapseSpaces(writer.text);
  }
  MapC1Controls(out.html);
  MapC1Controls(out.text);
  return out;
}

std::string InlineText(std::string_view html) {
  if (!MayHoldMarkup(html)) {
    std::string text = CollapseSpaces(html);
    MapC1Controls(text);
    return text;
  }
  return SanitizeHtml(html, "").text;
}

}  // namespace pw::feed
