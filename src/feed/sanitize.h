// feed/sanitize.h: the HTML that feeds carry, made safe to show, or plain.
//
//   SanitizeHtml("<p onclick=x()>Hi<script>evil()</script></p>", "https://a.vn/").html
//       == "<p>Hi</p>"
//   SanitizeHtml("<a href='/x'>x</a>", "https://a.vn/rss").html
//       == "<a href=\"https://a.vn/x\">x</a>"
//   SanitizeHtml("<p>Quỹ <b>GenAI</b></p><p>AWS</p>", "").text == "Quỹ GenAI AWS"
//   InlineText("<b>Quỹ GenAI</b> &amp; AWS") == "Quỹ GenAI & AWS"
//   InlineText("AT&T") == "AT&T"
//
// SanitizeHtml reads the fragment with feed/html_tokenizer.h (HTML5's
// tokenization: raw-text elements, comments to "-->", bogus comments) in one
// pass and writes back only what an allowlist keeps, closing what it opened:
//   - script, style, frame, svg, math, template, form controls, head,
//     title, meta, link, base are dropped with everything inside them; other
//     elements not allowed (iframe, object, embed, applet, noscript, font,
//     form, custom tags) are dropped but what is inside them is kept, and
//     sanitized in turn (an object's fallback text, the <img> inside a
//     <noscript>);
//   - attributes: only an allowlist (href, src, alt, title, width, height,
//     lang, dir, cite, datetime, table spans, ...); no on*, style, class,
//     id or name;
//   - URLs (href, src, cite, poster): http, https, mailto, ftp, tel, magnet,
//     or relative, resolved against an http(s) `base_url`; javascript:, vbscript:,
//     data: and any other scheme drop the attribute. Control characters and
//     whitespace in a scheme ("java\tscript:") are seen through, as browsers
//     see through them;
//   - every text and attribute value is escaped on the way out, so the output
//     is well-formed HTML whatever the input was.
// Comments, processing instructions and CDATA markers are dropped. C1
// controls become their windows-1252 characters (MapC1Controls).
//
// InlineText is for titles and summaries: tags removed (script and style
// with their text), entities decoded once, whitespace collapsed to single
// spaces, trimmed. Text that does not look like HTML is only collapsed.
//
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pw::feed {

struct SanitizedHtml {
  std::string html;  // safe to insert into a page
  std::string text;  // what a reader sees, as InlineText would give it
};

// `want_text` false leaves SanitizedHtml::text empty (when the caller has
// the text from elsewhere, it need not be made).
SanitizedHtml SanitizeHtml(std::string_view html, const std::string& base_url, bool want_text = true);
std::string InlineText(std::string_view html);

// Whitespace runs (and U+00A0) to one space, trimmed.
std::string CollapseSpaces(std::string_view text);

// feedparser's heuristic for RSS text without a declared type: an end tag of
// a known HTML element ("<b>x</b>") or an entity reference ("&copy;",
// "&#169;") makes it HTML; "2 < 3", "AT&T", "<code>" alone do not.
bool LooksLikeHtml(std::string_view text);

// `text` as HTML: '&', '<', '>' escaped.
std::string EscapeHtml(std::string_view text);

// Whether a URL may be followed: http, https, mailto, ftp, tel, magnet, or
// relative; never javascript:, vbscript:, data: or another scheme, however
// spelt ("JaVa\tScRiPt:"). Links, enclosures and images of a Feed pass this.
bool IsSafeUrl(std::string_view url);

}  // namespace pw::feed
