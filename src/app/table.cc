#include "app/table.h"

#include <algorithm>
#include <cstdlib>

#include <sys/ioctl.h>
#include <unistd.h>

#include "text/utf8.h"

namespace pw::app {

std::size_t DisplayWidth(const std::string& s) { return text::CodePointCount(s); }

namespace {

// The first `width` characters, with "…" when cut.
std::string Fit(const std::string& s, std::size_t width) {
  if (DisplayWidth(s) <= width) return s + std::string(width - DisplayWidth(s), ' ');
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if ((c & 0xC0) != 0x80) {
      if (n + 1 >= width) break;
      ++n;
    }
    out += s[i];
  }
  out += "…";
  return out + std::string(width > n + 1 ? width - n - 1 : 0, ' ');
}

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

}  // namespace

std::string Table::Render(std::size_t max_width) const {
  const std::size_t columns = header_.size();
  std::vector<std::size_t> width(columns, 0);
  for (std::size_t c = 0; c < columns; ++c) width[c] = DisplayWidth(header_[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < columns && c < row.size(); ++c)
      width[c] = std::max(width[c], DisplayWidth(OneLine(row[c])));
  // Shrink the widest columns until the table fits (2 spaces between
  // columns). A short column (a date, a status, an amount) is never cut, a
  // long one not below 8: a table too wide for that runs past the edge.
  constexpr std::size_t kShortColumn = 12, kNarrowest = 8;
  std::vector<std::size_t> floor(columns);
  for (std::size_t c = 0; c < columns; ++c) floor[c] = width[c] <= kShortColumn ? width[c] : kNarrowest;
  auto total = [&] {
    std::size_t t = 0;
    for (auto w : width) t += w + 2;
    return t;
  };
  while (max_width > 0 && total() > max_width) {
    std::size_t widest = columns;
    for (std::size_t c = 0; c < columns; ++c)
      if (width[c] > floor[c] && (widest == columns || width[c] > width[widest])) widest = c;
    if (widest == columns) break;
    --width[widest];
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string cell = c < row.size() ? OneLine(row[c]) : "";
      line += Fit(cell, width[c]);
      if (c + 1 < columns) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  };
  emit(header_);
  for (const auto& row : rows_) emit(row);
  return out;
}

std::size_t TerminalWidth() {
  winsize w{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 20) return w.ws_col;
  // Not a terminal: COLUMNS when the user set it, else no limit, so that a
  // table written to a file or to grep keeps every cell whole.
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 20) return static_cast<std::size_t>(n);
  }
  return 0;
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO); }
bool StderrIsTerminal() { return isatty(STDERR_FILENO); }

}  // namespace pw::app
