#include "feed/xml_tree.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <mutex>
#include <vector>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

#include "common/url.h"
#include "common/utf8.h"
#include "feed/charset.h"
#include "feed/xml_repair.h"

namespace pw::feed::xml {

namespace {

struct ErrorCapture {
  std::string first;
};

// Per-parser structured error handler: libxml2 passes the parser context,
// whose _private holds our capture (no global or thread-local state).
void CaptureError(void* context, xmlError* error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
  auto* capture = ctxt ? static_cast<ErrorCapture*>(ctxt->_private) : nullptr;
  if (!capture || !capture->first.empty() || error == nullptr || error->level < XML_ERR_ERROR) return;
  std::string message = error->message ? error->message : "XML error";
  // One line, and UTF-8: libxml2 may quote the input on a second line, cut
  // at a byte count in the middle of a character (found by fuzzing:
  // tests/data/fuzz/feed/libxml2-error-quoting-a-cut-character).
  message.erase(std::min(message.find('\n'), message.size()));
  while (!message.empty() && !IsValidUtf8(message)) message.pop_back();
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
  // libxml2's advice for its limits names a parser flag no user can set
  // (XML_PARSE_HUGE is never set: xml_tree.h): say what the limit is.
  if (error->code == XML_ERR_INTERNAL_ERROR && message.find("Excessive depth") != std::string::npos)
    message = "elements nested more than 256 deep (the limit of a feed or an OPML file)";
  capture->first = "line " + std::to_string(error->line) + ": " + message;
}

// Defence in depth: the repair pass already removed the DOCTYPE, so none of
// these should ever be called; if one is, nothing is loaded or declared.
xmlParserInputPtr RefuseExternal(void*, const xmlChar*, const xmlChar*) { return nullptr; }
void IgnoreEntityDecl(void*, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) {}
void IgnoreExternalSubset(void*, const xmlChar*, const xmlChar*, const xmlChar*) {}

void AppendText(const xmlNode* node, std::string& out) {
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      AppendText(c, out);
    }
  }
}

}  // namespace

ParsedXml ParseXml(std::string_view utf8) {
  // libxml2 wants its global initialization done once, before threads use it
  // (it is not reentrant); the app parses feeds on a worker pool.
  static std::once_flag libxml_initialized;
  std::call_once(libxml_initialized, xmlInitParser);
  ParsedXml out;
  RepairedXml repaired = RepairXml(utf8);
  const std::string_view text = repaired.changed ? std::string_view(repaired.text) : utf8;
  if (text.size() > static_cast<size_t>(INT_MAX)) {
    out.wellformed = false;
    out.first_error = "line 1: document too large for the XML parser";
    return out;
  }
  ErrorCapture capture;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) {
    out.wellformed = false;
    out.first_error = "line 1: out of memory";
    return out;
  }
  ctxt->_private = &capture;
  ctxt->sax->serror = CaptureError;
  ctxt->sax->resolveEntity = RefuseExternal;
  ctxt->sax->entityDecl = IgnoreEntityDecl;
  ctxt->sax->externalSubset = IgnoreExternalSubset;
  // No XML_PARSE_NOENT, DTDLOAD or DTDATTR; NONET; no XML_PARSE_HUGE, so
  // libxml2's limits on depth and text size stay on.
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT;
  xmlDoc* doc = xmlCtxtReadMemory(ctxt, text.data(), static_cast<int>(text.size()), nullptr, "UTF-8", options);
  const bool libxml_ok = ctxt->wellFormed != 0 && ctxt->nsWellFormed != 0 && capture.first.empty();
  xmlFreeParserCtxt(ctxt);
  out.doc.reset(doc);
  out.wellformed = libxml_ok && repaired.first_problem.empty();
  // The earlier of the two first errors is the one that explains the rest.
  const std::string& libxml_error = capture.first.empty() && !libxml_ok ? "line 1: not well-formed XML" : capture.first;
  auto line_of = [](const std::string& e) { return e.empty() ? INT_MAX : std::atoi(e.c_str() + 5); };
  out.first_error = line_of(repaired.first_problem) <= line_of(libxml_error) ? repaired.first_problem : libxml_error;
  if (out.first_error.empty() && !out.wellformed) out.first_error = libxml_error;
  return out;
}

std::string_view LocalName(const xmlNode* node) {
  return node && node->name ? reinterpret_cast<const char*>(node->name) : "";
}

std::string_view NamespaceUri(const xmlNode* node) {
  return node && node->ns && node->ns->href ? reinterpret_cast<const char*>(node->ns->href) : "";
}

bool IsElement(const xmlNode* node, std::string_view local_name) {
  return node && node->type == XML_ELEMENT_NODE && LocalName(node) == local_name;
}

const xmlNode* FirstChildElement(const xmlNode* node, std::string_view local_name, std::string_view ns) {
  if (!node) return nullptr;
  for (const xmlNode* c = node->children; c; c = c->next)
    if (IsElement(c, local_name) && (ns.empty() || NamespaceUri(c) == ns)) return c;
  return nullptr;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string RawText(const xmlNode* node) {
  if (!node) return {};
  // The common case, one text child, without the recursion.
  const xmlNode* only = node->children;
  if (only && !only->next && (only->type == XML_TEXT_NODE || only->type == XML_CDATA_SECTION_NODE))
    return only->content ? reinterpret_cast<const char*>(only->content) : "";
  std::string out;
  AppendText(node, out);
  return out;
}

std::optional<std::string_view> SingleTextView(const xmlNode* node) {
  const xmlNode* only = node ? node->children : nullptr;
  if (!only || only->next || (only->type != XML_TEXT_NODE && only->type != XML_CDATA_SECTION_NODE))
    return std::nullopt;
  return only->content ? std::string_view(reinterpret_cast<const char*>(only->content)) : std::string_view();
}

std::string Text(const xmlNode* node) { return Trim(RawText(node)); }

std::string InnerXml(const xmlNode* node) {
  if (!node) return {};
  xmlBufferPtr buffer = xmlBufferCreate();
  for (xmlNode* c = node->children; c; c = c->next) xmlNodeDump(buffer, node->doc, c, 0, 0);
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(buffer)),
                  static_cast<size_t>(xmlBufferLength(buffer)));
  xmlBufferFree(buffer);
  return Trim(out);
}

namespace {

const xmlAttr* FindAttr(const xmlNode* node, std::string_view local_name, std::string_view ns) {
  if (!node || node->type != XML_ELEMENT_NODE) return nullptr;
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (reinterpret_cast<const char*>(a->name) != local_name) continue;
    const std::string_view attr_ns = a->ns && a->ns->href ? reinterpret_cast<const char*>(a->ns->href) : "";
    if (!ns.empty() && attr_ns != ns) continue;
    return a;
  }
  return nullptr;
}

}  // namespace

std::string Attr(const xmlNode* node, std::string_view local_name, std::string_view ns) {
  const xmlAttr* a = FindAttr(node, local_name, ns);
  if (!a) return {};
  const xmlNode* only = a->children;
  if (only && !only->next && only->type == XML_TEXT_NODE)
    return only->content ? reinterpret_cast<const char*>(only->content) : "";
  xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

bool HasAttr(const xmlNode* node, std::string_view local_name, std::string_view ns) {
  return FindAttr(node, local_name, ns) != nullptr;
}

std::string BaseUri(const xmlNode* node, const std::string& document_url) {
  // Collect xml:base values from the node up, then resolve from the root down.
  std::vector<std::string> bases;
  for (const xmlNode* n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    std::string b = Trim(Attr(n, "base", kXmlNs));
    if (!b.empty()) bases.push_back(std::move(b));
  }
  std::string base = document_url;
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
    std::string resolved = base.empty() ? *it : ResolveUrl(base, *it);
    base = resolved.empty() ? *it : resolved;
  }
  return base;
}

std::string Language(const xmlNode* node, const std::string& fallback) {
  for (const xmlNode* n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
    if (HasAttr(n, "lang", kXmlNs)) return Trim(Attr(n, "lang", kXmlNs));
  return fallback;
}

}  // namespace pw::feed::xml
