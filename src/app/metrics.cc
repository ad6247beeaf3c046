#include "app/metrics.h"

#include <algorithm>
#include <cstdio>

namespace pw::app {

namespace {

constexpr std::array<double, 14> kFetchBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                  1,     2.5,  5,     10,   20,  30,   60};
constexpr std::array<double, 10> kLagBuckets = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1};

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void Header(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

void Labelled(std::string& out, const char* name, const char* label,
              const std::map<std::string, std::uint64_t>& values) {
  for (const auto& [key, value] : values)
    out += std::string(name) + "{" + label + "=\"" + key + "\"} " + std::to_string(value) + "\n";
}

void Plain(std::string& out, const char* name, const std::string& value) {
  out += std::string(name) + " " + value + "\n";
}

}  // namespace

void Histogram::Observe(double seconds) {
  const auto it = std::lower_bound(bounds_.begin(), bounds_.end(), seconds);
  if (it != bounds_.end()) ++counts_[static_cast<std::size_t>(it - bounds_.begin())];
  ++count_;
  sum_ += seconds;
}

void Histogram::Render(std::string& out, const std::string& name) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    cumulative += counts_[i];
    out += name + "_bucket{le=\"" + Number(bounds_[i]) + "\"} " + std::to_string(cumulative) + "\n";
  }
  out += name + "_bucket{le=\"+Inf\"} " + std::to_string(count_) + "\n";
  out += name + "_sum " + Number(sum_) + "\n";
  out += name + "_count " + std::to_string(count_) + "\n";
}

Metrics::Metrics()
    : fetch_duration_(kFetchBuckets),
      loop_lag_(kLagBuckets),
      start_time_(std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count()) {}

void Metrics::RecordPoll(const PollOutcome& outcome) {
  if (outcome.cancelled) return;
  ++polls_;
  if (outcome.fetched) {
    ++fetches_by_status_[std::to_string(outcome.result.status)];
    fetched_bytes_ += outcome.wire_bytes;
    fetch_duration_.Observe(std::chrono::duration<double>(outcome.fetch_time).count());
  } else {
    ++fetches_by_status_["error"];
  }
  if (outcome.error_kind) {
    const bool http = outcome.fetched && *outcome.error_kind == ErrorKind::kInvalidArgument;
    ++errors_by_kind_[http ? "http" : std::string(KindName(*outcome.error_kind))];
  }
  new_items_ += static_cast<std::uint64_t>(outcome.result.new_items);
}

void Metrics::RecordLoopLag(std::chrono::steady_clock::duration lag) {
  lag = std::max(lag, std::chrono::steady_clock::duration(0));
  loop_lag_.Observe(std::chrono::duration<double>(lag).count());
  max_loop_lag_ = std::max(max_loop_lag_, lag);
}

void Metrics::RecordReload(bool ok) { ++reloads_[ok ? "ok" : "error"]; }

void Metrics::RecordApiRequest(int status) { ++api_requests_[std::to_string(status)]; }

std::string Metrics::Render(const MetricGauges& g) const {
  std::string out;
  out.reserve(4096);
  Header(out, "presswatch_build_info", "gauge", "The running presswatch version.");
  out += "presswatch_build_info{version=\"" PW_VERSION "\"} 1\n";
  Header(out, "presswatch_start_time_seconds", "gauge", "When the daemon started, in Unix seconds.");
  Plain(out, "presswatch_start_time_seconds", std::to_string(start_time_));
  Header(out, "presswatch_polls_total", "counter",
         "Feed polls completed (shutdown-cancelled ones excluded).");
  Plain(out, "presswatch_polls_total", std::to_string(polls_));
  Header(out, "presswatch_fetches_total", "counter",
         "Fetches by HTTP status of the final response; status=\"error\" when no response arrived.");
  Labelled(out, "presswatch_fetches_total", "status", fetches_by_status_);
  Header(out, "presswatch_fetched_bytes_total", "counter", "Response body bytes received, as on the wire.");
  Plain(out, "presswatch_fetched_bytes_total", std::to_string(fetched_bytes_));
  Header(out, "presswatch_new_items_total", "counter", "New articles stored.");
  Plain(out, "presswatch_new_items_total", std::to_string(new_items_));
  Header(
      out, "presswatch_errors_total", "counter",
      "Failed polls by kind: http (an error status), timeout, network, too_large, refused, malformed, ...");
  Labelled(out, "presswatch_errors_total", "kind", errors_by_kind_);
  Header(out, "presswatch_fetch_duration_seconds", "histogram",
         "Time from request to the whole body, redirects included.");
  fetch_duration_.Render(out, "presswatch_fetch_duration_seconds");
  Header(out, "presswatch_feeds", "gauge", "Feeds in the feeds file.");
  Plain(out, "presswatch_feeds", std::to_string(g.feeds));
  Header(out, "presswatch_feeds_failing", "gauge", "Feeds whose last poll failed.");
  Plain(out, "presswatch_feeds_failing", std::to_string(g.failing_feeds));
  Header(out, "presswatch_polls_in_flight", "gauge", "Polls running now.");
  Plain(out, "presswatch_polls_in_flight", std::to_string(g.in_flight));
  Header(out, "presswatch_queue_depth", "gauge", "Feeds due and waiting for a fetch slot.");
  Plain(out, "presswatch_queue_depth", std::to_string(g.queue_depth));
  Header(out, "presswatch_rules", "gauge", "Rules loaded.");
  Plain(out, "presswatch_rules", std::to_string(g.rules));
  Header(out, "presswatch_rule_reloads_total", "counter",
         "Reloads on SIGHUP by result (error: the old rules kept).");
  Labelled(out, "presswatch_rule_reloads_total", "result", reloads_);
  Header(out, "presswatch_loop_lag_seconds", "histogram",
         "How late the event loop ran a 20 ms timer: time the loop was blocked.");
  loop_lag_.Render(out, "presswatch_loop_lag_seconds");
  Header(out, "presswatch_loop_lag_max_seconds", "gauge", "The longest loop lag seen since start.");
  Plain(out, "presswatch_loop_lag_max_seconds", Number(std::chrono::duration<double>(max_loop_lag_).count()));
  Header(out, "presswatch_api_requests_total", "counter", "HTTP API requests by response status.");
  Labelled(out, "presswatch_api_requests_total", "code", api_requests_);
  return out;
}

}  // namespace pw::app
