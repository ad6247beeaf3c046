#include "store/simhash.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace pw::store {
namespace {

TEST(SimHash, NearCopiesAreCloseAndDifferentTextsFar) {
  const std::string seed = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  const std::string copy = "TIN DOANH NGHIỆP. " + seed + "\n\nNguồn: Báo Đầu tư";
  const std::string other = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.en.txt");
  EXPECT_LE(HammingDistance(SimHash(seed), SimHash(copy)), kSameStoryDistance);
  EXPECT_GT(HammingDistance(SimHash(seed), SimHash(other)), kSameStoryDistance);
  EXPECT_EQ(SimHash(seed), SimHash(seed));
}

}  // namespace
}  // namespace pw::store
