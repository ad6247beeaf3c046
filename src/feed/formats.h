// feed/formats.h: the per-format readers behind feed::Parse. Internal to pw_feed.
//
// Each reader fills a Feed from one document; Parse (parse.cc) detects the
// format, calls the reader, and then finishes every item the same way
// (FinishItems: absolute links, stable keys, sanitized content).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <libxml/tree.h>

#include "common/error.h"
#include "feed/feed.h"

namespace pw::feed {

struct ReadContext {
  std::string document_url;
  std::chrono::minutes default_offset{0};
  bool offset_given = false;  // the caller fixed the offset; the feed's language may not change it
};

// Raw material of an item before FinishItems: HTML still unsanitized.
struct RawItem {
  Item item;
  std::string base;          // effective base URI for this item's links and HTML
  std::string title_html;    // as published (may hold markup)
  std::string summary_html;  // description / summary
  std::string content_html;  // content:encoded / content
  std::string published_text, updated_text;
};

// RSS 0.9x, 2.0 (root <rss>) and RSS 0.90 / 1.0 (root <rdf:RDF>).
void ReadRss(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items);
// Atom 0.3 and 1.0 (root <feed>).
void ReadAtom(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items);
// JSON Feed 1.0 / 1.1.
Result<Feed> ReadJsonFeed(std::string_view body, ReadContext& context, std::vector<RawItem>& items);

// Turns raw items into finished ones, in order, appending to feed.items.
void FinishItems(std::vector<RawItem>& items, const ReadContext& context, Feed& feed);

}  // namespace pw::feed
