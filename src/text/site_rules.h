// text/site_rules.h: per-outlet hints for the main-content extractor, as data.
//
// A site rule says where an outlet's article is when the generic extractor
// (text/main_content.h) would get it wrong: the body, the lead (sapo), the
// title, author and date, and what to drop. Rules live in rules/sites/*.site;
// rules/sites/README.md documents the format. In short:
//
//   # one rule; a host matches itself and its subdomains
//   site vnexpress
//   host: vnexpress.net
//   body: article.fck_detail          # CSS selectors (text/css_selector.h)
//   body: div.fck_detail              # a second line is tried when the first finds nothing
//   lead: p.description
//   title: h1.title-detail
//   author: article.fck_detail p.author_mail strong
//   published: span.date
//   drop: .box-tinlienquanv2, figure  # every drop line applies
//   drop-text: ^(Xem|Đọc) thêm:       # RE2, searched in each paragraph (normalized text)
//
// A site whose host is "*" applies to every page, before the outlet's own
// rule; it may only drop (drop, drop-text).
//
//   Result<SiteRules> rules = SiteRules::Load("rules/sites");
//   for (const SiteRule* r : rules->For("https://e.vnexpress.net/news/x.html")) ...  // "*" rules, then
//   vnexpress
//
// Parse is pure. Load and Check read files (the only I/O here). A SiteRules
// is immutable once built and safe to share between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "text/css_selector.h"

namespace re2 {
class RE2;
}

namespace pw::text {

// One selector line of a rule, with where it was written.
struct SiteSelector {
  Selector selector;
  std::string where;  // "rules/sites/vietnam.site:12"
};

struct SitePattern {
  std::shared_ptr<const re2::RE2> pattern;
  std::string text;
  std::string where;
};

struct SiteRule {
  std::string name;                                          // "vnexpress"
  std::vector<std::string> hosts;                            // lower-case; "*" for every host
  std::string where;                                         // the line of "site NAME"
  std::vector<SiteSelector> body;                            // alternatives, in order
  std::vector<SiteSelector> lead, title, author, published;  // alternatives, in order
  std::vector<SiteSelector> drop;                            // all apply
  std::vector<SitePattern> drop_text;                        // all apply

  bool is_every_host() const { return hosts.size() == 1 && hosts[0] == "*"; }
};

class SiteRules {
 public:
  SiteRules() = default;

  // The rules of one file's text; `file_name` names it in errors. Every
  // problem is found; the Error's message is the first, "FILE:LINE: message",
  // followed by "(and N more)" when there are others.
  static Result<SiteRules> Parse(std::string_view text, std::string_view file_name);

  // Every DIR/*.site, in name order. A missing directory is an empty set (a
  // rules directory need not have site rules). Errors as Parse's.
  static Result<SiteRules> Load(const std::string& dir);

  // Every problem in DIR/*.site, one "FILE:LINE: message" each; empty when
  // all is well (or when DIR does not exist).
  static std::vector<std::string> Check(const std::string& dir);

  // The rules that apply to the page at `url`: the "*" rules, then the rule
  // of the longest host that is the URL's host or a parent domain of it.
  std::vector<const SiteRule*> For(std::string_view url) const;

  const std::vector<SiteRule>& rules() const { return rules_; }
  size_t size() const { return rules_.size(); }

 private:
  // Adds the rules of one file; problems go to `errors`.
  void AddFile(std::string_view text, std::string_view file_name, std::vector<std::string>& errors);

  std::vector<SiteRule> rules_;
};

}  // namespace pw::text
