// text/class_names.h: what the class, id and role of an element say about
// it, for the generic extractor (text/generic_extractor.h). Internal to text/.
//
// Each function takes the element's class and id, lower-cased and joined by
// a space (dom::ClassAndId), or its ARIA role:
//   IsUnlikely("sidebar-related")        == true   (readability's unlikely candidates)
//   MaybeCandidate("main-content")       == true   (...unless the name says content)
//   IsPositive("article-body")           == true   (+25 to a candidate)
//   IsNegative("share-tools")            == true   (-25 to a candidate)
//   IsBoilerplateBox("post-meta tags")   == true   (pruned inside an article)
//   IsCommentSection("comments-area")    == true   (left out in every attempt)
//   Words("article-meta post_tags")      == {"article", "meta", "post", "tags"}
// The word lists are readability.js's and trafilatura's, with what the
// corpus showed (docs/fulltext.md). Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace pw::text {

// readability.js's regular expressions, as substrings.
bool IsUnlikely(std::string_view class_id);
bool MaybeCandidate(std::string_view class_id);
bool IsPositive(std::string_view class_id);
bool IsNegative(std::string_view class_id);
bool IsByline(std::string_view class_id);

// "share" or "sharedaddy" as a word of the class or id ("share-bar", "post_share").
bool IsShareBar(std::string_view class_id);

// The class and id cut into words at anything but a letter or digit.
std::vector<std::string_view> Words(std::string_view class_id);

// Boxes inside an article that are not its text: a class or id word such as
// ad, author, caption, credit, date, meta, related, share, tags, time,
// widget, or a part such as related, breadcrumb, newsletter, outbrain,
// readmore, comment, sidebar, advert, sponsor.
bool IsBoilerplateBox(std::string_view class_id);

// Readers' comments: a word comment(s), commentlist, disqus, respond, replies.
bool IsCommentSection(std::string_view class_id);

// ARIA roles of navigation, menus, complementary content and dialogs.
bool IsUnlikelyRole(std::string_view role);

}  // namespace pw::text
