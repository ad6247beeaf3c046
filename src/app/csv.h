// app/csv.h: CSV as RFC 4180 has it, for spreadsheets and the ecosystem
// database: fields quoted when they hold a comma, quote or line break, quotes
// doubled, lines ending in CRLF. Lists go in one field, joined by "; ". A
// field a spreadsheet would run as a formula (it starts with =, +, -, @, a
// tab or CR, and is not a number) gets a leading ' (CSV injection).
//
//   CsvLine({"GenAI Fund", "Sovico Group; VinaCapital", "say \"hi\""})
//       == "GenAI Fund,Sovico Group; VinaCapital,\"say \"\"hi\"\"\"\r\n"
//   CsvField("=1+1") == "'=1+1"; CsvField("-2.5") == "-2.5"
//   CsvNumber(2500000.0) == "2500000"; CsvNumber(nullopt) == ""
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pw::app {

std::string CsvField(std::string_view value);
std::string CsvLine(const std::vector<std::string>& fields);
std::string JoinList(const std::vector<std::string>& items, std::string_view separator = "; ");
std::string CsvNumber(std::optional<double> value);

}  // namespace pw::app
