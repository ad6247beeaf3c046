// app/feed_poller.h: one poll of one feed, the unit that `poll --once`
// repeats once per feed and `serve` repeats forever on its schedule.
//
// A poll: conditional GET of the feed (its moved_to URL when a permanent
// redirect moved it), on the event loop; a 304 costs no parsing. A 2xx body
// is parsed on the worker pool; items whose keys the feed already has are
// skipped; the new ones are processed (normalized, extracted) on the pool;
// the articles and the feed's health go to the Writer, which commits them in
// a batch. The next poll time follows app/schedule.h: the interval stretched
// by <ttl> and Cache-Control, or exponential backoff on failure with
// Retry-After as a floor.
//
//   FeedPoller poller(loop.get_executor(), fetcher, pool.get_executor(), writer, rules, options);
//   PollOutcome o = co_await poller.Poll(std::move(task), cancel.slot());
//   o.result.error     // "" or the failure in words: "HTTP 503 (Service Unavailable); retry after 120 s"
//   o.state            // validators, failures, moved_to, ttl to carry into the next poll
//   o.next_poll        // also stored in the feed's health
//
// Failures are values, never exceptions: a failed poll is recorded in the
// feed's health like a good one. A fetch cut short by `cancel` (shutdown)
// is not a failure: nothing is recorded and `cancelled` is set.
//
// Thread-safety: Poll() and SetRules() run on the event loop (the
// executor given first); many polls may run at once. REQUIRES: the fetcher,
// the pool and the writer outlive every poll.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include "app/schedule.h"
#include "app/writer.h"
#include "common/error.h"
#include "common/time.h"
#include "extract/rule_set.h"
#include "feed/opml.h"
#include "fetch/fetch.h"

namespace pw::app {

// What a poll learns about a feed and the next poll needs.
struct FeedState {
  std::string fetch_url;  // where to fetch: the feed's URL, or where a 301/308 moved it
  std::string etag, last_modified;
  int consecutive_failures = 0;
  std::optional<std::chrono::seconds> ttl;  // the feed's last RSS <ttl>
};

struct FeedTask {
  std::int64_t id = 0;     // in the store
  feed::Subscription sub;  // as the feeds file says
  FeedState state;
};

// The report of one feed's poll (also `poll --once`'s, per feed).
struct FeedResult {
  std::string url;    // the feed's URL as configured
  int status = 0;     // HTTP status, 0 without a response
  std::string error;  // "" when the feed was read
  int new_items = 0;
  int duplicates = 0;
  bool not_modified = false;
};

struct PollOutcome {
  FeedResult result;
  FeedState state;  // to carry into the next poll
  Timestamp next_poll;
  bool cancelled = false;               // shutdown cut the fetch: nothing recorded
  std::optional<ErrorKind> error_kind;  // why it failed; kInvalidArgument for an HTTP error status
  std::size_t wire_bytes = 0;
  std::chrono::milliseconds fetch_time{0};
  bool fetched = false;  // a response arrived (status is meaningful)
};

struct PollerOptions {
  std::chrono::seconds default_interval{15 * 60};  // when the feed has no pw:interval
  SchedulePolicy schedule;
  const Clock* clock = nullptr;  // nullptr: the system clock
};

class FeedPoller {
 public:
  FeedPoller(boost::asio::any_io_executor loop, fetch::Fetcher& fetcher, boost::asio::any_io_executor pool,
             Writer& writer, std::shared_ptr<const extract::RuleSet> rules, PollerOptions options);
  FeedPoller(const FeedPoller&) = delete;
  FeedPoller& operator=(const FeedPoller&) = delete;

  boost::asio::awaitable<PollOutcome> Poll(FeedTask task, boost::asio::cancellation_slot cancel);

  // Polls that start processing after this call use `rules` (SIGHUP).
  void SetRules(std::shared_ptr<const extract::RuleSet> rules) { rules_ = std::move(rules); }
  const std::shared_ptr<const extract::RuleSet>& rules() const { return rules_; }

  // From now on, a fetch that ends in error is taken as cut by shutdown.
  void Stop() { stopping_ = true; }

 private:
  boost::asio::awaitable<PollOutcome> Record(FeedTask task, PollOutcome outcome, store::FetchOutcome health,
                                             Error error, ServerHints hints);
  double Jitter() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }
  const Clock& clock() const { return options_.clock ? *options_.clock : Clock::System(); }

  boost::asio::any_io_executor loop_;
  fetch::Fetcher& fetcher_;
  boost::asio::any_io_executor pool_;
  Writer& writer_;
  std::shared_ptr<const extract::RuleSet> rules_;
  PollerOptions options_;
  std::mt19937_64 rng_{std::random_device{}()};
  bool stopping_ = false;
};

}  // namespace pw::app
