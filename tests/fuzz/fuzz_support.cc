// Helpers of the fuzz targets, in both builds (fuzz_target.h).
#include <cstdlib>

#include "fuzz_target.h"

namespace pw::fuzz {

std::string SourceDir() {
  if (const char* dir = std::getenv("PW_SOURCE_DIR"); dir && *dir) return dir;
  return PW_FUZZ_SOURCE_DIR;
}

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int length = 0;
    char32_t code = 0, min = 0;
    if ((c & 0xE0) == 0xC0) length = 2, code = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) length = 3, code = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) length = 4, code = c & 0x07, min = 0x10000;
    else return false;
    if (i + length > s.size()) return false;
    for (int k = 1; k < length; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      code = (code << 6) | (d & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

}  // namespace pw::fuzz
