#include "text/main_content.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "text/charset.h"
#include "text/content_blocks.h"
#include "text/generic_extractor.h"
#include "text/html_dom.h"
#include "text/normalize.h"
#include "text/page_metadata.h"
#include "text/site_rules.h"

namespace pw::text {

namespace {

// Never content, whatever the site: removed before anything is chosen.
bool IsNeverContent(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "template" || name == "svg" ||
         name == "canvas" || name == "iframe" || name == "object" || name == "embed" || name == "input" ||
         name == "select" || name == "textarea" || name == "button" || name == "option" || name == "link" ||
         name == "meta" || name == "head";
}

const xmlNode* FindBody(const xmlNode* root) {
  for (const xmlNode* n = root; n; n = dom::NextInTree(n, root))
    if (dom::Name(n) == "body") return n;
  return root;
}

// Every element under `root` that `selector` matches, in document order, but
// none inside another match.
std::vector<const xmlNode*> SelectAll(const Selector& selector, const xmlNode* root) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* n = root; n;) {
    const bool match = selector.Matches(n);
    if (match) out.push_back(n);
    n = dom::NextInTree(n, root, match);
  }
  return out;
}

// The text of the first match of the first line that matches with text; for
// dates, a datetime or content attribute comes first.
std::string FirstText(const std::vector<SiteSelector>& lines, const xmlNode* root, bool prefer_attribute) {
  for (const auto& line : lines) {
    for (const xmlNode* n : SelectAll(line.selector, root)) {
      if (prefer_attribute) {
        for (const char* attr : {"datetime", "content"})
          if (std::string v = dom::CollapseSpaces(dom::Attr(n, attr)); !v.empty()) return v;
      }
      if (std::string v = dom::CollapseSpaces(dom::TextOf(n)); !v.empty()) return v;
    }
  }
  return "";
}

std::vector<std::string> AllTexts(const std::vector<SiteSelector>& lines, const xmlNode* root) {
  for (const auto& line : lines) {
    std::vector<std::string> out;
    for (const xmlNode* n : SelectAll(line.selector, root))
      if (std::string v = dom::CollapseSpaces(dom::TextOf(n));
          !v.empty() && std::find(out.begin(), out.end(), v) == out.end())
        out.push_back(std::move(v));
    if (!out.empty()) return out;
  }
  return {};
}

// Takes out what is never content: scripts, forms' controls, comments,
// hidden elements, and what the site rules drop.
void RemoveBoilerplate(xmlNode* root, const std::vector<const SiteRule*>& rules) {
  std::vector<xmlNode*> doomed;
  for (xmlNode* n = root; n;) {
    bool drop = false;
    for (xmlNode* c = n->children; c; c = c->next)
      if (c->type == XML_COMMENT_NODE) doomed.push_back(c);
    if (n != root) {
      drop = IsNeverContent(dom::Name(n)) || dom::IsHidden(n);
      for (size_t i = 0; !drop && i < rules.size(); ++i)
        for (const auto& d : rules[i]->drop)
          if (d.selector.Matches(n)) {
            drop = true;
            break;
          }
    }
    if (drop) doomed.push_back(n);
    n = dom::NextInTree(n, root, drop);
  }
  for (xmlNode* n : doomed) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

size_t Words(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// "Title of the story - VnExpress" -> "Title of the story": a last part of
// at most four words after " - ", " | ", " – ", " — " or " :: " is the site.
std::string StripSiteSuffix(std::string title) {
  for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: ", " » "}) {
    const size_t at = title.rfind(sep);
    if (at == std::string::npos) continue;
    const std::string_view head(title.data(), at),
        tail(title.data() + at + sep.size(), title.size() - at - sep.size());
    if (Words(tail) <= 4 && Words(head) >= 3) return std::string(head);
  }
  return title;
}

// The page's h1 when the metadata's title contains it (it has no site name),
// else the metadata's title without the site's name.
std::string ChooseTitle(const std::string& meta_title, const xmlNode* root) {
  const std::string lower_meta = Lower(meta_title);
  std::string first_h1;
  for (const xmlNode* n = root; n; n = dom::NextInTree(n, root)) {
    if (dom::Name(n) != "h1") continue;
    std::string h1 = dom::CollapseSpaces(dom::TextOf(n));
    if (h1.empty()) continue;
    if (!meta_title.empty() && lower_meta.find(Lower(h1)) != std::string::npos && Words(h1) >= 2) return h1;
    if (first_h1.empty()) first_h1 = std::move(h1);
  }
  if (!meta_title.empty()) return StripSiteSuffix(meta_title);
  return first_h1;
}

bool Dropped(const std::string& paragraph, const std::vector<const SiteRule*>& rules) {
  for (const SiteRule* r : rules)
    for (const auto& p : r->drop_text)
      if (RE2::PartialMatch(paragraph, *p.pattern)) return true;
  return false;
}

}  // namespace

std::string MainContent::Text() const {
  std::string out;
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

bool LooksLikeHtmlPage(std::string_view input) {
  const auto first = input.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos || input[first] != '<') return false;
  const std::string head = Lower(input.substr(first, 1024));
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"})
    if (head.find(tag) != std::string::npos) return true;
  return false;
}

Result<MainContent> ExtractMainContent(std::string_view page, const MainContentOptions& options) {
  const std::string charset = SniffCharset(page, options.content_type);
  const dom::DocPtr doc = dom::ParseHtml(page, charset.c_str());
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) return Error::Malformed((options.url.empty() ? "page" : options.url) + ": not an HTML page");

  std::vector<const SiteRule*> rules;
  if (options.site_rules) rules = options.site_rules->For(options.url);
  const SiteRule* site = !rules.empty() && !rules.back()->is_every_host() ? rules.back() : nullptr;

  MainContent out;
  const PageMetadata meta = ReadPageMetadata(doc.get());
  out.language = meta.language;
  out.description = meta.description;
  out.published = meta.published;
  out.authors = meta.authors;
  std::string lead;
  if (site) {
    // Read before anything is removed: an outlet's byline may sit in a box
    // that a drop rule takes out.
    if (std::string t = FirstText(site->title, root, false); !t.empty()) out.title = std::move(t);
    if (auto a = AllTexts(site->author, root); !a.empty()) out.authors = std::move(a);
    // Machine-readable metadata is a better date than the page's display text.
    if (out.published.empty()) out.published = FirstText(site->published, root, true);
    lead = FirstText(site->lead, root, false);
  }
  if (out.title.empty()) out.title = ChooseTitle(meta.title, root);

  RemoveBoilerplate(root, rules);
  const xmlNode* body = FindBody(root);
  const SkipElement keep_all = [](const xmlNode*) { return false; };
  if (site && !site->body.empty()) {
    for (const auto& line : site->body) {
      for (const xmlNode* n : SelectAll(line.selector, body)) AppendParagraphs(n, keep_all, out.paragraphs);
      if (!out.paragraphs.empty()) {
        out.method = "site:" + site->name;
        break;
      }
    }
  }
  if (out.paragraphs.empty()) {
    const GenericArticle article = FindArticle(body);
    const SkipElement skip = article.Skip();
    for (const xmlNode* n : article.roots) AppendParagraphs(n, skip, out.paragraphs);
    out.method = site && !site->body.empty() ? "generic (site:" + site->name + " found no body)" : "generic";
  }
  out.paragraphs.erase(std::remove_if(out.paragraphs.begin(), out.paragraphs.end(),
                                      [&](const std::string& p) { return Dropped(p, rules); }),
                       out.paragraphs.end());
  // The lead (sapo) sits outside the body on most Vietnamese outlets.
  if (std::string l = NormalizeText(lead);
      !l.empty() && !Dropped(l, rules) &&
      std::find(out.paragraphs.begin(), out.paragraphs.end(), l) == out.paragraphs.end())
    out.paragraphs.insert(out.paragraphs.begin(), std::move(l));
  return out;
}

}  // namespace pw::text
