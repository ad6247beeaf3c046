#include "feed/parse.h"

#include <algorithm>
#include <charconv>

#include "common/url.h"
#include "common/utf8.h"
#include "feed/charset.h"
#include "feed/dates.h"
#include "feed/formats.h"
#include "feed/item_key.h"
#include "feed/sanitize.h"
#include "feed/xml_tree.h"

namespace pw::feed {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kRss090: return "rss090";
    case Format::kRss091: return "rss091u";
    case Format::kRss091Netscape: return "rss091n";
    case Format::kRss092: return "rss092";
    case Format::kRss093: return "rss093";
    case Format::kRss094: return "rss094";
    case Format::kRss20: return "rss20";
    case Format::kRss: return "rss";
    case Format::kRss10: return "rss10";
    case Format::kAtom03: return "atom03";
    case Format::kAtom10: return "atom10";
    case Format::kCdf: return "cdf";
    case Format::kJsonFeed10: return "json10";
    case Format::kJsonFeed11: return "json11";
    case Format::kUnknown: break;
  }
  return "";
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsVietnameseHost(const std::string& url) {
  const std::string host = HostOf(url);
  return host == "vn" || EndsWith(host, ".vn");
}

// Cheap looks at the raw bytes, before they are decoded, for a feed that says
// it is Vietnamese: its legacy bytes are then windows-1258, not -1252.
bool DeclaresVietnamese(std::string_view body) {
  const std::string_view head = body.substr(0, 8192);
  return head.find("<language>vi") != std::string_view::npos ||
         head.find("xml:lang=\"vi") != std::string_view::npos ||
         head.find("xml:lang='vi") != std::string_view::npos ||
         head.find("\"language\":\"vi") != std::string_view::npos ||
         head.find("\"language\": \"vi") != std::string_view::npos;
}

// Media types a feed may be served as. Others (text/plain, text/html) are
// served by misconfigured servers: the feed is still read, with a warning.
bool IsFeedMediaType(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  type = xml::Trim(type);
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return type.empty() || EndsWith(type, "/xml") || EndsWith(type, "+xml") || EndsWith(type, "/json") ||
         EndsWith(type, "+json") || type.find("xml-") != std::string::npos || type == "application/octet-stream";
}

// The first <rss>, <feed> or <rdf:RDF> in an HTML page, near the top.
const xmlNode* FeedInsidePage(const xmlNode* html) {
  std::vector<std::pair<const xmlNode*, int>> queue{{html, 0}};
  for (size_t i = 0; i < queue.size() && i < 10000; ++i) {
    const auto [node, depth] = queue[i];
    for (const xmlNode* c = node->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = xml::LocalName(c);
      if (name == "rss" || name == "feed" || name == "RDF") return c;
      if (depth < 4) queue.emplace_back(c, depth + 1);
    }
  }
  return nullptr;
}

// The line of `error` ("line 12: ..."), for error messages that name the source.
std::string LineAndMessage(const std::string& error) {
  if (error.rfind("line ", 0) == 0) return error.substr(5);
  return "1: " + error;
}

// The text is UTF-8 now, whatever its XML declaration says; libxml2 is told
// so, but would still stumble on a label it does not know ("u16"), so any
// label but UTF-8's goes (copying the text: rare, and converted text is ours).
std::string_view WithoutDeclaredEncoding(std::string_view text, std::string& storage) {
  if (text.substr(0, 5) != "<?xml") return text;
  const size_t end = text.find("?>");
  const size_t pos = text.find("encoding", 5);
  if (end == std::string_view::npos || pos == std::string_view::npos || pos > end) return text;
  std::string label(text.substr(pos, end - pos));
  std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (label.find("utf-8") != std::string::npos || label.find("utf8") != std::string::npos) return text;
  storage.reserve(text.size());
  storage.assign(text.substr(0, pos));
  // Keep the declaration's line count (it is one line, but be exact).
  storage.append(static_cast<size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(pos),
                                                text.begin() + static_cast<std::ptrdiff_t>(end), '\n')),
                 '\n');
  storage.append(text.substr(end));
  return storage;
}

}  // namespace

namespace {

// Letters only Vietnamese writes: ă đ ơ ư and the tone-marked vowels of
// U+1EA0-U+1EF9 ("ệ", "ạ"), any case.
bool HasVietnameseLetters(std::string_view utf8) {
  for (size_t i = 0; i + 1 < utf8.size(); ++i) {
    const auto a = static_cast<unsigned char>(utf8[i]);
    const auto b = static_cast<unsigned char>(utf8[i + 1]);
    if (a == 0xC4 && (b == 0x82 || b == 0x83 || b == 0x90 || b == 0x91)) return true;  // Ă ă Đ đ
    if (a == 0xC6 && (b == 0xA0 || b == 0xA1 || b == 0xAF || b == 0xB0)) return true;  // Ơ ơ Ư ư
    if (a == 0xE1 && i + 2 < utf8.size()) {  // U+1EA0-U+1EF9: E1 BA A0 .. E1 BB B9
      const auto c = static_cast<unsigned char>(utf8[i + 2]);
      if ((b == 0xBA && c >= 0xA0) || (b == 0xBB && c <= 0xB9)) return true;
    }
  }
  return false;
}

}  // namespace

void ChooseDefaultOffset(ReadContext& context, const Feed& feed) {
  if (context.offset_given) return;
  const bool vietnamese = feed.language.substr(0, 2) == "vi" || IsVietnameseHost(context.document_url) ||
                          IsVietnameseHost(feed.link) || HasVietnameseLetters(feed.title) ||
                          HasVietnameseLetters(feed.description);
  context.default_offset = vietnamese ? std::chrono::hours(7) : std::chrono::minutes(0);
}

Person ParsePerson(std::string_view raw) {
  std::string text = CollapseSpaces(raw);
  Person p;
  auto strip_mailto = [](std::string s) { return s.rfind("mailto:", 0) == 0 ? s.substr(7) : s; };
  auto looks_like_email = [](std::string_view s) {
    return s.find('@') != std::string_view::npos && s.find(' ') == std::string_view::npos;
  };
  // "me@example.com (Name)" or "Name (me@example.com)"
  if (!text.empty() && text.back() == ')') {
    const size_t open = text.rfind('(');
    if (open != std::string::npos) {
      const std::string inside = xml::Trim(std::string_view(text).substr(open + 1, text.size() - open - 2));
      const std::string before = xml::Trim(std::string_view(text).substr(0, open));
      if (looks_like_email(strip_mailto(before))) {
        p.email = strip_mailto(before);
        p.name = inside;
        return p;
      }
      if (looks_like_email(strip_mailto(inside))) {
        p.name = before;
        p.email = strip_mailto(inside);
        return p;
      }
    }
  }
  // "Name <me@example.com>"
  if (!text.empty() && text.back() == '>') {
    const size_t open = text.rfind('<');
    if (open != std::string::npos) {
      const std::string inside = xml::Trim(std::string_view(text).substr(open + 1, text.size() - open - 2));
      if (looks_like_email(strip_mailto(inside))) {
        p.name = xml::Trim(std::string_view(text).substr(0, open));
        p.email = strip_mailto(inside);
        return p;
      }
    }
  }
  if (looks_like_email(strip_mailto(text))) {
    p.email = strip_mailto(text);
    return p;
  }
  p.name = std::move(text);
  return p;
}

std::string NormalizeLanguage(std::string_view tag) {
  std::string out = xml::Trim(tag);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

std::int64_t ParseLength(std::string_view text) {
  const std::string trimmed = xml::Trim(text);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (ec != std::errc() || end != trimmed.data() + trimmed.size() || value < 0) return 0;
  return value;
}

std::string PlainText(const TextConstruct& text) {
  std::string out = text.is_html ? InlineText(text.value()) : CollapseSpaces(text.value());
  MapC1Controls(out);
  RepairDoubleEncoding(out);
  return out;
}

namespace {

// Clears a URL that must not be followed (javascript:, data:, ...); the
// first one of an item or feed is named in `dropped`.
void DropUnsafe(std::string& url, std::string& dropped) {
  if (url.empty() || IsSafeUrl(url)) return;
  if (dropped.empty()) dropped = url.substr(0, 40);
  url.clear();
}

void DropUnsafeLinks(std::vector<Link>& links, std::string& dropped) {
  for (Link& l : links) DropUnsafe(l.href, dropped);
  links.erase(std::remove_if(links.begin(), links.end(), [](const Link& l) { return l.href.empty(); }), links.end());
}

void SayDropped(const std::string& dropped, std::string_view what, std::vector<std::string>& warnings) {
  if (!dropped.empty()) warnings.push_back(std::string(what) + ": unsafe URL dropped ('" + dropped + "')");
}

}  // namespace

void FinishFeed(Feed& feed) {
  std::string dropped;
  DropUnsafe(feed.link, dropped);
  DropUnsafe(feed.image, dropped);
  DropUnsafeLinks(feed.links, dropped);
  for (Person& p : feed.authors) DropUnsafe(p.uri, dropped);
  SayDropped(dropped, "feed", feed.warnings);
  MapC1Controls(feed.title);
  RepairDoubleEncoding(feed.title);
}

void FinishItems(std::vector<RawItem>& raws, const ReadContext& context, Feed& feed) {
  size_t index = 0;
  int repaired = 0;
  for (RawItem& raw : raws) {
    ++index;
    Item& item = raw.item;
    item.language = NormalizeLanguage(item.language);
    item.title = raw.title.is_html ? InlineText(raw.title.value()) : CollapseSpaces(raw.title.value());
    const auto blank = [](std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; };
    const TextConstruct& richest = raw.content.present && !blank(raw.content.value()) ? raw.content : raw.summary;
    SanitizedHtml html;
    const bool summary_elsewhere = raw.summary.present && &richest != &raw.summary;
    if (richest.is_html) {
      html = SanitizeHtml(richest.value(), richest.base, !summary_elsewhere);
    } else {
      html.html = EscapeHtml(xml::Trim(richest.value()));
      html.text = CollapseSpaces(richest.value());
      MapC1Controls(html.html);
      MapC1Controls(html.text);
    }
    item.content = xml::Trim(html.html);
    if (summary_elsewhere) {
      item.summary = raw.summary.is_html ? InlineText(raw.summary.value()) : CollapseSpaces(raw.summary.value());
    } else {
      item.summary = std::move(html.text);
    }
    MapC1Controls(item.title);
    const bool fixed_title = RepairDoubleEncoding(item.title);
    const bool fixed_summary = RepairDoubleEncoding(item.summary);
    const bool fixed_content = RepairDoubleEncoding(item.content);
    if (fixed_title || fixed_summary || fixed_content) ++repaired;

    item.published = ParseFeedDate(raw.published_text, context.default_offset);
    item.updated = ParseFeedDate(raw.updated_text, context.default_offset);
    for (const std::string* text : {&raw.published_text, &raw.updated_text}) {
      if (!text->empty() && !ParseFeedDate(*text, context.default_offset))
        feed.warnings.push_back("item " + std::to_string(index) + ": date '" + *text + "' not understood");
    }
    if (!item.published) item.published = item.updated;
    if (item.title.empty() && item.link.empty() && item.summary.empty() && item.content.empty() &&
        item.guid.empty() && item.enclosures.empty() && item.links.empty() && item.authors.empty() &&
        item.categories.empty() && !item.published && !item.source && item.language.empty()) {
      feed.warnings.push_back("item " + std::to_string(index) + " is empty: skipped");
      continue;
    }
    if (!item.published)
      feed.warnings.push_back("item " + std::to_string(index) + " has no usable date: its first-seen time stands in");
    std::string dropped;
    DropUnsafe(item.link, dropped);
    DropUnsafeLinks(item.links, dropped);
    for (Person& p : item.authors) DropUnsafe(p.uri, dropped);
    for (Enclosure& e : item.enclosures) DropUnsafe(e.url, dropped);
    item.enclosures.erase(std::remove_if(item.enclosures.begin(), item.enclosures.end(),
                                         [](const Enclosure& e) { return e.url.empty(); }),
                          item.enclosures.end());
    if (item.source) DropUnsafe(item.source->url, dropped);
    SayDropped(dropped, "item " + std::to_string(index), feed.warnings);
    item.key = ItemKey(item.guid, item.link, item.title, item.content);
    feed.items.push_back(std::move(item));
  }
  if (repaired > 0)
    feed.warnings.push_back(std::to_string(repaired) + " item(s) had text double-encoded as UTF-8: repaired");
}

Result<Feed> Parse(std::string_view body, const ParseOptions& options) {
  const std::string source = options.document_url.empty() ? "feed" : options.document_url;
  if (body.size() > options.max_bytes)
    return Error::TooLarge(source + ": " + std::to_string(body.size()) + " bytes, over the parser's limit of " +
                           std::to_string(options.max_bytes));
  ReadContext context;
  context.document_url = options.document_url;
  if (!options.content_location.empty()) {
    const std::string resolved = options.document_url.empty()
                                     ? options.content_location
                                     : ResolveUrl(options.document_url, xml::Trim(options.content_location));
    // Only a web location: "javascript:/x" must not become every link's base.
    if (resolved.rfind("http://", 0) == 0 || resolved.rfind("https://", 0) == 0) context.document_url = resolved;
  }
  context.content_language = xml::Trim(options.content_language.substr(0, options.content_language.find(',')));
  if (options.default_utc_offset) {
    context.default_offset = *options.default_utc_offset;
    context.offset_given = true;
  }

  DecodeOptions decode;
  decode.http_charset = CharsetParameter(options.content_type);
  decode.vietnamese = IsVietnameseHost(options.document_url) || DeclaresVietnamese(body) ||
                      (options.default_utc_offset && *options.default_utc_offset == std::chrono::hours(7));
  const DecodedText decoded = DecodeFeedBytes(body, decode);
  const std::string_view text = decoded.utf8();
  std::vector<std::string> warnings;
  if (!IsFeedMediaType(options.content_type))
    warnings.push_back("served as '" + options.content_type + "', not a feed's media type");

  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return Error::Malformed(source + ":1: empty document");
  // Said as what it is: libxml2 would report the first stray byte of an
  // image or an archive as if the document were a broken feed.
  if (LooksBinary(text)) {
    const bool gzip = body.size() >= 2 && body[0] == '\x1f' && body[1] == '\x8b';
    return Error::Malformed(source + ":1: " + (gzip ? "gzip-compressed data" : "binary data") + ", not a feed");
  }
  std::vector<RawItem> raws;
  if (text[first] == '{') {
    auto feed = ReadJsonFeed(text, context, raws);
    if (!feed) return feed;
    feed->encoding = decoded.encoding;
    feed->illformed = !decoded.problem.empty();
    feed->error = decoded.problem;
    feed->warnings.insert(feed->warnings.begin(), warnings.begin(), warnings.end());
    FinishFeed(*feed);
    FinishItems(raws, context, *feed);
    return feed;
  }

  // Netscape's RSS 0.91 names its DTD; the DOCTYPE is gone after parsing.
  const size_t doctype = text.find("<!DOCTYPE");
  context.netscape_doctype = doctype != std::string::npos && doctype < 2048 &&
                             text.find("Netscape", doctype) < doctype + 200;
  std::string storage;
  xml::ParsedXml parsed = xml::ParseXml(WithoutDeclaredEncoding(text, storage));
  const xmlNode* root = parsed.doc ? xmlDocGetRootElement(parsed.doc.get()) : nullptr;
  if (!root) {
    return Error::Malformed(source + ":" +
                            (parsed.first_error.empty() ? std::string("1: no XML element")
                                                        : LineAndMessage(parsed.first_error)));
  }
  Feed feed;
  feed.encoding = decoded.encoding;
  feed.illformed = !parsed.wellformed || !decoded.problem.empty();
  feed.error = !decoded.problem.empty() ? decoded.problem : parsed.first_error;
  feed.warnings = std::move(warnings);
  if (xml::LocalName(root) == "html" || xml::LocalName(root) == "HTML") {
    // A feed saved from a browser, or served inside a page: read the feed.
    if (const xmlNode* inner = FeedInsidePage(root)) {
      feed.warnings.push_back("the feed is wrapped in an HTML page: read from its <" +
                              std::string(xml::LocalName(inner)) + ">");
      root = inner;
    }
  }
  const std::string_view name = xml::LocalName(root);
  if (name == "rss" || name == "RDF") {
    ReadRss(root, context, feed, raws);
  } else if (name == "feed") {
    ReadAtom(root, context, feed, raws);
  } else if (name == "entry" && xml::NamespaceUri(root) == "http://www.w3.org/2005/Atom") {
    ReadAtomEntryDocument(root, context, feed, raws);
  } else if (name == "CHANNEL" || name == "channel") {
    ReadCdf(root, context, feed, raws);
  } else if (name == "html" || name == "HTML") {
    return Error::Unsupported(source + ": an HTML page, not a feed");
  } else {
    return Error::Unsupported(source + ": <" + std::string(name) + "> is not a feed format we know");
  }
  feed.language = NormalizeLanguage(feed.language);
  FinishFeed(feed);
  FinishItems(raws, context, feed);
  return feed;
}

}  // namespace pw::feed
