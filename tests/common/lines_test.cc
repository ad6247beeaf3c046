#include "common/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace pw {
namespace {

std::vector<std::pair<int, std::string>> Lines(std::string_view text) {
  std::vector<std::pair<int, std::string>> out;
  ForEachLine(text, [&](int number, std::string_view line) { out.emplace_back(number, std::string(line)); });
  return out;
}

using Numbered = std::vector<std::pair<int, std::string>>;

// Lines are numbered from 1 as an editor shows them, so that an error's
// FILE:LINE points at the line; blank lines count.
TEST(Lines, NumbersEveryLineAsAnEditorDoes) {
  EXPECT_EQ(Lines("a\n\nb"), (Numbered{{1, "a"}, {2, ""}, {3, "b"}}));
  EXPECT_EQ(Lines("a\nb\n"), (Numbered{{1, "a"}, {2, "b"}}));  // nothing after the last "\n"
  EXPECT_EQ(Lines(""), Numbered{});
  EXPECT_EQ(Lines("\n"), (Numbered{{1, ""}}));
}

// A file saved on Windows reads the same; a lone "\r" inside a line stays.
TEST(Lines, DropsTheCarriageReturnOfWindowsLineEnds) {
  EXPECT_EQ(Lines("a\r\nb\r\n"), (Numbered{{1, "a"}, {2, "b"}}));
  EXPECT_EQ(Lines("a\rb"), (Numbered{{1, "a\rb"}}));
}

}  // namespace
}  // namespace pw
