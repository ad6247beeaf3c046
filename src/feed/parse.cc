#include "feed/parse.h"

#include <algorithm>

#include "common/url.h"
#include "feed/dates.h"
#include "feed/formats.h"
#include "feed/item_key.h"
#include "feed/sanitize.h"
#include "feed/xml_tree.h"

namespace pw::feed {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kRss090: return "rss090";
    case Format::kRss091: return "rss091";
    case Format::kRss092: return "rss092";
    case Format::kRss20: return "rss20";
    case Format::kRss10: return "rss10";
    case Format::kAtom03: return "atom03";
    case Format::kAtom10: return "atom10";
    case Format::kJsonFeed: return "json1";
    case Format::kUnknown: break;
  }
  return "unknown";
}

// Vietnamese outlets write local time without a zone; everyone else is
// assumed to mean UTC.
std::chrono::minutes OffsetForLanguage(const ReadContext& context, std::string_view language) {
  const std::string host = HostOf(context.document_url);
  const bool vietnamese = language.substr(0, 2) == "vi" ||
                          (host.size() > 3 && host.compare(host.size() - 3, 3, ".vn") == 0);
  return vietnamese ? std::chrono::hours(7) : std::chrono::minutes(0);
}

void FinishItems(std::vector<RawItem>& raws, const ReadContext& context, Feed& feed) {
  for (RawItem& raw : raws) {
    Item& item = raw.item;
    if (!item.link.empty()) item.link = ResolveUrl(raw.base, item.link);
    item.title = InlineText(raw.title_html);
    const std::string& richest = raw.content_html.empty() ? raw.summary_html : raw.content_html;
    item.content = SanitizeHtml(richest, raw.base);
    item.summary = InlineText(raw.summary_html.empty() ? raw.content_html : raw.summary_html);
    for (auto& e : item.enclosures) e.url = ResolveUrl(raw.base, e.url);
    item.published = ParseFeedDate(raw.published_text, context.default_offset);
    item.updated = ParseFeedDate(raw.updated_text, context.default_offset);
    if (!item.published) item.published = item.updated;
    if (item.title.empty() && item.link.empty() && item.summary.empty()) {
      feed.warnings.push_back("item " + std::to_string(feed.items.size() + 1) +
                              " has no title, link or text: skipped");
      continue;
    }
    item.key = ItemKey(item.guid, item.link, item.title, richest);
    feed.items.push_back(std::move(item));
  }
}

namespace {

std::string CharsetOf(std::string_view content_type) {
  std::string lower(content_type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  const auto pos = lower.find("charset=");
  if (pos == std::string::npos) return {};
  std::string charset = lower.substr(pos + 8);
  charset.erase(std::remove(charset.begin(), charset.end(), '"'), charset.end());
  if (auto end = charset.find_first_of("; "); end != std::string::npos) charset.resize(end);
  return charset;
}

bool HasBom(std::string_view body) {
  return body.rfind("\xEF\xBB\xBF", 0) == 0 || body.rfind("\xFE\xFF", 0) == 0 ||
         body.rfind("\xFF\xFE", 0) == 0;
}

}  // namespace

Result<Feed> Parse(std::string_view body, const ParseOptions& options) {
  ReadContext context;
  context.document_url = options.document_url;
  if (options.default_utc_offset) {
    context.default_offset = *options.default_utc_offset;
    context.offset_given = true;
  }
  const std::string source = options.document_url.empty() ? "feed" : options.document_url;
  std::vector<RawItem> raws;

  const auto first = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos) return Error::Malformed(source + ":1: empty document");
  if (body[first] == '{') {
    auto feed = ReadJsonFeed(body, context, raws);
    if (!feed) return feed;
    FinishItems(raws, context, *feed);
    return feed;
  }

  // RFC 7303: a BOM wins, then the HTTP charset, then the XML declaration.
  const std::string charset = HasBom(body) ? "" : CharsetOf(options.content_type);
  xml::ParsedXml parsed = xml::ParseXml(body, charset);
  const xmlNode* root = parsed.doc ? xmlDocGetRootElement(parsed.doc.get()) : nullptr;
  if (!root) {
    return Error::Malformed(source + ":" +
                            (parsed.first_error.empty() ? std::string("1: no XML element")
                                                        : parsed.first_error.substr(5)));
  }
  Feed feed;
  feed.illformed = !parsed.wellformed;
  feed.error = parsed.first_error;
  const std::string_view name = xml::LocalName(root);
  if (name == "rss" || name == "RDF") {
    ReadRss(root, context, feed, raws);
  } else if (name == "feed") {
    ReadAtom(root, context, feed, raws);
  } else if (name == "html" || name == "HTML") {
    return Error::Unsupported(source + ": an HTML page, not a feed");
  } else {
    return Error::Unsupported(source + ": <" + std::string(name) + "> is not a feed format we know");
  }
  FinishItems(raws, context, feed);
  return feed;
}

}  // namespace pw::feed
