// feed/sanitize.h: the HTML that feeds carry, made safe to show, or plain.
//
//   SanitizeHtml("<p onclick=x()>Hi<script>evil()</script></p>", "https://a.vn/")
//       == "<p>Hi</p>"
//   SanitizeHtml("<a href='/x'>x</a>", "https://a.vn/rss") == "<a href=\"https://a.vn/x\">x</a>"
//   InlineText("<b>Quỹ GenAI</b> &amp; AWS") == "Quỹ GenAI & AWS"
//
// SanitizeHtml keeps an allowlist of elements and attributes: no script,
// style, iframe, object, embed, form or their kin survives, no on* or style
// attribute, and URLs only with http, https or mailto schemes (relative ones
// resolved against `base_url`). InlineText is for titles and summaries: tags
// removed, entities decoded once, whitespace collapsed to single spaces.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pw::feed {

std::string SanitizeHtml(std::string_view html, const std::string& base_url);
std::string InlineText(std::string_view html);

// Whether a text construct holds markup or entity references worth decoding
// (feedparser's "looks like HTML" heuristic).
bool LooksLikeHtml(std::string_view text);

}  // namespace pw::feed
