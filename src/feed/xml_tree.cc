#include "feed/xml_tree.h"

#include <cctype>
#include <vector>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

#include "common/url.h"

namespace pw::feed::xml {

namespace {

struct ErrorCapture {
  std::string first;
};

// libxml2 2.9 has no per-context structured handler; the structured handler
// is thread-local in threaded builds, which Debian's is.
void CaptureError(void* user, xmlError* error) {
  auto* capture = static_cast<ErrorCapture*>(user);
  if (!capture->first.empty() || error == nullptr || error->level < XML_ERR_ERROR) return;
  std::string message = error->message ? error->message : "XML error";
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) message.pop_back();
  capture->first = "line " + std::to_string(error->line) + ": " + message;
}

}  // namespace

ParsedXml ParseXml(std::string_view bytes, const std::string& encoding) {
  ParsedXml out;
  ErrorCapture capture;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) {
    out.wellformed = false;
    out.first_error = "out of memory";
    return out;
  }
  xmlSetStructuredErrorFunc(&capture, CaptureError);
  // No XML_PARSE_NOENT (entities stay unexpanded unless predefined), no
  // DTDLOAD/DTDATTR, NONET, and no XML_PARSE_HUGE: libxml2's default limits on
  // depth, text size and entity amplification stay on.
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                      XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS;
  xmlDoc* doc = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                  encoding.empty() ? nullptr : encoding.c_str(), options);
  out.wellformed = ctxt->wellFormed != 0 && capture.first.empty();
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(ctxt);
  out.doc.reset(doc);
  out.first_error = capture.first;
  if (!out.wellformed && out.first_error.empty()) out.first_error = "not well-formed XML";
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

const xmlNode* FirstChildElement(const xmlNode* node, std::string_view local_name,
                                 std::string_view ns) {
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

std::string Text(const xmlNode* node) {
  if (!node) return {};
  xmlChar* content = xmlNodeGetContent(node);
  if (!content) return {};
  std::string out = Trim(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

std::string InnerXml(const xmlNode* node) {
  if (!node) return {};
  xmlBufferPtr buffer = xmlBufferCreate();
  for (xmlNode* c = node->children; c; c = c->next)
    xmlNodeDump(buffer, node->doc, c, 0, 0);
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(buffer)),
                  static_cast<size_t>(xmlBufferLength(buffer)));
  xmlBufferFree(buffer);
  return Trim(out);
}

std::string Attr(const xmlNode* node, std::string_view local_name, std::string_view ns) {
  if (!node || node->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (reinterpret_cast<const char*>(a->name) != local_name) continue;
    const std::string_view attr_ns =
        a->ns && a->ns->href ? reinterpret_cast<const char*>(a->ns->href) : "";
    if (!ns.empty() && attr_ns != ns) continue;
    xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
  }
  return {};
}

std::string BaseUri(const xmlNode* node, const std::string& document_url) {
  static constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";
  // Collect xml:base values from the root down, then resolve in order.
  std::vector<std::string> bases;
  for (const xmlNode* n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    std::string b = Attr(n, "base", kXmlNs);
    if (!b.empty()) bases.push_back(std::move(b));
  }
  std::string base = document_url;
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) {
    std::string resolved = base.empty() ? *it : ResolveUrl(base, *it);
    base = resolved.empty() ? *it : resolved;
  }
  return base;
}

}  // namespace pw::feed::xml
