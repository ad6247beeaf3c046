#include "common/url.h"

#include <gtest/gtest.h>

namespace pw {
namespace {

TEST(ResolveUrl, ResolvesRelativeReferencesAgainstTheBase) {
  EXPECT_EQ(ResolveUrl("https://a.vn/rss/tin.rss", "/kinh-doanh/x.html"), "https://a.vn/kinh-doanh/x.html");
  EXPECT_EQ(ResolveUrl("https://a.vn/rss/tin.rss", "x.html"), "https://a.vn/rss/x.html");
  EXPECT_EQ(ResolveUrl("https://a.vn/rss/", "../x"), "https://a.vn/x");
  EXPECT_EQ(ResolveUrl("file:///srv/feeds/demo.opml", "demo/a.xml"), "file:///srv/feeds/demo/a.xml");
}

TEST(ResolveUrl, KeepsAbsoluteReferencesAndUnresolvableOnes) {
  EXPECT_EQ(ResolveUrl("https://a.vn/", "http://b.vn/y"), "http://b.vn/y");
  EXPECT_EQ(ResolveUrl("", "/relative"), "/relative");
}

// Feeds link to pages whose paths are not ASCII (issue 4).
TEST(ResolveUrl, KeepsIrisAsWritten) {
  EXPECT_EQ(ResolveUrl("http://any.test/", "/À"), "http://any.test/À");
  EXPECT_EQ(ResolveUrl("https://vnexpress.net/kinh-doanh/", "tin tức.html"), "https://vnexpress.net/kinh-doanh/tin%20tức.html");
  EXPECT_EQ(ResolveUrl("https://a.vn/x", "https://b.vn/việt"), "https://b.vn/việt");
}

// An escape the link itself holds is not one of ours: it stays an escape,
// never a lone byte that is not UTF-8 (found by fuzzing the feed parser).
TEST(ResolveUrl, KeepsTheLinksOwnEscapesOfBytesThatAreNotUtf8) {
  EXPECT_EQ(ResolveUrl("https://a.vn/", "https://b.vn/việt%de/"), "https://b.vn/việt%de/");
  EXPECT_EQ(ResolveUrl("https://a.vn/", "/tin tức%FF%C3"), "https://a.vn/tin%20tức%FF%C3");
  EXPECT_EQ(ResolveUrl("https://a.vn/", "/%C3%A0/À"), "https://a.vn/à/À");  // an escaped character reads as itself
  EXPECT_EQ(ResolveUrl("https://a.vn/", "/%ED%A0%80À"), "https://a.vn/%ED%A0%80À");  // a surrogate is not UTF-8
}

TEST(CanonicalUrl, RemovesTrackingAndFragmentsAndLowersTheHost) {
  EXPECT_EQ(CanonicalUrl("HTTPS://VnExpress.net/a.html?utm_source=rss&id=3#top"), "https://vnexpress.net/a.html?id=3");
  EXPECT_EQ(CanonicalUrl("https://e27.co:443/x?utm_medium=feed&utm_campaign=y"), "https://e27.co/x");
  EXPECT_EQ(CanonicalUrl("http://a.vn:80"), "http://a.vn/");
  EXPECT_EQ(CanonicalUrl("https://a.vn/x?fbclid=abc&page=2"), "https://a.vn/x?page=2");
  EXPECT_EQ(CanonicalUrl("not a url"), "");
  EXPECT_EQ(CanonicalUrl("file:///tmp/x"), "");
}

TEST(SplitUrl, GivesSchemeHostPortAndTarget) {
  auto p = SplitUrl("https://Tuoitre.vn/rss/tin-moi-nhat.rss?x=1");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->scheme, "https");
  EXPECT_EQ(p->host, "tuoitre.vn");
  EXPECT_EQ(p->port, "443");
  EXPECT_EQ(p->target, "/rss/tin-moi-nhat.rss?x=1");
  auto f = SplitUrl("file:///srv/a%20b.xml");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->scheme, "file");
  EXPECT_EQ(f->target, "/srv/a b.xml");
  EXPECT_EQ(SplitUrl("http://127.0.0.1:8080")->target, "/");
  EXPECT_EQ(HostOf("https://E27.co/x"), "e27.co");
}

}  // namespace
}  // namespace pw
