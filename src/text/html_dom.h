// text/html_dom.h: libxml2's HTML tree for the .cc files of text/ that read
// pages (html_to_text, css_selector, page_metadata, main_content). Internal to
// text/: no public header includes it, so libxml2 stays out of the API.
//
//   DocPtr doc = ParseHtml(bytes, "UTF-8");
//   for (xmlNode* n = FirstChildElement(xmlDocGetRootElement(doc.get())); n; n = NextElement(n))
//     if (Name(n) == "body") ...
//
// Element names are lower-case (the HTML parser folds them). Attribute values
// come back as std::string ("" when absent). Pure; thread-safe once
// ParseHtml has run once (it initializes libxml2's globals).
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace pw::text::dom {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

// Parses `bytes` read as `encoding` (a libxml2/iconv name such as "UTF-8" or
// "windows-1258"; nullptr lets libxml2 read the page's own <meta charset>).
// Recovers from any markup error; never touches the network. Null only when
// libxml2 gives up altogether (empty input, unknown encoding).
DocPtr ParseHtml(std::string_view bytes, const char* encoding);

inline std::string_view Name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

inline bool IsElement(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }

inline bool IsText(const xmlNode* n) {
  return n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}

inline std::string_view Content(const xmlNode* n) {
  return n->content ? std::string_view(reinterpret_cast<const char*>(n->content)) : std::string_view();
}

// The attribute's value, entities decoded; "" when absent.
std::string Attr(const xmlNode* n, const char* name);
bool HasAttr(const xmlNode* n, const char* name);

// The element's class and id attributes, lower-cased and joined by a space:
// what readability-style class weighting looks at.
std::string ClassAndId(const xmlNode* n);

// True when `classes` (a class attribute) holds `name` as one of its words.
bool HasClass(std::string_view classes, std::string_view name);

// Hidden from readers: the hidden attribute, aria-hidden="true", an inline
// display:none or visibility:hidden, or one of the classes frameworks hide
// with (hidden, d-none, sr-only, visually-hidden, screen-reader-text).
bool IsHidden(const xmlNode* n);

// Block-level elements: they break text into paragraphs.
bool IsBlockName(std::string_view name);

// All the text below `n`, entities decoded, appended as it is in the tree
// (no whitespace folding), without script, style and the like.
void AppendText(const xmlNode* n, std::string& out);
std::string TextOf(const xmlNode* n);

// `text` with every run of whitespace (ASCII and NBSP) folded to one space,
// leading and trailing whitespace removed.
std::string CollapseSpaces(std::string_view text);

// The first element child, and the next element sibling; nullptr at the end.
xmlNode* FirstChildElement(const xmlNode* n);
xmlNode* NextElement(const xmlNode* n);

// The next element after `n` in document order (pre-order), staying within
// `root`; skips `n`'s children when `skip_children`.
xmlNode* NextInTree(const xmlNode* n, const xmlNode* root, bool skip_children = false);

}  // namespace pw::text::dom
