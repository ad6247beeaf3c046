#include "app/poll.h"

#include <algorithm>
#include <map>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "app/pipeline.h"
#include "common/url.h"
#include "store/store.h"

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

int PollReport::ok() const {
  return static_cast<int>(std::count_if(feeds.begin(), feeds.end(), [](const FeedResult& f) { return f.error.empty(); }));
}
int PollReport::failed() const { return static_cast<int>(feeds.size()) - ok(); }
int PollReport::new_items() const {
  int n = 0;
  for (const auto& f : feeds) n += f.new_items;
  return n;
}

namespace {

struct FeedState {
  std::int64_t id = 0;
  std::string etag, last_modified;
};

// Each coroutine below runs on the executor it is spawned on: the store's on
// the writer strand (one connection, one thread at a time), the CPU work on
// the pool, the fetches on the loop.
awaitable<Result<FeedState>> LoadFeedState(store::Store& db, feed::Subscription sub) {
  auto id = db.EnsureFeed(sub.url, sub.title, sub.language);
  if (!id) co_return id.error();
  auto health = db.Feed(*id);
  if (!health) co_return health.error();
  co_return FeedState{*id, health->etag.value_or(""), health->last_modified.value_or("")};
}

awaitable<Result<void>> RecordOutcome(store::Store& db, std::int64_t feed_id, store::FetchOutcome outcome) {
  co_return db.RecordFetch(feed_id, outcome);
}

awaitable<Result<std::vector<std::string>>> KnownKeys(store::Store& db, std::int64_t feed_id,
                                                      std::vector<std::string> keys) {
  co_return db.KnownItemKeys(feed_id, keys);
}

awaitable<Result<store::SaveStats>> Save(store::Store& db, std::int64_t feed_id,
                                         std::vector<store::ArticleRecord> records, store::FetchOutcome outcome) {
  auto stats = db.SaveArticles(feed_id, records);
  if (!stats) co_return stats.error();
  if (auto r = db.RecordFetch(feed_id, outcome); !r) co_return r.error();
  co_return *stats;
}

awaitable<Result<feed::Feed>> ParseOnPool(std::string body, std::string url, std::string content_type,
                                          std::string language) {
  co_return ParseFeed(body, url, content_type, language);
}

awaitable<std::vector<store::ArticleRecord>> ProcessOnPool(std::vector<feed::Item> items,
                                                           std::shared_ptr<const extract::RuleSet> rules,
                                                           std::string language, Timestamp now) {
  std::vector<store::ArticleRecord> records;
  records.reserve(items.size());
  for (const auto& item : items) records.push_back(ProcessItem(item, *rules, language, now));
  co_return records;
}

class Poller {
 public:
  Poller(asio::io_context& loop, const std::vector<feed::Subscription>& feeds, store::Store& db,
         std::shared_ptr<const extract::RuleSet> rules, const PollOptions& options, const PollProgress& progress)
      : loop_(loop),
        pool_(static_cast<std::size_t>(std::max(1, options.worker_threads))),
        writer_(asio::make_strand(pool_)),
        fetcher_(loop.get_executor(), options.fetch),
        feeds_(feeds),
        db_(db),
        rules_(std::move(rules)),
        options_(options),
        progress_(progress) {
    report_.feeds.resize(feeds.size());
  }

  ~Poller() { pool_.join(); }

  PollReport Run() {
    const int workers = std::min<int>(options_.concurrency, static_cast<int>(feeds_.size()));
    for (int i = 0; i < workers; ++i)
      asio::co_spawn(loop_, Worker(), [](std::exception_ptr e) {
        if (e) std::rethrow_exception(e);
      });
    loop_.run();
    return std::move(report_);
  }

 private:
  awaitable<void> Worker() {
    while (next_ < feeds_.size()) {
      const std::size_t i = next_++;
      const std::string host = HostOf(feeds_[i].url);
      // One slow outlet must not hold every slot: wait for the host's turn.
      asio::steady_timer wait(loop_);
      while (in_flight_[host] >= options_.per_host) {
        wait.expires_after(std::chrono::milliseconds(20));
        co_await wait.async_wait(use_awaitable);
      }
      ++in_flight_[host];
      try {
        report_.feeds[i] = co_await PollFeed(feeds_[i]);
      } catch (const std::exception& e) {
        report_.feeds[i] = FeedResult{feeds_[i].url, 0, std::string("internal error: ") + e.what()};
      }
      --in_flight_[host];
      ++done_;
      if (progress_) progress_(done_, static_cast<int>(feeds_.size()), report_.feeds[i]);
    }
  }

  awaitable<FeedResult> PollFeed(const feed::Subscription& sub) {
    FeedResult result{sub.url};
    const Timestamp now = Clock::System().Now();
    store::FetchOutcome outcome;
    outcome.fetched_at = FormatTimestamp(now);
    outcome.next_poll = FormatTimestamp(now + sub.interval.value_or(options_.default_interval));

    auto state = co_await asio::co_spawn(writer_, LoadFeedState(db_, sub), use_awaitable);
    if (!state) {
      result.error = state.error().message;
      co_return result;
    }
    // g++ 12 destroys a prvalue passed to a coroutine's by-value parameter
    // twice (see STYLE.md, section 5): pass named values only.
    fetch::FetchRequest request{sub.url, state->etag, state->last_modified};
    auto response = co_await fetcher_.Fetch(std::move(request));
    if (!response) co_return co_await Fail(result, state->id, outcome, response.error().message);
    result.status = response->status;
    outcome.status = response->status;
    if (!response->permanent_url.empty()) outcome.new_url = response->permanent_url;
    if (response->status == 304) {
      result.not_modified = true;
      co_await asio::co_spawn(writer_, RecordOutcome(db_, state->id, outcome), use_awaitable);
      co_return result;
    }
    if (response->status < 200 || response->status > 299) {
      std::string error = "HTTP " + std::to_string(response->status) + " from " + sub.url;
      co_return co_await Fail(result, state->id, outcome, std::move(error));
    }
    outcome.etag = std::string(response->Header("etag"));
    outcome.last_modified = std::string(response->Header("last-modified"));

    std::string content_type(response->Header("content-type"));
    auto parsed = co_await asio::co_spawn(
        pool_, ParseOnPool(std::move(response->body), sub.url, std::move(content_type), sub.language),
        use_awaitable);
    if (!parsed) co_return co_await Fail(result, state->id, outcome, parsed.error().message);
    outcome.title = parsed->title;
    outcome.site_url = parsed->link;
    outcome.language = parsed->language.substr(0, 2);

    std::vector<std::string> keys;
    for (const auto& item : parsed->items) keys.push_back(item.key);
    auto known = co_await asio::co_spawn(writer_, KnownKeys(db_, state->id, keys), use_awaitable);
    if (!known) co_return co_await Fail(result, state->id, outcome, known.error().message);
    std::vector<feed::Item> fresh;
    for (auto& item : parsed->items)
      if (std::find(known->begin(), known->end(), item.key) == known->end()) fresh.push_back(std::move(item));
    result.duplicates = static_cast<int>(known->size());

    const std::string language = !sub.language.empty() ? sub.language : parsed->language.substr(0, 2);
    auto records = co_await asio::co_spawn(pool_, ProcessOnPool(std::move(fresh), rules_, language, now),
                                           use_awaitable);
    auto saved = co_await asio::co_spawn(writer_, Save(db_, state->id, std::move(records), outcome), use_awaitable);
    if (!saved) co_return co_await Fail(result, state->id, outcome, saved.error().message);
    result.new_items = saved->inserted;
    result.duplicates += saved->duplicates;
    co_return result;
  }

  // Records a failed poll in the feed's health and returns it.
  awaitable<FeedResult> Fail(FeedResult result, std::int64_t feed_id, store::FetchOutcome outcome,
                             std::string error) {
    result.error = error;
    outcome.error = std::move(error);
    outcome.status = result.status;
    outcome.etag.reset();
    outcome.last_modified.reset();
    co_await asio::co_spawn(writer_, RecordOutcome(db_, feed_id, outcome), use_awaitable);
    co_return result;
  }

  asio::io_context& loop_;
  asio::thread_pool pool_;
  asio::strand<asio::thread_pool::executor_type> writer_;
  fetch::Fetcher fetcher_;
  const std::vector<feed::Subscription>& feeds_;
  store::Store& db_;
  std::shared_ptr<const extract::RuleSet> rules_;
  const PollOptions& options_;
  const PollProgress& progress_;
  PollReport report_;
  std::size_t next_ = 0;
  int done_ = 0;
  std::map<std::string, int> in_flight_;
};

}  // namespace

PollReport PollOnce(const std::vector<feed::Subscription>& feeds, const std::string& db_path,
                    std::shared_ptr<const extract::RuleSet> rules, const PollOptions& options,
                    const PollProgress& progress) {
  auto db = store::Store::Open(db_path, {});
  asio::io_context loop;
  Poller poller(loop, feeds, *db, std::move(rules), options, progress);
  return poller.Run();
}

}  // namespace pw::app
