// feed/parse.h: bytes of a feed in, a Feed out.
//
//   ParseOptions opts{.document_url = "https://vnexpress.net/rss/kinh-doanh.rss"};
//   Result<Feed> feed = Parse(body, opts);
//
// The format is detected from the content (RSS, RDF, Atom, or JSON Feed), not
// from the Content-Type. Pure: no I/O (the XML parser is forbidden network
// and external entities), no globals, no logging; safe on any thread. `body`
// is not retained.
//
// Ill-formed XML is recovered where libxml2 can, and the Feed says so
// (illformed, error). Returns kMalformed only when nothing feed-like can be
// read at all, message "<source>:<line>: <why>"; kUnsupported for a document
// that is well-formed but not a feed (an HTML page served instead).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/error.h"
#include "feed/feed.h"

namespace pw::feed {

struct ParseOptions {
  std::string document_url;  // base for relative links; also names the source in errors
  std::string content_type;  // the HTTP Content-Type, for its charset; "" if none
  // Offset of dates written without a zone. Unset: +07:00 when the feed
  // declares a Vietnamese language or comes from a .vn host, else UTC.
  std::optional<std::chrono::minutes> default_utc_offset;
};

Result<Feed> Parse(std::string_view body, const ParseOptions& options);

}  // namespace pw::feed
