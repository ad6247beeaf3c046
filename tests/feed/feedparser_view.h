// tests/feed/feedparser_view.h: our Feed seen the way feedparser's test
// expectations address a result, for the conformance harness
// (tests/feed/conformance_test.cc). Test code only.
//
// feedparser's result is a dict: {"bozo", "encoding", "version", "feed":
// {...}, "entries": [{...}]}. ToFeedparserShape builds the part of it our
// model can express, with feedparser's key names; ExpressibleKind says,
// for a path pattern such as "entries/#/links/#/href", whether our model has
// that field and how its values compare:
//   kText  titles, summaries, subtitles, rights: ours is plain text, so the
//          expected value is compared as the text a reader sees (markup of
//          HTML elements removed, entities decoded), whitespace collapsed;
//   kHtml  content: both sides parsed as HTML and written back canonically
//          (attributes sorted, whitespace collapsed, comments dropped);
//   kEncoding  encoding names, through an alias table (gb2312 = gb18030);
//   kDate  *_parsed: the instant, from the manifest's value_utc;
//   kExact everything else (links, ids, languages, versions, lengths).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "feed/feed.h"

namespace pw::feed::conformance {

enum class FieldKind { kText, kHtml, kEncoding, kDate, kExact, kBool, kList, kDict };

boost::json::object ToFeedparserShape(const Feed& feed);

// "feed/title", "entries/#/content/#/value", ...: nullopt when our model has
// no such field.
std::optional<FieldKind> ExpressibleKind(const std::string& pattern);

// Text as a reader sees it: HTML decoded when `s` holds markup of known HTML
// elements or entity references, whitespace (and U+00A0) collapsed.
std::string ReaderText(std::string_view s);
// Whitespace (and U+00A0) collapsed, trimmed.
std::string CollapsedText(std::string_view s);
// HTML written back canonically, for comparing two fragments.
std::string CanonicalHtml(std::string_view html);
// Whether `s` holds a tag of a known HTML element or an entity reference.
bool HoldsHtml(std::string_view s);
bool SameEncoding(std::string_view ours, std::string_view expected);

}  // namespace pw::feed::conformance
