#include "app/csv.h"

#include <cstdio>

namespace pw::app {

namespace {

// Whether a spreadsheet would read the field as a formula: it starts with
// =, +, -, @, a tab or a carriage return, and is not a plain number.
bool LooksLikeFormula(std::string_view s) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s[0]) == std::string_view::npos) return false;
  if (s[0] != '+' && s[0] != '-') return true;
  const std::string_view digits = s.substr(1);
  bool seen_digit = false, seen_point = false;
  for (char c : digits) {
    if (c >= '0' && c <= '9') seen_digit = true;
    else if (c == '.' && !seen_point) seen_point = true;
    else return true;
  }
  return !seen_digit;
}

}  // namespace

std::string CsvField(std::string_view value) {
  // Text from feeds is written by strangers: a title "=HYPERLINK(...)" would
  // run in Excel or LibreOffice. A leading ' makes it text there (OWASP's
  // advice on CSV injection); NDJSON carries the value exact.
  std::string guarded;
  if (LooksLikeFormula(value)) {
    guarded.reserve(value.size() + 1);
    guarded += '\'';
    guarded += value;  // not "'" + std::string(value): g++ 12's -Wrestrict false alarm
    value = guarded;
  }
  const std::string_view s = value;
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += CsvField(fields[i]);
  }
  return line + "\r\n";
}

std::string JoinList(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += separator;
    out += s;
  }
  return out;
}

std::string CsvNumber(std::optional<double> value) {
  if (!value) return {};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", *value);
  return buf;
}

}  // namespace pw::app
