#include "app/scheduler.h"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <unordered_set>

#include "common/url.h"

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;

std::vector<ScheduledFeed> MakeScheduledFeeds(const std::vector<feed::Subscription>& subscriptions,
                                              const std::vector<store::FeedHealth>& health, Timestamp now) {
  std::vector<ScheduledFeed> out;
  out.reserve(subscriptions.size());
  for (std::size_t i = 0; i < subscriptions.size() && i < health.size(); ++i) {
    const store::FeedHealth& h = health[i];
    ScheduledFeed f;
    f.task.id = h.id;
    f.task.sub = subscriptions[i];
    f.task.state.fetch_url = h.moved_to.value_or(subscriptions[i].url);
    f.task.state.etag = h.etag.value_or("");
    f.task.state.last_modified = h.last_modified.value_or("");
    f.task.state.consecutive_failures = h.consecutive_failures;
    const auto next = h.next_poll ? ParseTimestamp(*h.next_poll) : std::nullopt;
    f.due = next ? std::max(*next, now) : now;
    out.push_back(std::move(f));
  }
  return out;
}

Scheduler::Scheduler(asio::any_io_executor loop, FeedPoller& poller, Options options)
    : loop_(loop),
      poller_(poller),
      options_(options),
      limits_(std::max(1, options.concurrency), std::max(1, options.per_host)),
      wake_(loop) {}

void Scheduler::SetFeeds(std::vector<ScheduledFeed> feeds) {
  const Timestamp now = clock().Now();
  std::unordered_set<std::int64_t> wanted;
  for (auto& f : feeds) {
    if (!wanted.insert(f.task.id).second) continue;
    if (auto it = entries_.find(f.task.id); it != entries_.end()) {
      it->second.task.sub = std::move(f.task.sub);  // kept: new settings, same state and schedule
      continue;
    }
    Entry entry;
    entry.due = options_.mode == Mode::kOnce ? now : f.due;
    entry.host = HostOf(f.task.state.fetch_url.empty() ? f.task.sub.url : f.task.state.fetch_url);
    entry.task = std::move(f.task);
    timeline_.insert({entry.due, entry.task.id});
    if (options_.mode == Mode::kOnce) ++pending_once_;
    entries_.emplace(entry.task.id, std::move(entry));
  }
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (wanted.count(it->first)) {
      ++it;
      continue;
    }
    // A poll in flight ends first; Completed() then finds no entry.
    timeline_.erase({it->second.due, it->first});
    if (auto q = ready_.find(it->second.host); q != ready_.end()) {
      const auto before = q->second.size();
      q->second.erase(std::remove(q->second.begin(), q->second.end(), it->first), q->second.end());
      ready_count_ -= before - q->second.size();
      if (q->second.empty()) ready_.erase(q);
    }
    if (options_.mode == Mode::kOnce && !it->second.done) --pending_once_;
    it = entries_.erase(it);
  }
  Wake();
}

int Scheduler::failing() const {
  return static_cast<int>(std::count_if(entries_.begin(), entries_.end(), [](const auto& e) {
    return e.second.task.state.consecutive_failures > 0;
  }));
}

awaitable<void> Scheduler::Run() {
  for (;;) {
    Dispatch();
    if (stopping_ && limits_.in_flight() == 0) break;
    if (options_.mode == Mode::kOnce && pending_once_ == 0 && limits_.in_flight() == 0) break;
    // Sleep until the earliest due time, or until a poll ends or the feeds
    // change (Wake). An hour at most, so a clock jump is caught up with.
    std::chrono::seconds wait = std::chrono::hours(1);
    if (!stopping_ && !timeline_.empty())
      wait = std::clamp(
          std::chrono::duration_cast<std::chrono::seconds>(timeline_.begin()->first - clock().Now()),
          std::chrono::seconds(0), wait);
    wake_.expires_after(wait);
    co_await wake_.async_wait(asio::as_tuple(asio::use_awaitable));
  }
}

void Scheduler::Stop() {
  stopping_ = true;
  poller_.Stop();
  for (auto& [id, entry] : entries_)
    if (entry.in_flight && entry.cancel) entry.cancel->emit(asio::cancellation_type::terminal);
  Wake();
}

void Scheduler::Dispatch() {
  const Timestamp now = clock().Now();
  while (!timeline_.empty() && timeline_.begin()->first <= now) {
    const std::int64_t id = timeline_.begin()->second;
    timeline_.erase(timeline_.begin());
    auto it = entries_.find(id);
    if (it == entries_.end()) continue;
    ready_[it->second.host].push_back(id);
    ++ready_count_;
  }
  if (stopping_) return;
  // Hosts take turns, starting after the last host that got a slot. At most
  // `concurrency` hosts can be full, so few are skipped before one has room.
  auto it = ready_.upper_bound(last_host_);
  for (std::size_t visited = 0, hosts = ready_.size(); visited < hosts && limits_.HasGlobalRoom();
       ++visited) {
    if (it == ready_.end()) it = ready_.begin();
    auto& [host, queue] = *it;
    while (!queue.empty() && limits_.HasRoom(host)) {
      const std::int64_t id = queue.front();
      queue.pop_front();
      --ready_count_;
      if (auto entry = entries_.find(id); entry != entries_.end()) {
        Start(id, entry->second);
        last_host_ = host;
      }
    }
    it = queue.empty() ? ready_.erase(it) : std::next(it);
  }
}

void Scheduler::Start(std::int64_t id, Entry& entry) {
  entry.in_flight = true;
  fetch::HostLimits::Slot slot = limits_.TryAcquire(entry.host);
  entry.cancel = std::make_shared<asio::cancellation_signal>();
  FeedTask task = entry.task;
  asio::co_spawn(loop_, PollOne(id, std::move(task), std::move(slot), entry.cancel),
                 [](std::exception_ptr e) {
                   if (e) std::rethrow_exception(e);
                 });
}

awaitable<void> Scheduler::PollOne(std::int64_t id, FeedTask task, fetch::HostLimits::Slot slot,
                                   std::shared_ptr<asio::cancellation_signal> cancel) {
  PollOutcome outcome;
  try {
    FeedTask for_poll = task;
    asio::cancellation_slot cancel_slot = cancel->slot();
    outcome = co_await poller_.Poll(std::move(for_poll), cancel_slot);
  } catch (const std::exception& e) {
    // A bug, not a feed's fault: report it and try again in an hour.
    outcome = PollOutcome{};
    outcome.result.url = task.sub.url;
    outcome.result.error = std::string("internal error: ") + e.what();
    outcome.error_kind = ErrorKind::kInternal;
    outcome.state = task.state;
    outcome.next_poll = clock().Now() + std::chrono::hours(1);
  }
  slot.Release();
  Completed(id, task, outcome);
}

void Scheduler::Completed(std::int64_t id, const FeedTask& task, const PollOutcome& outcome) {
  if (on_polled_) on_polled_(task, outcome);
  auto it = entries_.find(id);
  if (it != entries_.end()) {
    Entry& entry = it->second;
    entry.in_flight = false;
    entry.cancel.reset();
    if (!outcome.cancelled) {
      entry.task.state = outcome.state;
      entry.host = HostOf(entry.task.state.fetch_url);
    }
    if (options_.mode == Mode::kOnce) {
      entry.done = true;
      --pending_once_;
    } else if (!outcome.cancelled) {
      entry.due = outcome.next_poll;
      timeline_.insert({entry.due, id});
    }
  }
  Wake();
}

void Scheduler::Wake() { wake_.cancel(); }

}  // namespace pw::app
