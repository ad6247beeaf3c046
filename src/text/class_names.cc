#include "text/class_names.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <iterator>

namespace pw::text {

namespace {

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

// readability.js's patterns, as substrings of the lower-cased class and id.
bool IsUnlikely(std::string_view s) {
  return ContainsAny(
      s, {"-ad-",       "ai2html", "banner",    "breadcrumb",   "combx",    "comment",  "community",
          "cover-wrap", "disqus",  "extra",     "footer",       "gdpr",     "header",   "legends",
          "menu",       "related", "remark",    "replies",      "rss",      "shoutbox", "sidebar",
          "skyscraper", "social",  "sponsor",   "supplemental", "ad-break", "agegate",  "pagination",
          "pager",      "popup",   "yom-remote"});
}
bool MaybeCandidate(std::string_view s) {
  return ContainsAny(s, {"and", "article", "body", "column", "content", "main", "shadow"});
}
bool IsPositive(std::string_view s) {
  return ContainsAny(s, {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                         "pagination", "post", "text", "blog", "story"});
}
bool IsNegative(std::string_view s) {
  if (s == "hid" || s.substr(0, 4) == "hid " || ContainsAny(s, {" hid ", " hid"})) return true;
  return ContainsAny(
      s, {"-ad-",  "hidden",   "banner",  "combx",      "comment",  "com-",     "contact", "footer",
          "gdpr",  "masthead", "media",   "meta",       "outbrain", "promo",    "related", "scroll",
          "share", "shoutbox", "sidebar", "skyscraper", "sponsor",  "shopping", "tags",    "widget"});
}
bool IsByline(std::string_view s) {
  return ContainsAny(s, {"byline", "author", "dateline", "writtenby", "p-author"});
}

// "share" or "sharedaddy" as a word of the class or id ("share-bar", "post_share").
bool IsShareBar(std::string_view s) {
  for (std::string_view w : {"share", "sharedaddy"}) {
    for (size_t at = s.find(w); at != std::string_view::npos; at = s.find(w, at + 1)) {
      const bool start = at == 0 || !std::isalnum(static_cast<unsigned char>(s[at - 1]));
      const size_t end = at + w.size();
      const bool stop = end == s.size() || !std::isalnum(static_cast<unsigned char>(s[end]));
      if (start && stop) return true;
    }
  }
  return false;
}

// The lower-cased class and id cut into words at anything but a letter or
// digit: "article-meta post_tags" -> {"article", "meta", "post", "tags"}.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) continue;
    if (i > begin) out.push_back(s.substr(begin, i - begin));
    begin = i + 1;
  }
  return out;
}

// Boxes inside an article that are not its text (trafilatura prunes the
// same): a class or id word from the first list, or a substring of the second.
bool IsBoilerplateBox(std::string_view class_id) {
  static constexpr std::string_view kWords[] = {
      "ad",           "ads",        "advert",      "advertisement", "author",    "authors",   "banner",
      "bio",          "breadcrumb", "breadcrumbs", "byline",        "caption",   "captions",  "comment",
      "comments",     "consent",    "cookie",      "cookies",       "credit",    "credits",   "date",
      "dateline",     "disclaimer", "footer",      "menu",          "meta",      "modal",     "nav",
      "navbar",       "navigation", "newsletter",  "pagination",    "pager",     "popular",   "popup",
      "print",        "promo",      "rating",      "recirc",        "related",   "reply",     "share",
      "sharing",      "sidebar",    "signup",      "social",        "sponsor",   "sponsored", "subscribe",
      "subscription", "tag",        "tags",        "time",          "timestamp", "toolbar",   "tools",
      "trending",     "widget"};
  static constexpr std::string_view kParts[] = {
      "related",     "breadcrumb",   "newsletter", "subscri",   "outbrain", "taboola", "recirc",
      "mostpopular", "most-popular", "readmore",   "read-more", "share",    "social",  "comment",
      "sidebar",     "footer",       "advert",     "sponsor",   "promo",    "byline",  "caption",
      "trending",    "signup",       "sign-up",    "cookie",    "disqus"};
  for (std::string_view w : Words(class_id))
    if (std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords)) return true;
  return std::any_of(std::begin(kParts), std::end(kParts),
                     [&](std::string_view p) { return class_id.find(p) != std::string_view::npos; });
}

bool IsCommentSection(std::string_view class_id) {
  for (std::string_view w : Words(class_id))
    if (w == "comment" || w == "comments" || w == "commentlist" || w == "disqus" || w == "respond" ||
        w == "replies")
      return true;
  return false;
}

bool IsUnlikelyRole(std::string_view role) {
  return role == "menu" || role == "menubar" || role == "complementary" || role == "navigation" ||
         role == "alert" || role == "alertdialog" || role == "dialog";
}

}  // namespace pw::text
