// feed/xml_tree.h: libxml2 behind a small surface, for the parsers of pw_feed.
// Internal to pw_feed (rss.cc, atom.cc, opml.cc, parse.cc); no other stage
// includes it.
//
// ParseXml takes UTF-8 text (feed/charset.h made it so), repairs what feeds
// get wrong (feed/xml_repair.h: bare '&', HTML entities, the DOCTYPE and its
// entities), then parses with libxml2 in recovery mode. libxml2 never loads a
// DTD or an external entity, never touches the network, and keeps its default
// limits (depth 256, 10 MB per text node; XML_PARSE_HUGE is never set). The
// first error is reported with its line, and the document is then not
// well-formed; what could be read is still returned.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

namespace pw::feed::xml {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

struct ParsedXml {
  DocPtr doc;               // null when nothing could be recovered
  bool wellformed = true;
  std::string first_error;  // "line 12: Opening and ending tag mismatch: b and i"
};

// REQUIRES: `utf8` is UTF-8 (its XML declaration's encoding is ignored).
ParsedXml ParseXml(std::string_view utf8);

std::string_view LocalName(const xmlNode* node);
std::string_view NamespaceUri(const xmlNode* node);  // "" when none
bool IsElement(const xmlNode* node, std::string_view local_name);
const xmlNode* FirstChildElement(const xmlNode* node, std::string_view local_name,
                                 std::string_view ns = {});
// Concatenated text of the node and its descendants, not trimmed.
std::string RawText(const xmlNode* node);
// The content of the node's only child when that is a text or CDATA node,
// viewed in place (valid while the document lives); nullopt otherwise.
std::optional<std::string_view> SingleTextView(const xmlNode* node);
// RawText, trimmed.
std::string Text(const xmlNode* node);
// The serialized children of the node (for Atom type="xhtml" content).
std::string InnerXml(const xmlNode* node);
// The attribute by local name (any namespace unless `ns` is given), "" when absent.
std::string Attr(const xmlNode* node, std::string_view local_name, std::string_view ns = {});
bool HasAttr(const xmlNode* node, std::string_view local_name, std::string_view ns = {});
// The effective base URI for the node: xml:base chained up to the document URL.
std::string BaseUri(const xmlNode* node, const std::string& document_url);
// The effective xml:lang of the node ("" when none, or declared empty);
// `fallback` when no element up the chain declares one.
std::string Language(const xmlNode* node, const std::string& fallback);

std::string Trim(std::string_view s);

// The descendants of `root` for which `matches` holds, in document order,
// without looking inside a match (items do not nest).
template <class Pred>
void CollectElements(const xmlNode* root, const Pred& matches, std::vector<const xmlNode*>& out) {
  for (const xmlNode* c = root ? root->children : nullptr; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (matches(c)) out.push_back(c);
    else CollectElements(c, matches, out);
  }
}

inline constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

}  // namespace pw::feed::xml
