// feed/feed.h: a parsed feed as plain values, whatever format it came in.
//
// RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 all become one Feed
// with Items. All strings are UTF-8 in Unicode NFC. Titles, summaries,
// descriptions and rights are plain text (markup removed, entities decoded
// exactly once, runs of whitespace collapsed to one space); `content` keeps
// the item's HTML, sanitized for display (feed/sanitize.h). URLs are absolute
// where a base was known (xml:base, the document URL). Times are UTC.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace pw::feed {

enum class Format {
  kUnknown,
  kRss090,
  kRss091,          // RSS 0.91 (UserLand)
  kRss091Netscape,  // RSS 0.91 with Netscape's DOCTYPE
  kRss092,
  kRss093,
  kRss094,
  kRss20,
  kRss,  // <rss> without a version we know
  kRss10,
  kAtom03,
  kAtom10,
  kCdf,  // Microsoft's Channel Definition Format
  kJsonFeed10,
  kJsonFeed11,
};

// feedparser's version names: "rss090", "rss091u", "rss091n", "rss092",
// "rss093", "rss094", "rss20", "rss" (a version we do not know), "rss10",
// "atom03", "atom10", "cdf", "json10", "json11"; "" for kUnknown.
std::string_view FormatName(Format format);

struct Person {
  std::string name;
  std::string email;
  std::string uri;
};

struct Link {
  std::string href;  // absolute
  std::string rel;   // "alternate" when the feed gives none
  std::string type;
  std::string title;
  std::string hreflang;
  std::int64_t length = 0;  // bytes, 0 when not given
};

struct Enclosure {
  std::string url;  // absolute
  std::string type;
  std::int64_t length = 0;  // bytes, 0 when not given
};

// Where an item first appeared: RSS <source url="...">, Atom <source>.
struct Source {
  std::string title;
  std::string url;
};

struct Item {
  std::string key;   // stable identity: see feed/item_key.h
  std::string guid;  // as published (RSS guid, Atom id, JSON id); "" if none
  std::string title;
  std::string link;     // absolute: the alternate link, else a permalink guid
  std::string summary;  // plain text
  std::string content;  // HTML, sanitized: the richest of content, description, summary
  std::string language;  // of the item's text: xml:lang, dc:language, else the feed's; "" if unknown
  std::vector<Person> authors;
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
  std::vector<Link> links;  // every <link> of the item, in document order
  std::optional<Source> source;
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
};

struct Feed {
  Format format = Format::kUnknown;
  std::string title;
  std::string link;  // the site, absolute
  std::string description;
  std::string language;  // as declared ("vi", "en-us"), "" if none
  std::string id;        // Atom id, JSON Feed feed_url; "" if none
  std::string rights;    // copyright, plain text
  std::string image;     // RSS <image><url>, Atom <logo>/<icon>, JSON Feed icon; absolute
  std::vector<Person> authors;
  std::vector<std::string> categories;
  std::vector<Link> links;
  std::optional<Timestamp> updated;
  std::optional<Timestamp> published;
  std::optional<std::chrono::seconds> ttl;  // RSS <ttl>
  std::string encoding;    // what the bytes were read as: "utf-8", "windows-1252", ...
  bool illformed = false;  // the bytes had to be recovered (feedparser's "bozo")
  std::string error;       // why, with the line: "line 12: Opening and ending tag mismatch"
  std::vector<Item> items;
  std::vector<std::string> warnings;  // what was repaired or skipped, and why
};

}  // namespace pw::feed
