// app/page_fetcher.h: the article page behind a teaser, fetched politely
// and read for its main text.
//
// For feeds marked pw:fulltext="true", and for items whose own text is
// shorter than `fulltext.min_feed_chars`, the poller asks for the item's
// linked page (docs/fulltext.md). One Get():
//   1. a page read lately is served from the cache (app/page_cache.h);
//   2. the site's robots.txt is fetched once per origin, kept for
//      `robots_ttl` (a 5xx or no answer: everything disallowed, asked again
//      after `robots_retry`), and obeyed for our product token (the first
//      word of the User-Agent); a disallowed page is not fetched;
//   3. requests to one host go one at a time, each `host_delay` after the
//      previous one ended, or the site's Crawl-delay when longer (up to
//      `max_crawl_delay`) (app/host_politeness.h);
//   4. the page is fetched by the daemon's Fetcher, with its limits and its
//      address guard (a link from a page a public address served may not
//      lead to a loopback or private address);
//   5. its main text and metadata are read on the worker pool by
//      text::ExtractMainContent with the site rules (rules/sites).
// Nothing here blocks the loop: waits are timers, CPU work is on the pool.
//
//   PageFetcher pages(loop.get_executor(), fetcher, pool.get_executor(), site_rules, log, options);
//   PageOutcome o = co_await pages.Get(item.link, response.reached_public, deadline);
//   if (o.page) ...o.page->content.paragraphs...
//
// Every outcome is a value: kFetched or kCached with the page; kDisallowed
// (robots.txt), kFailed (no response, an HTTP error, not HTML: final, the
// teaser is kept); kDeferred when the page could not be tried in time: its
// host's turn comes after `deadline`, the request ran into `deadline`, or
// the coroutine was cancelled (shutdown). The caller tries a deferred page
// again later.
//
// The log, one line per event: each robots.txt read (its status, whether it
// allows our pages, its Crawl-delay and the delay in force for the host),
// each page robots.txt disallows, each failed page (warn), and each page
// fetched (debug, with the time it waited for its host's turn).
//
// Thread-safety: Get() and SetSiteRules() on the event loop. REQUIRES: the
// fetcher, the pool and the log outlive every Get().
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "app/host_politeness.h"
#include "app/log.h"
#include "app/page_cache.h"
#include "app/pipeline.h"
#include "app/robots_cache.h"
#include "fetch/fetch.h"
#include "text/site_rules.h"

namespace pw::app {

// [fulltext] of the config (README.md, "Configuration").
struct FullTextOptions {
  // An item whose own text is shorter than this many characters has its page
  // fetched, in any feed; 0: only the items of pw:fulltext feeds.
  std::size_t min_feed_chars = 0;
  // Between two requests to one host (pages and robots.txt).
  std::chrono::milliseconds host_delay{1000};
  // A robots.txt Crawl-delay longer than host_delay wins, up to this.
  std::chrono::milliseconds max_crawl_delay{std::chrono::seconds(60)};
  std::chrono::seconds robots_ttl{std::chrono::hours(24)};
  std::chrono::seconds robots_retry{std::chrono::minutes(10)};  // after a 5xx or no answer
  // The most one feed's poll spends on its pages; the pages left are tried
  // at the next poll. Also bounds one page's wait and request.
  std::chrono::seconds poll_budget{120};
  std::size_t cache_bytes = 16u << 20;  // the page cache
};

struct PageOutcome {
  enum class Kind { kFetched, kCached, kDisallowed, kFailed, kDeferred };
  Kind kind = Kind::kFailed;
  std::shared_ptr<const ArticlePage> page;  // kFetched, kCached
  std::string reason;                       // kDisallowed, kFailed, kDeferred: why, in words
  int status = 0;                           // the page's HTTP status; 0 without a request or a response
  std::optional<int> robots_status;         // when this Get read the site's robots.txt: its status (0: none)
  std::chrono::milliseconds waited{0};      // for the host's turns
};

// The site rules of a rules directory: RULES_DIR/sites/*.site (none when
// it has no sites/). Errors as text::SiteRules::Load ("FILE:LINE: ...").
Result<std::shared_ptr<const text::SiteRules>> LoadSiteRules(const std::string& rules_dir);

// "fetched", "cached", "disallowed", "failed", "deferred" (metrics, logs).
std::string_view PageOutcomeName(PageOutcome::Kind kind);

class PageFetcher {
 public:
  using Steady = std::chrono::steady_clock;

  PageFetcher(boost::asio::any_io_executor loop, fetch::Fetcher& fetcher, boost::asio::any_io_executor pool,
              std::shared_ptr<const text::SiteRules> site_rules, std::shared_ptr<Log> log,
              FullTextOptions options);
  PageFetcher(const PageFetcher&) = delete;
  PageFetcher& operator=(const PageFetcher&) = delete;

  // `from_public_page`: the feed that linked to `url` was served by a public
  // address (fetch::FetchResponse::reached_public).
  boost::asio::awaitable<PageOutcome> Get(std::string url, bool from_public_page,
                                          Steady::time_point deadline);

  // Pages read from now on use `rules` (SIGHUP).
  void SetSiteRules(std::shared_ptr<const text::SiteRules> rules) { site_rules_ = std::move(rules); }

  const FullTextOptions& options() const { return options_; }
  const std::string& agent() const { return agent_; }

 private:
  struct RobotsAnswer {
    std::shared_ptr<const fetch::Robots>
        robots;                         // nullptr: not read; the page is deferred, or fails if `refused`
    int status = 0;                     // its answer's status (0: none came)
    std::optional<int> fetched_status;  // this call fetched it
    std::chrono::milliseconds waited{0};
    std::string reason;    // when `robots` is nullptr
    bool refused = false;  // a policy (the address guard) refused the request: so would it the page
  };

  // The robots.txt of `url`'s origin, from the cache or fetched.
  boost::asio::awaitable<RobotsAnswer> ReadRobots(std::string url, std::string host, bool from_public_page,
                                                  Steady::time_point deadline);
  // host_delay, or the site's Crawl-delay when longer (up to max_crawl_delay).
  std::chrono::milliseconds DelayFor(const fetch::Robots& robots) const;

  boost::asio::any_io_executor loop_;
  fetch::Fetcher& fetcher_;
  boost::asio::any_io_executor pool_;
  std::shared_ptr<const text::SiteRules> site_rules_;
  std::shared_ptr<Log> log_;
  FullTextOptions options_;
  std::string agent_;  // our product token in robots.txt: "presswatch"
  HostPoliteness politeness_;
  RobotsCache robots_;
  PageCache cache_;
};

}  // namespace pw::app
