// app/writer.h: the one SQLite writer, committing feeds' polls in batches.
//
// Every write and every read that must see the writes goes through one
// Store on one strand of the worker pool, so there is one writer and it
// never runs on the event loop. Saves are group-committed: the polls that
// reach the writer while it is busy wait for one transaction together
// (Store::SaveBatch), so 2,000 polls a second cost tens of commits, not
// thousands; under light load a save commits at once, with no added delay.
// A save's articles are prepared (store::PrepareUpdate: fingerprints, search
// keys) on the pool before they join a batch, so that the strand, while it
// commits one batch, is not what prepares the next.
//
//   Writer writer(pool.get_executor(), store);
//   Result<store::SaveStats> s = co_await writer.Save(std::move(update));  // after its batch committed
//
// The search index is written by a thread of the Store's own, beside the next
// batch (store/search_index.h). When it falls behind (its file locked, a full
// disk), the articles are stored all the same and their text is indexed by a
// later batch; the Writer tells `log` once that it fell behind and once that
// it caught up, not once per batch.
//
// Each coroutine resumes on the caller's executor. REQUIRES: `store` and
// the pool outlive the Writer and every coroutine started on it (the daemon
// joins the pool before destroying either). Thread-safe: call from any
// thread; the strand serializes.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/strand.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "app/log.h"
#include "feed/opml.h"
#include "store/prepared.h"
#include "store/records.h"
#include "store/store.h"

namespace pw::app {

class Writer {
 public:
  // `log` may be nullptr: the search index's failures are then not told.
  Writer(boost::asio::any_io_executor pool, store::Store& store, std::shared_ptr<Log> log = nullptr,
         std::size_t max_batch = 512);
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Stores one feed's poll (articles and health); completes once the batch
  // holding it committed, with that feed's own result.
  boost::asio::awaitable<Result<store::SaveStats>> Save(store::FeedUpdate update);

  // Of `keys`, those this feed already has (after every earlier save).
  boost::asio::awaitable<Result<std::vector<std::string>>> KnownItemKeys(std::int64_t feed_id,
                                                                         std::vector<std::string> keys);

  // Of `urls` (canonical), those an article of any feed has (Store::KnownUrls).
  boost::asio::awaitable<Result<std::vector<std::string>>> KnownUrls(std::vector<std::string> urls);

  // Store::EnsureFeeds on the writer.
  boost::asio::awaitable<Result<std::vector<store::FeedHealth>>> EnsureFeeds(
      std::vector<feed::Subscription> feeds);

  std::size_t batches_committed() const {
    return batches_committed_;
  }  // read on the strand or after the pool joined

 private:
  struct Batch;
  boost::asio::awaitable<Result<store::SaveStats>> Enqueue(store::PreparedUpdate update);
  void Commit(std::shared_ptr<Batch> batch);
  void ReportSearchIndex(const Result<void>& indexed);

  boost::asio::strand<boost::asio::any_io_executor> strand_;
  store::Store& store_;
  std::shared_ptr<Log> log_;
  std::size_t max_batch_;
  std::shared_ptr<Batch> open_;  // the batch still taking saves; strand only
  std::size_t batches_committed_ = 0;
  bool search_index_behind_ = false;  // strand only
};

}  // namespace pw::app
