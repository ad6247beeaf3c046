// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/), on Boost.JSON.
#include <boost/json.hpp>

#include "feed/formats.h"

namespace pw::feed {

namespace json = boost::json;

namespace {

std::string GetString(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return {};
  return std::string(it->value().get_string());
}

void AddAuthors(const json::object& o, std::vector<std::string>& out) {
  if (auto it = o.find("authors"); it != o.end() && it->value().is_array()) {
    for (const auto& a : it->value().get_array())
      if (a.is_object())
        if (std::string name = GetString(a.get_object(), "name"); !name.empty()) out.push_back(name);
  } else if (auto one = o.find("author"); one != o.end() && one->value().is_object()) {
    if (std::string name = GetString(one->value().get_object(), "name"); !name.empty())
      out.push_back(name);
  }
}

}  // namespace

std::chrono::minutes OffsetForLanguage(const ReadContext& context, std::string_view language);

Result<Feed> ReadJsonFeed(std::string_view body, ReadContext& context, std::vector<RawItem>& items) {
  boost::system::error_code ec;
  json::value doc = json::parse(body, ec);
  if (ec) return Error::Malformed(context.document_url + ": not valid JSON: " + ec.message());
  if (!doc.is_object()) return Error::Malformed(context.document_url + ": JSON Feed must be an object");
  const json::object& root = doc.get_object();
  const std::string version = GetString(root, "version");
  if (version.find("jsonfeed.org") == std::string::npos)
    return Error::Unsupported(context.document_url + ": JSON document is not a JSON Feed");
  Feed feed;
  feed.format = Format::kJsonFeed;
  feed.title = GetString(root, "title");
  feed.link = GetString(root, "home_page_url");
  feed.description = GetString(root, "description");
  feed.language = GetString(root, "language");
  if (!context.offset_given) context.default_offset = OffsetForLanguage(context, feed.language);
  auto it = root.find("items");
  if (it == root.end() || !it->value().is_array()) return feed;
  for (const auto& v : it->value().get_array()) {
    if (!v.is_object()) {
      feed.warnings.push_back("item that is not an object, skipped");
      continue;
    }
    const json::object& o = v.get_object();
    RawItem raw;
    raw.base = context.document_url;
    if (auto id = o.find("id"); id != o.end()) {
      if (id->value().is_string()) raw.item.guid = std::string(id->value().get_string());
      else if (id->value().is_number()) raw.item.guid = json::serialize(id->value());
    }
    raw.item.link = GetString(o, "url");
    raw.title_html = GetString(o, "title");
    raw.summary_html = GetString(o, "summary");
    raw.content_html = GetString(o, "content_html");
    if (raw.content_html.empty()) {
      const std::string text = GetString(o, "content_text");
      for (char c : text) {
        if (c == '&') raw.content_html += "&amp;";
        else if (c == '<') raw.content_html += "&lt;";
        else raw.content_html += c;
      }
    }
    raw.published_text = GetString(o, "date_published");
    raw.updated_text = GetString(o, "date_modified");
    AddAuthors(o, raw.item.authors);
    if (auto tags = o.find("tags"); tags != o.end() && tags->value().is_array())
      for (const auto& t : tags->value().get_array())
        if (t.is_string()) raw.item.categories.emplace_back(t.get_string());
    if (auto att = o.find("attachments"); att != o.end() && att->value().is_array())
      for (const auto& a : att->value().get_array()) {
        if (!a.is_object()) continue;
        Enclosure e{GetString(a.get_object(), "url"), GetString(a.get_object(), "mime_type"), 0};
        if (auto size = a.get_object().find("size_in_bytes");
            size != a.get_object().end() && size->value().is_int64())
          e.length = size->value().get_int64();
        if (!e.url.empty()) raw.item.enclosures.push_back(std::move(e));
      }
    items.push_back(std::move(raw));
  }
  return feed;
}

}  // namespace pw::feed
