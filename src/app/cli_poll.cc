// presswatch poll --once: one polling cycle over every feed, then exit 0.
#include <cstdio>
#include <iostream>

#include "app/alerts.h"
#include "app/cli.h"
#include "app/feeds_file.h"
#include "app/log.h"
#include "app/page_fetcher.h"
#include "app/poll.h"
#include "app/progress.h"
#include "app/table.h"
#include "common/error.h"
#include "store/store.h"

namespace pw::app {

namespace {

struct PollFlags {
  PathFlags paths;
  bool once = false;
};

int RunPoll(const PollFlags& flags) {
  if (!flags.once)
    throw StartupError("poll runs one cycle and needs --once; to poll continuously run: presswatch serve");
  const Config config = Resolve(flags.paths);
  const auto feeds = LoadFeedsFile(config.feeds);
  auto rules = extract::RuleSet::Load(config.rules);
  if (!rules) throw StartupError(rules.error().message);
  auto site_rules = LoadSiteRules(config.rules);
  if (!site_rules) throw StartupError(site_rules.error().message);

  // Upgrade an old database first (with progress: it may take a while), and
  // name the watchlist before articles arrive, so that they raise alerts.
  {
    Progress upgrading("upgrading " + config.db);
    auto db = store::Store::Open(config.db, {.migration_progress = [&](std::int64_t done, std::int64_t total) {
                                               upgrading.Update(done, total);
                                             }});
    if (auto r = db->SetWatchlist(config.watchlist); !r) throw StartupError(r.error().message);
  }

  PollOptions options;
  options.fetch = config.fetch;
  options.concurrency = config.concurrency;
  options.per_host = config.per_host;
  options.default_interval = config.interval;
  options.fulltext = config.fulltext;
  options.site_rules = *site_rules;
  // The fetch log of article pages (robots.txt, the per-host delay), as serve writes it.
  options.log = Log::Stderr(LogFormatFromName(config.log_format), LogLevelFromName(config.log_level));

  // On a terminal, one line that updates, the cursor left at its start so
  // that a log line overwrites it; in a pipe, only failures.
  const bool terminal = StderrIsTerminal();
  PollProgress progress = [terminal](int done, int total, const FeedResult& r) {
    if (!r.error.empty()) {
      if (terminal) std::fprintf(stderr, "\r\033[K");
      std::fprintf(stderr, "failed: %s: %s\n", r.url.c_str(), r.error.c_str());
    }
    if (terminal) std::fprintf(stderr, "\r\033[Kpolling: %d/%d feeds\r", done, total);
  };
  const PollReport report = PollOnce(feeds, config.db, *rules, options, progress);
  if (terminal) std::fprintf(stderr, "\r\033[K");
  std::fprintf(stderr, "polled %zu feeds into %s: %d ok, %d failed, %d new articles\n", report.feeds.size(),
               config.db.c_str(), report.ok(), report.failed(), report.new_items());
  PageCounts pages;
  for (const auto& f : report.feeds) {
    pages.fetched += f.pages.fetched;
    pages.cached += f.pages.cached;
    pages.disallowed += f.pages.disallowed;
    pages.failed += f.pages.failed;
    pages.deferred += f.pages.deferred;
  }
  if (pages.asked() > 0)
    std::fprintf(stderr,
                 "article pages: %d fetched, %d from the cache, %d disallowed by robots.txt, %d failed, "
                 "%d left for the next poll\n",
                 pages.fetched, pages.cached, pages.disallowed, pages.failed, pages.deferred);

  // Alerts after the cycle: queued from what it stored, then delivered.
  const AlertOptions alert_options = AlertOptionsFrom(config);
  auto db = store::Store::Open(config.db, {});
  const AlertReport alerts = RaiseAndDeliverAlerts(*db, alert_options, Clock::System());
  if (!config.watchlist.empty() || alerts.waiting_file || alerts.waiting_webhook || !alerts.store_error.empty())
    std::fprintf(stderr, "%s\n", Summary(alerts, alert_options).c_str());
  return 0;
}

}  // namespace

void AddPollCommand(CLI::App& app, CliState& state) {
  auto flags = std::make_shared<PollFlags>();
  CLI::App* cmd = app.add_subcommand("poll", "Poll every feed once, store new articles, exit");
  cmd->add_flag("--once", flags->once, "one polling cycle, then exit (required)");
  AddPathFlags(cmd, flags->paths, true, true, true);
  cmd->callback([flags, &state] { state.exit_code = RunPoll(*flags); });
}

}  // namespace pw::app
