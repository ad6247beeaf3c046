// NarrowLetterClasses: the rules' \p{L}, \p{Lu}, \p{Ll}, \p{Lt} and \p{N}
// mean the Latin script's letters and digits, on their own, inside a class,
// negated; everything else in a pattern is left as it was.
#include "extract/letter_classes.h"

#include <string>

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace pw::extract {
namespace {

// Whether `pattern`, narrowed, matches the whole of `text`.
bool Matches(const std::string& pattern, const std::string& text) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(NarrowLetterClasses(pattern), options);
  EXPECT_TRUE(re.ok()) << pattern << ": " << re.error();
  return RE2::FullMatch(text, re);
}

TEST(LetterClasses, CapitalsAreTheLatinScriptsOnTheirOwnAndInsideAClass) {
  for (const char* capital : {"A", "Z", "Đ", "Ơ", "Ư", "Ả", "Ø", "Š"}) {
    EXPECT_TRUE(Matches(R"(\p{Lu})", capital)) << capital;
    EXPECT_TRUE(Matches(R"([\p{Lu}\d])", capital)) << capital;
  }
  for (const char* other : {"a", "đ", "ơ", "ả", "ß", "7", "Δ", "Ж", "中"}) {
    EXPECT_FALSE(Matches(R"(\p{Lu})", other)) << other;
  }
  EXPECT_TRUE(Matches(R"([\p{Lu}\d])", "7"));
  EXPECT_TRUE(Matches(R"(\p{Lu}\p{Ll}+)", "Đông"));
  EXPECT_FALSE(Matches(R"(\p{Lu}\p{Ll}+)", "đông"));
}

TEST(LetterClasses, LettersAndDigitsOfWordsInBothLanguages) {
  EXPECT_TRUE(Matches(R"([\p{L}\p{N}&'’-]+)", "Nguyễn-Văn’s&Co2"));
  EXPECT_TRUE(Matches(R"(\p{N}+)", "2025½"));
  EXPECT_FALSE(Matches(R"(\p{L}+)", "Ωmega"));
  EXPECT_TRUE(Matches(R"(\pL+)", "Thịnh"));
}

TEST(LetterClasses, ComplementsOnTheirOwnAndInsideANegatedClass) {
  // organizations.rules: a small letter other than "t" and "ở".
  const std::string small_but_not_t = R"([^\P{Ll}tở])";
  EXPECT_TRUE(Matches(small_but_not_t, "a"));
  EXPECT_TRUE(Matches(small_but_not_t, "ư"));
  EXPECT_FALSE(Matches(small_but_not_t, "t"));
  EXPECT_FALSE(Matches(small_but_not_t, "ở"));
  EXPECT_FALSE(Matches(small_but_not_t, "T"));
  EXPECT_TRUE(Matches(R"(\P{L})", "-"));
  EXPECT_TRUE(Matches(R"(\P{L})", "Δ"));  // no letter to a rule
  EXPECT_FALSE(Matches(R"(\P{L})", "ế"));
  EXPECT_TRUE(Matches(R"((?:^|[^\p{L}])Hàn)", " Hàn"));
  EXPECT_FALSE(Matches(R"((?:^|[^\p{L}])Hàn)", "ếHàn"));
}

TEST(LetterClasses, TheRestOfAPatternIsLeftAsItWas) {
  for (const char* pattern : {R"(\p{Han}+)", R"(\p{Greek})", R"([[:alpha:]]{2,3})", R"(\x{E000}ORG\d+\x{E001})",
                              R"([\]\[](?P<name>x))", R"((?i:raised) \$[\d.,]+)"}) {
    EXPECT_EQ(NarrowLetterClasses(pattern), pattern);
  }
  // A ']' first in a class is a literal: the class goes on to the next one.
  EXPECT_TRUE(Matches(R"([]\p{Lu}]+)", "]A"));
  EXPECT_TRUE(Matches(R"([^]\p{Lu}]+)", "ab"));
  EXPECT_FALSE(Matches(R"([^]\p{Lu}]+)", "a]"));
  // An escaped bracket neither opens nor closes a class.
  EXPECT_TRUE(Matches(R"(\[\p{Lu}\])", "[Đ]"));
}

}  // namespace
}  // namespace pw::extract
