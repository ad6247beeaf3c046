#include "escape_detector.h"

#include <memory>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace pw::feed::testing {

namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

void FindEscapes(const xmlNode* node, const std::string& where, std::vector<std::string>& escapes) {
  static const char* const kForbiddenElements[] = {"script", "style",  "applet", "embed",  "object",
                                                   "iframe", "frame",  "frameset", "meta", "link",
                                                   "base",   "form",   "input",  "button", "textarea"};
  static const char* const kUrlAttributes[] = {"href", "src", "action", "formaction", "background", "poster",
                                               "cite", "data", "codebase", "lowsrc", "dynsrc", "xlink:href"};
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string name = reinterpret_cast<const char*>(n->name);
    for (const char* bad : kForbiddenElements)
      if (name == bad) escapes.push_back(where + ": <" + name + ">");
    for (const xmlAttr* a = n->properties; a; a = a->next) {
      std::string attr = reinterpret_cast<const char*>(a->name);
      for (auto& c : attr) c = char(std::tolower(static_cast<unsigned char>(c)));
      xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
      const std::string value = v ? reinterpret_cast<const char*>(v) : "";
      xmlFree(v);
      if (attr.rfind("on", 0) == 0) escapes.push_back(where + ": " + attr + " attribute");
      if (attr == "style") escapes.push_back(where + ": style attribute");
      for (const char* url_attr : kUrlAttributes)
        if (attr == url_attr && DangerousScheme(value)) escapes.push_back(where + ": " + attr + "=" + value);
    }
    FindEscapes(n->children, where, escapes);
  }
}

}  // namespace

bool DangerousScheme(std::string_view url) {
  std::string lower;
  for (char c : url)
    if (static_cast<unsigned char>(c) > 0x20) lower += char(std::tolower(static_cast<unsigned char>(c)));
  return lower.rfind("javascript:", 0) == 0 || lower.rfind("vbscript:", 0) == 0 || lower.rfind("data:", 0) == 0 ||
         lower.rfind("livescript:", 0) == 0;
}

std::vector<std::string> HtmlEscapes(const std::string& html, const std::string& where) {
  std::vector<std::string> escapes;
  const std::string wrapped = "<html><body>" + html;
  std::unique_ptr<xmlDoc, DocDeleter> doc(htmlReadMemory(
      wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (!doc) {
    escapes.push_back(where + ": unreadable as HTML");
    return escapes;
  }
  FindEscapes(xmlDocGetRootElement(doc.get()), where, escapes);
  return escapes;
}

}  // namespace pw::feed::testing
