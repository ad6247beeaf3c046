#include "app/table.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace pw::app {
namespace {

Table Funding() {
  Table t({"ANNOUNCED", "INVESTEE", "INVESTORS (* lead)", "AMOUNT", "ROUND"});
  t.Add({"2024-06-23", "SoSoValue", "HongShan*, GSR Markets*, Alumni Ventures*, CoinSummer Labs*", "4.15 mn USD",
         "seed"});
  t.Add({"2024-11-21", "Quỹ GenAI", "Tập đoàn Sovico*", "undisclosed", "strategic"});
  return t;
}

// A table in a file or a pipe (no width) keeps every cell whole, so that
// grep and scripts see the whole investor list.
TEST(Table, WithoutAWidthNothingIsCut) {
  const std::string out = Funding().Render(0);
  EXPECT_NE(out.find("HongShan*, GSR Markets*, Alumni Ventures*, CoinSummer Labs*  4.15 mn USD"), std::string::npos)
      << out;
  EXPECT_EQ(out.find("…"), std::string::npos) << out;
  // Columns count characters, not bytes: Vietnamese aligns.
  EXPECT_NE(out.find("2024-11-21  Quỹ GenAI  Tập đoàn Sovico*       "), std::string::npos) << out;
}

// On a narrow terminal the long columns give way; dates, amounts and rounds
// (12 characters or fewer) are never cut.
TEST(Table, ANarrowWidthCutsTheLongColumnsOnly) {
  const std::string out = Funding().Render(60);
  EXPECT_NE(out.find("2024-06-23"), std::string::npos) << out;
  EXPECT_NE(out.find("4.15 mn USD"), std::string::npos) << out;
  EXPECT_NE(out.find("undisclosed"), std::string::npos) << out;
  EXPECT_NE(out.find("strategic"), std::string::npos) << out;
  EXPECT_NE(out.find("HongShan*,…"), std::string::npos) << out;
  for (std::size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos; start = end + 1)
    EXPECT_LE(DisplayWidth(out.substr(start, end - start)), 60u) << out;
}

// Not a terminal (as under ctest): COLUMNS when set, else no limit.
TEST(Table, OutsideATerminalTheWidthIsColumnsOrNone) {
  ASSERT_FALSE(StdoutIsTerminal()) << "run with stdout not a terminal";
  const char* saved = std::getenv("COLUMNS");
  const std::string restore = saved ? saved : "";
  setenv("COLUMNS", "72", 1);
  EXPECT_EQ(TerminalWidth(), 72u);
  setenv("COLUMNS", "wide", 1);
  EXPECT_EQ(TerminalWidth(), 0u);
  unsetenv("COLUMNS");
  EXPECT_EQ(TerminalWidth(), 0u);
  if (saved) setenv("COLUMNS", restore.c_str(), 1);
}

}  // namespace
}  // namespace pw::app
