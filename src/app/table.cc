#include "app/table.h"

#include <algorithm>

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
  // Shrink the widest columns until the table fits (2 spaces between columns).
  auto total = [&] {
    std::size_t t = 0;
    for (auto w : width) t += w + 2;
    return t;
  };
  while (total() > max_width) {
    auto widest = std::max_element(width.begin(), width.end());
    if (*widest <= 8) break;
    --*widest;
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
  return 120;
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO); }
bool StderrIsTerminal() { return isatty(STDERR_FILENO); }

}  // namespace pw::app
