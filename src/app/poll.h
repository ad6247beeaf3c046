// app/poll.h: one polling cycle over a list of feeds (`presswatch poll --once`).
//
// Every feed is polled once, now, by the same per-feed poll (feed_poller.h)
// and the same scheduler (scheduler.h, in kOnce mode) that `serve` runs
// forever: conditional GET, at most `concurrency` fetches at once and
// `per_host` per host, parsing and extraction on a worker pool, one writer
// committing in batches, each feed's health and next poll recorded (so a
// `serve` started later resumes the schedule). A feed that fails is recorded
// and the others go on.
//
//   PollReport r = PollOnce(subscriptions, db_path, rules, options, progress);
//
// Runs its own io_context on the calling thread plus a pool of
// `worker_threads`. Throws StartupError only for start-up failures (the
// database cannot be opened); everything else is in the report.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/feed_poller.h"
#include "app/schedule.h"
#include "common/time.h"
#include "extract/rule_set.h"
#include "feed/opml.h"
#include "fetch/fetch.h"

namespace pw::app {

struct PollOptions {
  fetch::FetchOptions fetch;
  int concurrency = 32;
  int per_host = 2;
  int worker_threads = 2;
  std::chrono::seconds default_interval{15 * 60};
  SchedulePolicy schedule;
  const Clock* clock = nullptr;  // nullptr: the system clock (tests pass a FakeClock)
};

struct PollReport {
  std::vector<FeedResult> feeds;  // in the order of the subscriptions
  int ok() const;
  int failed() const;
  int new_items() const;
};

// Called on the loop thread after each feed (done, total, that feed).
using PollProgress = std::function<void(int done, int total, const FeedResult&)>;

PollReport PollOnce(const std::vector<feed::Subscription>& feeds, const std::string& db_path,
                    std::shared_ptr<const extract::RuleSet> rules, const PollOptions& options,
                    const PollProgress& progress = {});

}  // namespace pw::app
