#include "common/json_string.h"

#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace pw {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(Quoted("Quỹ \"GenAI\"\n"), "\"Quỹ \\\"GenAI\\\"\\n\"");
  EXPECT_EQ(Quoted("a\\b\tc\rd\be\ff"), "\"a\\\\b\\tc\\rd\\be\\ff\"");
  EXPECT_EQ(Quoted(std::string_view("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(Quoted(""), "\"\"");
}

TEST(JsonString, AppendsToWhatIsThere) {
  std::string out = "[";
  AppendJsonString(out, "x");
  EXPECT_EQ(out, "[\"x\"");
}

// Every byte alone and in a run of text escapes as Boost.JSON's serializer
// writes it (the CLI's other JSON), and parses back to itself.
TEST(JsonString, AgreesWithBoostJsonOnEveryByte) {
  for (int b = 0; b < 0x80; ++b) {
    const std::string s = std::string("ab") + static_cast<char>(b) + "cd";
    EXPECT_EQ(Quoted(s), boost::json::serialize(boost::json::string(s))) << "byte " << b;
    EXPECT_EQ(boost::json::parse(Quoted(s)).as_string(), s) << "byte " << b;
  }
}

}  // namespace
}  // namespace pw
