#include "app/poll.h"

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <thread>
#include <unordered_map>

#include "app/scheduler.h"
#include "app/writer.h"
#include "store/store.h"

namespace pw::app {

namespace asio = boost::asio;

int PollReport::ok() const {
  return static_cast<int>(
      std::count_if(feeds.begin(), feeds.end(), [](const FeedResult& f) { return f.error.empty(); }));
}
int PollReport::failed() const { return static_cast<int>(feeds.size()) - ok(); }
int PollReport::new_items() const {
  int n = 0;
  for (const auto& f : feeds) n += f.new_items;
  return n;
}

PollReport PollOnce(const std::vector<feed::Subscription>& feeds, const std::string& db_path,
                    std::shared_ptr<const extract::RuleSet> rules, const PollOptions& options,
                    const PollProgress& progress) {
  auto db = store::Store::Open(db_path, {});
  auto health = db->EnsureFeeds(feeds);
  if (!health) throw StartupError(health.error().message);
  const Clock& clock = options.clock ? *options.clock : Clock::System();

  PollReport report;
  report.feeds.resize(feeds.size());
  std::unordered_multimap<std::int64_t, std::size_t> positions;  // a feed listed twice is polled once
  for (std::size_t i = 0; i < feeds.size(); ++i) {
    report.feeds[i].url = feeds[i].url;
    positions.emplace((*health)[i].id, i);
  }

  // loop.run() returns when every poll has ended (no frame is left behind),
  // and the pool is joined before the writer and the store go.
  asio::thread_pool pool(static_cast<std::size_t>(std::max(1, options.worker_threads)));
  {
    Writer writer(pool.get_executor(), *db, options.log);
    asio::io_context loop;
    fetch::Fetcher fetcher(loop.get_executor(), options.fetch, pool.get_executor());
    PageFetcher pages(loop.get_executor(), fetcher, pool.get_executor(), options.site_rules, options.log,
                      options.fulltext);
    FeedPoller poller(loop.get_executor(), fetcher, pool.get_executor(), writer, std::move(rules),
                      {options.default_interval, options.schedule, options.clock, &pages, options.log});
    Scheduler scheduler(loop.get_executor(), poller,
                        {options.concurrency, options.per_host, Scheduler::Mode::kOnce, options.clock});
    int done = 0;
    scheduler.OnPolled([&](const FeedTask& task, const PollOutcome& outcome) {
      auto [first, last] = positions.equal_range(task.id);
      for (auto it = first; it != last; ++it) {
        report.feeds[it->second] = outcome.result;
        ++done;
        if (progress) progress(done, static_cast<int>(feeds.size()), outcome.result);
      }
    });
    scheduler.SetFeeds(MakeScheduledFeeds(feeds, *health, clock.Now()));
    asio::co_spawn(loop, scheduler.Run(), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
    loop.run();
    pool.join();
  }
  return report;
}

}  // namespace pw::app
