// common/lines.h: the lines of a text file, numbered, for the readers of our
// own files (rules, gazetteers, site rules) that report errors as FILE:LINE.
//
//   ForEachLine("a\r\nb\n", f) calls f(1, "a") and f(2, "b")
//   ForEachLine("a\n\nb", f)   calls f(1, "a"), f(2, "") and f(3, "b")
//
// A line ends at "\n"; a "\r" before it is dropped, so files saved on Windows
// read the same. Nothing after the last "\n" is no line. Pure.
#pragma once

#include <cstddef>
#include <string_view>

namespace pw {

// Calls on_line(int line_number, std::string_view line) for each line of
// `text` in order, numbered from 1.
template <typename OnLine>
void ForEachLine(std::string_view text, OnLine on_line) {
  int number = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    on_line(++number, line);
    begin = end + 1;
  }
}

}  // namespace pw
