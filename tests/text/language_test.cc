#include "text/language.h"

#include <gtest/gtest.h>

namespace pw::text {
namespace {

TEST(DetectLanguage, TellsVietnameseEnglishAndOther) {
  EXPECT_EQ(DetectLanguage("Quỹ GenAI công bố khoản đầu tư chiến lược"), Language::kVietnamese);
  EXPECT_EQ(DetectLanguage("Quy GenAI cong bo khoan dau tu chien luoc vao cac startup"), Language::kVietnamese);
  EXPECT_EQ(DetectLanguage("GenAI Fund announced a strategic investment in the company"), Language::kEnglish);
  EXPECT_EQ(DetectLanguage("Venezuela vỡ nợ"), Language::kVietnamese);  // a short title
  EXPECT_EQ(DetectLanguage("12345 — 678"), Language::kOther);
}

TEST(LanguageCode, RoundTrips) {
  EXPECT_EQ(LanguageCode(Language::kVietnamese), "vi");
  EXPECT_EQ(LanguageFromCode("en-US"), Language::kEnglish);
  EXPECT_EQ(LanguageFromCode(""), Language::kOther);
}

}  // namespace
}  // namespace pw::text
