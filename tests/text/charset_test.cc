#include "text/charset.h"

#include <gtest/gtest.h>

namespace pw::text {
namespace {

TEST(SniffCharset, ByteOrderMarkWinsOverEverything) {
  EXPECT_EQ(SniffCharset("\xEF\xBB\xBF<html><meta charset=windows-1258>", "text/html; charset=latin1"),
            "UTF-8");
  EXPECT_EQ(SniffCharset(std::string_view("\xFF\xFE<\0h\0", 6), ""), "UTF-16LE");
}

TEST(SniffCharset, HttpHeaderBeforeTheMetaTag) {
  EXPECT_EQ(SniffCharset("<meta charset=\"utf-8\"><p>caf\xE9</p>", "text/html; charset=ISO-8859-1"),
            "windows-1252");
  EXPECT_EQ(SniffCharset("<p>x</p>", "text/html; Charset=\"windows-1258\""), "windows-1258");
}

TEST(SniffCharset, MetaCharsetAndHttpEquivInTheFirstBytes) {
  EXPECT_EQ(SniffCharset("<html><head><meta charset='windows-1258'><p>\xD0</p>", ""), "windows-1258");
  EXPECT_EQ(
      SniffCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>\xB0\xA1</p>",
                   ""),
      "GBK");
  // A charset in a comment is not a declaration.
  EXPECT_EQ(SniffCharset("<!-- <meta charset=koi8-r> --><p>\xC1</p>", ""), "UTF-8");
  // Past the first 8 KiB it is not looked for.
  EXPECT_EQ(SniffCharset(std::string(9000, ' ') + "<meta charset=windows-1258><p>\xD0</p>", ""), "UTF-8");
}

TEST(SniffCharset, ValidUtf8WithAccentsIsUtf8WhateverTheDeclaration) {
  // Servers send "charset=ISO-8859-1" for UTF-8 pages; re-saved pages keep
  // their old <meta charset>.
  EXPECT_EQ(SniffCharset("<meta charset=gb2312><p>Quỹ đầu tư</p>", ""), "UTF-8");
  EXPECT_EQ(SniffCharset("<p>Quỹ đầu tư</p>", "text/html; charset=iso-8859-1"), "UTF-8");
  // Plain ASCII keeps its declaration (the two read the same).
  EXPECT_EQ(SniffCharset("<meta charset=windows-1258><p>abc</p>", ""), "windows-1258");
}

TEST(SniffCharset, DefaultIsUtf8AndLabelsAreFolded) {
  EXPECT_EQ(SniffCharset("<html><p>plain</p>", ""), "UTF-8");
  EXPECT_EQ(CharsetOfContentType("text/html; charset=utf8"), "UTF-8");
  EXPECT_EQ(CharsetOfContentType("text/html; charset=US-ASCII"), "windows-1252");
  EXPECT_EQ(CharsetOfContentType("text/html"), "");
  EXPECT_EQ(CharsetOfContentType("text/html; charset=<script>"), "");
}

}  // namespace
}  // namespace pw::text
