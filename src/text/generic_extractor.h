// text/generic_extractor.h: finds the article in a page without knowing the
// site, in the way of readability (arc90, Mozilla's Readability.js) with
// trafilatura's pruning of boilerplate. Internal to text/ (main_content.cc);
// works on libxml2's tree, which it does not change.
//
//   GenericArticle a = FindArticle(body);
//   for (const xmlNode* root : a.roots) AppendParagraphs(root, a.Skip(), paragraphs);
//
// The steps (docs/fulltext.md has the reasons and figures):
//   1. Elements that are rarely content go: by tag (nav, aside, footer, header,
//      dialog), by ARIA role (navigation, menu, complementary, dialog, ...),
//      and by class or id (comment, share, social, related, sidebar, banner,
//      menu, footer, breadcrumbs, ad-, promo, newsletter, ..., unless the same
//      names say article, body, content or main). Bylines go too.
//   2. Every paragraph (p, pre, td, and a div or section whose text is not in
//      blocks below it) of at least 25 characters scores 1 + its commas +
//      one per 100 characters (at most 3). Its parent gets the score, its
//      grandparent half, the three levels above a sixth, a ninth and a twelfth.
//      An ancestor starts from its tag (div +5, td/pre/blockquote +3, lists and
//      forms -3, headings -5) and its class and id (+25 for article, content,
//      story, body, post, text, entry, main; -25 for comment, share, related,
//      sidebar, footer, ad, meta, widget, ...). Scores are then scaled by
//      1 - link density.
//   3. The best ancestor, moved up when its parent scores higher or when
//      several near-best ancestors share a parent, is the article, with those
//      of its siblings that score at least a fifth of it or are paragraphs of
//      prose.
//   4. Inside it, tables, lists, divs and sections that look like
//      boilerplate go (readability's "clean conditionally": many links, more
//      list items than paragraphs, images without text, forms, embeds, a
//      negative class), as do headings with a negative class, share bars, the
//      h1 (the title, which is not body text) and paragraphs made of one link.
//   5. When the article has under 500 characters, steps 1-4 run again with
//      step 1 off, then without class weights, then without step 4; the
//      longest result wins.
//
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
