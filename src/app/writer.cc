#include "app/writer.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

struct Writer::Batch {
  explicit Batch(const asio::any_io_executor& executor) : committed(executor) {
    committed.expires_at(asio::steady_timer::time_point::max());
  }
  store::PreparedBatch prepared;
  std::vector<Result<store::SaveStats>> results;
  asio::steady_timer committed;  // every save of the batch waits on it; Commit cancels it
};

Writer::Writer(asio::any_io_executor pool, store::Store& store, std::shared_ptr<Log> log, std::size_t max_batch)
    : strand_(asio::make_strand(std::move(pool))),
      store_(store),
      log_(std::move(log)),
      max_batch_(std::max<std::size_t>(1, max_batch)) {}

namespace {

awaitable<Result<std::vector<std::string>>> KnownKeysOn(store::Store& store, std::int64_t feed_id,
                                                        std::vector<std::string> keys) {
  co_return store.KnownItemKeys(feed_id, keys);
}

awaitable<Result<std::vector<std::string>>> KnownUrlsOn(store::Store& store, std::vector<std::string> urls) {
  co_return store.KnownUrls(urls);
}

// Runs on the pool, beside the strand: what of the write is not SQLite's.
awaitable<store::PreparedUpdate> PrepareOn(store::FeedUpdate update) {
  co_return store::PrepareUpdate(std::move(update));
}

awaitable<Result<std::vector<store::FeedHealth>>> EnsureFeedsOn(store::Store& store,
                                                                std::vector<feed::Subscription> feeds) {
  co_return store.EnsureFeeds(feeds);
}

}  // namespace

awaitable<Result<store::SaveStats>> Writer::Save(store::FeedUpdate update) {
  // Prepared on the pool while the strand commits the batch before
  // (store/prepared.h); a poll without new articles has nothing to prepare.
  store::PreparedUpdate prepared;
  if (update.articles.empty())
    prepared = store::PrepareUpdate(std::move(update));  // nothing to compute: no hop to the pool
  else
    prepared = co_await asio::co_spawn(strand_.get_inner_executor(), PrepareOn(std::move(update)), use_awaitable);
  co_return co_await asio::co_spawn(strand_, Enqueue(std::move(prepared)), use_awaitable);
}

awaitable<Result<store::SaveStats>> Writer::Enqueue(store::PreparedUpdate update) {
  // The first save of a batch schedules its commit behind whatever the
  // strand already holds: the saves queued meanwhile join the batch.
  if (!open_ || open_->prepared.updates.size() >= max_batch_) {
    open_ = std::make_shared<Batch>(strand_);
    asio::post(strand_, [this, batch = open_] { Commit(batch); });
  }
  std::shared_ptr<Batch> batch = open_;
  const std::size_t index = batch->prepared.updates.size();
  batch->prepared.updates.push_back(std::move(update));
  co_await batch->committed.async_wait(asio::as_tuple(use_awaitable));
  co_return std::move(batch->results[index]);
}

void Writer::Commit(std::shared_ptr<Batch> batch) {
  if (open_ == batch) open_.reset();
  batch->results = store_.Save(batch->prepared);
  batch->prepared.updates.clear();  // the articles are stored: free them now
  // The search index is written beside the next batch (store/search_index.h);
  // with no next batch waiting, the saves complete once their text is
  // searchable too, so that the API answers what a finished poll stored. A
  // failure of the index is retried with the next batch (and at the next
  // start): the saves themselves succeeded.
  if (!open_) ReportSearchIndex(store_.WaitForSearchIndex());
  ++batches_committed_;
  batch->committed.cancel();
}

void Writer::ReportSearchIndex(const Result<void>& indexed) {
  if (!indexed) {
    if (!search_index_behind_ && log_)
      log_->Warn("search index behind: the articles are stored, and searchable once it catches up",
                 {{"error", indexed.error().message}});
    search_index_behind_ = true;
  } else if (search_index_behind_) {
    search_index_behind_ = false;
    if (log_) log_->Info("search index caught up");
  }
}

awaitable<Result<std::vector<std::string>>> Writer::KnownItemKeys(std::int64_t feed_id,
                                                                  std::vector<std::string> keys) {
  co_return co_await asio::co_spawn(strand_, KnownKeysOn(store_, feed_id, std::move(keys)), use_awaitable);
}

awaitable<Result<std::vector<std::string>>> Writer::KnownUrls(std::vector<std::string> urls) {
  co_return co_await asio::co_spawn(strand_, KnownUrlsOn(store_, std::move(urls)), use_awaitable);
}

awaitable<Result<std::vector<store::FeedHealth>>> Writer::EnsureFeeds(std::vector<feed::Subscription> feeds) {
  co_return co_await asio::co_spawn(strand_, EnsureFeedsOn(store_, std::move(feeds)), use_awaitable);
}

}  // namespace pw::app
