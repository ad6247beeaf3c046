// app/table.h: aligned text tables for the terminal.
//
//   Table t({"DATE", "INVESTEE", "AMOUNT"});
//   t.Add({"2024-11-21", "GenAI Fund", "undisclosed"});
//   std::cout << t.Render(100);
//
// Widths count characters (UTF-8 code points), not bytes, so Vietnamese
// aligns; cells wider than their share of `max_width` end in "…" (short
// columns, 12 characters or fewer, are never cut); a `max_width` of 0 cuts
// nothing.
#pragma once

#include <string>
#include <vector>

namespace pw::app {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  std::string Render(std::size_t max_width = 120) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Code points in a UTF-8 string.
std::size_t DisplayWidth(const std::string& s);

// The terminal's width; when stdout is not a terminal, COLUMNS if set, else
// 0 (no limit: a table in a file or a pipe keeps its cells whole).
std::size_t TerminalWidth();
bool StdoutIsTerminal();
bool StderrIsTerminal();

}  // namespace pw::app
