// text/main_content.h: the article in a news page, without the page around it.
//
//   MainContentOptions options{.url = "https://vnexpress.net/x-4672302.html",
//                              .content_type = "text/html; charset=utf-8",
//                              .site_rules = &rules};   // optional
//   Result<MainContent> r = ExtractMainContent(page_bytes, options);
//   r->title        == "Ông Hồ Đức Phớc: Sẽ nâng mức giảm trừ gia cảnh ..."
//   r->published    == "2023-11-02T19:20:00+07:00"   (as written; feed::ParseFeedDate reads it)
//   r->paragraphs   == {"Bộ trưởng Tài chính Hồ Đức Phớc thừa nhận ...", "Thông tin trên được ...", ...}
//   r->Text()       == the paragraphs joined by "\n\n"
//
// How (docs/fulltext.md has the details and the figures):
//   1. The bytes are decoded as SniffCharset says (BOM, then the HTTP
//      header's charset, then the page's <meta charset>, else UTF-8) and
//      parsed with libxml2's HTML parser.
//   2. Metadata: text/page_metadata.h (JSON-LD, Open Graph, meta tags).
//   3. Scripts, styles, forms' controls, hidden elements, and what the site
//      rules drop are removed.
//   4. The body: the outlet's site rule when one applies and its body
//      selector finds text; else the generic extractor, in the way of
//      readability and trafilatura: paragraphs are scored by their length and
//      commas, their scores go to their ancestors, which are weighted by their
//      tag, their class and id (article, content, story up; comment, share,
//      related, sidebar, ad down) and their link density; the best ancestor
//      and its siblings that look like it are the article, cleaned of
//      navigation, related links, comments, share bars, ads, bylines and lists
//      of links. Pages where that finds little are tried again with fewer
//      removals, and the longest result wins.
//   5. The body becomes paragraphs (blocks; <br> is a line break inside one),
//      each normalized (NormalizeText); paragraphs that a site rule's
//      drop-text matches go. The site rule's lead (the outlet's "sapo") is the
//      first paragraph.
//
// The extractor never fails on a page it could parse: a page without an
// article gives no paragraphs, and the caller keeps its teaser. Input is
// bounded: libxml2 limits nesting to 256 elements; the work is linear in the
// page's size.
//
// Pure: no I/O; thread-safe; keeps nothing of its inputs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace pw::text {

class SiteRules;

struct MainContentOptions {
  std::string url;                        // the page's address: picks the site rule
  std::string content_type;               // the HTTP Content-Type header, for its charset; "" if none
  const SiteRules* site_rules = nullptr;  // nullptr: the generic extractor alone
};

struct MainContent {
  std::string title;                    // the site rule's, else og:title, JSON-LD headline, <h1>, <title>
  std::vector<std::string> authors;     // the site rule's, else JSON-LD, meta author
  std::string published;                // as written in the page; "" when none
  std::string language;                 // from the page's metadata ("vi", "en"); "" when none
  std::string description;              // og:description / meta description
  std::vector<std::string> paragraphs;  // the article's text, normalized, in order
  std::string method;                   // "site:vnexpress", "generic", "generic (site:x found nothing)"

  std::string Text() const;  // paragraphs joined by "\n\n"
};

// kMalformed when the bytes cannot be parsed as HTML at all (empty input).
Result<MainContent> ExtractMainContent(std::string_view page, const MainContentOptions& options);

// True when `input` is a whole HTML page (an <html> or <body> element, or a
// doctype) rather than a fragment of markup or plain text.
bool LooksLikeHtmlPage(std::string_view input);

}  // namespace pw::text
