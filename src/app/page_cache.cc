#include "app/page_cache.h"

namespace pw::app {

std::size_t PageCache::Cost(const ArticlePage& page) {
  const text::MainContent& c = page.content;
  std::size_t cost = sizeof(ArticlePage) + page.url.size() + c.title.size() + c.published.size() +
                     c.language.size() + c.description.size() + c.method.size();
  for (const auto& a : c.authors) cost += a.size() + sizeof(std::string);
  for (const auto& p : c.paragraphs) cost += p.size() + sizeof(std::string);
  return cost;
}

std::shared_ptr<const ArticlePage> PageCache::Get(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->page;
}

void PageCache::Put(const std::string& key, std::shared_ptr<const ArticlePage> page) {
  if (!page) return;
  const std::size_t cost = Cost(*page) + key.size();
  if (cost > max_bytes_ / 8) return;
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->cost;
    entries_.erase(it->second);
    index_.erase(it);
  }
  entries_.push_front(Entry{key, std::move(page), cost});
  index_[key] = entries_.begin();
  bytes_ += cost;
  while (bytes_ > max_bytes_ && !entries_.empty()) {
    bytes_ -= entries_.back().cost;
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

}  // namespace pw::app
