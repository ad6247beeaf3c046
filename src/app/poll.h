// app/poll.h: one polling cycle over a list of feeds (`presswatch poll --once`).
//
// Fetches every feed with conditional GET, at most `concurrency` at once and
// `per_host` per host; parses and extracts on a worker pool; stores each
// feed's new items in one transaction on a single writer; records each
// feed's health. A feed that fails is recorded and the others go on.
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
};

struct FeedResult {
  std::string url;
  int status = 0;        // HTTP status, 0 without a response
  std::string error;     // "" when the feed was read
  int new_items = 0;
  int duplicates = 0;
  bool not_modified = false;
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
