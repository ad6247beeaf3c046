// text/generic_extractor.h: finds the article in a page without knowing the
// site, in the way of readability (arc90, Mozilla's Readability.js) with
// trafilatura's pruning of boilerplate. Internal to text/ (main_content.cc);
// works on libxml2's tree.
//
//   GenericArticle a = FindArticle(body);
//   for (const xmlNode* root : a.roots) AppendParagraphs(root, a.Skip(), paragraphs);
//
// The steps (docs/fulltext.md has the reasons and figures):
//   1. Elements that are rarely content are left out: nav, aside, dialog,
//      menu; short bylines (class or id byline, author, dateline; rel=author);
//      readers' comments (a class or id word comment(s), respond, replies,
//      disqus). In the first attempt also header, footer, ARIA roles of
//      navigation, menus and dialogs, and readability's unlikely candidates
//      by class or id (banner, breadcrumbs, comment, menu, related, sidebar,
//      social, sponsor, popup, ...) unless the same names say article, body,
//      column, content or main.
//   2. Every paragraph (p, pre, td, and the loose text of a div or section)
//      of at least 25 characters scores 1 + its commas + one per 100
//      characters (at most 3). Its parent gets the score, its grandparent
//      half, the three levels above a sixth, a ninth and a twelfth. An
//      ancestor starts from its tag (div +5, td/pre/blockquote +3, lists and
//      forms -3, headings -5) and its class and id (+25 for article, content,
//      story, body, post, text, entry, main; -25 for comment, share, related,
//      sidebar, footer, ad, meta, widget, ...; +25 for itemprop=articleBody).
//      Scores are then scaled by 1 - link density.
//   3. The best ancestor, moved up when its parent scores higher or when
//      three near-best ancestors share a parent, is the article, with those
//      of its siblings that score at least a fifth of it or are paragraphs of
//      prose.
//   4. Inside it go: the h1 (the title, which is not body text), figure
//      captions, headings with a negative class, share bars, boxes whose
//      class or id names boilerplate (ad, author, caption, credit, date, meta,
//      newsletter, related, share, social, tags, time, widget, ...) unless
//      they hold half the article, readability's "clean conditionally" boxes
//      (tables, lists, divs, sections with many links, more list items than
//      paragraphs, images without text, forms, embeds, a negative class), and
//      paragraphs made of one link.
//   5. When the article has under 500 characters, steps 1-4 run again without
//      the first attempt's removals, then without class weights, then without
//      step 4's boxes; the longest result wins.
//
// Uses the elements' _private field (libxml2's slot for applications) to
// number them; nothing else of the tree changes.
// Pure; thread-safe.
#pragma once

#include <unordered_set>
#include <vector>

#include "text/content_blocks.h"
#include "text/html_dom.h"

namespace pw::text {

struct GenericArticle {
  std::vector<const xmlNode*> roots;           // in document order
  std::unordered_set<const xmlNode*> removed;  // elements inside the roots to leave out
  size_t chars = 0;                            // characters of text kept

  SkipElement Skip() const {
    return [this](const xmlNode* n) { return removed.count(n) > 0; };
  }
};

// `body` is the page's <body> (or its root element).
GenericArticle FindArticle(const xmlNode* body);

}  // namespace pw::text
