// common/url.h: the URL operations that several stages need, on Boost.URL.
//
//   ResolveUrl("https://a.vn/rss/tin.rss", "/kinh-doanh/x.html") == "https://a.vn/kinh-doanh/x.html"
//   CanonicalUrl("HTTPS://VnExpress.net/a.html?utm_source=rss&id=3#top")
//       == "https://vnexpress.net/a.html?id=3"
//   HostOf("https://e27.co:443/x") == "e27.co"
//
// Pure functions; no I/O; thread-safe. Each returns an empty string (or
// nullopt) for input it cannot read as a URL rather than throwing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pw {

// `ref` resolved against `base` (RFC 3986 section 5). Returns `ref` unchanged
// when it is already absolute or when `base` is not an absolute URL, and ""
// when `ref` is not a URI reference at all. IRIs work too: non-ASCII
// characters are kept as written ("/À" -> "https://a.vn/À"), a space
// becomes %20.
std::string ResolveUrl(std::string_view base, std::string_view ref);

// Identity of a web page for de-duplication: scheme and host lower-cased,
// default port, fragment and tracking parameters (utm_*, fbclid, gclid, ...)
// removed. "" when `url` is not an absolute http(s) URL.
std::string CanonicalUrl(std::string_view url);

// Lower-cased host of an absolute URL, "" if none.
std::string HostOf(std::string_view url);

struct UrlParts {
  std::string scheme;  // lower-case: "http", "https", "file"
  std::string host;    // without brackets for IPv6
  std::string port;    // explicit or the scheme's default ("80", "443"); "" for file
  std::string target;  // path and query, at least "/"; for file:// the decoded path
};
std::optional<UrlParts> SplitUrl(std::string_view url);

}  // namespace pw
