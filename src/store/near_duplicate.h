// store/near_duplicate.h: fingerprints that find the syndicated copies of one
// press release (another outlet's URL, a title prefix, a line of boilerplate),
// so that they count as one story.
//
// A Fingerprint is a MinHash signature over shingles of three consecutive
// words of the text's search key (text::SearchKey: accents, case and đ
// folded): 64 slots of 16 bits (b-bit MinHash; a chance match of two 16-bit
// values, 1 in 65,536, is noise). The share of equal slots estimates the
// Jaccard similarity of the two shingle sets, within +-0.055 (one standard
// deviation) near the threshold:
//   Similarity(Fingerprint(seed), Fingerprint("TIN NHANH | " + seed + " Nguồn: VnExpress")) ~ 0.95
//   Similarity(Fingerprint(seed), Fingerprint(another_article))                            ~ 0.0
//
// Lookup scales through locality-sensitive hashing: the first kBands *
// kRowsPerBand slots are cut into kBands bands of kRowsPerBand slots, each
// hashed to one BandKeys() value. Two
// texts that share a band key are candidates; the store indexes band keys, so
// finding the candidates of a new article costs kBands index lookups whatever
// the size of the database. The chance that two texts become candidates is
// 1 - (1 - s^3)^10 for similarity s: 0.91 at s = 0.6, 0.98 at s = 0.7,
// 0.9999 at s = 0.9, 0.01 at s = 0.1.
//
// Texts shorter than kMinShingles shingles get no fingerprint (their own story
// always): two short notices that share a stock phrase are not one story.
// Pure; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pw::store {

inline constexpr int kSignatureSlots = 64;
inline constexpr int kBands = 10;
inline constexpr int kRowsPerBand = 3;
static_assert(kBands * kRowsPerBand <= kSignatureSlots);
inline constexpr int kMinShingles = 20;
// Estimated Jaccard similarity at or above which two articles are one story.
// Syndicated copies in ../shared/corpus score 0.8-1.0; different releases
// written from one template (an author's weekly promotions) 0.5-0.67.
inline constexpr double kSameStorySimilarity = 0.6;

struct Fingerprint {
  std::array<std::uint16_t, kSignatureSlots> slots{};

  // Little-endian bytes (128), as stored; FromBytes() is nullopt for anything
  // that is not kSignatureSlots * 2 bytes.
  std::string ToBytes() const;
  static std::optional<Fingerprint> FromBytes(std::string_view bytes);
};

// nullopt when the text has fewer than kMinShingles shingles.
std::optional<Fingerprint> MakeFingerprint(std::string_view text);

// Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].
double Similarity(const Fingerprint& a, const Fingerprint& b);

// One key per band, in [0, 2^31): equal keys make two texts candidates.
std::array<std::int64_t, kBands> BandKeys(const Fingerprint& f);

}  // namespace pw::store
