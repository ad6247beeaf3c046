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

// Images, archives and compressed bytes are binary; text with a flaw or
// two, and UTF-8 of any script, is not.
TEST(Utf8, LooksBinaryTellsFilesFromFlawedText) {
  EXPECT_TRUE(LooksBinary(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
  EXPECT_TRUE(LooksBinary(std::string("\x1f\x8b\x08\0\0\0\0\0\0\x03", 10)));  // gzip
  EXPECT_TRUE(LooksBinary(std::string(50, '\x02') + std::string(400, 'a')));
  EXPECT_FALSE(LooksBinary("T\u1eadp \u0111o\u00e0n Sovico \u0111\u1ea7u t\u01b0.\r\n\tNext line."));
  EXPECT_FALSE(LooksBinary("<rss>\x01</rss>" + std::string(100, ' ')));  // one stray control: repaired later
  EXPECT_FALSE(LooksBinary(std::string(600, 'a') + std::string(1, '\0') + "b"));  // a stray NUL past the header
  EXPECT_FALSE(LooksBinary(""));
}

// One to four bytes by the code point's size; a surrogate or a value past
// U+10FFFF is no character and adds nothing.
TEST(Utf8, AppendUtf8WritesEachSizeAndSkipsWhatIsNoCharacter) {
  std::string out;
  for (char32_t c : {U'a', U'\u00e0', U'\u0110', U'\u1ec7', U'\U0001F600'}) AppendUtf8(c, out);
  EXPECT_EQ(out, "a\u00e0\u0110\u1ec7\U0001F600");
  AppendUtf8(0xD800, out);
  AppendUtf8(0x110000, out);
  EXPECT_EQ(out, "a\u00e0\u0110\u1ec7\U0001F600");
  EXPECT_TRUE(IsValidUtf8(out));
}

}  // namespace
}  // namespace pw
