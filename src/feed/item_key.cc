#include "feed/item_key.h"

#include <cstdint>
#include <cstdio>

#include "common/url.h"

namespace pw::feed {

std::string StableHash(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string ItemKey(std::string_view guid, std::string_view link, std::string_view title,
                    std::string_view content) {
  if (!guid.empty()) return "guid:" + std::string(guid);
  if (!link.empty()) {
    std::string canonical = CanonicalUrl(link);
    return "url:" + (canonical.empty() ? std::string(link) : canonical);
  }
  std::string both(title);
  both += '\x1f';
  both += content;
  return "hash:" + StableHash(both);
}

}  // namespace pw::feed
