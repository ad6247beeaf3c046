#include "feed/item_key.h"

#include <gtest/gtest.h>

namespace pw::feed {
namespace {

TEST(ItemKey, PrefersGuidThenCanonicalLinkThenContentHash) {
  EXPECT_EQ(ItemKey("abc-123", "https://a.vn/x", "T", "C"), "guid:abc-123");
  EXPECT_EQ(ItemKey("", "https://A.vn/x?utm_source=rss#top", "T", "C"), "url:https://a.vn/x");
  const std::string hashed = ItemKey("", "", "Title", "Content");
  EXPECT_EQ(hashed.rfind("hash:", 0), 0u);
  EXPECT_EQ(hashed.size(), 5u + 16u);
}

TEST(ItemKey, IsStableAndSeparatesTitleFromContent) {
  EXPECT_EQ(ItemKey("", "", "a", "b"), ItemKey("", "", "a", "b"));
  EXPECT_NE(ItemKey("", "", "ab", ""), ItemKey("", "", "a", "b"));
  EXPECT_EQ(StableHash(""), "cbf29ce484222325");  // FNV-1a offset basis
}

TEST(ItemKey, TrackingParametersDoNotMakeANewItem) {
  EXPECT_EQ(ItemKey("", "https://a.vn/x?utm_campaign=1", "", ""), ItemKey("", "https://a.vn/x", "", ""));
}

}  // namespace
}  // namespace pw::feed

#include "feed/parse.h"

namespace pw::feed {
namespace {

// A re-poll, and the same item re-published with tracking parameters and a
// fragment, give the same keys: the store never holds it twice.
TEST(ItemKey, IsTheSameAcrossRepollsAndRepublications) {
  const std::string first =
      "<rss><channel><item><title>Quỹ GenAI</title><link>https://vnexpress.net/a-1.html</link></item>"
      "<item><title>Không link</title><description>Nội dung</description></item></channel></rss>";
  const std::string again =
      "<rss><channel><item><title>Quỹ GenAI (cập nhật)</title>"
      "<link>https://VnExpress.net/a-1.html?utm_source=rss&amp;utm_medium=feed#box_comment</link></item>"
      "<item><title>Không link</title><description>Nội dung</description></item></channel></rss>";
  auto a = Parse(first, {});
  auto b = Parse(again, {});
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->items.size(), 2u);
  ASSERT_EQ(b->items.size(), 2u);
  EXPECT_EQ(a->items[0].key, "url:https://vnexpress.net/a-1.html");
  EXPECT_EQ(a->items[0].key, b->items[0].key);
  EXPECT_EQ(a->items[1].key.rfind("hash:", 0), 0u);
  EXPECT_EQ(a->items[1].key, b->items[1].key);
}

}  // namespace
}  // namespace pw::feed
