// normalize_file: one file (or standard input) through text::NormalizeDocument
// to standard output, as one command, to compare with `uconv -x nfc` on the
// same bytes (bench/compare/normalize_vs_uconv.sh).
//   normalize_file [FILE|-]
#include <cstdio>
#include <string>

#include "text/normalize.h"

int main(int argc, char** argv) {
  if (argc > 2 || (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h"))) {
    std::fprintf(stderr, "usage: normalize_file [FILE|-]   (NormalizeDocument of FILE, or of standard input)\n");
    return argc > 2 ? 2 : 0;
  }
  FILE* in = stdin;
  if (argc == 2 && std::string(argv[1]) != "-") {
    in = std::fopen(argv[1], "rb");
    if (!in) {
      std::fprintf(stderr, "normalize_file: %s: cannot open\n", argv[1]);
      return 1;
    }
  }
  std::string input;
  char buf[1 << 16];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) input.append(buf, n);
  if (in != stdin) std::fclose(in);
  const std::string output = pw::text::NormalizeDocument(input);
  std::fwrite(output.data(), 1, output.size(), stdout);
  return 0;
}
