// app/alerts.h: alerts for new mentions of the watchlist's entities, from
// the store's durable outbox to a file and a webhook.
//
//   store->SetWatchlist(config.watchlist);              // at start and on reload
//   ... store articles ...
//   AlertReport r = RaiseAndDeliverAlerts(*store, AlertOptionsFrom(config), Clock::System());
//
// Each alert is one JSON object (json_out.h, AlertJson): a line appended to
// the alerts file and the body of one POST to the webhook. The outbox lives
// in the database, so an alert survives a crash or restart until delivered:
//   - file: appended, flushed and fsync'd, then marked written. A crash
//     between the two appends it again on the next run: delivery is at least
//     once, and each object carries its "id" to drop a repeat.
//   - webhook: any 2xx delivers. 400, 413, 415 and 422 reject that alert for
//     good (it stays in the database, marked rejected, and in the file).
//     Anything else (no answer, timeout, 3xx, 401, 404, 429, 5xx) is a
//     failure of the endpoint: delivery stops for this round, and the next
//     attempt waits `backoff`, doubling with each consecutive failure up to
//     `max_backoff`. The wait is stored, so it holds across restarts. Nothing
//     sleeps: a round skips the webhook until the wait is over.
//
// For the daemon: call RaiseAndDeliverAlerts() after each batch of stored
// articles, and DeliverAlerts() periodically (every minute is plenty) so
// retries happen between polls. Both are blocking (SQLite, a file, a POST
// with `timeout`): run them on the writer strand or a worker thread, never on
// the event loop. Not thread-safe per Store (the Store's own rule).
#pragma once

#include <chrono>
#include <string>

#include "app/config.h"
#include "common/time.h"
#include "fetch/fetch.h"
#include "store/store.h"

namespace pw::app {

struct AlertOptions {
  std::string file;            // "" none
  std::string webhook;         // "" none
  fetch::FetchOptions http;    // limits of the POST
  std::chrono::seconds backoff{30};
  std::chrono::seconds max_backoff{3600};
  int batch = 500;             // alerts read from the outbox at a time
};

AlertOptions AlertOptionsFrom(const Config& config);

struct AlertReport {
  int queued = 0;     // new alerts this call
  int written = 0;    // appended to the file
  int posted = 0;     // delivered to the webhook
  int rejected = 0;   // refused for good by the webhook
  std::int64_t waiting_file = 0, waiting_webhook = 0;  // still due after this call
  std::string file_error;     // "" unless the file could not be written
  std::string webhook_error;  // the last failure, "" after a success
  std::string next_attempt;   // RFC 3339, when the webhook is backing off
  std::string store_error;    // "" unless the database failed (kBusy: try later)
};

// Queues alerts for the articles stored since the last call, then delivers.
AlertReport RaiseAndDeliverAlerts(store::Store& db, const AlertOptions& options, const Clock& clock);

// Delivers what is due, queuing nothing.
AlertReport DeliverAlerts(store::Store& db, const AlertOptions& options, const Clock& clock);

// One line for people: "alerts: 2 new; 2 appended to alerts.ndjson; webhook: ..."
std::string Summary(const AlertReport& report, const AlertOptions& options);

}  // namespace pw::app
