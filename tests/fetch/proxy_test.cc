#include "fetch/proxy.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "test_util.h"

namespace pw::fetch {
namespace {

std::optional<Proxy> For(const ProxySettings& s, const std::string& url) {
  auto r = ProxyFor(s, *SplitUrl(url));
  EXPECT_TRUE(r.has_value()) << r.error().message;
  return r ? *r : std::nullopt;
}

TEST(ProxyFor, PicksTheProxyOfTheScheme) {
  const ProxySettings s{.http_proxy = "http://proxy.fund.vn:3128", .https_proxy = "http://tls-proxy.fund.vn"};
  auto http = For(s, "http://vnexpress.net/rss/kinh-doanh.rss");
  ASSERT_TRUE(http);
  EXPECT_EQ(http->host, "proxy.fund.vn");
  EXPECT_EQ(http->port, "3128");
  EXPECT_EQ(http->authorization, "");
  auto https = For(s, "https://e27.co/feed/");
  ASSERT_TRUE(https);
  EXPECT_EQ(https->host, "tls-proxy.fund.vn");
  EXPECT_EQ(https->port, "80");
  EXPECT_FALSE(For(ProxySettings{.http_proxy = "http://p:1"}, "https://e27.co/feed/"));
}

TEST(ProxyFor, CredentialsBecomeBasicAuthentication) {
  // "Aladdin:open sesame" is RFC 7617's example.
  auto p = For(ProxySettings{.http_proxy = "http://Aladdin:open%20sesame@proxy:8080"}, "http://a.vn/");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->authorization, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  auto bare = For(ProxySettings{.http_proxy = "proxy.fund.vn:3128"}, "http://a.vn/");  // no scheme: http://
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->host, "proxy.fund.vn");
}

TEST(ProxyFor, NoProxyEntriesMatchHostsDomainsAndBlocks) {
  ProxySettings s{.http_proxy = "http://proxy:3128",
                  .no_proxy = "intranet.fund.vn, .corp.example ,10.0.0.0/8,cafef.vn:443"};
  struct Case {
    const char* url;
    bool proxied;
  } cases[] = {
      {"http://intranet.fund.vn/rss", false},
      {"http://news.intranet.fund.vn/rss", false},  // a subdomain of an entry
      {"http://notintranet.fund.vn/rss", true},     // not a subdomain: a different name
      {"http://corp.example/rss", false},
      {"http://a.corp.example/rss", false},
      {"http://10.20.30.40/rss", false},
      {"http://11.0.0.1/rss", true},
      {"http://cafef.vn/rss", false},  // ports in entries are ignored
      {"http://vnexpress.net/rss", true},
      {"http://localhost:8080/rss", false},  // loopback always goes direct
      {"http://127.0.0.1:8080/rss", false},
      {"http://[::1]:8080/rss", false},
  };
  for (const auto& c : cases) EXPECT_EQ(For(s, c.url).has_value(), c.proxied) << c.url;
  EXPECT_FALSE(For(ProxySettings{.http_proxy = "http://p:1", .no_proxy = "*"}, "http://a.vn/"));
}

TEST(ProxyFor, RefusesProxiesItCannotSpeak) {
  auto socks = ProxyFor(ProxySettings{.http_proxy = "socks5://p:1080"}, *SplitUrl("http://a.vn/"));
  ASSERT_FALSE(socks.has_value());
  EXPECT_EQ(socks.error().kind, ErrorKind::kUnsupported);
}

TEST(ProxySettings, ReadsTheLowerCaseVariablesFirstAndNeverUpperCaseHttpProxy) {
  ::setenv("http_proxy", "http://lower:1", 1);
  ::setenv("HTTP_PROXY", "http://upper:1", 1);
  ::setenv("HTTPS_PROXY", "http://upper-tls:1", 1);
  ::unsetenv("https_proxy");
  ::setenv("NO_PROXY", "a.vn", 1);
  ::unsetenv("no_proxy");
  const ProxySettings s = ProxySettings::FromEnvironment();
  EXPECT_EQ(s.http_proxy, "http://lower:1");
  EXPECT_EQ(s.https_proxy, "http://upper-tls:1");
  EXPECT_EQ(s.no_proxy, "a.vn");
  ::unsetenv("http_proxy");
  EXPECT_EQ(ProxySettings::FromEnvironment().http_proxy, "");  // HTTP_PROXY alone is ignored (httpoxy)
  for (const char* v : {"HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"}) ::unsetenv(v);
}

}  // namespace
}  // namespace pw::fetch
