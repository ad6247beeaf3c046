// feed/parse.h: bytes of a feed in, a Feed out.
//
//   ParseOptions opts{.document_url = "https://vnexpress.net/rss/kinh-doanh.rss",
//                     .content_type = "application/rss+xml; charset=utf-8"};
//   Result<Feed> feed = Parse(body, opts);
//
// The format is detected from the content (RSS, RDF, Atom feed or entry
// document, CDF, or JSON Feed), not from the Content-Type. The bytes are decoded as feed/charset.h says (BOM,
// HTTP charset, XML declaration, then checks and repairs), the XML repaired
// as feed/xml_repair.h says, then parsed by libxml2 in recovery mode.
//
// Pure: no I/O (no DTD, no external entity, no network), no globals, no
// logging; safe on any thread. `body` is not retained. Time and memory are
// bounded by the size of `body`: bodies over `max_bytes` are refused, entity
// expansion is capped, nesting is capped at 256 levels (libxml2's default).
//
// What could not be read as published is said, never hidden:
//   - Feed::illformed and Feed::error (the first problem, "line 12: ...")
//     when the bytes had to be repaired or recovered: wrong encoding, bare
//     '&', HTML entities, mismatched tags, truncated documents;
//   - Feed::warnings for items skipped (nothing in them), dates that could
//     not be read (the item's `published` is then empty and the caller uses
//     its first-seen time), text repaired from double-encoded UTF-8, and a
//     Content-Type that is not a feed's.
// Errors: kMalformed "<source>:<line>: <why>" only when nothing feed-like
// can be read at all (empty, not XML, not JSON); kUnsupported for a
// well-formed document that is not a feed (an HTML page served instead,
// a JSON document that is not a JSON Feed); kTooLarge over `max_bytes`.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "feed/feed.h"

namespace pw::feed {

struct ParseOptions {
  std::string document_url;  // base for relative links; also names the source in errors
  std::string content_type;  // the HTTP Content-Type, for its charset; "" if none
  // The HTTP Content-Location, resolved against document_url: the base for
  // relative links when given (RFC 7231 section 3.1.4.2); "" if none.
  std::string content_location;
  // The HTTP Content-Language: the feed's language when the document
  // declares none; "" if none.
  std::string content_language;
  // Offset of dates written without a zone. Unset: +07:00 when the feed
  // declares a Vietnamese language or comes from a .vn host, else UTC.
  std::optional<std::chrono::minutes> default_utc_offset;
  // Bodies larger than this are refused with kTooLarge (the parse tree takes
  // a few times the body's size).
  size_t max_bytes = 64u << 20;
};

Result<Feed> Parse(std::string_view body, const ParseOptions& options);

}  // namespace pw::feed
