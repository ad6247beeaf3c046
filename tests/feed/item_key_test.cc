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
