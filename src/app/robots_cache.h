// app/robots_cache.h: each site's robots.txt, kept until it expires.
//
// RFC 9309 (section 2.4) lets a crawler keep a robots.txt for up to a day;
// the page fetcher keeps an answer for `fulltext.robots_ttl`, and a failed
// one (a 5xx or no answer: everything disallowed) for a shorter while, so
// that the site is asked again soon. Keyed by the robots.txt URL itself
// (scheme, host and port: one per origin, as the RFC says).
//
//   RobotsCache cache;
//   cache.Put("https://vnexpress.net/robots.txt", {robots, 200, now + 24h});
//   const RobotsCache::Entry* e = cache.Find("https://vnexpress.net/robots.txt", now);  // nullptr once
//   expired
//
// At most `max_entries` sites: past that, the expired go, then the ones
// expiring first. No I/O. Not thread-safe: the event loop's.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "fetch/robots.h"

namespace pw::app {

class RobotsCache {
 public:
  using Steady = std::chrono::steady_clock;

  struct Entry {
    std::shared_ptr<const fetch::Robots> robots;
    int status = 0;  // the answer to GET /robots.txt; 0: none came
    Steady::time_point expires;
  };

  explicit RobotsCache(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

  // The entry while it has not expired at `now`, else nullptr. The pointer
  // is good until the next Put.
  const Entry* Find(const std::string& robots_url, Steady::time_point now) const;
  void Put(const std::string& robots_url, Entry entry);

  std::size_t size() const { return entries_.size(); }

 private:
  std::size_t max_entries_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace pw::app
