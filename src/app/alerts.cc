#include "app/alerts.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "app/json_out.h"
#include "fetch/post.h"

namespace pw::app {

namespace {

// Appends and syncs, so that "written" in the outbox means on disk. "" or
// the error, naming the file.
std::string AppendDurably(const std::string& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return path + ": cannot open the alerts file: " + std::strerror(errno);
  size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string error = path + ": cannot append to the alerts file: " + std::strerror(errno);
      ::close(fd);
      return error;
    }
    off += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const std::string error = path + ": cannot sync the alerts file: " + std::strerror(errno);
    ::close(fd);
    return error;
  }
  ::close(fd);
  return {};
}

// The webhook refuses this payload itself; sending it again will not help.
bool RejectsPayload(int status) { return status == 400 || status == 413 || status == 415 || status == 422; }

std::chrono::seconds Backoff(const AlertOptions& o, int failures) {
  const int doublings = std::min(failures - 1, 30);
  const auto wait = o.backoff * (std::int64_t{1} << std::max(0, doublings));
  return std::min(wait, o.max_backoff);
}

void WriteFile(store::Store& db, const AlertOptions& options, AlertReport& report) {
  for (;;) {
    auto batch = db.AlertsToWrite(options.batch);
    if (!batch) {
      report.store_error = batch.error().message;
      return;
    }
    if (batch->empty()) return;
    std::string lines;
    std::vector<std::int64_t> ids;
    for (const auto& a : *batch) {
      lines += Compact(AlertJson(a));
      lines += '\n';
      ids.push_back(a.id);
    }
    if (std::string error = AppendDurably(options.file, lines); !error.empty()) {
      report.file_error = std::move(error);
      return;
    }
    if (auto marked = db.MarkAlertsWritten(ids); !marked) {
      report.store_error = marked.error().message;
      return;
    }
    report.written += static_cast<int>(ids.size());
    if (static_cast<int>(batch->size()) < options.batch) return;
  }
}

void PostToWebhook(store::Store& db, const AlertOptions& options, const Clock& clock, AlertReport& report) {
  auto state = db.Webhook();
  if (!state) {
    report.store_error = state.error().message;
    return;
  }
  const Timestamp now = clock.Now();
  if (const auto next = ParseTimestamp(state->next_attempt); next && *next > now) {
    report.next_attempt = state->next_attempt;
    report.webhook_error = state->last_error;
    return;
  }
  for (;;) {
    auto batch = db.AlertsToPost(options.batch);
    if (!batch) {
      report.store_error = batch.error().message;
      return;
    }
    for (const auto& a : *batch) {
      fetch::PostRequest request{options.webhook, Compact(AlertJson(a))};
      const auto response = fetch::PostBlocking(std::move(request), options.http);
      Result<void> marked = kOk;
      if (response && response->status / 100 == 2) {
        marked = db.MarkAlertPosted(a.id);
        ++report.posted;
        if (state->failures > 0 || !state->next_attempt.empty()) {
          if (marked) marked = db.ResetWebhook();
          *state = store::WebhookState{};
        }
      } else if (response && RejectsPayload(response->status)) {
        marked = db.MarkAlertRejected(a.id, "HTTP " + std::to_string(response->status) + " from " + options.webhook +
                                                ": " + response->body.substr(0, 200));
        ++report.rejected;
      } else {
        store::WebhookState failed;
        failed.failures = state->failures + 1;
        failed.next_attempt = FormatTimestamp(now + Backoff(options, failed.failures));
        failed.last_error =
            response ? "HTTP " + std::to_string(response->status) + " from " + options.webhook : response.error().message;
        report.webhook_error = failed.last_error;
        report.next_attempt = failed.next_attempt;
        if (auto r = db.RecordWebhookFailure(a.id, failed); !r) report.store_error = r.error().message;
        return;
      }
      if (!marked) {
        report.store_error = marked.error().message;
        return;
      }
    }
    if (static_cast<int>(batch->size()) < options.batch) return;
  }
}

}  // namespace

AlertOptions AlertOptionsFrom(const Config& config) {
  AlertOptions o;
  o.file = config.alerts_file;
  o.webhook = config.webhook;
  o.http = config.fetch;
  o.http.total_timeout = config.webhook_timeout;
  o.backoff = config.backoff;
  o.max_backoff = config.max_backoff;
  return o;
}

AlertReport DeliverAlerts(store::Store& db, const AlertOptions& options, const Clock& clock) {
  AlertReport report;
  if (!options.file.empty()) WriteFile(db, options, report);
  if (!options.webhook.empty()) PostToWebhook(db, options, clock, report);
  if (auto stats = db.Alerts()) {
    report.waiting_file = options.file.empty() ? 0 : stats->to_file;
    report.waiting_webhook = options.webhook.empty() ? 0 : stats->to_webhook;
  } else if (report.store_error.empty()) {
    report.store_error = stats.error().message;
  }
  return report;
}

AlertReport RaiseAndDeliverAlerts(store::Store& db, const AlertOptions& options, const Clock& clock) {
  const store::AlertChannels channels{!options.file.empty(), !options.webhook.empty()};
  auto queued = db.QueueAlerts(channels, FormatTimestamp(clock.Now()));
  if (!queued) {
    AlertReport report = DeliverAlerts(db, options, clock);
    report.store_error = queued.error().message;
    return report;
  }
  AlertReport report = DeliverAlerts(db, options, clock);
  report.queued = *queued;
  return report;
}

std::string Summary(const AlertReport& r, const AlertOptions& options) {
  std::string out = "alerts: " + std::to_string(r.queued) + " new";
  if (!options.file.empty()) {
    out += "; " + std::to_string(r.written) + " appended to " + options.file;
    if (!r.file_error.empty()) out += " (" + r.file_error + ")";
  }
  if (!options.webhook.empty()) {
    out += "; " + std::to_string(r.posted) + " posted";
    if (r.rejected) out += ", " + std::to_string(r.rejected) + " rejected";
    if (!r.webhook_error.empty())
      out += "; webhook failing (" + r.webhook_error + "), " + std::to_string(r.waiting_webhook) +
             " waiting, next attempt after " + r.next_attempt;
  }
  if (!r.store_error.empty()) out += "; database: " + r.store_error;
  return out;
}

}  // namespace pw::app
