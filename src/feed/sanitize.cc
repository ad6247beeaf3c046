#include "feed/sanitize.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <vector>

#include "common/url.h"
#include "feed/charset.h"
#include "feed/html_tokenizer.h"

namespace pw::feed {

namespace {

// The local part of a prefixed name ("svg:script" -> "script").
std::string_view LocalPart(std::string_view name) {
  const size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A fixed set of names, looked up by binary search (the lists are read for
// every tag of every item).
template <size_t N>
class NameSet {
 public:
  constexpr explicit NameSet(const std::array<std::string_view, N>& names) : names_(names) {
    std::sort(names_.begin(), names_.end());
  }
  bool Contains(std::string_view name) const { return std::binary_search(names_.begin(), names_.end(), name); }

 private:
  std::array<std::string_view, N> names_;
};

template <class... Names>
constexpr auto MakeNameSet(Names... names) {
  return NameSet<sizeof...(Names)>(std::array<std::string_view, sizeof...(Names)>{names...});
}

constexpr auto kDroppedWithContent = MakeNameSet(
    "script", "style", "frame", "frameset", "noembed", "noframes", "template", "svg", "math", "input", "button",
    "select", "textarea", "option", "optgroup", "datalist", "keygen", "output", "head", "title", "meta", "link",
    "base", "param", "xml", "xmp", "plaintext", "dialog", "portal", "slot");

constexpr auto kAllowedElements = MakeNameSet(
    "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blockquote", "br",
    "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd",
    "li", "main", "mark", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section",
    "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr");

constexpr auto kBlocks = MakeNameSet("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                                     "blockquote", "dd", "dt", "figcaption", "section", "article", "pre", "table",
                                     "ul", "ol", "hr", "header", "footer", "aside", "nav", "main", "address",
                                     "caption", "summary", "details");

constexpr auto kAllowedAttributes = MakeNameSet(
    "href", "src", "cite", "poster", "alt", "title", "width", "height", "colspan", "rowspan", "lang", "dir",
    "datetime", "type", "controls", "start", "reversed", "scope", "headers", "abbr", "align", "valign", "hreflang",
    "span", "open");

bool IsDroppedWithContent(std::string_view name) { return kDroppedWithContent.Contains(LocalPart(name)); }
bool IsAllowedElement(std::string_view name) { return kAllowedElements.Contains(name); }
bool IsVoid(std::string_view name) { return OneOf(name, {"br", "hr", "img", "source", "wbr", "col"}); }
bool IsBlock(std::string_view name) { return kBlocks.Contains(name); }
bool IsUrlAttribute(std::string_view name) { return OneOf(name, {"href", "src", "cite", "poster"}); }
bool IsAllowedAttribute(std::string_view name) { return kAllowedAttributes.Contains(name); }

constexpr std::array<bool, 256> MakeEscapeTable(bool attribute) {
  std::array<bool, 256> t{};
  t['&'] = t['<'] = t['>'] = true;
  t['"'] = attribute;
  return t;
}
constexpr std::array<bool, 256> kEscapeInText = MakeEscapeTable(false);
constexpr std::array<bool, 256> kEscapeInAttribute = MakeEscapeTable(true);

void AppendEscaped(std::string& out, std::string_view s, bool attribute) {
  // Runs of safe bytes are copied whole.
  const std::array<bool, 256>& escape = attribute ? kEscapeInAttribute : kEscapeInText;
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!escape[static_cast<unsigned char>(c)]) continue;
    out.append(s.data() + run, i - run);
    out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&quot;";
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

// Whether a URL's scheme is one we let through: http, https, mailto, ftp,
// tel, or none (relative). javascript:, vbscript:, data: and the rest are
// not. Control characters and whitespace anywhere are ignored when reading
// the scheme, as browsers ignore them ("java\tscript:").
bool AllowedScheme(std::string_view url) {
  // The scheme as a browser reads it: what comes before the first ':',
  // skipping control characters and spaces, lower-cased; no ':' before a
  // '/', '?' or '#' means a relative URL.
  char scheme[8];
  size_t length = 0;
  bool too_long = false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    if (c == '/' || c == '?' || c == '#') return true;  // relative
    if (c == ':') {
      return !too_long && length > 0 &&
             OneOf(std::string_view(scheme, length), {"http", "https", "mailto", "ftp", "tel", "magnet"});
    }
    if (length == sizeof scheme) too_long = true;  // longer than any we allow, if a scheme at all
    else scheme[length++] = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return true;  // no ':' at all: relative
}

std::string TrimSpaces(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return std::string(s);
}

// "https://a.vn" of "https://a.vn/x/y?z": what a path-absolute reference
// ("/a/b.html") is resolved against; "" when `base` is not http(s).
std::string OriginOf(const std::string& base) {
  const size_t scheme_end = base.find("://");
  if (scheme_end == std::string::npos || (base.compare(0, scheme_end, "http") != 0 &&
                                          base.compare(0, scheme_end, "https") != 0))
    return {};
  const size_t path = base.find_first_of("/?#", scheme_end + 3);
  return base.substr(0, path);
}

// The URL to write, or "" to drop the attribute. Relative URLs are resolved
// against an http(s) base; against no base or another kind (a local file)
// they stay relative. `origin` is OriginOf(base), computed once per fragment.
std::string SafeUrl(std::string_view raw, const std::string& base, const std::string& origin) {
  if (!AllowedScheme(raw)) return {};
  std::string url = TrimSpaces(raw);
  // Absolute already (most links): nothing to resolve.
  const auto starts_with = [&](std::string_view prefix) {
    return url.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), url.begin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  if (starts_with("http://") || starts_with("https://") || starts_with("mailto:")) return url;
  // "/path/x.html" with no dot segments: the origin and the path, without
  // a URL parser (this is most relative links in feeds).
  if (!origin.empty() && url.size() > 1 && url[0] == '/' && url[1] != '/' && url.find("/.") == std::string::npos &&
      url.find('\\') == std::string::npos)
    return origin + url;
  const bool web_base = base.rfind("http://", 0) == 0 || base.rfind("https://", 0) == 0;
  if (!web_base) return url;
  std::string resolved = ResolveUrl(base, url);
  if (resolved.empty()) return {};
  return AllowedScheme(resolved) ? resolved : std::string();
}

// The sanitizer: tokens in, allowed markup and text out, every tag written
// by us from the allowlist, every text and value escaped.
class Sanitizer {
 public:
  // `want_html` false: only the text is wanted (titles, summaries), so no
  // markup is written and no URL resolved.
  Sanitizer(const std::string& base, bool want_html, bool want_text = true)
      : base_(base), origin_(want_html ? OriginOf(base) : std::string()), want_html_(want_html),
        want_text_(want_text) {}

  void Run(std::string_view input) {
    HtmlTokenizer tokenizer(input);
    HtmlToken token;
    while (tokenizer.Next(token)) {
      if (!dropping_.empty()) {
        // Inside an element dropped with its content: only its own nesting counts.
        if (token.kind == HtmlToken::kStartTag && token.name == dropping_) ++drop_depth_;
        if (token.kind == HtmlToken::kEndTag && token.name == dropping_ && --drop_depth_ == 0) dropping_.clear();
        continue;
      }
      if (token.kind == HtmlToken::kText) Text(token.text);
      else if (token.kind == HtmlToken::kStartTag) Start(token);
      else End(token.name);
    }
    while (!open_.empty()) CloseTop();
  }

  std::string html;
  std::string text;

 private:
  void Text(std::string_view raw) {
    if (!want_html_) {
      AppendDecodedHtml(raw, text);
      return;
    }
    decoded_.clear();
    AppendDecodedHtml(raw, decoded_);
    AppendEscaped(html, decoded_, false);
    if (want_text_) text += decoded_;
  }

  void Start(const HtmlToken& token) {
    const std::string& name = token.name;
    if (IsDroppedWithContent(name)) {
      if (!IsVoidDropped(name)) {
        dropping_ = name;
        drop_depth_ = 1;
      }
      return;
    }
    if (IsBlock(name)) text += ' ';
    // Unknown wrappers (font, form, iframe, object, custom tags): dropped,
    // what is inside them kept. Past 256 open elements, the same.
    if (!want_html_ || !IsAllowedElement(name) || open_.size() >= 256) return;
    html += '<';
    html += name;
    for (const HtmlAttribute& a : token.attributes) {
      if (!IsAllowedAttribute(a.name)) continue;
      std::string value = a.value;
      if (IsUrlAttribute(a.name)) {
        value = SafeUrl(value, base_, origin_);
        if (value.empty()) continue;
      }
      html += ' ';
      html += a.name;
      html += "=\"";
      AppendEscaped(html, value, true);
      html += '"';
    }
    html += '>';
    if (!IsVoid(name)) open_.push_back(name);
  }

  void End(const std::string& name) {
    if (IsBlock(name)) text += ' ';
    for (size_t i = open_.size(); i-- > 0;) {
      if (open_[i] != name) continue;
      while (open_.size() > i) CloseTop();
      return;
    }
  }

  void CloseTop() {
    html += "</";
    html += open_.back();
    html += '>';
    open_.pop_back();
  }

  static bool IsVoidDropped(std::string_view name) {
    return OneOf(name, {"input", "meta", "link", "base", "param", "keygen"});
  }

  const std::string& base_;
  const std::string origin_;
  const bool want_html_;
  const bool want_text_;
  std::vector<std::string> open_;
  std::string dropping_;
  int drop_depth_ = 0;
  std::string decoded_;
};

// Any '<' that could open a tag or comment, or an entity reference.
bool MayHoldMarkup(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<' && i + 1 < text.size() &&
        (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/' || text[i + 1] == '!'))
      return true;
    if (c == '&' && i + 1 < text.size() &&
        (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '#'))
      return true;
  }
  return false;
}

}  // namespace

bool IsSafeUrl(std::string_view url) { return AllowedScheme(url); }

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(out, text, false);
  return out;
}

constexpr std::array<bool, 256> MakeSpaceTable() {
  std::array<bool, 256> t{};
  t[' '] = t['\n'] = t['\t'] = t['\r'] = t['\f'] = t['\v'] = true;
  t[0xC2] = true;  // maybe U+00A0: looked at closer
  return t;
}
constexpr std::array<bool, 256> kMaybeSpace = MakeSpaceTable();

std::string CollapseSpaces(std::string_view s) {
  // Copied whole, then compacted in place: one tight loop, no appends.
  std::string out(s);
  const size_t n = out.size();
  size_t w = 0;
  bool space = false;
  for (size_t r = 0; r < n; ++r) {
    const auto c = static_cast<unsigned char>(out[r]);
    if (kMaybeSpace[c]) {
      if (c != 0xC2) {
        space = true;
        continue;
      }
      if (r + 1 < n && static_cast<unsigned char>(out[r + 1]) == 0xA0) {  // U+00A0
        ++r;
        space = true;
        continue;
      }
    }
    if (space && w > 0) out[w++] = ' ';
    space = false;
    out[w++] = static_cast<char>(c);
  }
  out.resize(w);
  return out;
}

bool LooksLikeHtml(std::string_view text) {
  // An end tag of an HTML element.
  for (size_t i = text.find("</"); i != std::string_view::npos; i = text.find("</", i + 2)) {
    size_t j = i + 2;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    if (j < text.size() && text[j] == '>' && j > i + 2) {
      std::string name(text.substr(i + 2, j - i - 2));
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
      if (IsAllowedElement(name) || OneOf(name, {"font", "form", "label", "legend", "fieldset", "map", "area",
                                                  "dir", "menu", "li", "nobr", "blink", "marquee"}))
        return true;
    }
  }
  // An entity reference: &name; &#123; &#x1F;
  for (size_t i = text.find('&'); i != std::string_view::npos; i = text.find('&', i + 1)) {
    size_t j = i + 1;
    const bool numeric = j < text.size() && text[j] == '#';
    if (numeric) ++j;
    if (numeric && j < text.size() && (text[j] == 'x' || text[j] == 'X')) ++j;
    const size_t start = j;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    if (j > start && j < text.size() && text[j] == ';') return true;
  }
  return false;
}

SanitizedHtml SanitizeHtml(std::string_view html, const std::string& base_url, bool want_text) {
  SanitizedHtml out;
  if (html.find_first_not_of(" \t\r\n") == std::string_view::npos) return out;
  if (!MayHoldMarkup(html)) {
    out.html = EscapeHtml(html);
    if (want_text) out.text = CollapseSpaces(html);
  } else {
    Sanitizer sanitizer(base_url, true, want_text);
    sanitizer.Run(html);
    out.html = std::move(sanitizer.html);
    if (want_text) out.text = CollapseSpaces(sanitizer.text);
  }
  MapC1Controls(out.html);
  MapC1Controls(out.text);
  return out;
}

std::string InlineText(std::string_view html) {
  if (!MayHoldMarkup(html)) {
    std::string text = CollapseSpaces(html);
    MapC1Controls(text);
    return text;
  }
  static const std::string kNoBase;
  Sanitizer sanitizer(kNoBase, false);
  sanitizer.Run(html);
  std::string text = CollapseSpaces(sanitizer.text);
  MapC1Controls(text);
  return text;
}

}  // namespace pw::feed
