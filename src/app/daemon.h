// app/daemon.h: `presswatch serve`: polls every feed on its schedule and
// answers the HTTP API, on one event loop, for months.
//
//   auto log = Log::Stderr(LogFormat::kText, LogLevel::kInfo);
//   Daemon daemon(config, log);   // throws StartupError: rules, feeds file, database, port
//   return daemon.Run();          // until SIGTERM or SIGINT; 0 after a clean stop
//
// Threads: the caller of Run() is the event loop (fetches, the scheduler,
// the API server, signals); a pool of [poll] workers threads parses,
// extracts and holds the one SQLite writer (a strand, committing in
// batches); one more thread runs the API's queries on read-only
// connections, so a query never waits behind a backlog of extraction.
//
// Signals: SIGTERM and SIGINT stop it: no new polls, fetches in flight are
// cancelled, polls past their fetch finish and are committed, the API
// closes; Run() returns 0 within a few seconds (a poll still running after
// `stop_grace` is abandoned, unrecorded, and polled again at the next
// start). A second signal stops at once. SIGHUP reloads the feeds file and
// the rules without losing state: feeds keep their schedule and
// validators; a broken rule file or feeds file keeps the old one and logs
// why (FILE:LINE). The log says what happened, one line per event.
//
// Alerts (app/alerts.h): the watchlist ([watchlist] entities) is given to
// the store at start and again on SIGHUP, re-read from the config file.
// New articles raise their alerts `alerts_delay` after a poll stored them
// (a burst of polls makes one round), and so do, `alerts_delay` after start,
// articles an earlier run stored but stopped before raising theirs (the
// store's cursor says which); every `alerts_interval` the outbox is
// delivered anyway, and a failing webhook is tried again when its backoff
// ends, so its retries happen between new articles.
// Both run on a thread of their own with their own database connection:
// never on the loop, and a slow webhook never holds up the writer. A stop
// waits for a round in flight like a poll (a POST still running after
// `stop_grace` is abandoned; its alert stays in the outbox for next time).
//
// Thread-safety: RequestReload() and RequestStop() may be called from any
// thread (tests use them instead of signals); nothing else.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "app/alerts.h"
#include "app/config.h"
#include "app/feed_poller.h"
#include "app/log.h"
#include "common/time.h"

namespace pw::app {

class Daemon {
 public:
  struct Options {
    bool handle_signals = true;
    std::chrono::milliseconds stop_grace{3000};  // polls in flight get this long to finish at a stop
    const Clock* clock = nullptr;                // nullptr: the system clock
    // Called on the loop after each poll and after each reload, for whoever
    // embeds the daemon (tests wait on them instead of sleeping).
    std::function<void(const FeedResult&)> on_polled;
    std::function<void(bool rules_reloaded, bool feeds_reloaded)> on_reloaded;
    // After each round of alerts, on the loop.
    std::function<void(const AlertReport&)> on_alerts;
    std::chrono::milliseconds alerts_delay{1000};      // new articles -> their alerts
    std::chrono::milliseconds alerts_interval{60000};  // delivery (and webhook retries) at least this often
  };

  Daemon(Config config, std::shared_ptr<Log> log, Options options);
  Daemon(Config config, std::shared_ptr<Log> log) : Daemon(std::move(config), std::move(log), Options{}) {}
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  // Serves until stopped; returns the exit status (0). Call once.
  int Run();

  // As if SIGHUP, SIGTERM had arrived.
  void RequestReload();
  void RequestStop();

  // "http://127.0.0.1:8080", the address actually bound.
  std::string url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pw::app
