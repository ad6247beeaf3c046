#include "text/page_metadata.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>

#include "text/html_dom.h"

namespace pw::text {

namespace {

namespace json = boost::json;
using dom::CollapseSpaces;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

// "vi-VN", "vi_VN", "VI" -> "vi"; "" for anything that is not a language tag.
std::string PrimaryLanguage(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!std::isalpha(static_cast<unsigned char>(c))) return "";
    out += char(std::tolower(static_cast<unsigned char>(c)));
  }
  return out.size() >= 2 && out.size() <= 3 ? out : "";
}

bool LooksLikeUrl(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://" || s.substr(0, 2) == "//";
}

void SetIfEmpty(std::string& field, std::string_view value) {
  if (field.empty() && !value.empty()) field = CollapseSpaces(value);
}

const json::value* Find(const json::object& o, std::string_view key) {
  const auto it = o.find(key);
  return it == o.end() ? nullptr : &it->value();
}

std::string StringOf(const json::value* v) {
  if (!v) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_object()) {  // {"@value": ...} or {"name": ...}
    const auto& o = v->as_object();
    for (std::string_view key : {"@value", "name"})
      if (const json::value* inner = Find(o, key); inner && inner->is_string())
        return std::string(inner->as_string());
  }
  if (v->is_array() && !v->as_array().empty()) return StringOf(&v->as_array().front());
  return "";
}

bool HasArticleType(const json::object& o) {
  static constexpr std::string_view kTypes[] = {"newsarticle",
                                                "article",
                                                "blogposting",
                                                "reportagenewsarticle",
                                                "analysisnewsarticle",
                                                "opinionnewsarticle",
                                                "liveblogposting",
                                                "backgroundnewsarticle",
                                                "reviewnewsarticle",
                                                "techarticle",
                                                "report",
                                                "socialmediaposting"};
  const json::value* type = Find(o, "@type");
  if (!type) return false;
  auto is_article = [](std::string_view t) {
    const std::string l = Lower(t);
    return std::find(std::begin(kTypes), std::end(kTypes), l) != std::end(kTypes);
  };
  if (type->is_string()) return is_article(type->as_string());
  if (type->is_array())
    for (const auto& t : type->as_array())
      if (t.is_string() && is_article(t.as_string())) return true;
  return false;
}

// The names of the persons in an author value, else of the organisations.
std::vector<std::string> AuthorNames(const json::value* v) {
  std::vector<std::string> persons, others;
  auto add = [&](const json::value& a) {
    if (a.is_string()) {
      if (!LooksLikeUrl(a.as_string())) persons.push_back(CollapseSpaces(a.as_string()));
      return;
    }
    if (!a.is_object()) return;
    const std::string name = CollapseSpaces(StringOf(Find(a.as_object(), "name")));
    if (name.empty()) return;
    const std::string type = Lower(StringOf(Find(a.as_object(), "@type")));
    (type == "organization" || type == "newsmediaorganization" ? others : persons).push_back(name);
  };
  if (!v) return {};
  if (v->is_array())
    for (const auto& a : v->as_array()) add(a);
  else
    add(*v);
  return persons.empty() ? others : persons;
}

void ReadArticleObject(const json::object& o, PageMetadata& m, std::string& headline) {
  SetIfEmpty(headline, StringOf(Find(o, "headline")));
  if (m.authors.empty()) m.authors = AuthorNames(Find(o, "author"));
  SetIfEmpty(m.published, StringOf(Find(o, "datePublished")));
  SetIfEmpty(m.modified, StringOf(Find(o, "dateModified")));
  if (m.language.empty()) m.language = PrimaryLanguage(StringOf(Find(o, "inLanguage")));
  SetIfEmpty(m.description, StringOf(Find(o, "description")));
  if (const json::value* p = Find(o, "publisher"); p && p->is_object())
    SetIfEmpty(m.site_name, StringOf(Find(p->as_object(), "name")));
  if (m.article_body.empty()) m.article_body = StringOf(Find(o, "articleBody"));
}

// Walks a JSON-LD value for article objects ("@graph", arrays, "mainEntity").
void ReadJsonLdValue(const json::value& v, PageMetadata& m, std::string& headline, int depth) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& e : v.as_array()) ReadJsonLdValue(e, m, headline, depth + 1);
    return;
  }
  if (!v.is_object()) return;
  const auto& o = v.as_object();
  if (HasArticleType(o)) ReadArticleObject(o, m, headline);
  for (std::string_view key : {"@graph", "mainEntity", "mainEntityOfPage"})
    if (const json::value* inner = Find(o, key); inner && (inner->is_array() || inner->is_object()))
      ReadJsonLdValue(*inner, m, headline, depth + 1);
}

void ReadJsonLd(std::string script, PageMetadata& m, std::string& headline) {
  // Pages put raw line breaks and tabs inside strings; outside strings they
  // are whitespace anyway.
  for (char& c : script)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  json::parse_options options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  options.allow_invalid_utf8 = true;
  options.max_depth = 64;
  std::error_code ec;
  const json::value v = json::parse(script, ec, {}, options);
  if (!ec) ReadJsonLdValue(v, m, headline, 0);
}

// What the meta tags say, per field, before JSON-LD is merged over it.
struct MetaTags {
  std::string og_title, twitter_title, meta_title, og_description, description, og_locale, content_language;
  std::string og_site_name, og_url, published, modified, author;
};

void ReadMeta(const xmlNode* n, MetaTags& t) {
  const std::string property = Lower(dom::Attr(n, "property"));
  const std::string name = Lower(dom::Attr(n, "name"));
  const std::string itemprop = Lower(dom::Attr(n, "itemprop"));
  const std::string http_equiv = Lower(dom::Attr(n, "http-equiv"));
  const std::string content = dom::Attr(n, "content");
  if (content.empty()) return;
  const std::string& key = !property.empty() ? property : name;
  if (key == "og:title")
    SetIfEmpty(t.og_title, content);
  else if (key == "twitter:title")
    SetIfEmpty(t.twitter_title, content);
  else if (key == "title" || key == "dc.title")
    SetIfEmpty(t.meta_title, content);
  else if (key == "og:description")
    SetIfEmpty(t.og_description, content);
  else if (key == "description" || key == "twitter:description")
    SetIfEmpty(t.description, content);
  else if (key == "og:locale")
    SetIfEmpty(t.og_locale, content);
  else if (key == "og:site_name")
    SetIfEmpty(t.og_site_name, content);
  else if (key == "og:url")
    SetIfEmpty(t.og_url, content);
  else if (key == "article:published_time" || key == "og:article:published_time" || key == "pubdate" ||
           key == "publishdate" || key == "publish-date" || key == "publish_date" || key == "date" ||
           key == "dc.date" || key == "dc.date.issued" || key == "dcterms.created" || key == "dcterms.date" ||
           key == "sailthru.date" || key == "parsely-pub-date" || key == "article.published" ||
           key == "original-publish-date" || key == "datepublished" || key == "article_date_original" ||
           key == "cxenseparse:recs:publishtime" || key == "og:published_time" || key == "released")
    SetIfEmpty(t.published, content);
  else if (key == "article:modified_time" || key == "og:updated_time" || key == "dc.date.modified")
    SetIfEmpty(t.modified, content);
  else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "parsely-author" ||
           key == "sailthru.author" || key == "byl") {
    if (!LooksLikeUrl(content)) SetIfEmpty(t.author, content);
  }
  if (itemprop == "datepublished") SetIfEmpty(t.published, content);
  if (itemprop == "datemodified") SetIfEmpty(t.modified, content);
  if (http_equiv == "content-language") SetIfEmpty(t.content_language, content);
}

std::string StripByPrefix(std::string author) {
  const std::string lower = Lower(author.substr(0, 3));
  if (lower == "by ") author.erase(0, 3);
  return author;
}

}  // namespace

PageMetadata ReadPageMetadata(const _xmlDoc* doc) {
  PageMetadata m;
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return m;
  MetaTags tags;
  std::string headline, html_lang, title_element, time_published;
  html_lang = PrimaryLanguage(dom::Attr(root, "lang"));
  if (html_lang.empty()) html_lang = PrimaryLanguage(dom::Attr(root, "xml:lang"));
  for (const xmlNode* n = root; n; n = dom::NextInTree(n, root)) {
    const std::string_view name = dom::Name(n);
    if (name == "meta") {
      ReadMeta(n, tags);
    } else if (name == "script") {
      if (Lower(dom::Attr(n, "type")).find("ld+json") != std::string::npos)
        ReadJsonLd(dom::TextOf(n), m, headline);
    } else if (name == "title") {
      if (title_element.empty() && !(n->parent && dom::Name(n->parent) == "svg"))
        title_element = dom::CollapseSpaces(dom::TextOf(n));
    } else if (name == "link") {
      if (Lower(dom::Attr(n, "rel")) == "canonical") SetIfEmpty(m.canonical_url, dom::Attr(n, "href"));
    } else if (name == "time") {
      if (Lower(dom::Attr(n, "itemprop")) == "datepublished" || dom::HasAttr(n, "pubdate")) {
        SetIfEmpty(time_published, dom::Attr(n, "datetime"));
        SetIfEmpty(time_published, dom::TextOf(n));
      }
    }
  }
  // JSON-LD first (already in m), then the meta tags, then the markup.
  m.title = !tags.og_title.empty()        ? tags.og_title
            : !headline.empty()           ? headline
            : !tags.twitter_title.empty() ? tags.twitter_title
            : !tags.meta_title.empty()    ? tags.meta_title
                                          : title_element;
  if (m.authors.empty() && !tags.author.empty()) m.authors.push_back(StripByPrefix(tags.author));
  SetIfEmpty(m.published, tags.published);
  SetIfEmpty(m.published, time_published);
  SetIfEmpty(m.modified, tags.modified);
  if (m.language.empty()) m.language = html_lang;
  if (m.language.empty()) m.language = PrimaryLanguage(tags.og_locale);
  if (m.language.empty()) m.language = PrimaryLanguage(tags.content_language);
  SetIfEmpty(m.description, tags.og_description);
  SetIfEmpty(m.description, tags.description);
  SetIfEmpty(m.site_name, tags.og_site_name);
  SetIfEmpty(m.canonical_url, tags.og_url);
  return m;
}

}  // namespace pw::text
