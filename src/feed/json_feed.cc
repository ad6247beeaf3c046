// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/), on Boost.JSON.
#include <boost/json.hpp>

#include "common/url.h"
#include "feed/dates.h"
#include "feed/formats.h"
#include "feed/sanitize.h"

namespace pw::feed {

namespace json = boost::json;

namespace {

std::string GetString(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return {};
  return std::string(it->value().get_string());
}

Person ReadAuthor(const json::object& a, const std::string& base) {
  Person p{GetString(a, "name"), {}, GetString(a, "url")};
  if (p.uri.rfind("mailto:", 0) == 0) {
    p.email = p.uri.substr(7);
    p.uri.clear();
  } else if (!p.uri.empty()) {
    p.uri = ResolveUrl(base, p.uri);
  }
  return p;
}

// 1.1's "authors" array, else 1.0's "author" object.
void AddAuthors(const json::object& o, const std::string& base, std::vector<Person>& out) {
  if (auto it = o.find("authors"); it != o.end() && it->value().is_array()) {
    for (const auto& a : it->value().get_array())
      if (a.is_object())
        if (Person p = ReadAuthor(a.get_object(), base); !p.name.empty() || !p.uri.empty() || !p.email.empty())
          out.push_back(std::move(p));
  } else if (auto one = o.find("author"); one != o.end() && one->value().is_object()) {
    if (Person p = ReadAuthor(one->value().get_object(), base); !p.name.empty() || !p.uri.empty() || !p.email.empty())
      out.push_back(std::move(p));
  }
}

std::int64_t Size(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return 0;
  if (it->value().is_int64()) return std::max<std::int64_t>(0, it->value().get_int64());
  if (it->value().is_uint64()) return static_cast<std::int64_t>(it->value().get_uint64() >> 1);
  if (it->value().is_string()) return ParseLength(it->value().get_string());
  return 0;
}

}  // namespace

Result<Feed> ReadJsonFeed(std::string_view body, ReadContext& context, std::vector<RawItem>& items) {
  const std::string source = context.document_url.empty() ? "feed" : context.document_url;
  boost::system::error_code ec;
  // Depth bounded as for XML; Boost.JSON's default is 32, JSON Feed needs 4.
  json::parse_options options;
  options.max_depth = 64;
  json::value doc = json::parse(body, ec, {}, options);
  if (ec) return Error::Malformed(source + ":1: not valid JSON: " + ec.message());
  if (!doc.is_object()) return Error::Malformed(source + ":1: a JSON Feed must be an object");
  const json::object& root = doc.get_object();
  const std::string version = GetString(root, "version");
  if (version.find("jsonfeed.org/version/") == std::string::npos)
    return Error::Unsupported(source + ": a JSON document, but not a JSON Feed (no jsonfeed.org version)");
  Feed feed;
  feed.format = version.find("/version/1.1") != std::string::npos ? Format::kJsonFeed11 : Format::kJsonFeed10;
  const std::string& base = context.document_url;
  // Plain text by the spec; HTML entities in them are common all the same
  // ("Blog &#8211; InfluxData"), read as RSS titles are read.
  const std::string title = GetString(root, "title");
  feed.title = LooksLikeHtml(title) ? InlineText(title) : CollapseSpaces(title);
  feed.link = GetString(root, "home_page_url");
  if (!feed.link.empty()) feed.link = ResolveUrl(base, feed.link);
  feed.id = GetString(root, "feed_url");
  feed.description = InlineText(GetString(root, "description"));
  feed.language = GetString(root, "language");
  feed.image = GetString(root, "icon");
  if (feed.image.empty()) feed.image = GetString(root, "favicon");
  if (!feed.image.empty()) feed.image = ResolveUrl(base, feed.image);
  if (!feed.link.empty()) feed.links.push_back({feed.link, "alternate", "text/html", "", "", 0});
  if (!feed.id.empty()) feed.links.push_back({ResolveUrl(base, feed.id), "self", "application/feed+json", "", "", 0});
  AddAuthors(root, base, feed.authors);
  ChooseDefaultOffset(context, feed);
  auto it = root.find("items");
  if (it == root.end()) return feed;
  if (!it->value().is_array()) {
    // JSON Feed's items are an array: anything else holds no item we can read.
    feed.warnings.push_back("items is not an array: no items read");
    return feed;
  }
  size_t index = 0;
  for (const auto& v : it->value().get_array()) {
    ++index;
    if (!v.is_object()) {
      feed.warnings.push_back("item " + std::to_string(index) + " is not an object: skipped");
      continue;
    }
    const json::object& o = v.get_object();
    RawItem raw;
    raw.base = base;
    Item& item = raw.item;
    if (auto id = o.find("id"); id != o.end()) {
      // 1.0 allowed numbers; 1.1 says strings. Both identify.
      if (id->value().is_string()) item.guid = std::string(id->value().get_string());
      else if (id->value().is_number()) item.guid = json::serialize(id->value());
    }
    item.link = GetString(o, "url");
    if (item.link.empty()) item.link = GetString(o, "external_url");
    if (!item.link.empty()) {
      item.link = ResolveUrl(base, item.link);
      item.links.push_back({item.link, "alternate", "text/html", "", "", 0});
    }
    if (const std::string external = GetString(o, "external_url"); !external.empty())
      item.links.push_back({ResolveUrl(base, external), "related", "", "", "", 0});
    // Owned copies: the JSON document is gone when FinishItems reads them.
    auto construct = [&](std::string_view key, bool is_html) {
      TextConstruct t;
      t.Set(GetString(o, key));
      t.is_html = is_html || LooksLikeHtml(t.value());
      t.base = base;
      t.present = o.contains(key);
      return t;
    };
    raw.title = construct("title", false);
    raw.summary = construct("summary", false);
    if (o.contains("content_html")) {
      raw.content = construct("content_html", true);
    } else if (o.contains("content_text")) {
      raw.content = construct("content_text", false);
      raw.content.is_html = false;  // text, whatever it looks like
    }
    raw.published_text = GetString(o, "date_published");
    raw.updated_text = GetString(o, "date_modified");
    AddAuthors(o, base, item.authors);
    if (item.authors.empty()) item.authors = feed.authors;  // 1.1: the feed's authors are the items'
    item.language = GetString(o, "language");
    if (item.language.empty()) item.language = feed.language;
    if (auto tags = o.find("tags"); tags != o.end() && tags->value().is_array())
      for (const auto& t : tags->value().get_array())
        if (t.is_string())
          if (std::string tag = CollapseSpaces(t.get_string()); !tag.empty()) item.categories.push_back(std::move(tag));
    if (auto att = o.find("attachments"); att != o.end() && att->value().is_array())
      for (const auto& a : att->value().get_array()) {
        if (!a.is_object()) continue;
        const json::object& ao = a.get_object();
        Enclosure e{GetString(ao, "url"), GetString(ao, "mime_type"), Size(ao, "size_in_bytes")};
        if (e.url.empty()) continue;
        e.url = ResolveUrl(base, e.url);
        item.links.push_back({e.url, "enclosure", e.type, GetString(ao, "title"), "", e.length});
        item.enclosures.push_back(std::move(e));
      }
    if (const std::string image = GetString(o, "image"); !image.empty())
      item.enclosures.push_back({ResolveUrl(base, image), "", 0});
    items.push_back(std::move(raw));
  }
  return feed;
}

}  // namespace pw::feed
