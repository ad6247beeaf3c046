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

// Slot i of the signature hashes a shingle's 64-bit hash h as (a_i * h + b_i)
// >> 32 (multiply-shift): one multiply per slot instead of a hash per slot.
// Fixed constants, so fingerprints stored by one run compare with the next.
struct SlotHashes {
  std::array<std::uint64_t, kSignatureSlots> a{}, b{};
  SlotHashes() {
    std::uint64_t seed = 0x70726573737761ull;  // "presswa"
    for (int i = 0; i < kSignatureSlots; ++i) {
      a[static_cast<size_t>(i)] = Mix(seed += 0x9e3779b97f4a7c15ull) | 1;
      b[static_cast<size_t>(i)] = Mix(seed += 0x9e3779b97f4a7c15ull);
    }
  }
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::string Fingerprint::ToBytes() const {
  std::string out;
  out.reserve(slots.size() * 4);
  for (std::uint32_t v : slots)
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
  return out;
}

std::optional<Fingerprint> Fingerprint::FromBytes(std::string_view bytes) {
  if (bytes.size() != kSignatureSlots * 4u) return std::nullopt;
  Fingerprint f;
  for (size_t i = 0; i < f.slots.size(); ++i) {
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v |= std::uint32_t(static_cast<unsigned char>(bytes[4 * i + k])) << (8 * k);
    f.slots[i] = v;
  }
  return f;
}

std::optional<Fingerprint> MakeFingerprint(std::string_view text) {
  static const SlotHashes hashes;
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
  Fingerprint f;
  f.slots.fill(std::numeric_limits<std::uint32_t>::max());
  std::string shingle;
  for (size_t w = 0; w + 2 < words.size(); ++w) {
    shingle.assign(words[w]);
    shingle += ' ';
    shingle += words[w + 1];
    shingle += ' ';
    shingle += words[w + 2];
    const std::uint64_t h = HashBytes(shingle);
    for (size_t i = 0; i < f.slots.size(); ++i) {
      const auto v = static_cast<std::uint32_t>((hashes.a[i] * h + hashes.b[i]) >> 32);
      f.slots[i] = std::min(f.slots[i], v);
    }
  }
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
