#include "text/normalize.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace pw::text {
namespace {

TEST(NormalizeText, ComposesToNfcAndRemovesInvisibles) {
  // "Quỹ" written with a combining grave and a dot below, a zero-width space,
  // a soft hyphen and an NBSP.
  EXPECT_EQ(NormalizeText("Quy\u0303 GenAI\u00A0\u200Bfund"), "Quỹ GenAI fund");
  EXPECT_EQ(NormalizeText("khởi\u00ADnghiệp\uFEFF"), "khởinghiệp");
  EXPECT_EQ(NormalizeText("a\x01" "b\x7F" "c"), "abc");
}

TEST(NormalizeText, LaysOutParagraphsAndSpaces) {
  EXPECT_EQ(NormalizeText("  one  \t two \r\n\r\n\r\n three\nfour  "), "one two\n\nthree\nfour");
  EXPECT_EQ(NormalizeText("a\u2029b"), "a\n\nb");
  EXPECT_EQ(NormalizeText(""), "");
}

TEST(NormalizeText, ReplacesInvalidUtf8) {
  EXPECT_EQ(NormalizeText("a\xff" "b"), "a\uFFFD" "b");
  EXPECT_EQ(NormalizeText("\xe1\xbb"), "\uFFFD");
}

TEST(NormalizeText, IsIdempotentOnTheSeed) {
  const std::string seed = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  const std::string once = NormalizeText(seed);
  EXPECT_EQ(NormalizeText(once), once);
  EXPECT_NE(once.find("Quỹ GenAI"), std::string::npos);
}

TEST(NormalizeDocument, TakesHtmlOrText) {
  EXPECT_EQ(NormalizeDocument("<p>Quỹ <b>GenAI</b></p><p>AWS &amp; NIC</p>"), "Quỹ GenAI\n\nAWS & NIC");
  EXPECT_EQ(NormalizeDocument("5 < 6 and plain"), "5 < 6 and plain");
  EXPECT_TRUE(LooksLikeHtmlDocument("<!DOCTYPE html><html>"));
  EXPECT_FALSE(LooksLikeHtmlDocument("<3 startups"));
}

}  // namespace
}  // namespace pw::text
