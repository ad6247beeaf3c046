// store/simhash.h: near-duplicate fingerprints, to group syndicated copies of
// one press release into a story.
//
// SimHash (Charikar) over shingles of three consecutive words of the text's
// search key: texts that share most of their shingles differ in few of the
// 64 bits. Boilerplate a republisher adds (a by-line, a "Nguồn:" line)
// moves a few bits; a different article moves about half of them.
//   HammingDistance(SimHash(a), SimHash(a + " Nguồn: VnExpress")) <= kSameStoryDistance
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace pw::store {

inline constexpr int kSameStoryDistance = 8;

std::uint64_t SimHash(std::string_view text);
int HammingDistance(std::uint64_t a, std::uint64_t b);

}  // namespace pw::store
