#include "app/daemon.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <optional>

#include "app/alerts.h"
#include "app/api_routes.h"
#include "app/api_server.h"
#include "app/feed_poller.h"
#include "app/feeds_file.h"
#include "app/metrics.h"
#include "app/scheduler.h"
#include "app/web_routes.h"
#include "app/writer.h"
#include "common/time.h"
#include "store/store.h"

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using Steady = std::chrono::steady_clock;

namespace {

inline constexpr auto kNoThrow = asio::as_tuple(use_awaitable);
constexpr std::chrono::milliseconds kLagProbe{20};
// The API's queries at once. SQLite readers do not wait for one another in
// WAL mode; four keeps a slow query (bounded by kApiQueryTimeLimit) from
// stalling the dashboard while using little memory.
constexpr int kQueryThreads = 4;

// A multi-line message (every rule error, one per line) on one log line.
std::string OneLine(std::string s) {
  for (std::size_t p; (p = s.find('\n')) != std::string::npos;) s.replace(p, 1, "; ");
  return s;
}

struct Reloaded {
  Result<std::shared_ptr<const extract::RuleSet>> rules = Error::Internal("not loaded");
  Result<std::shared_ptr<const text::SiteRules>> site_rules = Error::Internal("not loaded");
  Result<std::vector<feed::Subscription>> feeds = Error::Internal("not loaded");
  // The config file's [watchlist]; nullopt when the daemon has no config file.
  std::optional<Result<std::vector<std::string>>> watchlist;
};

// File reads and RE2 compilation: on the pool, never on the loop.
awaitable<Reloaded> LoadRulesAndFeeds(std::string rules_dir, std::string feeds_path,
                                      std::string config_file) {
  Reloaded r;
  r.rules = extract::RuleSet::Load(rules_dir);
  r.site_rules = LoadSiteRules(rules_dir);
  try {
    r.feeds = LoadFeedsFile(feeds_path);
  } catch (const StartupError& e) {
    r.feeds = Error::Malformed(e.what());
  }
  if (!config_file.empty()) {
    try {
      r.watchlist = LoadConfig(config_file).watchlist;
    } catch (const StartupError& e) {
      r.watchlist = Error::Malformed(e.what());
    }
  }
  co_return r;
}

// On the alerts thread: give the store the watchlist.
awaitable<Result<void>> SetWatchlistOn(store::Store* db, std::vector<std::string> names) {
  co_return db->SetWatchlist(names);
}

// On the alerts thread: queue alerts for new articles (raise) and deliver.
awaitable<AlertReport> AlertsOn(store::Store* db, AlertOptions options, const Clock* clock, bool raise) {
  co_return raise ? RaiseAndDeliverAlerts(*db, options, *clock) : DeliverAlerts(*db, options, *clock);
}

}  // namespace

struct Daemon::Impl {
  Impl(Config config_in, std::shared_ptr<Log> log_in, Options options_in);
  ~Impl();

  const Clock& clock() const { return options.clock ? *options.clock : Clock::System(); }
  MetricGauges Gauges() const;
  void OnPolled(const FeedTask& task, const PollOutcome& outcome);
  void BeginStop(const std::string& reason);
  awaitable<void> StopWithinGrace();
  awaitable<void> WatchSignals();
  awaitable<void> MonitorLoopLag();
  awaitable<void> Reload();
  awaitable<void> RunAlerts();
  void AlertsDue(std::chrono::milliseconds delay);

  // Every coroutine that refers to a service below has ended: they may go.
  bool Drained() const { return scheduler_done && api->idle() && !reloading && !alerts_running; }

  Config config;
  std::shared_ptr<Log> log;
  Options options;
  std::vector<feed::Subscription> subscriptions;

  // Torn down by hand in ~Impl: the objects holding sockets and timers
  // before the loop they belong to, the writer (a strand) before its pool,
  // the pools (joined) before the loop.
  std::unique_ptr<asio::io_context> loop;
  std::unique_ptr<asio::thread_pool> workers;
  std::unique_ptr<asio::thread_pool> queries;
  std::unique_ptr<asio::thread_pool> alerts_thread;  // file appends and webhook POSTs, which block

  std::unique_ptr<store::Store> db;
  std::unique_ptr<store::Store> alerts_db;  // the alerts thread's own connection
  std::unique_ptr<Writer> writer;
  std::unique_ptr<fetch::Fetcher> fetcher;
  std::unique_ptr<PageFetcher> pages;
  std::unique_ptr<FeedPoller> poller;
  std::unique_ptr<Scheduler> scheduler;
  std::unique_ptr<ReadOnlyStores> stores;
  std::unique_ptr<ApiServer> api;
  std::unique_ptr<asio::signal_set> signals;
  std::unique_ptr<asio::steady_timer> stop_timer;
  std::unique_ptr<asio::steady_timer> lag_timer;
  std::unique_ptr<asio::steady_timer> alerts_timer;
  Metrics metrics;
  AlertOptions alert_options;
  Steady::time_point alerts_at = Steady::time_point::max();  // the next round of alerts; loop only
  // Articles stored since the last round that raised alerts. True at start:
  // the last run may have stored articles and stopped (or crashed) before
  // their round, and the store's cursor knows which.
  bool new_articles = true;
  bool alerts_running = false;

  bool stopping = false;
  bool scheduler_done = false;
  bool reloading = false;
  bool reload_again = false;
  bool ran = false;
  bool abandoned = false;  // a stop left coroutines running: Impl must not be destroyed
};

Daemon::Impl::Impl(Config config_in, std::shared_ptr<Log> log_in, Options options_in)
    : config(std::move(config_in)), log(std::move(log_in)), options(options_in) {
  auto rules = extract::RuleSet::Load(config.rules);
  if (!rules) throw StartupError(rules.error().message);
  auto site_rules = LoadSiteRules(config.rules);
  if (!site_rules) throw StartupError(site_rules.error().message);
  subscriptions = LoadFeedsFile(config.feeds);
  db = store::Store::Open(config.db, {});
  auto health = db->EnsureFeeds(subscriptions);
  if (!health) throw StartupError(health.error().message);
  // Named before any article arrives, so that the first ones raise alerts.
  if (auto watched = db->SetWatchlist(config.watchlist); !watched)
    throw StartupError(watched.error().message);
  alerts_db = store::Store::Open(config.db, {});
  alert_options = AlertOptionsFrom(config);

  loop = std::make_unique<asio::io_context>(1);
  workers = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(std::max(1, config.workers)));
  // Each query on a connection of its own (ReadOnlyStores): a slow one
  // holds one thread, not every client's answers.
  queries = std::make_unique<asio::thread_pool>(kQueryThreads);
  alerts_thread = std::make_unique<asio::thread_pool>(1);
  writer = std::make_unique<Writer>(workers->get_executor(), *db, log);
  fetcher = std::make_unique<fetch::Fetcher>(loop->get_executor(), config.fetch, workers->get_executor());
  pages = std::make_unique<PageFetcher>(loop->get_executor(), *fetcher, workers->get_executor(),
                                        std::move(*site_rules), log, config.fulltext);
  poller = std::make_unique<FeedPoller>(loop->get_executor(), *fetcher, workers->get_executor(), *writer,
                                        std::move(*rules),
                                        PollerOptions{config.interval, {}, options.clock, pages.get(), log});
  scheduler = std::make_unique<Scheduler>(
      loop->get_executor(), *poller,
      Scheduler::Options{config.concurrency, config.per_host, Scheduler::Mode::kForever, options.clock});
  scheduler->SetFeeds(MakeScheduledFeeds(subscriptions, *health, clock().Now()));
  scheduler->OnPolled([this](const FeedTask& task, const PollOutcome& outcome) { OnPolled(task, outcome); });

  stores = std::make_unique<ReadOnlyStores>(config.db);
  api = std::make_unique<ApiServer>(loop->get_executor(), ApiServer::Options{});
  AddApiRoutes(
      *api, ApiContext{queries->get_executor(), stores.get(), [this] { return metrics.Render(Gauges()); }});
  AddWebRoutes(*api, WebContext{queries->get_executor(), stores.get(), [this] { return config.watchlist; }});
  api->OnRequest([this](const ApiRequest& request, int status) {
    metrics.RecordApiRequest(status);
    log->Debug("api request", {{"path", request.path}, {"status", status}});
  });
  api->Listen(config.listen);
  stop_timer = std::make_unique<asio::steady_timer>(*loop);
  lag_timer = std::make_unique<asio::steady_timer>(*loop);
  alerts_timer = std::make_unique<asio::steady_timer>(*loop);
  if (options.handle_signals) signals = std::make_unique<asio::signal_set>(*loop, SIGINT, SIGTERM, SIGHUP);
}

Daemon::Impl::~Impl() {
  // Only coroutines that own all they touch (DNS lookups) may still be
  // queued on the loop; they go with it, last.
  scheduler.reset();
  api.reset();
  signals.reset();
  stop_timer.reset();
  lag_timer.reset();
  alerts_timer.reset();
  if (workers) workers->join();
  if (queries) queries->join();
  if (alerts_thread) alerts_thread->join();
  writer.reset();
  loop.reset();
}

MetricGauges Daemon::Impl::Gauges() const {
  MetricGauges g;
  g.feeds = scheduler->feed_count();
  g.failing_feeds = scheduler->failing();
  g.in_flight = scheduler->in_flight();
  g.queue_depth = scheduler->queue_depth();
  g.rules = poller->rules() ? poller->rules()->rule_count() : 0;
  return g;
}

void Daemon::Impl::OnPolled(const FeedTask& task, const PollOutcome& outcome) {
  metrics.RecordPoll(outcome);
  if (outcome.cancelled) return;
  if (options.on_polled) options.on_polled(outcome.result);
  const std::string next = FormatTimestamp(outcome.next_poll);
  if (!outcome.result.error.empty()) {
    log->Warn("poll failed", {{"feed", task.sub.url},
                              {"status", outcome.result.status},
                              {"error", outcome.result.error},
                              {"failures", outcome.state.consecutive_failures},
                              {"next_poll", next}});
  } else if (outcome.result.new_items > 0) {
    new_articles = true;
    AlertsDue(options.alerts_delay);
    log->Info("new articles",
              {{"feed", task.sub.url}, {"new", outcome.result.new_items}, {"next_poll", next}});
  } else {
    log->Debug("polled", {{"feed", task.sub.url}, {"status", outcome.result.status}, {"next_poll", next}});
  }
  if (outcome.state.fetch_url != task.state.fetch_url && !outcome.state.fetch_url.empty() &&
      !task.state.fetch_url.empty())
    log->Info("feed moved permanently", {{"feed", task.sub.url}, {"to", outcome.state.fetch_url}});
}

void Daemon::Impl::BeginStop(const std::string& reason) {
  if (stopping) return;
  stopping = true;
  log->Info("stopping", {{"reason", reason}, {"polls_in_flight", scheduler->in_flight()}});
  alerts_timer->cancel();
  api->Stop();
  scheduler->Stop();
  asio::co_spawn(*loop, StopWithinGrace(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
}

awaitable<void> Daemon::Impl::StopWithinGrace() {
  // Cancelled fetches end at once and polls past their fetch within
  // milliseconds; this checks every 10 ms, for at most the grace period.
  const auto deadline = Steady::now() + options.stop_grace;
  while (!Drained() && Steady::now() < deadline) {
    stop_timer->expires_after(
        std::min<Steady::duration>(std::chrono::milliseconds(10), deadline - Steady::now()));
    co_await stop_timer->async_wait(kNoThrow);
  }
  if (!Drained()) {
    abandoned = true;
    // Say what is abandoned: polls are polled again at the next start, a
    // round of alerts delivers its alerts again (they stay in the outbox).
    std::string what;
    if (!scheduler_done) what += "polls (polled again at the next start)";
    if (alerts_running) what += std::string(what.empty() ? "" : ", ") + "a round of alerts (its alerts stay due)";
    if (reloading) what += std::string(what.empty() ? "" : ", ") + "a reload";
    if (!api->idle()) what += std::string(what.empty() ? "" : ", ") + "API requests";
    log->Warn("abandoning work still running at the stop: " + what, {{"polls", scheduler->in_flight()}});
  }
  if (signals) {
    boost::system::error_code ignored;
    signals->cancel(ignored);
  }
  lag_timer->cancel();
  alerts_timer->cancel();
  loop->stop();
}

awaitable<void> Daemon::Impl::WatchSignals() {
  for (;;) {
    auto [ec, signal_number] = co_await signals->async_wait(kNoThrow);
    if (ec) co_return;
    if (signal_number == SIGHUP) {
      asio::co_spawn(*loop, Reload(), [](std::exception_ptr e) {
        if (e) std::rethrow_exception(e);
      });
      continue;
    }
    if (stopping) {
      log->Warn("second signal: stopping now");
      loop->stop();
      co_return;
    }
    BeginStop(signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
  }
}

awaitable<void> Daemon::Impl::MonitorLoopLag() {
  // A timer that should fire every 20 ms: how late it fires is how long the
  // loop was kept from its work.
  auto due = Steady::now();
  while (!stopping) {
    due += kLagProbe;
    lag_timer->expires_at(due);
    co_await lag_timer->async_wait(kNoThrow);
    if (stopping) break;
    const auto now = Steady::now();
    metrics.RecordLoopLag(now - due);
    if (now - due > kLagProbe) due = now;  // no burst of catch-up probes
  }
}

awaitable<void> Daemon::Impl::Reload() {
  if (reloading) {
    reload_again = true;  // one more pass after the current one
    co_return;
  }
  reloading = true;
  do {
    reload_again = false;
    bool rules_ok = false, feeds_ok = false;
    log->Info("reloading the feeds file and the rules",
              {{"feeds_file", config.feeds}, {"rules", config.rules}});
    std::string rules_dir = config.rules;
    std::string feeds_path = config.feeds;
    std::string config_file = config.file;
    Reloaded loaded = co_await asio::co_spawn(
        *workers, LoadRulesAndFeeds(std::move(rules_dir), std::move(feeds_path), std::move(config_file)),
        use_awaitable);
    // The extraction rules and the site rules go together: a broken file in
    // either keeps both as they were.
    if (loaded.rules && loaded.site_rules) {
      rules_ok = true;
      poller->SetRules(*loaded.rules);
      pages->SetSiteRules(*loaded.site_rules);
      metrics.RecordReload(true);
      log->Info("rules reloaded", {{"rules", static_cast<std::int64_t>((*loaded.rules)->rule_count())},
                                   {"site_rules", static_cast<std::int64_t>((*loaded.site_rules)->size())}});
    } else {
      metrics.RecordReload(false);
      const Error& error = loaded.rules ? loaded.site_rules.error() : loaded.rules.error();
      log->Error("rules not reloaded, keeping the old ones", {{"error", OneLine(error.message)}});
    }
    if (loaded.feeds) {
      std::vector<feed::Subscription> feeds = *loaded.feeds;
      auto health = co_await writer->EnsureFeeds(std::move(feeds));
      if (health) {
        feeds_ok = true;
        const std::size_t before = scheduler->feed_count();
        subscriptions = std::move(*loaded.feeds);
        scheduler->SetFeeds(MakeScheduledFeeds(subscriptions, *health, clock().Now()));
        log->Info("feeds reloaded", {{"feeds", static_cast<std::int64_t>(scheduler->feed_count())},
                                     {"before", static_cast<std::int64_t>(before)}});
      } else {
        log->Error("feeds file not reloaded, keeping the old one", {{"error", health.error().message}});
      }
    } else {
      log->Error("feeds file not reloaded, keeping the old one",
                 {{"error", OneLine(loaded.feeds.error().message)}});
    }
    if (loaded.watchlist && !*loaded.watchlist) {
      log->Error("watchlist not reloaded, keeping the old one",
                 {{"error", OneLine(loaded.watchlist->error().message)}});
    } else {
      // Given again even when unchanged: the store keeps what it already watches.
      std::vector<std::string> names = loaded.watchlist ? **loaded.watchlist : config.watchlist;
      const auto count = static_cast<std::int64_t>(names.size());
      auto watched = co_await asio::co_spawn(
          *alerts_thread, SetWatchlistOn(alerts_db.get(), std::move(names)), use_awaitable);
      if (watched) {
        if (loaded.watchlist) config.watchlist = **loaded.watchlist;
        log->Info("watchlist set", {{"entities", count}});
      } else {
        log->Error("watchlist not reloaded, keeping the old one", {{"error", watched.error().message}});
      }
    }
    if (options.on_reloaded) options.on_reloaded(rules_ok, feeds_ok);
  } while (reload_again && !stopping);
  reloading = false;
}

void Daemon::Impl::AlertsDue(std::chrono::milliseconds delay) {
  const auto at = Steady::now() + delay;
  if (at >= alerts_at) return;
  alerts_at = at;
  alerts_timer->cancel();  // RunAlerts waits again, for the earlier time
}

awaitable<void> Daemon::Impl::RunAlerts() {
  alerts_at = std::min(alerts_at, Steady::now() + options.alerts_delay);
  while (!stopping) {
    alerts_timer->expires_at(alerts_at);
    co_await alerts_timer->async_wait(kNoThrow);
    if (stopping) break;
    if (Steady::now() < alerts_at) continue;  // woken to wait for an earlier time
    const bool raise = new_articles;
    new_articles = false;
    alerts_running = true;
    AlertReport report = co_await asio::co_spawn(
        *alerts_thread, AlertsOn(alerts_db.get(), alert_options, &clock(), raise), use_awaitable);
    alerts_running = false;
    // Articles stored meanwhile, or alerts not queued for a database error
    // (busy): another round soon.
    if (!report.store_error.empty() && raise) new_articles = true;
    alerts_at = Steady::now() + (new_articles ? options.alerts_delay : options.alerts_interval);
    // A webhook backing off is tried again when its backoff ends, not at
    // the next minute's round: the time the log gives is the time it keeps.
    if (const auto next = ParseTimestamp(report.next_attempt)) {
      const auto wait = std::max(std::chrono::seconds(1), *next - clock().Now());
      alerts_at = std::min(alerts_at, Steady::now() + wait);
    }
    // A failure is a warning, as a failing feed is: alerts that cannot be
    // written or posted must show in a log kept at warn.
    const bool failed = !report.file_error.empty() || !report.store_error.empty() || !report.webhook_error.empty();
    if (failed) log->Warn(Summary(report, alert_options));
    else if (report.queued || report.written || report.posted || report.rejected) log->Info(Summary(report, alert_options));
    if (options.on_alerts) options.on_alerts(report);
  }
}

Daemon::Daemon(Config config, std::shared_ptr<Log> log, Options options)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(log), options)) {}

Daemon::~Daemon() {
  // A stop that had to abandon a stuck poll leaves coroutines that refer to
  // the services: tearing those down would pull them from under it. The
  // process is exiting; let it take them.
  if (impl_ && impl_->abandoned) (void)impl_.release();
}

std::string Daemon::url() const { return impl_->api->url(); }

void Daemon::RequestReload() {
  Impl* impl = impl_.get();
  asio::post(*impl->loop, [impl] {
    asio::co_spawn(*impl->loop, impl->Reload(), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
  });
}

void Daemon::RequestStop() {
  Impl* impl = impl_.get();
  asio::post(*impl->loop, [impl] { impl->BeginStop("stop requested"); });
}

int Daemon::Run() {
  Impl& d = *impl_;
  if (d.ran) throw StartupError("Daemon::Run called twice");
  d.ran = true;
  d.log->Info("listening on " + d.api->url());
  d.log->Info("polling", {{"feeds", static_cast<std::int64_t>(d.scheduler->feed_count())},
                          {"feeds_file", d.config.feeds},
                          {"db", d.config.db},
                          {"rules", static_cast<std::int64_t>(d.poller->rules()->rule_count())},
                          {"concurrency", d.config.concurrency},
                          {"per_host", d.config.per_host},
                          {"watchlist", static_cast<std::int64_t>(d.config.watchlist.size())}});
  d.api->Start();
  asio::co_spawn(*d.loop, d.scheduler->Run(), [&d](std::exception_ptr e) {
    d.scheduler_done = true;
    if (e) std::rethrow_exception(e);
  });
  if (d.signals)
    asio::co_spawn(*d.loop, d.WatchSignals(), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
  asio::co_spawn(*d.loop, d.MonitorLoopLag(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  asio::co_spawn(*d.loop, d.RunAlerts(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  d.loop->run();
  // The signal watcher and the lag probe see their cancellation and end.
  d.loop->restart();
  d.loop->poll();
  if (!d.abandoned) {
    d.workers->join();
    d.queries->join();
    d.alerts_thread->join();
  }
  if (d.abandoned)
    d.log->Info("stopped", {{"polls", static_cast<std::int64_t>(d.metrics.polls())}});
  else
    d.log->Info("stopped", {{"polls", static_cast<std::int64_t>(d.metrics.polls())},
                            {"batches_committed", static_cast<std::int64_t>(d.writer->batches_committed())}});
  return 0;
}

}  // namespace pw::app
