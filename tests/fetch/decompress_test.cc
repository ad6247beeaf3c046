#include "fetch/decompress.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "test_util.h"

namespace pw::fetch {
namespace {

std::string Compress(const std::string& in, int window_bits) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(Inflate, RoundTripsGzipAndBothDeflateFlavours) {
  const std::string text = "<rss><channel><title>Tin mới nhất</title></channel></rss>";
  auto gz = Inflate(Compress(text, 16 + MAX_WBITS), "gzip", 1 << 20);
  ASSERT_OK(gz);
  EXPECT_EQ(*gz, text);
  auto zlib = Inflate(Compress(text, MAX_WBITS), "Deflate", 1 << 20);
  ASSERT_OK(zlib);
  EXPECT_EQ(*zlib, text);
  auto raw = Inflate(Compress(text, -MAX_WBITS), "deflate", 1 << 20);
  ASSERT_OK(raw);
  EXPECT_EQ(*raw, text);
  auto identity = Inflate(text, "identity", 1 << 20);
  ASSERT_OK(identity);
  EXPECT_EQ(*identity, text);
}

TEST(Inflate, StopsAGzipBombAtTheCeiling) {
  // 64 MiB of zeros compresses to about 64 KiB.
  const std::string bomb = Compress(std::string(64 << 20, '\0'), 16 + MAX_WBITS);
  ASSERT_LT(bomb.size(), 1u << 20);
  auto r = Inflate(bomb, "gzip", 1 << 20);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kTooLarge);
}

TEST(Inflate, ReportsCorruptAndTruncatedData) {
  const std::string gz = Compress(std::string(10000, 'a'), 16 + MAX_WBITS);
  auto truncated = Inflate(gz.substr(0, gz.size() / 2), "gzip", 1 << 20);
  ASSERT_FALSE(truncated.has_value());
  EXPECT_EQ(truncated.error().kind, ErrorKind::kMalformed);
  auto garbage = Inflate("definitely not gzip", "gzip", 1 << 20);
  ASSERT_FALSE(garbage.has_value());
  EXPECT_EQ(garbage.error().kind, ErrorKind::kMalformed);
  auto unknown = Inflate("x", "br", 1 << 20);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, ErrorKind::kUnsupported);
}

}  // namespace
}  // namespace pw::fetch
