// fetch/proxy.h: which HTTP proxy a fetch goes through, from the usual
// environment variables.
//
//   http_proxy=http://proxy.fund.vn:3128      for http:// URLs (absolute-form requests)
//   https_proxy=http://u:p@proxy.fund.vn:3128 for https:// URLs (a CONNECT tunnel; TLS
//                                             is still end to end with the outlet)
//   no_proxy=localhost,.internal,10.0.0.0/8   hosts reached directly ("*": all)
//
//   auto s = ProxySettings::FromEnvironment();
//   ProxyFor(s, *SplitUrl("https://vnexpress.net/rss/kinh-doanh.rss"))
//       -> Proxy{.host = "proxy.fund.vn", .port = "3128", .authorization = "Basic dTpw"}
//   ProxyFor(s, *SplitUrl("http://127.0.0.1:8080/x")) -> nullopt  (loopback is never proxied)
//
// As in curl and Go: the lower-case names win over the upper-case ones, and
// HTTP_PROXY in upper case is ignored (a CGI sets it from a request header,
// "httpoxy"). A no_proxy entry matches the host and its subdomains
// ("example.com" and ".example.com" both match "a.example.com"), an IP
// address exactly, or a CIDR block; ports in entries are ignored. Only
// http:// proxies are spoken (user:password@ in the proxy URL becomes Basic
// authentication). Loopback hosts ("localhost", 127.0.0.0/8, ::1) always
// go direct, as Go's net/http does.
// Pure except FromEnvironment (reads the environment); thread-safe.
#pragma once

#include <optional>
#include <string>

#include "common/error.h"
#include "common/url.h"

namespace pw::fetch {

struct ProxySettings {
  std::string http_proxy;   // proxy URL for http:// targets, "" for none
  std::string https_proxy;  // proxy URL for https:// targets, "" for none
  std::string no_proxy;     // comma-separated hosts, domains, CIDR blocks, or "*"

  static ProxySettings FromEnvironment();
};

struct Proxy {
  std::string host;           // without brackets for IPv6
  std::string port;           // "3128"; "80" when the URL gives none
  std::string authorization;  // the Proxy-Authorization value, "" without credentials
};

// The proxy for `target`, or nullopt to connect directly. kUnsupported for
// a proxy URL that is not http://, kInvalidArgument for one that is not a URL.
Result<std::optional<Proxy>> ProxyFor(const ProxySettings& settings, const UrlParts& target);

}  // namespace pw::fetch
