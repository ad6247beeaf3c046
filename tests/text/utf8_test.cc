#include "text/utf8.h"

#include <gtest/gtest.h>

namespace pw::text {
namespace {

TEST(CodePointCount, CountsCharactersNotBytes) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("H"), 1u);
  EXPECT_EQ(CodePointCount("Đ"), 1u);            // two bytes
  EXPECT_EQ(CodePointCount("Đỗ Tiến"), 7u);      // 12 bytes
  EXPECT_EQ(CodePointCount("\xF0\x9F\x98\x80"), 1u);  // an emoji, four bytes
  // Not UTF-8: each byte that is no continuation byte counts, nothing throws.
  EXPECT_EQ(CodePointCount("\xFF\x80\x80" "a"), 2u);
}

}  // namespace
}  // namespace pw::text
