// RSS 0.90, 0.91, 0.92, 2.0 and 1.0 (RDF).
#include "common/url.h"
#include "feed/formats.h"
#include "feed/sanitize.h"
#include "feed/xml_tree.h"

namespace pw::feed {

namespace {

constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kMediaNs = "http://search.yahoo.com/mrss/";

bool InNs(const xmlNode* n, std::string_view ns) { return xml::NamespaceUri(n) == ns; }
// RSS elements have no namespace (RSS 0.9x/2.0) or the RSS 1.0 / 0.90 one.
bool IsRssElement(const xmlNode* n, std::string_view name) {
  if (!xml::IsElement(n, name)) return false;
  const std::string_view ns = xml::NamespaceUri(n);
  return ns.empty() || ns == "http://purl.org/rss/1.0/" ||
         ns == "http://my.netscape.com/rdf/simple/0.9/" || ns == "http://backend.userland.com/rss2";
}

RawItem ReadItem(const xmlNode* node, const ReadContext& context) {
  RawItem raw;
  raw.base = xml::BaseUri(node, context.document_url);
  Item& item = raw.item;
  bool guid_is_permalink = false;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsRssElement(c, "title")) {
      raw.title_html = xml::Text(c);
    } else if (IsRssElement(c, "link")) {
      if (item.link.empty()) item.link = xml::Text(c);
    } else if (IsRssElement(c, "guid")) {
      item.guid = xml::Text(c);
      const std::string permalink = xml::Attr(c, "isPermaLink");
      guid_is_permalink = permalink.empty() || permalink == "true";
    } else if (IsRssElement(c, "description")) {
      raw.summary_html = xml::Text(c);
    } else if (InNs(c, kContentNs) && xml::IsElement(c, "encoded")) {
      raw.content_html = xml::Text(c);
    } else if (IsRssElement(c, "pubDate") || (InNs(c, kDcNs) && xml::IsElement(c, "date"))) {
      if (raw.published_text.empty()) raw.published_text = xml::Text(c);
    } else if (InNs(c, kAtomNs) && xml::IsElement(c, "updated")) {
      raw.updated_text = xml::Text(c);
    } else if (IsRssElement(c, "author") || (InNs(c, kDcNs) && xml::IsElement(c, "creator"))) {
      if (std::string a = xml::Text(c); !a.empty()) item.authors.push_back(std::move(a));
    } else if (IsRssElement(c, "category") || (InNs(c, kDcNs) && xml::IsElement(c, "subject"))) {
      if (std::string t = xml::Text(c); !t.empty()) item.categories.push_back(std::move(t));
    } else if (IsRssElement(c, "enclosure") || (InNs(c, kMediaNs) && xml::IsElement(c, "content"))) {
      Enclosure e;
      e.url = xml::Attr(c, "url");
      e.type = xml::Attr(c, "type");
      std::string length = xml::Attr(c, IsRssElement(c, "enclosure") ? "length" : "fileSize");
      try {
        e.length = length.empty() ? 0 : std::stoll(length);
      } catch (const std::exception&) {
        e.length = 0;
      }
      if (!e.url.empty()) item.enclosures.push_back(std::move(e));
    } else if (InNs(c, kAtomNs) && xml::IsElement(c, "link") && item.link.empty()) {
      const std::string rel = xml::Attr(c, "rel");
      if (rel.empty() || rel == "alternate") item.link = xml::Attr(c, "href");
    }
  }
  if (item.link.empty() && guid_is_permalink && item.guid.find("://") != std::string::npos)
    item.link = item.guid;
  if (const std::string about = xml::Attr(node, "about"); item.guid.empty() && !about.empty())
    item.guid = about;  // RSS 1.0: rdf:about identifies the item
  return raw;
}

void ReadChannel(const xmlNode* channel, ReadContext& context, Feed& feed) {
  for (const xmlNode* c = channel->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsRssElement(c, "title") && feed.title.empty()) {
      feed.title = InlineText(xml::Text(c));
    } else if (IsRssElement(c, "link") && feed.link.empty()) {
      feed.link = xml::Text(c);
    } else if (IsRssElement(c, "description") && feed.description.empty()) {
      feed.description = InlineText(xml::Text(c));
    } else if (IsRssElement(c, "language") || (InNs(c, kDcNs) && xml::IsElement(c, "language"))) {
      feed.language = xml::Text(c);
    } else if (IsRssElement(c, "ttl")) {
      try {
        const long minutes = std::stol(xml::Text(c));
        if (minutes > 0 && minutes < 7 * 24 * 60) feed.ttl = std::chrono::minutes(minutes);
      } catch (const std::exception&) {
      }
    }
  }
}

}  // namespace

std::chrono::minutes OffsetForLanguage(const ReadContext& context, std::string_view language);

void ReadRss(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items) {
  const std::string_view root_name = xml::LocalName(root);
  if (root_name == "rss") {
    const std::string version = xml::Attr(root, "version");
    feed.format = version == "0.91"   ? Format::kRss091
                  : version == "0.92" ? Format::kRss092
                  : version == "0.90" ? Format::kRss090
                                      : Format::kRss20;
  } else {
    const bool rss090 = xml::FirstChildElement(root, "channel", "http://my.netscape.com/rdf/simple/0.9/");
    feed.format = rss090 ? Format::kRss090 : Format::kRss10;
  }
  const xmlNode* channel = nullptr;
  for (const xmlNode* c = root->children; c; c = c->next)
    if (IsRssElement(c, "channel")) {
      channel = c;
      break;
    }
  if (channel) ReadChannel(channel, context, feed);
  if (!context.offset_given) context.default_offset = OffsetForLanguage(context, feed.language);
  // Items live inside <channel> (RSS 2.0) or beside it (RSS 1.0, 0.90).
  for (const xmlNode* parent : {channel, root}) {
    if (!parent) continue;
    for (const xmlNode* c = parent->children; c; c = c->next)
      if (IsRssElement(c, "item")) items.push_back(ReadItem(c, context));
  }
  if (!feed.link.empty() && channel) feed.link = ResolveUrl(xml::BaseUri(channel, context.document_url), feed.link);
}

}  // namespace pw::feed
