// fetch/decompress.h: Content-Encoding gzip and deflate, with a ceiling.
//
//   Inflate(gzip_bytes, "gzip", 50 << 20) -> the original bytes
//   Inflate(bomb, "gzip", 50 << 20)       -> kTooLarge after at most 50 MiB
//
// The ceiling is checked while inflating, so a 10 KB bomb never costs more
// than `max_output` bytes of memory. "identity" and "" return the input.
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/error.h"

namespace pw::fetch {

// `encoding` is the Content-Encoding value (case-insensitive): gzip, x-gzip,
// deflate (zlib-wrapped or raw, both seen in the wild), identity.
Result<std::string> Inflate(std::string_view body, std::string_view encoding, std::size_t max_output);

}  // namespace pw::fetch
