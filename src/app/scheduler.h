// app/scheduler.h: which feed to poll when, and how many at once.
//
// Keeps every feed with its due time and starts the polls that are due,
// each through the FeedPoller, within the limits of fetch::HostLimits (at
// most `concurrency` in flight, `per_host` per host). Due feeds wait in one
// queue per host, and hosts take turns, so a slow outlet holds at most its
// own `per_host` slots and never starves the others. When a poll ends, its
// feed is rescheduled at the time the poll chose (app/schedule.h) and the
// next due feed starts; with nothing due, the scheduler sleeps until the
// earliest due time. Nothing here blocks: it is all counters and queues on
// the event loop.
//
//   Scheduler scheduler(loop.get_executor(), poller, {.concurrency = 32, .per_host = 2});
//   scheduler.SetFeeds(MakeFeedTasks(subscriptions, health, now));
//   co_await scheduler.Run();   // kOnce: each feed once, then returns
//                               // kForever: until Stop() and every poll in flight ended
//
// Stop() stops starting polls and cancels the fetches in flight; polls past
// their fetch finish (their work is stored), then Run() returns.
// SetFeeds() may be called again while running (SIGHUP): new feeds join,
// removed ones leave (a poll in flight ends first), kept ones keep their
// state and schedule.
//
// Thread-safety: everything on the event loop. REQUIRES: the poller
// outlives Run().
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/feed_poller.h"
#include "common/time.h"
#include "fetch/host_limits.h"
#include "store/records.h"

namespace pw::app {

struct ScheduledFeed {
  FeedTask task;
  Timestamp due;
};

// Feeds with their stored state (from Store::EnsureFeeds, same order):
// due at their stored next_poll, or at `now` when never polled or overdue.
std::vector<ScheduledFeed> MakeScheduledFeeds(const std::vector<feed::Subscription>& subscriptions,
                                              const std::vector<store::FeedHealth>& health, Timestamp now);

class Scheduler {
 public:
  enum class Mode {
    kOnce,     // every feed once, now, whatever its due time; then Run() returns
    kForever,  // on schedule, until Stop()
  };
  struct Options {
    int concurrency = 32;
    int per_host = 2;
    Mode mode = Mode::kForever;
    const Clock* clock = nullptr;  // nullptr: the system clock
  };
  using PolledCallback = std::function<void(const FeedTask& task, const PollOutcome& outcome)>;

  Scheduler(boost::asio::any_io_executor loop, FeedPoller& poller, Options options);
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Called on the loop after each poll (for reports, logs and metrics).
  void OnPolled(PolledCallback callback) { on_polled_ = std::move(callback); }

  // Feeds are identified by task.id; a repeated id is polled once.
  void SetFeeds(std::vector<ScheduledFeed> feeds);

  boost::asio::awaitable<void> Run();
  void Stop();

  std::size_t feed_count() const { return entries_.size(); }
  int in_flight() const { return limits_.in_flight(); }
  std::size_t queue_depth() const { return ready_count_; }  // due, waiting for a slot
  int failing() const;                                      // feeds whose last poll failed

 private:
  struct Entry {
    FeedTask task;
    Timestamp due;
    std::string host;
    bool in_flight = false;
    bool done = false;  // kOnce: polled
    std::shared_ptr<boost::asio::cancellation_signal> cancel;
  };

  void Dispatch();
  void Start(std::int64_t id, Entry& entry);
  boost::asio::awaitable<void> PollOne(std::int64_t id, FeedTask task, fetch::HostLimits::Slot slot,
                                       std::shared_ptr<boost::asio::cancellation_signal> cancel);
  void Completed(std::int64_t id, const FeedTask& task, const PollOutcome& outcome);
  void Wake();
  const Clock& clock() const { return options_.clock ? *options_.clock : Clock::System(); }

  boost::asio::any_io_executor loop_;
  FeedPoller& poller_;
  Options options_;
  fetch::HostLimits limits_;
  boost::asio::steady_timer wake_;
  PolledCallback on_polled_;
  bool stopping_ = false;

  std::unordered_map<std::int64_t, Entry> entries_;
  std::set<std::pair<Timestamp, std::int64_t>> timeline_;  // not yet due, by due time
  std::map<std::string, std::deque<std::int64_t>> ready_;  // due, per host, in due order
  std::size_t ready_count_ = 0;
  std::string last_host_;         // hosts take turns after this one
  std::size_t pending_once_ = 0;  // kOnce: feeds not polled yet
};

}  // namespace pw::app
