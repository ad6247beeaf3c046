// The daemon against 10,000 feeds on loopback: three full polling cycles of
// the real Daemon (scheduler, fetcher, pool, batched writer, API, lag probe):
// the first reads every feed for the first time (all 200s, two new items
// each), the second is conditional with a mix (90% 304s; every 10th feed
// changed, a 200 with one new item), the third is all 304s. For each cycle:
// its wall time, fetches per second, the loop lag the daemon measured, and
// the process's peak RSS. The feeds are served by a child process
// (loopback_feeds.h), so the RSS is the daemon's alone.
//
//   build/bench/poll_bench [--feeds 10000] [--hosts 64] [--dir /tmp/pw-bench]
//
// Each later cycle runs a new Daemon on the same database with a FakeClock
// 30 minutes further ahead (past the 15 min interval and its jitter), so that
// every feed is due again without waiting.
// bench/RESULTS.md records the figures.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>

#include "app/daemon.h"
#include "fetch/fetch.h"
#include "loopback_feeds.h"

namespace {

using Steady = std::chrono::steady_clock;

struct CycleResult {
  double startup_s = 0;  // Daemon construction: feeds file, rules, EnsureFeeds
  double cycle_s = 0;    // Run() to the last feed polled
  int polls = 0;
  std::string metrics;
  long peak_rss_kb = 0;
};

double Metric(const std::string& text, const std::string& name) {
  const auto at = text.find("\n" + name + " ");
  if (at == std::string::npos) return 0;
  return std::atof(text.c_str() + at + name.size() + 2);
}

long PeakRssKb() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

CycleResult RunCycle(const pw::app::Config& config, const pw::Clock& clock, int feeds) {
  std::mutex mu;
  std::condition_variable cv;
  int polled = 0;
  pw::app::Daemon::Options options;
  options.handle_signals = false;
  options.clock = &clock;
  options.on_polled = [&](const pw::app::FeedResult&) {
    std::lock_guard<std::mutex> lock(mu);
    if (++polled == feeds) cv.notify_all();
  };
  CycleResult r;
  const auto start = Steady::now();
  pw::app::Daemon daemon(config, pw::app::Log::Stderr(pw::app::LogFormat::kText, pw::app::LogLevel::kWarn),
                         options);
  const auto constructed = Steady::now();
  std::thread loop([&daemon] { daemon.Run(); });
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return polled >= feeds; });
  }
  const auto done = Steady::now();
  pw::fetch::FetchRequest request{.url = daemon.url() + "/metrics"};
  auto metrics = pw::fetch::FetchBlocking(std::move(request), pw::fetch::FetchOptions{});
  daemon.RequestStop();
  loop.join();
  r.startup_s = std::chrono::duration<double>(constructed - start).count();
  r.cycle_s = std::chrono::duration<double>(done - constructed).count();
  r.polls = polled;
  r.metrics = metrics ? metrics->body : "";
  r.peak_rss_kb = PeakRssKb();
  return r;
}

void Report(const char* name, const CycleResult& r) {
  const double lag_count = Metric(r.metrics, "presswatch_loop_lag_seconds_count");
  const double lag_under_50ms = Metric(r.metrics, "presswatch_loop_lag_seconds_bucket{le=\"0.05\"}");
  std::printf("| %s | %.2f s | %.2f s | %d | %.0f | %.0f | %.0f | %.0f | %.1f ms | %.0f | %.1f MB |\n", name,
              r.startup_s, r.cycle_s, r.polls, r.polls / r.cycle_s,
              Metric(r.metrics, "presswatch_fetches_total{status=\"200\"}"),
              Metric(r.metrics, "presswatch_fetches_total{status=\"304\"}"),
              Metric(r.metrics, "presswatch_new_items_total"),
              Metric(r.metrics, "presswatch_loop_lag_max_seconds") * 1000, lag_count - lag_under_50ms,
              r.peak_rss_kb / 1024.0);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  int feeds = 10000, hosts = 64;
  std::string dir = "/tmp/pw-bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--feeds")
      feeds = std::atoi(argv[i + 1]);
    else if (flag == "--hosts")
      hosts = std::atoi(argv[i + 1]);
    else if (flag == "--dir")
      dir = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: poll_bench [--feeds N] [--hosts H] [--dir DIR]\n");
      return 2;
    }
  }
  pw::bench::LoopbackFeeds server({.feeds = feeds, .hosts = hosts});
  const pid_t server_pid = server.Fork();  // before any thread exists
  if (server_pid < 0) return 1;

  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream opml(dir + "/feeds.opml");
    opml << "<opml version=\"2.0\"><body>\n";
    for (int i = 0; i < feeds; ++i)
      opml << "<outline text=\"Feed " << i << "\" xmlUrl=\"" << server.Url(i) << "\"/>\n";
    opml << "</body></opml>\n";
  }
  pw::app::Config config = pw::app::LoadConfig("");
  config.db = dir + "/bench.db";
  config.feeds = dir + "/feeds.opml";
  config.rules = PW_BENCH_SOURCE_DIR "/rules";
  config.listen = "127.0.0.1:0";

  std::printf("poll_bench: %d feeds on %d loopback hosts, concurrency %d, per host %d, %d workers\n\n", feeds,
              hosts, config.concurrency, config.per_host, config.workers);
  std::printf(
      "| cycle | startup | cycle | polls | polls/s | 200s | 304s | new items | loop lag max | lags > 50 ms | "
      "peak RSS |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  const pw::FakeClock first(pw::Clock::System().Now());
  Report("first (all new)", RunCycle(config, first, feeds));
  const pw::FakeClock later(pw::Clock::System().Now() + std::chrono::minutes(30));
  Report("second (90% 304)", RunCycle(config, later, feeds));
  const pw::FakeClock latest(pw::Clock::System().Now() + std::chrono::minutes(60));
  Report("third (all 304)", RunCycle(config, latest, feeds));

  ::kill(server_pid, SIGTERM);
  ::waitpid(server_pid, nullptr, 0);
  return 0;
}
