// Helpers of the fuzz targets, in both builds (fuzz_target.h).
#include <cstdlib>

#include "fuzz_target.h"

namespace pw::fuzz {

std::string SourceDir() {
  if (const char* dir = std::getenv("PW_SOURCE_DIR"); dir && *dir) return dir;
  return PW_FUZZ_SOURCE_DIR;
}

}  // namespace pw::fuzz
