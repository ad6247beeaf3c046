#include "common/utf8.h"

#include <string>

#include <gtest/gtest.h>

namespace pw {
namespace {

TEST(Utf8, WellFormedTextIsValidAndOtherBytesAreNot) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII, longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("Đỗ Tiến Thịnh, Phó Giám đốc"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("abc\xC3"));              // cut in the middle of "é"
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));             // overlong "/"
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));         // a surrogate, U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));     // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("12345678\x80" "9"));     // after an ASCII run
  EXPECT_EQ(ValidUtf8Prefix("Việt\xFFNam"), std::string("Việt").size());
}

TEST(Utf8, ValidUtf8ReplacesEachBadByteAndKeepsTheRest) {
  EXPECT_EQ(ValidUtf8("Việt Nam"), "Việt Nam");
  EXPECT_EQ(ValidUtf8("a\xFF" "b"), "a\uFFFD" "b");
  EXPECT_EQ(ValidUtf8("\xC3" "Đ\xFF\xFE"), "\uFFFDĐ\uFFFD\uFFFD");
  EXPECT_TRUE(IsValidUtf8(ValidUtf8("\xED\xA0\x80 x \xF4\x90\x80\x80")));
}

}  // namespace
}  // namespace pw
