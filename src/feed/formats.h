// feed/formats.h: the per-format readers behind feed::Parse. Internal to pw_feed.
//
// Each reader fills a Feed and raw items from one document; Parse (parse.cc)
// decodes the bytes, detects the format, calls the reader, and then finishes
// every item the same way (FinishItems: text constructs to plain text or
// sanitized HTML, dates, stable keys).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "common/error.h"
#include "feed/feed.h"

namespace pw::feed {

struct ReadContext {
  std::string document_url;  // the base of the document (Content-Location applied)
  std::string content_language;  // the HTTP Content-Language, "" if none
  std::chrono::minutes default_offset{0};
  bool offset_given = false;  // the caller fixed the offset; the feed's language may not change it
  bool netscape_doctype = false;  // the document declared Netscape's RSS 0.91 DTD
};

// A title, summary or content as published: plain text or HTML, with the base
// its relative links resolve against.
struct TextConstruct {
  // The text: a view of the document's one text node for it when there is
  // one (no copy; valid while the parsed document lives, which is until
  // FinishItems returns), else `owned`.
  std::string_view value() const { return borrowed ? view : std::string_view(owned); }
  void Set(std::string text) {
    owned = std::move(text);
    borrowed = false;
  }
  void Borrow(std::string_view text) {
    view = text;
    borrowed = true;
  }

  std::string owned;
  std::string_view view;
  bool borrowed = false;
  bool is_html = false;
  std::string base;
  bool present = false;  // the element was there (even if empty)
};

// An item before FinishItems.
struct RawItem {
  Item item;             // guid, link, authors, categories, enclosures, links, source, language
  std::string base;      // the item's base URI, for its links
  TextConstruct title;
  TextConstruct summary;  // description / summary
  TextConstruct content;  // content:encoded / content / xhtml:body
  std::string published_text, updated_text;
};

// RSS 0.9x, 2.0 (root <rss>) and RSS 0.90 / 1.0 (root <rdf:RDF>).
void ReadRss(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items);
// Atom 0.3 and 1.0 (root <feed>).
void ReadAtom(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items);
// An Atom Entry Document (RFC 4287 section 2: root <entry>): a feed of one item.
void ReadAtomEntryDocument(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items);
// Microsoft's Channel Definition Format (root <CHANNEL>), as IE 4 feeds had it.
void ReadCdf(const xmlNode* root, ReadContext& context, Feed& feed, std::vector<RawItem>& items);
// JSON Feed 1.0 / 1.1.
Result<Feed> ReadJsonFeed(std::string_view body, ReadContext& context, std::vector<RawItem>& items);

// Feed-level checks after a reader: unsafe URLs dropped (with a warning).
void FinishFeed(Feed& feed);
// Turns raw items into finished ones, in order, appending to feed.items.
void FinishItems(std::vector<RawItem>& items, const ReadContext& context, Feed& feed);

// Shared by the readers.
std::string PlainText(const TextConstruct& text);
// The offset for dates without a zone: +07:00 for a Vietnamese outlet's
// feed (its language is vi, its document or site is on a .vn host, or its
// title or description is written in Vietnamese), else UTC; the caller's
// choice when it made one. Reads feed.language, link, title, description.
void ChooseDefaultOffset(ReadContext& context, const Feed& feed);
// "Name <email>", "email (Name)", "Name", "email" as a Person.
Person ParsePerson(std::string_view text);
std::int64_t ParseLength(std::string_view text);
// A language tag as BCP 47 writes it: "en_US" -> "en-US".
std::string NormalizeLanguage(std::string_view tag);

}  // namespace pw::feed
