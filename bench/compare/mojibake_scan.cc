// mojibake_scan: which lines of its input RepairMojibake changes. For the
// check that correct text is never "repaired" (bench/compare/mojibake_scan.sh
// runs it over all of ../shared/corpus; docs/text.md has the result).
//   mojibake_scan < LINES      prints "line N:" and the line before and after
//                              the change, then a summary on standard error
#include <cstdio>
#include <iostream>
#include <string>

#include "text/mojibake.h"

int main(int argc, char** argv) {
  if (argc > 1) {
    std::fprintf(stderr, "usage: mojibake_scan < LINES\n");
    return std::string(argv[1]) == "--help" ? 0 : 2;
  }
  size_t lines = 0, bytes = 0, changed = 0;
  for (std::string line; std::getline(std::cin, line);) {
    ++lines;
    bytes += line.size() + 1;
    const auto repaired = pw::text::RepairMojibake(line);
    if (!repaired) continue;
    ++changed;
    size_t at = 0;  // show the first change, with some context
    while (at < line.size() && at < repaired->size() && line[at] == (*repaired)[at]) ++at;
    const size_t from = at > 50 ? at - 50 : 0;
    std::cout << "line " << lines << ":\n  in:  " << line.substr(from, 110) << "\n  out: " << repaired->substr(from, 100)
              << "\n";
  }
  std::cerr << "mojibake_scan: " << lines << " lines, " << bytes << " bytes, " << changed << " changed\n";
  return 0;
}
