#include "app/csv.h"

#include <gtest/gtest.h>

#include "app/progress.h"

namespace pw::app {
namespace {

TEST(Csv, QuotesOnlyWhatNeedsItAndEndsLinesInCrlf) {
  EXPECT_EQ(CsvLine({"GenAI Fund", "Sovico Group; VinaCapital", "say \"hi\"", "a,b", "two\nlines", ""}),
            "GenAI Fund,Sovico Group; VinaCapital,\"say \"\"hi\"\"\",\"a,b\",\"two\nlines\",\r\n");
  EXPECT_EQ(CsvField("Quỹ GenAI"), "Quỹ GenAI");
  EXPECT_EQ(JoinList({"a", "b"}), "a; b");
  EXPECT_EQ(JoinList({"a", "b"}, ", "), "a, b");
  EXPECT_EQ(CsvNumber(2500000.0), "2500000");
  EXPECT_EQ(CsvNumber(4.15e6), "4150000");
  EXPECT_EQ(CsvNumber(0.5), "0.5");
  EXPECT_EQ(CsvNumber(std::nullopt), "");
}

// Titles come from feeds, written by strangers: none may run as a formula
// when the CSV is opened in a spreadsheet. Numbers stay numbers.
TEST(Csv, AFieldASpreadsheetWouldRunAsAFormulaIsMadeText) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://evil.example/x\",\"click\") Labs raises $5 million"),
            "\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"click\"\") Labs raises $5 million\"");
  EXPECT_EQ(CsvField("+1 Capital backs @Home"), "'+1 Capital backs @Home");
  EXPECT_EQ(CsvField("-2+3=cmd|' /C calc'!A0"), "'-2+3=cmd|' /C calc'!A0");
  EXPECT_EQ(CsvField("@SUM(1+1) Zeta Robotics"), "'@SUM(1+1) Zeta Robotics");
  EXPECT_EQ(CsvField("\t=1+1"), "'\t=1+1");
  EXPECT_EQ(CsvField("\r=1+1"), "\"'\r=1+1\"");
  EXPECT_EQ(CsvField("-"), "'-");
  EXPECT_EQ(CsvField("-2.5"), "-2.5");
  EXPECT_EQ(CsvField("+15"), "+15");
  EXPECT_EQ(CsvField("2024-11-21"), "2024-11-21");
  EXPECT_EQ(CsvField("Sovico = GenAI"), "Sovico = GenAI");
}

TEST(Progress, ThousandsAreGroupedAndAPipeGetsNothing) {
  EXPECT_EQ(Thousands(0), "0");
  EXPECT_EQ(Thousands(999), "999");
  EXPECT_EQ(Thousands(1000), "1,000");
  EXPECT_EQ(Thousands(1234567), "1,234,567");
  EXPECT_EQ(Thousands(-1234), "-1,234");
  Progress quiet("exporting", /*enabled=*/false);
  quiet.Update(5, 10);
  EXPECT_FALSE(quiet.enabled());
}

}  // namespace
}  // namespace pw::app
