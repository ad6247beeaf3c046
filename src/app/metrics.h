// app/metrics.h: what the daemon counts, as Prometheus text for /metrics.
//
//   metrics.RecordPoll(outcome);                  // after each poll
//   metrics.RecordLoopLag(std::chrono::milliseconds(3));
//   std::string text = metrics.Render({.feeds = 24, .in_flight = 2});
//
// Every metric is prefixed presswatch_ (see README.md, "The daemon", for the
// list):
//
//   presswatch_fetches_total{status="304"} 9120
//   presswatch_fetch_duration_seconds_bucket{le="0.05"} 9000
//   presswatch_loop_lag_max_seconds 0.004
//
// Counters and histograms, no I/O. Not thread-safe: record and render on
// the event loop (the daemon does), which needs no locks.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/feed_poller.h"

namespace pw::app {

// Cumulative buckets over upper bounds in seconds, Prometheus style.
class Histogram {
 public:
  template <std::size_t N>
  explicit Histogram(const std::array<double, N>& bounds)
      : bounds_(bounds.begin(), bounds.end()), counts_(N, 0) {}
  void Observe(double seconds);
  // Appends the _bucket, _sum and _count lines of `name`.
  void Render(std::string& out, const std::string& name) const;

 private:
  std::vector<double> bounds_;
  std::vector<std::uint64_t> counts_;  // per bucket, not cumulative
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

// Read when rendering, from the scheduler and the daemon.
struct MetricGauges {
  std::size_t feeds = 0;
  int failing_feeds = 0;
  int in_flight = 0;
  std::size_t queue_depth = 0;  // feeds due and waiting for a slot
  std::size_t rules = 0;
};

class Metrics {
 public:
  Metrics();

  void RecordPoll(const PollOutcome& outcome);
  void RecordLoopLag(std::chrono::steady_clock::duration lag);
  void RecordReload(bool ok);
  void RecordApiRequest(int status);

  std::string Render(const MetricGauges& gauges) const;

  std::chrono::steady_clock::duration max_loop_lag() const { return max_loop_lag_; }
  std::uint64_t polls() const { return polls_; }

 private:
  std::map<std::string, std::uint64_t> fetches_by_status_;  // "200", "304", "error"
  std::map<std::string, std::uint64_t> errors_by_kind_;     // "timeout", "http", "malformed", ...
  std::map<std::string, std::uint64_t> reloads_;            // "ok", "error"
  std::map<std::string, std::uint64_t> api_requests_;       // "200", "400", ...
  std::uint64_t polls_ = 0;
  std::uint64_t fetched_bytes_ = 0;
  std::uint64_t new_items_ = 0;
  Histogram fetch_duration_;
  Histogram loop_lag_;
  std::chrono::steady_clock::duration max_loop_lag_{0};
  std::int64_t start_time_;
};

}  // namespace pw::app
