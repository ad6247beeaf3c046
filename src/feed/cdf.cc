// Microsoft's Channel Definition Format (1997), the feeds of Internet
// Explorer 4: <CHANNEL HREF LASTMOD><TITLE/><ABSTRACT/><ITEM HREF LASTMOD>.
// Element and attribute names are matched without regard to case, as IE did.
#include <strings.h>

#include "common/url.h"
#include "feed/dates.h"
#include "feed/formats.h"
#include "feed/sanitize.h"
#include "feed/xml_tree.h"

namespace pw::feed {

namespace {

bool Named(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && strcasecmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string AttrNoCase(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (strcasecmp(reinterpret_cast<const char*>(a->name), name) == 0) return xml::Attr(n, reinterpret_cast<const char*>(a->name));
  return {};
}

TextConstruct Text(const xmlNode* n, const std::string& document_url) {
  TextConstruct t;
  t.present = true;
  t.Set(xml::RawText(n));
  t.is_html = LooksLikeHtml(t.value());
  t.base = xml::BaseUri(n, document_url);
  return t;
}

}  // namespace

void ReadCdf(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items) {
  feed.format = Format::kCdf;
  feed.language = xml::Language(root, context.content_language);
  const std::string base = xml::BaseUri(root, context.document_url);
  if (std::string href = xml::Trim(AttrNoCase(root, "href")); !href.empty()) {
    feed.link = ResolveUrl(base, href);
    feed.links.push_back({feed.link, "alternate", "text/html", "", "", 0});
  }
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (Named(c, "title") && feed.title.empty()) {
      feed.title = PlainText(Text(c, context.document_url));
    } else if (Named(c, "abstract") && feed.description.empty()) {
      feed.description = PlainText(Text(c, context.document_url));
    } else if (Named(c, "item")) {
      RawItem raw;
      raw.base = xml::BaseUri(c, context.document_url);
      if (std::string href = xml::Trim(AttrNoCase(c, "href")); !href.empty()) {
        raw.item.link = ResolveUrl(raw.base, href);
        raw.item.links.push_back({raw.item.link, "alternate", "text/html", "", "", 0});
      }
      raw.updated_text = AttrNoCase(c, "lastmod");
      for (const xmlNode* f = c->children; f; f = f->next) {
        if (Named(f, "title") && !raw.title.present) raw.title = Text(f, context.document_url);
        else if (Named(f, "abstract") && !raw.summary.present) raw.summary = Text(f, context.document_url);
      }
      raw.item.language = xml::Language(c, feed.language);
      items.push_back(std::move(raw));
    }
  }
  ChooseDefaultOffset(context, feed);
  feed.updated = ParseFeedDate(AttrNoCase(root, "lastmod"), context.default_offset);
}

}  // namespace pw::feed
