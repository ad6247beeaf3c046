#include "app/robots_cache.h"

#include <algorithm>

namespace pw::app {

const RobotsCache::Entry* RobotsCache::Find(const std::string& robots_url, Steady::time_point now) const {
  auto it = entries_.find(robots_url);
  if (it == entries_.end() || it->second.expires <= now) return nullptr;
  return &it->second;
}

void RobotsCache::Put(const std::string& robots_url, Entry entry) {
  if (entries_.size() >= max_entries_ && !entries_.count(robots_url)) {
    const auto now = Steady::now();
    std::erase_if(entries_, [now](const auto& e) { return e.second.expires <= now; });
    if (entries_.size() >= max_entries_) {
      auto first = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        return a.second.expires < b.second.expires;
      });
      entries_.erase(first);
    }
  }
  entries_[robots_url] = std::move(entry);
}

}  // namespace pw::app
