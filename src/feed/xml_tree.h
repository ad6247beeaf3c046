// feed/xml_tree.h: libxml2 behind a small surface, for the parsers of pw_feed.
// Internal to pw_feed (rss.cc, atom.cc, opml.cc); no other stage includes it.
//
// ParseXml never loads a DTD or an external entity, never touches the
// network, keeps libxml2's limits on entity expansion and depth, and recovers
// what it can from ill-formed input, reporting the first error with its line.
#pragma once

#include <memory>
#include <string>
#include <string_view>

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

// `encoding` overrides the document's own declaration ("" to let libxml2
// read the BOM and the XML declaration).
ParsedXml ParseXml(std::string_view bytes, const std::string& encoding);

std::string_view LocalName(const xmlNode* node);
std::string_view NamespaceUri(const xmlNode* node);  // "" when none
bool IsElement(const xmlNode* node, std::string_view local_name);
const xmlNode* FirstChildElement(const xmlNode* node, std::string_view local_name,
                                 std::string_view ns = {});
// Concatenated text of the node and its descendants, trimmed.
std::string Text(const xmlNode* node);
// The serialized children of the node (for Atom type="xhtml" content).
std::string InnerXml(const xmlNode* node);
// The attribute by local name (any namespace unless `ns` is given), "" when absent.
std::string Attr(const xmlNode* node, std::string_view local_name, std::string_view ns = {});
// The effective base URI for the node: xml:base chained up to the document URL.
std::string BaseUri(const xmlNode* node, const std::string& document_url);

std::string Trim(std::string_view s);

}  // namespace pw::feed::xml
