#include "feedparser_view.h"

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "common/time.h"

namespace pw::feed::conformance {

namespace json = boost::json;

namespace {

void PutIf(json::object& o, std::string_view key, const std::string& value) {
  if (!value.empty()) o[key] = value;
}

std::string AuthorString(const Person& p) {
  // feedparser's "author": "Name (email)", or whichever part there is.
  if (!p.name.empty() && !p.email.empty()) return p.name + " (" + p.email + ")";
  return p.name.empty() ? p.email : p.name;
}

json::object PersonObject(const Person& p) {
  json::object o;
  PutIf(o, "name", p.name);
  PutIf(o, "email", p.email);
  PutIf(o, "href", p.uri);
  return o;
}

void PutPeople(json::object& o, const std::vector<Person>& people) {
  if (people.empty()) return;
  o["author"] = AuthorString(people[0]);
  o["author_detail"] = PersonObject(people[0]);
  json::array all;
  for (const auto& p : people) all.push_back(PersonObject(p));
  o["authors"] = std::move(all);
}

json::array LinksArray(const std::vector<Link>& links) {
  json::array a;
  for (const auto& l : links) {
    json::object o;
    o["href"] = l.href;
    o["rel"] = l.rel;
    PutIf(o, "type", l.type);
    PutIf(o, "title", l.title);
    PutIf(o, "hreflang", l.hreflang);
    if (l.length > 0) o["length"] = std::to_string(l.length);
    a.push_back(std::move(o));
  }
  return a;
}

void PutTags(json::object& o, const std::vector<std::string>& categories) {
  if (categories.empty()) return;
  json::array tags;
  for (const auto& c : categories) {
    json::object t;
    t["term"] = c;
    tags.push_back(std::move(t));
  }
  o["tags"] = std::move(tags);
  o["category"] = categories[0];
}

void PutDate(json::object& o, std::string_view key, const std::optional<Timestamp>& t) {
  if (t) o[key] = FormatTimestamp(*t);
}

void PutText(json::object& o, std::string_view key, const std::string& text) {
  if (text.empty()) return;
  o[key] = text;
  json::object detail;
  detail["value"] = text;
  o[std::string(key) + "_detail"] = std::move(detail);
}

}  // namespace

json::object ToFeedparserShape(const Feed& feed) {
  json::object f;
  PutText(f, "title", feed.title);
  PutText(f, "subtitle", feed.description);
  PutText(f, "rights", feed.rights);
  PutIf(f, "link", feed.link);
  PutIf(f, "language", feed.language);
  PutIf(f, "id", feed.id);
  if (!feed.image.empty()) {
    // Atom's logo, or RSS's (or iTunes') image.
    if (feed.format == Format::kAtom10 || feed.format == Format::kAtom03) {
      f["logo"] = feed.image;
    } else {
      json::object image;
      image["href"] = feed.image;
      f["image"] = std::move(image);
    }
  }
  PutPeople(f, feed.authors);
  PutTags(f, feed.categories);
  if (!feed.links.empty()) f["links"] = LinksArray(feed.links);
  PutDate(f, "updated_parsed", feed.updated ? feed.updated : feed.published);
  PutDate(f, "published_parsed", feed.published);
  if (feed.ttl) f["ttl"] = std::to_string(std::chrono::duration_cast<std::chrono::minutes>(*feed.ttl).count());

  json::array entries;
  for (const Item& item : feed.items) {
    json::object e;
    PutIf(e, "id", item.guid);
    PutText(e, "title", item.title);
    PutIf(e, "link", item.link);
    if (!item.links.empty()) e["links"] = LinksArray(item.links);
    PutText(e, "summary", item.summary);
    if (!item.content.empty() || !item.language.empty()) {
      json::object c;
      c["value"] = item.content;
      c["language"] = item.language.empty() ? json::value(nullptr) : json::value(item.language);
      e["content"] = json::array{std::move(c)};
    }
    PutIf(e, "language", item.language);
    PutPeople(e, item.authors);
    PutTags(e, item.categories);
    if (!item.enclosures.empty()) {
      json::array enclosures;
      for (const auto& en : item.enclosures) {
        json::object o;
        o["href"] = en.url;
        PutIf(o, "type", en.type);
        if (en.length > 0) o["length"] = std::to_string(en.length);
        enclosures.push_back(std::move(o));
      }
      e["enclosures"] = std::move(enclosures);
    }
    PutDate(e, "updated_parsed", item.updated ? item.updated : item.published);
    PutDate(e, "published_parsed", item.published);
    if (item.source) {
      json::object s;
      PutIf(s, "title", item.source->title);
      PutIf(s, "href", item.source->url);
      PutIf(s, "link", item.source->url);
      e["source"] = std::move(s);
    }
    entries.push_back(std::move(e));
  }
  json::object result;
  result["bozo"] = feed.illformed;
  result["encoding"] = feed.encoding;
  result["version"] = std::string(FormatName(feed.format));
  result["feed"] = std::move(f);
  result["entries"] = std::move(entries);
  return result;
}

std::optional<FieldKind> ExpressibleKind(const std::string& pattern) {
  static const std::map<std::string, FieldKind> kFields = [] {
    std::map<std::string, FieldKind> m = {
        {"bozo", FieldKind::kBool},
        {"encoding", FieldKind::kEncoding},
        {"version", FieldKind::kExact},
        {"entries", FieldKind::kList},
        {"feed/link", FieldKind::kExact},
        {"feed/language", FieldKind::kExact},
        {"feed/id", FieldKind::kExact},
        {"feed/image/href", FieldKind::kExact},
        {"feed/logo", FieldKind::kExact},
        {"feed/updated_parsed", FieldKind::kDate},
        {"feed/published_parsed", FieldKind::kDate},
        {"feed/ttl", FieldKind::kExact},
        {"entries/#/id", FieldKind::kExact},
        {"entries/#/link", FieldKind::kExact},
        {"entries/#/language", FieldKind::kExact},
        {"entries/#/content", FieldKind::kList},
        {"entries/#/content/#/value", FieldKind::kHtml},
        {"entries/#/content/#/language", FieldKind::kExact},
        {"entries/#/enclosures", FieldKind::kList},
        {"entries/#/enclosures/#", FieldKind::kDict},
        {"entries/#/enclosures/#/href", FieldKind::kExact},
        {"entries/#/enclosures/#/type", FieldKind::kExact},
        {"entries/#/enclosures/#/length", FieldKind::kExact},
        {"entries/#/updated_parsed", FieldKind::kDate},
        {"entries/#/published_parsed", FieldKind::kDate},
        {"entries/#/source/title", FieldKind::kText},
        {"entries/#/source/href", FieldKind::kExact},
        {"entries/#/source/link", FieldKind::kExact},
    };
    for (const std::string root : {"feed", "entries/#"}) {
      for (const std::string text : {"title", "subtitle", "summary", "rights"}) {
        if (root == "feed" && text == "summary") continue;
        if (root == "entries/#" && (text == "subtitle" || text == "rights")) continue;
        m[root + "/" + text] = FieldKind::kText;
        m[root + "/" + text + "_detail/value"] = FieldKind::kText;
      }
      m[root + "/author"] = FieldKind::kExact;
      for (const std::string person : {"author_detail", "authors/#"}) {
        m[root + "/" + person + "/name"] = FieldKind::kExact;
        m[root + "/" + person + "/email"] = FieldKind::kExact;
        m[root + "/" + person + "/href"] = FieldKind::kExact;
      }
      m[root + "/authors"] = FieldKind::kList;
      m[root + "/authors/#"] = FieldKind::kDict;
      m[root + "/author_detail"] = FieldKind::kDict;
      m[root + "/tags"] = FieldKind::kList;
      m[root + "/tags/#/term"] = FieldKind::kText;
      m[root + "/category"] = FieldKind::kText;
      m[root + "/links"] = FieldKind::kList;
      m[root + "/links/#"] = FieldKind::kDict;
      for (const std::string field : {"href", "rel", "type", "title", "hreflang", "length"})
        m[root + "/links/#/" + field] = FieldKind::kExact;
    }
    return m;
  }();
  auto it = kFields.find(pattern);
  if (it == kFields.end()) return std::nullopt;
  return it->second;
}

namespace {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::unique_ptr<xmlDoc, DocDeleter> ParseFragment(std::string_view html) {
  std::string wrapped = "<html><head><meta charset=\"utf-8\"></head><body><div>";
  wrapped.append(html);
  return std::unique_ptr<xmlDoc, DocDeleter>(
      htmlReadMemory(wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                         HTML_PARSE_NOIMPLIED));
}

const xmlNode* FragmentDiv(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(doc);
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && std::string_view(reinterpret_cast<const char*>(n->name)) == "body")
      return n->children ? n->children : n;
  return root;
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (std::isspace(c) || nbsp) {
      if (nbsp) ++i;
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

void TextOf(const xmlNode* node, std::string& out) {
  for (const xmlNode* n = node->children; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      out += reinterpret_cast<const char*>(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      const std::string_view name = reinterpret_cast<const char*>(n->name);
      if (name == "script" || name == "style") continue;
      out += ' ';
      TextOf(n, out);
      out += ' ';
    }
  }
}

void Canonical(const xmlNode* node, std::string& out) {
  for (const xmlNode* n = node->children; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      for (const char* p = reinterpret_cast<const char*>(n->content); *p; ++p) {
        if (*p == '<') out += "&lt;";
        else if (*p == '>') out += "&gt;";
        else if (*p == '&') out += "&amp;";
        else out += *p;
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      const std::string name = reinterpret_cast<const char*>(n->name);
      std::vector<std::pair<std::string, std::string>> attrs;
      for (const xmlAttr* a = n->properties; a; a = a->next) {
        xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
        attrs.emplace_back(reinterpret_cast<const char*>(a->name), v ? reinterpret_cast<const char*>(v) : "");
        xmlFree(v);
      }
      std::sort(attrs.begin(), attrs.end());
      out += "<" + name;
      for (const auto& [k, v] : attrs) out += " " + k + "=\"" + v + "\"";
      out += ">";
      Canonical(n, out);
      out += "</" + name + ">";
    }
  }
}

}  // namespace

// Whether `s` has "<name ...>...</name>" or "<name/>": markup, whatever the
// element.
bool HoldsMarkupPair(std::string_view s) {
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    size_t j = i + 1;
    while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-')) ++j;
    if (j == i + 1) continue;
    const std::string name(s.substr(i + 1, j - i - 1));
    const size_t close = s.find('>', j);
    if (close == std::string_view::npos) return false;
    if (close > 0 && s[close - 1] == '/') return true;
    if (s.find("</" + name + ">", close) != std::string_view::npos) return true;
  }
  return false;
}

bool HoldsHtml(std::string_view s) {
  if (HoldsMarkupPair(s)) return true;
  static const char* const kElements[] = {
      "a",      "abbr",   "acronym", "address", "applet", "area",   "article",  "aside",   "audio",   "b",
      "big",    "blockquote", "body", "br",     "button", "canvas", "caption",  "center",  "cite",    "code",
      "col",    "colgroup", "dd",    "del",     "details", "dfn",   "dir",      "div",     "dl",      "dt",
      "em",     "embed",  "fieldset", "figcaption", "figure", "font", "footer", "form",    "frame",   "frameset",
      "h1",     "h2",     "h3",      "h4",      "h5",     "h6",     "head",     "header",  "hr",      "html",
      "i",      "iframe", "img",     "input",   "ins",    "kbd",    "label",    "legend",  "li",      "link",
      "map",    "mark",   "menu",    "meta",    "nav",    "noscript", "object", "ol",      "optgroup", "option",
      "p",      "param",  "pre",     "q",       "s",      "samp",   "script",   "section", "select",  "small",
      "source", "span",   "strike",  "strong",  "style",  "sub",    "sup",      "table",   "tbody",   "td",
      "textarea", "tfoot", "th",     "thead",   "title",  "tr",     "tt",       "u",       "ul",      "var",
      "video",  "svg",    "math",    "base",    "time",   "wbr",    "summary",  "main",    "section"};
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    size_t j = i + 1;
    if (j < s.size() && s[j] == '/') ++j;
    const size_t start = j;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j == start || j >= s.size() || !(std::isspace(static_cast<unsigned char>(s[j])) || s[j] == '>' || s[j] == '/'))
      continue;
    std::string name(s.substr(start, j - start));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    for (const char* e : kElements)
      if (name == e) return true;
  }
  for (size_t i = s.find('&'); i != std::string_view::npos; i = s.find('&', i + 1)) {
    size_t j = i + 1;
    if (j < s.size() && s[j] == '#') ++j;
    const size_t start = j;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j > start && j < s.size() && s[j] == ';') return true;
  }
  return false;
}

std::string ReaderText(std::string_view s) {
  if (!HoldsHtml(s)) return Collapse(s);
  auto doc = ParseFragment(s);
  std::string text;
  if (doc)
    if (const xmlNode* div = FragmentDiv(doc.get())) TextOf(div, text);
  return Collapse(text);
}

std::string CollapsedText(std::string_view s) { return Collapse(s); }

std::string CanonicalHtml(std::string_view html) {
  auto doc = ParseFragment(html);
  std::string out;
  if (doc)
    if (const xmlNode* div = FragmentDiv(doc.get())) Canonical(div, out);
  return Collapse(out);
}

bool SameEncoding(std::string_view ours, std::string_view expected) {
  auto fold = [](std::string_view s) {
    std::string out;
    for (char c : s) out += char(std::tolower(static_cast<unsigned char>(c)));
    if (out == "gb2312" || out == "gbk") out = "gb18030";
    if (out == "latin-1" || out == "latin1") out = "iso-8859-1";
    return out;
  };
  return fold(ours) == fold(expected);
}

}  // namespace pw::feed::conformance
