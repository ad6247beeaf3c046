#include "fetch/decompress.h"

#include <algorithm>

#include <zlib.h>

namespace pw::fetch {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

// window_bits: 16+MAX_WBITS gzip, MAX_WBITS zlib, -MAX_WBITS raw deflate.
Result<std::string> InflateWith(std::string_view in, int window_bits, std::size_t max_output) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return Error::Internal("zlib: inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char chunk[64 * 1024];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      const std::string msg = zs.msg ? zs.msg : "truncated or corrupt data";
      inflateEnd(&zs);
      return Error::Malformed("bad compressed body: " + msg);
    }
    const std::size_t produced = sizeof chunk - zs.avail_out;
    if (out.size() + produced > max_output) {
      inflateEnd(&zs);
      return Error::TooLarge("inflated body over " + std::to_string(max_output) + " bytes");
    }
    out.append(chunk, produced);
    if (rc == Z_OK && zs.avail_in == 0 && produced == 0) {
      inflateEnd(&zs);
      return Error::Malformed("bad compressed body: truncated");
    }
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace

Result<std::string> Inflate(std::string_view body, std::string_view encoding, std::size_t max_output) {
  const std::string enc = Lower(encoding);
  if (enc.empty() || enc == "identity") return std::string(body);
  if (enc == "gzip" || enc == "x-gzip") return InflateWith(body, 16 + MAX_WBITS, max_output);
  if (enc == "deflate") {
    auto zlib = InflateWith(body, MAX_WBITS, max_output);
    if (zlib || zlib.error().kind == ErrorKind::kTooLarge) return zlib;
    return InflateWith(body, -MAX_WBITS, max_output);
  }
  return Error::Unsupported("unsupported Content-Encoding: " + std::string(encoding));
}

}  // namespace pw::fetch
