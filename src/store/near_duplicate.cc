#include "store/near_duplicate.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "text/search_key.h"

namespace pw::store {

namespace {

std::uint64_t Mix(std::uint64_t h) {  // splitmix64's finalizer
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

std::uint64_t HashBytes(std::string_view s) {  // FNV-1a, then mixed
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return Mix(h);
}

// What std::isalnum says of ASCII in every locale, without its call per byte
// (a profile of the ingest found it there, bench/RESULTS.md).
bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::string Fingerprint::ToBytes() const {
  std::string out;
  out.reserve(slots.size() * 2);
  for (std::uint16_t v : slots) {
    out.push_back(static_cast<char>(v & 0xff));
    out.push_back(static_cast<char>(v >> 8));
  }
  return out;
}

std::optional<Fingerprint> Fingerprint::FromBytes(std::string_view bytes) {
  if (bytes.size() != kSignatureSlots * 2u) return std::nullopt;
  Fingerprint f;
  for (size_t i = 0; i < f.slots.size(); ++i)
    f.slots[i] = static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[2 * i]) |
                                            (static_cast<unsigned char>(bytes[2 * i + 1]) << 8));
  return f;
}

std::optional<Fingerprint> MakeFingerprint(std::string_view text) {
  const std::string key = text::SearchKey(text);
  std::vector<std::string_view> words;
  for (size_t i = 0; i < key.size();) {
    while (i < key.size() && !IsWordByte(static_cast<unsigned char>(key[i]))) ++i;
    size_t j = i;
    while (j < key.size() && IsWordByte(static_cast<unsigned char>(key[j]))) ++j;
    if (j > i) words.push_back(std::string_view(key).substr(i, j - i));
    i = j;
  }
  if (words.size() < 3 || static_cast<int>(words.size() - 2) < kMinShingles) return std::nullopt;
  // A shingle's hash combines its words' hashes, position by position, so
  // each word is hashed once.
  std::vector<std::uint64_t> word_hashes(words.size());
  for (size_t w = 0; w < words.size(); ++w) word_hashes[w] = HashBytes(words[w]);
  // One permutation hashing: each shingle's hash picks a slot (its top six
  // bits) and competes for that slot's minimum (its low 32 bits): one hash
  // per shingle, not one per slot (Li, Owen and Zhang 2012).
  constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  std::array<std::uint32_t, kSignatureSlots> minimum;
  minimum.fill(kEmpty);
  static_assert(kSignatureSlots == 64, "slot = the hash's top six bits");
  for (size_t w = 0; w + 2 < words.size(); ++w) {
    const std::uint64_t h =
        Mix(word_hashes[w] ^ Mix(word_hashes[w + 1] + 0x9e3779b97f4a7c15ull) ^ (word_hashes[w + 2] * 0xc2b2ae3d27d4eb4full));
    const size_t slot = h >> 58;
    minimum[slot] = std::min(minimum[slot], static_cast<std::uint32_t>(h) & (kEmpty - 1));
  }
  // A slot no shingle fell into borrows the value of a filled slot chosen by
  // a fixed random sequence of its own (optimal densification, Shrivastava
  // 2017): two texts then agree on a slot with probability their Jaccard
  // similarity, however short they are.
  const auto filled = minimum;
  for (size_t i = 0; i < minimum.size(); ++i) {
    if (filled[i] != kEmpty) continue;
    for (std::uint64_t attempt = 1;; ++attempt) {
      const size_t from = Mix(i * 0x9e3779b97f4a7c15ull + attempt) >> 58;
      if (filled[from] != kEmpty) {
        minimum[i] = filled[from];
        break;
      }
    }
  }
  // The low 16 bits of each minimum (b-bit MinHash): the minimum is chosen
  // on the full value, so which shingle wins is unchanged.
  Fingerprint f;
  for (size_t i = 0; i < minimum.size(); ++i) f.slots[i] = static_cast<std::uint16_t>(minimum[i]);
  return f;
}

double Similarity(const Fingerprint& a, const Fingerprint& b) {
  int equal = 0;
  for (size_t i = 0; i < a.slots.size(); ++i) equal += a.slots[i] == b.slots[i];
  return static_cast<double>(equal) / kSignatureSlots;
}

std::array<std::int64_t, kBands> BandKeys(const Fingerprint& f) {
  std::array<std::int64_t, kBands> keys{};
  for (int band = 0; band < kBands; ++band) {
    std::uint64_t h = Mix(0x62616e64ull + static_cast<std::uint64_t>(band));  // "band"
    for (int row = 0; row < kRowsPerBand; ++row) h = Mix(h ^ f.slots[static_cast<size_t>(band * kRowsPerBand + row)]);
    // 31 bits: SQLite stores the key in 4 bytes. A chance collision only adds
    // a candidate, which Similarity() then turns down.
    keys[static_cast<size_t>(band)] = static_cast<std::int64_t>(h & 0x7fffffffull);
  }
  return keys;
}

}  // namespace pw::store
