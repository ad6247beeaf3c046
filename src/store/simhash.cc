#include "store/simhash.h"

#include <array>
#include <bit>
#include <string>
#include <vector>

#include "text/search_key.h"

namespace pw::store {

namespace {

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  // FNV's low bits mix poorly; finish with a multiply-xorshift (splitmix64).
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

}  // namespace

std::uint64_t SimHash(std::string_view text) {
  const std::string key = text::SearchKey(text);
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < key.size()) {
    while (i < key.size() && !std::isalnum(static_cast<unsigned char>(key[i])) &&
           static_cast<unsigned char>(key[i]) < 0x80)
      ++i;
    size_t j = i;
    while (j < key.size() && (std::isalnum(static_cast<unsigned char>(key[j])) ||
                              static_cast<unsigned char>(key[j]) >= 0x80))
      ++j;
    if (j > i) words.push_back(std::string_view(key).substr(i, j - i));
    i = j;
  }
  std::array<int, 64> votes{};
  const size_t n = words.size() < 3 ? (words.empty() ? 0 : 1) : words.size() - 2;
  for (size_t w = 0; w < n; ++w) {
    std::string shingle(words[w]);
    for (size_t k = 1; k < 3 && w + k < words.size(); ++k) {
      shingle += ' ';
      shingle += words[w + k];
    }
    const std::uint64_t h = Fnv1a(shingle);
    for (int b = 0; b < 64; ++b) votes[static_cast<size_t>(b)] += (h >> b) & 1 ? 1 : -1;
  }
  std::uint64_t out = 0;
  for (int b = 0; b < 64; ++b)
    if (votes[static_cast<size_t>(b)] > 0) out |= 1ull << b;
  return out;
}

int HammingDistance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace pw::store
