// text/content_blocks.h: the paragraphs of the elements chosen as an article.
// Internal to text/ (main_content.cc); works on libxml2's tree.
//
//   <div><p>Quỹ <b>GenAI</b></p><p>a<br>b</p><ul><li>x</li></ul></div>
//       -> {"Quỹ GenAI", "a\nb", "x"}
//
// Block elements (text/html_dom.h's IsBlockName) end a paragraph, <br> is a
// line break inside one, table cells are separated by a space, <pre> keeps its
// line breaks, line breaks in the source are spaces elsewhere. Each paragraph
// is normalized (NormalizeText); empty ones are dropped; a paragraph with a
// blank line in it (<br><br>) becomes two. Images, figures' media and
// elements for which `skip` says true are left out with their text.
// Pure; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "text/html_dom.h"

namespace pw::text {

using SkipElement = std::function<bool(const xmlNode*)>;

void AppendParagraphs(const xmlNode* root, const SkipElement& skip, std::vector<std::string>& out);

}  // namespace pw::text
