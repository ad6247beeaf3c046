#include "text/sentences.h"

#include <gtest/gtest.h>

namespace pw::text {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SplitSentences, KeepsAbbreviationsOfBothLanguagesInside) {
  EXPECT_EQ(Sentences("Ông A, Th.S kinh tế tại TP.HCM, nói vậy. Mr. Tan của Acme Pte. Ltd. đồng ý."),
            (std::vector<std::string>{"Ông A, Th.S kinh tế tại TP.HCM, nói vậy.", "Mr. Tan của Acme Pte. Ltd. đồng ý."}));
  EXPECT_EQ(Sentences("The U.S. fund led it. Dr. Lee said so."),
            (std::vector<std::string>{"The U.S. fund led it.", "Dr. Lee said so."}));
}

TEST(SplitSentences, BreaksAtParagraphsAndTrimsSpaces) {
  EXPECT_EQ(Sentences("  Tiêu đề không dấu chấm\n\nCâu một. Câu hai!  "),
            (std::vector<std::string>{"Tiêu đề không dấu chấm", "Câu một.", "Câu hai!"}));
  EXPECT_TRUE(SplitSentences("").empty());
}

}  // namespace
}  // namespace pw::text
