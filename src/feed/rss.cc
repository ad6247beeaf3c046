// RSS 0.90, 0.91, 0.92, 0.93, 0.94, 2.0 and 1.0 (RDF), with the modules
// feeds use: content:encoded, Dublin Core and DC terms, Media RSS, atom:link,
// iTunes (author, image, categories, keywords, summary), XHTML body.
#include <algorithm>

#include "common/url.h"
#include "feed/dates.h"
#include "feed/formats.h"
#include "feed/sanitize.h"
#include "feed/xml_tree.h"

namespace pw::feed {

namespace {

constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kDcTermsNs = "http://purl.org/dc/terms/";
constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kMediaNs = "http://search.yahoo.com/mrss/";
constexpr std::string_view kItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";
constexpr std::string_view kXhtmlNs = "http://www.w3.org/1999/xhtml";
constexpr std::string_view kRss090Ns = "http://my.netscape.com/rdf/simple/0.9/";

bool InNs(const xmlNode* n, std::string_view ns) { return xml::NamespaceUri(n) == ns; }

bool Is(const xmlNode* n, std::string_view ns, std::string_view name) {
  return xml::IsElement(n, name) && InNs(n, ns);
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Apple wrote its namespace with capitals at first ("DTDs/Podcast"); both are in use.
bool IsItunes(const xmlNode* n, std::string_view name) {
  return xml::IsElement(n, name) && EqualsNoCase(xml::NamespaceUri(n), kItunesNs);
}

// RSS's own elements: no namespace (RSS 0.9x/2.0), the RSS 1.0 or 0.90 one,
// or one of the namespaces UserLand and Harvard once gave RSS 2.0. Names are
// matched without regard to case (<TITLE>, <pubdate>), as feeds write them.
bool IsRss(const xmlNode* n, std::string_view name) {
  if (!n || n->type != XML_ELEMENT_NODE || !EqualsNoCase(xml::LocalName(n), name)) return false;
  const std::string_view ns = xml::NamespaceUri(n);
  return ns.empty() || ns == "http://purl.org/rss/1.0/" || ns == kRss090Ns ||
         ns.rfind("http://backend.userland.com/rss", 0) == 0 || ns == "http://blogs.law.harvard.edu/tech/rss";
}

bool IsMedia(const xmlNode* n, std::string_view name) {
  return xml::IsElement(n, name) && (InNs(n, kMediaNs) || InNs(n, "http://search.yahoo.com/mrss"));
}

// The vocabularies an RSS child element can come from.
enum class Ns { kRss, kContent, kDc, kDcTerms, kAtom, kMedia, kItunes, kXhtml, kOther };

Ns NsOf(std::string_view uri) {
  if (uri.empty() || uri == "http://purl.org/rss/1.0/" || uri == kRss090Ns ||
      uri.rfind("http://backend.userland.com/rss", 0) == 0 || uri == "http://blogs.law.harvard.edu/tech/rss")
    return Ns::kRss;
  if (uri == kContentNs) return Ns::kContent;
  if (uri == kDcNs) return Ns::kDc;
  if (uri == kDcTermsNs) return Ns::kDcTerms;
  if (uri == kAtomNs || uri == "http://purl.org/atom/ns#") return Ns::kAtom;
  if (uri == kMediaNs || uri == "http://search.yahoo.com/mrss") return Ns::kMedia;
  if (EqualsNoCase(uri, kItunesNs)) return Ns::kItunes;
  if (uri == kXhtmlNs) return Ns::kXhtml;
  return Ns::kOther;
}

// Namespace declarations are few and shared by every item: each is
// classified once.
class NsCache {
 public:
  Ns Of(const xmlNode* n) {
    for (const auto& [ns, kind] : seen_)
      if (ns == n->ns) return kind;
    const Ns kind = NsOf(xml::NamespaceUri(n));
    if (seen_.size() < 32) seen_.emplace_back(n->ns, kind);
    return kind;
  }

 private:
  std::vector<std::pair<const xmlNs*, Ns>> seen_;
};

// A child element, classified once: its vocabulary and its local name
// (lower-cased for RSS's own elements, which feeds write in any case).
struct Element {
  Element(const xmlNode* n, NsCache& cache) : node(n), ns(cache.Of(n)), name(xml::LocalName(n)) {
    if (ns == Ns::kRss)
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  bool Rss(std::string_view lower) const { return ns == Ns::kRss && name == lower; }
  bool In(Ns vocabulary, std::string_view local) const { return ns == vocabulary && name == local; }

  const xmlNode* node;
  Ns ns;
  std::string name;
};

void AddCategory(std::vector<std::string>& out, std::string text) {
  text = CollapseSpaces(text);
  if (!text.empty()) out.push_back(std::move(text));
}

// <itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category>
void AddItunesCategories(const xmlNode* n, std::vector<std::string>& out) {
  AddCategory(out, xml::Attr(n, "text"));
  for (const xmlNode* c = n->children; c; c = c->next)
    if (IsItunes(c, "category")) AddItunesCategories(c, out);
}

// "Technology, Gadgets": each once.
void AddKeywords(std::string_view text, std::vector<std::string>& out) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string keyword = CollapseSpaces(text.substr(start, comma - start));
    if (!keyword.empty() && std::find(out.begin(), out.end(), keyword) == out.end()) out.push_back(std::move(keyword));
    start = comma + 1;
  }
}

void AddPerson(std::vector<Person>& out, std::string_view text) {
  Person p = ParsePerson(text);
  if (!p.name.empty() || !p.email.empty()) out.push_back(std::move(p));
}

Link AtomLink(const xmlNode* n, const std::string& document_url) {
  Link link;
  link.href = xml::Trim(xml::Attr(n, "href"));
  if (!link.href.empty()) link.href = ResolveUrl(xml::BaseUri(n, document_url), link.href);
  link.rel = xml::Attr(n, "rel");
  if (link.rel.empty()) link.rel = "alternate";
  link.type = xml::Attr(n, "type");
  link.title = xml::Attr(n, "title");
  link.hreflang = xml::Attr(n, "hreflang");
  link.length = ParseLength(xml::Attr(n, "length"));
  return link;
}

TextConstruct Construct(const xmlNode* n, const std::string& document_url, bool is_html) {
  TextConstruct t;
  t.present = true;
  t.base = xml::BaseUri(n, document_url);
  // Naked markup (<description><p>...</p></description>, unescaped): the
  // elements are the HTML.
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      t.Set(xml::InnerXml(n));
      t.is_html = true;
      return t;
    }
  if (auto view = xml::SingleTextView(n)) t.Borrow(*view);
  else t.Set(xml::RawText(n));
  t.is_html = is_html;
  return t;
}

RawItem ReadItem(const xmlNode* node, const ReadContext& context, const std::string& feed_language,
                 NsCache& namespaces) {
  RawItem raw;
  raw.base = xml::BaseUri(node, context.document_url);
  Item& item = raw.item;
  bool guid_is_permalink = false;
  std::string item_language;
  const xmlNode* content_node = nullptr;
  const xmlNode* summary_node = nullptr;
  TextConstruct media_title;  // the title when the item has no <title>
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const Element e(c, namespaces);
    if (e.Rss("title") || e.In(Ns::kDc, "title")) {
      if (!raw.title.present) {
        raw.title = Construct(c, context.document_url, false);
        raw.title.is_html = LooksLikeHtml(raw.title.value());
      }
    } else if (e.Rss("link")) {
      if (item.link.empty()) {
        item.link = xml::Trim(xml::RawText(c));
        if (!item.link.empty()) {
          item.link = ResolveUrl(xml::BaseUri(c, context.document_url), item.link);
          item.links.push_back(Link{item.link, "alternate", "text/html", "", "", 0});
        }
      }
    } else if (e.Rss("guid")) {
      if (item.guid.empty()) {
        item.guid = xml::Text(c);
        const std::string permalink = xml::Trim(xml::Attr(c, "isPermaLink"));
        guid_is_permalink = permalink.empty() || permalink == "true";
      }
    } else if (e.Rss("description") || e.In(Ns::kDc, "description") || e.Rss("summary")) {
      // The first of <description> and <summary> summarizes; a second one,
      // with no content:encoded, is the content.
      if (!raw.summary.present) {
        raw.summary = Construct(c, context.document_url, true);
        summary_node = c;
      } else if (!raw.content.present) {
        raw.content = Construct(c, context.document_url, true);
        content_node = c;
      }
    } else if (e.In(Ns::kContent, "encoded") || e.Rss("fullitem")) {
      if (!raw.content.present) {
        raw.content = Construct(c, context.document_url, true);
        content_node = c;
      }
    } else if (e.In(Ns::kXhtml, "body") || e.In(Ns::kXhtml, "div") || e.Rss("body")) {
      if (!raw.content.present) {
        raw.content = Construct(c, context.document_url, true);
        raw.content.Set(xml::InnerXml(c));
        content_node = c;
      }
    } else if (e.Rss("pubdate") || e.In(Ns::kDc, "date") || e.In(Ns::kDcTerms, "issued") ||
               e.In(Ns::kDcTerms, "created")) {
      if (raw.published_text.empty()) raw.published_text = xml::Text(c);
    } else if (e.In(Ns::kDcTerms, "modified") || e.In(Ns::kAtom, "updated")) {
      if (raw.updated_text.empty()) raw.updated_text = xml::Text(c);
    } else if (e.Rss("author") || e.In(Ns::kDc, "creator") || e.In(Ns::kDc, "author") ||
               e.In(Ns::kItunes, "author")) {
      if (e.ns != Ns::kItunes || item.authors.empty()) AddPerson(item.authors, xml::Text(c));
    } else if (e.Rss("category") || e.In(Ns::kDc, "subject") || e.In(Ns::kMedia, "category")) {
      AddCategory(item.categories, xml::Text(c));
    } else if (e.In(Ns::kItunes, "category")) {
      AddItunesCategories(c, item.categories);
    } else if (e.In(Ns::kItunes, "keywords")) {
      AddKeywords(xml::RawText(c), item.categories);
    } else if (e.In(Ns::kItunes, "summary") || e.In(Ns::kMedia, "description")) {
      if (!raw.summary.present) {
        raw.summary = Construct(c, context.document_url, e.ns == Ns::kItunes ? false : xml::Attr(c, "type") == "html");
        summary_node = c;
      }
    } else if (e.In(Ns::kMedia, "title")) {
      if (!media_title.present) media_title = Construct(c, context.document_url, xml::Attr(c, "type") == "html");
    } else if (e.Rss("enclosure") || e.In(Ns::kMedia, "content")) {
      Enclosure enclosure;
      enclosure.url = xml::Trim(xml::Attr(c, "url"));
      enclosure.type = xml::Attr(c, "type");
      enclosure.length = ParseLength(xml::Attr(c, e.ns == Ns::kRss ? "length" : "fileSize"));
      if (enclosure.url.empty()) continue;
      enclosure.url = ResolveUrl(xml::BaseUri(c, context.document_url), enclosure.url);
      if (e.ns == Ns::kRss) item.links.push_back({enclosure.url, "enclosure", enclosure.type, "", "", enclosure.length});
      item.enclosures.push_back(std::move(enclosure));
    } else if (e.In(Ns::kMedia, "group")) {
      for (const xmlNode* m = c->children; m; m = m->next) {
        if (!IsMedia(m, "content")) continue;
        Enclosure e{xml::Trim(xml::Attr(m, "url")), xml::Attr(m, "type"), ParseLength(xml::Attr(m, "fileSize"))};
        if (e.url.empty()) continue;
        e.url = ResolveUrl(xml::BaseUri(m, context.document_url), e.url);
        item.enclosures.push_back(std::move(e));
      }
    } else if (e.In(Ns::kAtom, "link")) {
      item.links.push_back(AtomLink(c, context.document_url));
    } else if (e.Rss("source")) {
      item.source = Source{CollapseSpaces(xml::RawText(c)), xml::Trim(xml::Attr(c, "url"))};
    } else if (e.In(Ns::kDc, "language")) {
      item_language = xml::Text(c);
    }
  }
  if (!raw.title.present && media_title.present) raw.title = std::move(media_title);
  // No <link>: a permalink guid, else an atom:link.
  const bool guid_is_url = item.guid.rfind("http://", 0) == 0 || item.guid.rfind("https://", 0) == 0;
  if (item.link.empty() && guid_is_permalink && guid_is_url) item.link = item.guid;
  for (const Link& l : item.links) {
    if (!item.link.empty()) break;
    if (l.rel == "alternate" && !l.href.empty()) item.link = l.href;
  }
  if (item.guid.empty()) {
    // RSS 1.0: rdf:about identifies the item.
    if (const std::string about = xml::Trim(xml::Attr(node, "about")); !about.empty()) item.guid = about;
  }
  if (item.source && !item.source->url.empty()) item.source->url = ResolveUrl(raw.base, item.source->url);
  const std::string fallback = item_language.empty() ? feed_language : item_language;
  item.language = xml::Language(content_node ? content_node : summary_node ? summary_node : node, fallback);
  return raw;
}

// Fills the channel's fields; its dates are left as text, for they are read
// at an offset that depends on what the channel says about itself.
void ReadChannel(const xmlNode* channel, const ReadContext& context, Feed& feed, std::string& published_text,
                 std::string& updated_text) {
  std::string rss_link;
  for (const xmlNode* c = channel->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsRss(c, "title") || Is(c, kDcNs, "title")) {
      if (feed.title.empty()) {
        const std::string title = xml::RawText(c);
        feed.title = LooksLikeHtml(title) ? InlineText(title) : CollapseSpaces(title);
      }
    } else if (IsRss(c, "link")) {
      if (rss_link.empty()) {
        rss_link = xml::Trim(xml::RawText(c));
        if (!rss_link.empty()) rss_link = ResolveUrl(xml::BaseUri(c, context.document_url), rss_link);
      }
    } else if (IsRss(c, "description") || Is(c, kDcNs, "description")) {
      if (feed.description.empty()) feed.description = InlineText(xml::RawText(c));
    } else if (IsRss(c, "language") || Is(c, kDcNs, "language")) {
      if (feed.language.empty()) feed.language = xml::Text(c);
    } else if (IsRss(c, "copyright") || Is(c, kDcNs, "rights")) {
      if (feed.rights.empty()) feed.rights = InlineText(xml::RawText(c));
    } else if (IsRss(c, "managingEditor") || IsRss(c, "author") || Is(c, kDcNs, "creator") ||
               Is(c, kDcNs, "author")) {
      AddPerson(feed.authors, xml::Text(c));
    } else if (IsItunes(c, "author")) {
      if (feed.authors.empty()) AddPerson(feed.authors, xml::Text(c));
    } else if (IsRss(c, "category") || Is(c, kDcNs, "subject") || IsMedia(c, "category")) {
      AddCategory(feed.categories, xml::Text(c));
    } else if (IsItunes(c, "category")) {
      AddItunesCategories(c, feed.categories);
    } else if (IsItunes(c, "keywords")) {
      AddKeywords(xml::RawText(c), feed.categories);
    } else if (IsItunes(c, "subtitle") || IsItunes(c, "summary")) {
      if (feed.description.empty()) feed.description = CollapseSpaces(xml::RawText(c));
    } else if (IsRss(c, "pubDate") || Is(c, kDcTermsNs, "issued")) {
      if (published_text.empty()) published_text = xml::Text(c);
    } else if (IsRss(c, "lastBuildDate") || Is(c, kDcNs, "date") || Is(c, kDcTermsNs, "modified")) {
      if (updated_text.empty()) updated_text = xml::Text(c);
    } else if (IsRss(c, "image")) {
      if (const xmlNode* url = xml::FirstChildElement(c, "url"); url && feed.image.empty())
        feed.image = ResolveUrl(xml::BaseUri(url, context.document_url), xml::Text(url));
    } else if (IsItunes(c, "image") || (IsItunes(c, "link") && xml::Attr(c, "rel") == "image")) {
      std::string href = xml::Trim(xml::Attr(c, "href"));
      if (href.empty()) href = xml::Trim(xml::Attr(c, "url"));
      if (feed.image.empty() && !href.empty()) feed.image = ResolveUrl(xml::BaseUri(c, context.document_url), href);
    } else if (xml::IsElement(c, "link") && InNs(c, kAtomNs)) {
      feed.links.push_back(AtomLink(c, context.document_url));
    } else if (IsRss(c, "ttl")) {
      try {
        const long minutes = std::stol(xml::Text(c));
        if (minutes > 0 && minutes < 7 * 24 * 60) feed.ttl = std::chrono::minutes(minutes);
      } catch (const std::exception&) {
      }
    }
  }
  if (!rss_link.empty()) {
    feed.link = rss_link;
    feed.links.insert(feed.links.begin(), Link{rss_link, "alternate", "text/html", "", "", 0});
  }
  if (feed.link.empty())
    for (const Link& l : feed.links)
      if (l.rel == "alternate" && !l.href.empty()) {
        feed.link = l.href;
        break;
      }
}

Format RssVersion(const xmlNode* root, const ReadContext& context) {
  if (xml::LocalName(root) != "rss") {
    // <rdf:RDF>: RSS 0.90 or 1.0, by the namespace of its channel or items.
    for (const xmlNode* c = root->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && InNs(c, kRss090Ns)) return Format::kRss090;
    for (const xmlNs* ns = root->nsDef; ns; ns = ns->next)
      if (ns->href && reinterpret_cast<const char*>(ns->href) == kRss090Ns) return Format::kRss090;
    return Format::kRss10;
  }
  const std::string version = xml::Trim(xml::Attr(root, "version"));
  if (version == "0.91") return context.netscape_doctype ? Format::kRss091Netscape : Format::kRss091;
  if (version == "0.90") return Format::kRss090;
  if (version == "0.92") return Format::kRss092;
  if (version == "0.93") return Format::kRss093;
  if (version == "0.94") return Format::kRss094;
  if (version.rfind("2", 0) == 0) return Format::kRss20;
  return Format::kRss;
}

}  // namespace

void ReadRss(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items) {
  feed.format = RssVersion(root, context);
  const xmlNode* channel = nullptr;
  for (const xmlNode* c = root->children; c; c = c->next)
    if (IsRss(c, "channel")) {
      channel = c;
      break;
    }
  std::string published_text, updated_text;
  if (channel) ReadChannel(channel, context, feed, published_text, updated_text);
  if (feed.language.empty()) feed.language = xml::Language(channel ? channel : root, context.content_language);
  ChooseDefaultOffset(context, feed);
  feed.published = ParseFeedDate(published_text, context.default_offset);
  feed.updated = ParseFeedDate(updated_text, context.default_offset);
  // Items live inside <channel> (RSS 2.0) or beside it (RSS 1.0, 0.90);
  // deeper when an element before them was never closed (<itunes:category>
  // without its end tag puts every later item inside it).
  std::vector<const xmlNode*> found;
  xml::CollectElements(root, [](const xmlNode* n) { return IsRss(n, "item"); }, found);
  NsCache namespaces;
  for (const xmlNode* item : found) items.push_back(ReadItem(item, context, feed.language, namespaces));
}

}  // namespace pw::feed
