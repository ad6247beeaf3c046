// feed/feed.h: a parsed feed as plain values, whatever format it came in.
//
// RSS 0.9x/1.0/2.0, Atom and JSON Feed all become one Feed with Items. All
// strings are UTF-8. Titles and summaries are plain text (markup removed,
// entities decoded exactly once); `content` keeps the item's HTML, sanitized
// for display (feed/sanitize.h). Times are UTC.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace pw::feed {

enum class Format { kUnknown, kRss090, kRss091, kRss092, kRss20, kRss10, kAtom03, kAtom10, kJsonFeed };

// "rss20", "atom10", "json11", ... (feedparser's version names where they exist).
std::string_view FormatName(Format format);

struct Enclosure {
  std::string url;
  std::string type;
  std::int64_t length = 0;  // bytes, 0 when not given
};

struct Item {
  std::string key;   // stable identity: see feed/item_key.h
  std::string guid;  // as published (RSS guid, Atom id, JSON id); "" if none
  std::string title;
  std::string link;     // absolute
  std::string summary;  // plain text
  std::string content;  // HTML, sanitized; "" when the feed has only a summary
  std::vector<std::string> authors;
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
};

struct Feed {
  Format format = Format::kUnknown;
  std::string title;
  std::string link;  // the site, absolute
  std::string description;
  std::string language;  // as declared ("vi", "en-us"), "" if none
  std::optional<Timestamp> updated;
  std::optional<std::chrono::seconds> ttl;  // RSS <ttl>
  bool illformed = false;  // the bytes had to be recovered (feedparser's "bozo")
  std::string error;       // why, with the line: "line 12: Opening and ending tag mismatch"
  std::vector<Item> items;
  std::vector<std::string> warnings;  // items skipped and why
};

}  // namespace pw::feed
