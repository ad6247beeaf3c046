// Atom 1.0 (RFC 4287) and Atom 0.3.
#include <array>

#include "common/url.h"
#include "common/utf8.h"
#include "feed/charset.h"
#include "feed/dates.h"
#include "feed/formats.h"
#include "feed/sanitize.h"
#include "feed/xml_tree.h"

namespace pw::feed {

namespace {

constexpr std::string_view kAtom10Ns = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03Ns = "http://purl.org/atom/ns#";
constexpr std::string_view kXhtmlNs = "http://www.w3.org/1999/xhtml";

bool IsAtomNs(std::string_view ns) {
  // Atom 0.3 drafts used a few spellings of their namespace.
  return ns == kAtom10Ns || ns == kAtom03Ns || ns.empty() || ns == "http://purl.org/atom/ns#draft-ietf-atompub-format-08" ||
         ns.rfind("http://www.w3.org/2005/Atom", 0) == 0 || ns.rfind("http://purl.org/atom/ns", 0) == 0;
}

// An Atom element: in an Atom namespace, or in whatever namespace the
// document's <feed> is in (drafts and forks invented their own).
bool IsAtom(const xmlNode* n, std::string_view name) {
  if (!xml::IsElement(n, name)) return false;
  const std::string_view ns = xml::NamespaceUri(n);
  if (IsAtomNs(ns)) return true;
  const xmlNode* root = xmlDocGetRootElement(n->doc);
  return root && xml::LocalName(root) == "feed" && ns == xml::NamespaceUri(root);
}

// Atom ids are IRIs; one written as a path is relative to the base.
std::string ResolveId(const xmlNode* n, const std::string& document_url) {
  std::string id = xml::Text(n);
  if (!id.empty() && (id[0] == '/' || id[0] == '.')) {
    const std::string base = xml::BaseUri(n, document_url);
    if (base.rfind("http://", 0) == 0 || base.rfind("https://", 0) == 0) id = ResolveUrl(base, id);
  }
  return id;
}

std::string DecodeBase64(std::string_view in) {
  static constexpr std::array<signed char, 256> kTable = [] {
    std::array<signed char, 256> t{};
    for (auto& v : t) v = -1;
    const char* chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(chars[i])] = static_cast<signed char>(i);
    return t;
  }();
  std::string out;
  int bits = 0, value = 0;
  for (char c : in) {
    const int d = kTable[static_cast<unsigned char>(c)];
    if (d < 0) continue;  // whitespace, padding
    value = (value << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// A text construct: Atom 1.0's type="text|html|xhtml", Atom 0.3's MIME type
// with mode="xml|escaped|base64".
// The element's text, viewed in place when it is one text node.
void TakeText(TextConstruct& t, const xmlNode* n) {
  if (auto view = xml::SingleTextView(n)) t.Borrow(*view);
  else t.Set(xml::RawText(n));
}

// In Atom 1.0 the <div> of type="xhtml" is a wrapper, not content; in Atom
// 0.3 inline XML is content as it stands.
TextConstruct Construct(const xmlNode* n, const std::string& document_url) {
  const bool atom03 = xml::NamespaceUri(n) == kAtom03Ns;
  TextConstruct t;
  t.present = true;
  t.base = xml::BaseUri(n, document_url);
  std::string type = xml::Trim(xml::Attr(n, "type"));
  for (auto& c : type) c = char(std::tolower(static_cast<unsigned char>(c)));
  const std::string mode = xml::Trim(xml::Attr(n, "mode"));
  const bool xhtml = type == "xhtml" || type == "application/xhtml+xml";
  const bool has_child_element = [&] {
    for (const xmlNode* c = n->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE) return true;
    return false;
  }();
  // Atom 1.0: any other media type is base64 (RFC 4287 section 4.1.3.3).
  const bool binary_type = type.find('/') != std::string::npos && type.rfind("text/", 0) != 0 &&
                           type.find("xml") == std::string::npos;
  if (mode == "base64" || binary_type) {
    // Bytes that are not UTF-8 (an image, a PDF, or text that was never
    // base64) are not text to show or store: the construct is empty.
    std::string decoded = DecodeBase64(xml::RawText(n));
    if (!IsValidUtf8(decoded)) decoded.clear();
    t.Set(std::move(decoded));
    t.is_html = type == "text/html" || (type != "text/plain" && LooksLikeHtml(t.value()));
  } else if (xhtml || mode == "xml" || (has_child_element && type != "text" && type != "html")) {
    // Inline XML: the children of the <div> wrapper (Atom 1.0 requires
    // one), else the children themselves.
    const xmlNode* div = nullptr;
    for (const xmlNode* c = n->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE) {
        div = (xml::LocalName(c) == "div" && (xml::NamespaceUri(c) == kXhtmlNs || !xhtml)) ? c : nullptr;
        break;
      }
    t.Set(xml::InnerXml(div && xhtml && !atom03 ? div : n));
    t.is_html = true;
  } else if (type == "html" || type == "text/html" || mode == "escaped") {
    TakeText(t, n);
    t.is_html = type != "text" && type != "text/plain";
  } else if (type.empty() || type == "text" || type == "text/plain") {
    TakeText(t, n);
  } else if (type.find("xml") != std::string::npos) {
    t.Set(xml::InnerXml(n));
    t.is_html = true;
  } else {
    TakeText(t, n);
  }
  return t;
}

Person ReadPerson(const xmlNode* person, const std::string& document_url) {
  Person p;
  for (const xmlNode* c = person->children; c; c = c->next) {
    if (IsAtom(c, "name")) p.name = CollapseSpaces(xml::RawText(c));
    else if (IsAtom(c, "email")) p.email = xml::Text(c);
    else if (IsAtom(c, "uri") || IsAtom(c, "url") || IsAtom(c, "homepage")) p.uri = ResolveUrl(xml::BaseUri(c, document_url), xml::Text(c));
  }
  if (p.name.empty() && p.email.empty() && p.uri.empty()) p.name = CollapseSpaces(xml::RawText(person));
  return p;
}

Link ReadLink(const xmlNode* n, const std::string& document_url) {
  Link link;
  // Early Atom 0.3 feeds wrote the URL as the element's text.
  link.href = xml::Trim(xml::HasAttr(n, "href") ? xml::Attr(n, "href") : xml::RawText(n));
  const std::string base = xml::BaseUri(n, document_url);
  link.href = link.href.empty() ? base : ResolveUrl(base, link.href);
  link.rel = xml::Trim(xml::Attr(n, "rel"));
  if (link.rel.empty()) link.rel = "alternate";
  link.type = xml::Attr(n, "type");
  if (link.type.empty() && link.rel == "self") link.type = "application/atom+xml";
  link.title = xml::Attr(n, "title");
  link.hreflang = xml::Attr(n, "hreflang");
  link.length = ParseLength(xml::Attr(n, "length"));
  return link;
}

// The alternate link: the first rel="alternate" one, an HTML one preferred.
std::string AlternateLink(const std::vector<Link>& links) {
  const Link* best = nullptr;
  for (const Link& l : links) {
    if (l.rel != "alternate" || l.href.empty()) continue;
    const bool html = l.type.empty() || l.type == "text/html" || l.type == "application/xhtml+xml";
    if (!best || (html && !(best->type.empty() || best->type == "text/html" || best->type == "application/xhtml+xml")))
      best = &l;
  }
  return best ? best->href : std::string();
}

void AddCategory(const xmlNode* c, std::vector<std::string>& out) {
  std::string term = CollapseSpaces(xml::Attr(c, "term"));
  if (term.empty()) term = CollapseSpaces(xml::Attr(c, "label"));
  if (term.empty()) term = CollapseSpaces(xml::RawText(c));  // Atom 0.3 <dc:subject>-like use
  if (!term.empty()) out.push_back(std::move(term));
}

RawItem ReadEntry(const xmlNode* node, const ReadContext& context, const std::string& feed_language) {
  RawItem raw;
  raw.base = xml::BaseUri(node, context.document_url);
  Item& item = raw.item;
  const xmlNode* content_node = nullptr;
  const xmlNode* summary_node = nullptr;
  std::string created_text;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsAtom(c, "title")) {
      if (!raw.title.present) raw.title = Construct(c, context.document_url);
    } else if (IsAtom(c, "id")) {
      if (item.guid.empty()) item.guid = ResolveId(c, context.document_url);
    } else if (IsAtom(c, "summary")) {
      if (!raw.summary.present) {
        raw.summary = Construct(c, context.document_url);
        summary_node = c;
      }
    } else if (IsAtom(c, "content")) {
      if (!raw.content.present) {
        raw.content = Construct(c, context.document_url);
        content_node = c;
      }
    } else if (IsAtom(c, "published") || IsAtom(c, "issued")) {
      raw.published_text = xml::Text(c);  // the last one wins, as in feedparser
    } else if (IsAtom(c, "updated") || IsAtom(c, "modified")) {
      raw.updated_text = xml::Text(c);
    } else if (IsAtom(c, "created")) {
      created_text = xml::Text(c);
    } else if (IsAtom(c, "author")) {
      Person p = ReadPerson(c, context.document_url);
      if (!p.name.empty() || !p.email.empty() || !p.uri.empty()) item.authors.push_back(std::move(p));
    } else if (IsAtom(c, "category")) {
      AddCategory(c, item.categories);
    } else if (IsAtom(c, "link")) {
      Link link = ReadLink(c, context.document_url);
      if (link.rel == "enclosure" && xml::HasAttr(c, "href"))
        item.enclosures.push_back({link.href, link.type, link.length});
      item.links.push_back(std::move(link));
    } else if (IsAtom(c, "source")) {
      Source source;
      std::vector<Link> links;
      for (const xmlNode* s = c->children; s; s = s->next) {
        if (IsAtom(s, "title")) source.title = PlainText(Construct(s, context.document_url));
        else if (IsAtom(s, "link")) links.push_back(ReadLink(s, context.document_url));
      }
      source.url = AlternateLink(links);
      item.source = std::move(source);
    }
  }
  item.link = AlternateLink(item.links);
  // No alternate link: an id that is a web address is the entry's page (as
  // an RSS guid that is a permalink is).
  if (item.link.empty() && (item.guid.rfind("http://", 0) == 0 || item.guid.rfind("https://", 0) == 0))
    item.link = item.guid;
  if (raw.published_text.empty()) raw.published_text = created_text;
  item.language = xml::Language(content_node ? content_node : summary_node ? summary_node : node, feed_language);
  return raw;
}

}  // namespace

void ReadAtom(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items) {
  feed.format = xml::NamespaceUri(root) == kAtom10Ns ? Format::kAtom10 : Format::kAtom03;
  if (feed.format == Format::kAtom03 && xml::NamespaceUri(root).empty() && xml::Attr(root, "version").empty())
    feed.format = Format::kAtom10;
  feed.language = xml::Language(root, context.content_language);
  std::string updated_text;
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsAtom(c, "title")) {
      if (feed.title.empty()) feed.title = PlainText(Construct(c, context.document_url));
    } else if (IsAtom(c, "subtitle") || IsAtom(c, "tagline")) {
      if (feed.description.empty()) feed.description = PlainText(Construct(c, context.document_url));
    } else if (IsAtom(c, "rights") || IsAtom(c, "copyright")) {
      if (feed.rights.empty()) feed.rights = PlainText(Construct(c, context.document_url));
    } else if (IsAtom(c, "id")) {
      if (feed.id.empty()) feed.id = ResolveId(c, context.document_url);
    } else if (IsAtom(c, "logo") || IsAtom(c, "icon")) {
      if (feed.image.empty() || IsAtom(c, "logo"))
        feed.image = ResolveUrl(xml::BaseUri(c, context.document_url), xml::Text(c));
    } else if (IsAtom(c, "author")) {
      Person p = ReadPerson(c, context.document_url);
      if (!p.name.empty() || !p.email.empty() || !p.uri.empty()) feed.authors.push_back(std::move(p));
    } else if (IsAtom(c, "category")) {
      AddCategory(c, feed.categories);
    } else if (IsAtom(c, "link")) {
      feed.links.push_back(ReadLink(c, context.document_url));
    } else if (IsAtom(c, "updated") || IsAtom(c, "modified")) {
      updated_text = xml::Text(c);
    }
  }
  feed.link = AlternateLink(feed.links);
  ChooseDefaultOffset(context, feed);
  feed.updated = ParseFeedDate(updated_text, context.default_offset);
  // Entries are children of <feed>, or deeper after an unclosed element.
  std::vector<const xmlNode*> found;
  xml::CollectElements(root, [](const xmlNode* n) { return IsAtom(n, "entry"); }, found);
  for (const xmlNode* entry : found) items.push_back(ReadEntry(entry, context, feed.language));
}

void ReadAtomEntryDocument(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items) {
  feed.format = Format::kAtom10;
  feed.language = xml::Language(root, context.content_language);
  ChooseDefaultOffset(context, feed);
  items.push_back(ReadEntry(root, context, feed.language));
}

}  // namespace pw::feed
