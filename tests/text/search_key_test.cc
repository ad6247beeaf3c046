#include "text/search_key.h"

#include <gtest/gtest.h>

namespace pw::text {
namespace {

TEST(SearchKey, FoldsAccentsCaseAndDStroke) {
  EXPECT_EQ(SearchKey("Đổi mới sáng tạo"), "doi moi sang tao");
  EXPECT_EQ(SearchKey("ĐẦU TƯ"), SearchKey("dau tu"));
  EXPECT_EQ(SearchKey("Quỹ GenAI"), "quy genai");
  EXPECT_EQ(SearchKey("Straße"), "strasse");
  EXPECT_EQ(SearchKey("TP.HCM, 92%"), "tp.hcm, 92%");
}

TEST(SearchKey, IgnoresHowTheMarksWereWritten) {
  // NFC, NFD, and old-style tone placement all meet.
  EXPECT_EQ(SearchKey("hòa"), SearchKey("ho\u0300a"));
  EXPECT_EQ(SearchKey("hòa"), SearchKey("hoà"));
  EXPECT_EQ(SearchKey("thúy"), SearchKey("thuý"));
}

TEST(KeyedText, MapsKeySpansBackToTheSource) {
  const KeyedText k = MakeKeyedText("Quỹ GenAI");
  EXPECT_EQ(k.key, "quy genai");
  const auto span = k.SourceSpan(4, 9);
  EXPECT_EQ(span.first, 6u);  // "Quỹ " is 6 bytes
  EXPECT_EQ(span.second, 11u);
  const KeyedText nfd = MakeKeyedText("a\u0301b");
  EXPECT_EQ(nfd.key, "ab");
  EXPECT_EQ(nfd.SourceSpan(0, 1), (std::pair<std::size_t, std::size_t>{0, 3}));  // the mark goes with its letter
}

}  // namespace
}  // namespace pw::text
