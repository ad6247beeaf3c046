// app/page_cache.h: the article pages read lately, so that one is fetched once.
//
// A page linked from two feeds (the same article in "Kinh doanh" and in
// "Tin mới nhất"), or asked for again while its item waits for the next
// poll, is not fetched a second time. The cache keeps what the pipeline
// needs of a page (its text and metadata, never its bytes), up to a byte
// budget, dropping the least recently used first. It is memory only: items
// already stored are never fetched again anyway (the poller skips them
// before it asks), so a restart loses nothing that matters.
//
//   PageCache cache(16 << 20);
//   cache.Put("https://vnexpress.net/x-4672302.html", page);   // CanonicalUrl keys
//   std::shared_ptr<const ArticlePage> hit = cache.Get("https://vnexpress.net/x-4672302.html");
//
// No I/O. Not thread-safe: the event loop's.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>

#include "app/pipeline.h"

namespace pw::app {

class PageCache {
 public:
  // A page larger than an eighth of `max_bytes` is not kept.
  explicit PageCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  PageCache(const PageCache&) = delete;
  PageCache& operator=(const PageCache&) = delete;

  // nullptr when absent; a hit becomes the most recently used.
  std::shared_ptr<const ArticlePage> Get(const std::string& key);
  void Put(const std::string& key, std::shared_ptr<const ArticlePage> page);

  std::size_t size() const { return entries_.size(); }
  std::size_t bytes() const { return bytes_; }

  // What a page costs: the bytes of its text and metadata.
  static std::size_t Cost(const ArticlePage& page);

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const ArticlePage> page;
    std::size_t cost = 0;
  };

  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace pw::app
