// Atom 1.0 (RFC 4287) and Atom 0.3.
#include "common/url.h"
#include "feed/formats.h"
#include "feed/sanitize.h"
#include "feed/xml_tree.h"

namespace pw::feed {

namespace {

constexpr std::string_view kAtom10Ns = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03Ns = "http://purl.org/atom/ns#";

bool IsAtom(const xmlNode* n, std::string_view name) {
  if (!xml::IsElement(n, name)) return false;
  const std::string_view ns = xml::NamespaceUri(n);
  return ns == kAtom10Ns || ns == kAtom03Ns || ns.empty();
}

std::string EscapeText(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// A text construct (title, summary, content, subtitle) as HTML.
std::string ConstructHtml(const xmlNode* n) {
  std::string type = xml::Attr(n, "type");
  const std::string mode = xml::Attr(n, "mode");  // Atom 0.3: xml | escaped | base64
  if (type == "xhtml" || type == "application/xhtml+xml" || mode == "xml") {
    const xmlNode* div = xml::FirstChildElement(n, "div");
    return xml::InnerXml(div ? div : n);
  }
  if (type == "html" || type == "text/html" || mode == "escaped") return xml::Text(n);
  return EscapeText(xml::Text(n));
}

std::string PersonName(const xmlNode* person) {
  const xmlNode* name = xml::FirstChildElement(person, "name");
  std::string text = xml::Text(name ? name : person);
  if (text.empty()) text = xml::Text(xml::FirstChildElement(person, "email"));
  return text;
}

// The alternate link: rel="alternate" or no rel, preferring text/html.
std::string AlternateLink(const xmlNode* parent) {
  std::string best;
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (!IsAtom(c, "link")) continue;
    const std::string rel = xml::Attr(c, "rel");
    if (!rel.empty() && rel != "alternate") continue;
    std::string href = xml::Attr(c, "href");
    if (href.empty()) continue;
    const std::string type = xml::Attr(c, "type");
    if (best.empty() || type == "text/html") best = href;
    if (type == "text/html") break;
  }
  return best;
}

RawItem ReadEntry(const xmlNode* node, const ReadContext& context) {
  RawItem raw;
  raw.base = xml::BaseUri(node, context.document_url);
  Item& item = raw.item;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsAtom(c, "title")) {
      raw.title_html = ConstructHtml(c);
    } else if (IsAtom(c, "id")) {
      item.guid = xml::Text(c);
    } else if (IsAtom(c, "summary")) {
      raw.summary_html = ConstructHtml(c);
    } else if (IsAtom(c, "content")) {
      raw.content_html = ConstructHtml(c);
    } else if (IsAtom(c, "published") || IsAtom(c, "issued")) {
      raw.published_text = xml::Text(c);
    } else if (IsAtom(c, "updated") || IsAtom(c, "modified")) {
      raw.updated_text = xml::Text(c);
    } else if (IsAtom(c, "author")) {
      if (std::string a = PersonName(c); !a.empty()) item.authors.push_back(std::move(a));
    } else if (IsAtom(c, "category")) {
      std::string term = xml::Attr(c, "term");
      if (term.empty()) term = xml::Attr(c, "label");
      if (!term.empty()) item.categories.push_back(std::move(term));
    } else if (IsAtom(c, "link") && xml::Attr(c, "rel") == "enclosure") {
      Enclosure e{xml::Attr(c, "href"), xml::Attr(c, "type"), 0};
      try {
        const std::string length = xml::Attr(c, "length");
        e.length = length.empty() ? 0 : std::stoll(length);
      } catch (const std::exception&) {
      }
      if (!e.url.empty()) item.enclosures.push_back(std::move(e));
    }
  }
  item.link = AlternateLink(node);
  if (raw.published_text.empty()) raw.published_text = raw.updated_text;
  return raw;
}

}  // namespace

std::chrono::minutes OffsetForLanguage(const ReadContext& context, std::string_view language);

void ReadAtom(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items) {
  feed.format = xml::NamespaceUri(root) == kAtom03Ns ? Format::kAtom03 : Format::kAtom10;
  feed.language = xml::Attr(root, "lang", "http://www.w3.org/XML/1998/namespace");
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsAtom(c, "title")) feed.title = InlineText(ConstructHtml(c));
    else if (IsAtom(c, "subtitle") || IsAtom(c, "tagline")) feed.description = InlineText(ConstructHtml(c));
  }
  feed.link = AlternateLink(root);
  if (!feed.link.empty()) feed.link = ResolveUrl(context.document_url, feed.link);
  if (!context.offset_given) context.default_offset = OffsetForLanguage(context, feed.language);
  for (const xmlNode* c = root->children; c; c = c->next)
    if (IsAtom(c, "entry")) items.push_back(ReadEntry(c, context));
}

}  // namespace pw::feed
