// text/page_metadata.h: what a news page says about itself in its markup.
//
// Read from these sources; for each field the first source that has it gives
// it, in this order, except the title, for which og:title comes first (the
// JSON-LD headline is often cut at 110 characters):
//   - JSON-LD (<script type="application/ld+json">): the NewsArticle, Article,
//     BlogPosting, ReportageNewsArticle, ... object, also inside "@graph" or an
//     array: headline, author (names of persons, else of organisations),
//     datePublished, dateModified, inLanguage, description, articleBody,
//     publisher.name;
//   - Open Graph and article: meta properties (og:title, og:description,
//     og:locale, og:site_name, og:url, article:published_time,
//     article:modified_time, article:author when it is a name, not a URL);
//   - other meta tags (author, description, pubdate, publishdate, date,
//     dc.date, dc.creator, parsely-*, sailthru.*, itemprop=datePublished,
//     twitter:title, content-language) and <time itemprop=datePublished>,
//     <time pubdate>;
//   - <html lang>, <title>, <link rel=canonical>.
//
// Dates are returned as the page writes them ("2023-11-02T19:20:00+07:00",
// "Thứ năm, 2/11/2023, 19:20 (GMT+7)"): parse them with feed::ParseFeedDate,
// the one date reader of the project. Language is the primary subtag,
// lower-case ("vi" from "vi-VN" or "vi_VN"). Titles keep the site's suffix
// ("... - VnExpress"): that is for the caller, who knows the page's h1.
//
// Pure; thread-safe. Malformed JSON-LD is skipped (JSON with raw line breaks
// in strings, comments or trailing commas is read, as pages write it).
#pragma once

#include <string>
#include <vector>

struct _xmlDoc;  // libxml2's document, declared by <libxml/tree.h>

namespace pw::text {

struct PageMetadata {
  std::string title;  // og:title, JSON-LD headline, twitter:title, <title>
  std::vector<std::string> authors;
  std::string published;  // as written; "" when none
  std::string modified;
  std::string language;  // "vi", "en"; "" when none
  std::string description;
  std::string site_name;
  std::string canonical_url;
  std::string article_body;  // JSON-LD articleBody, plain text; "" when none
};

PageMetadata ReadPageMetadata(const _xmlDoc* doc);

}  // namespace pw::text
