// app/host_politeness.h: one request at a time to a host, and a pause
// between two.
//
// The article pages behind teasers come from a handful of outlets, dozens at
// a time: fetched as fast as the loop allows, they would hammer the outlet.
// So requests to one host are made one after another, in the order they
// asked, and each starts at least `delay` after the previous one to that
// host ended (a robots.txt Crawl-delay lengthens it; the caller decides).
//
//   HostPoliteness politeness(loop.get_executor());
//   Result<HostPoliteness::Turn> turn = co_await politeness.Wait("vnexpress.net", 1s, deadline);
//   if (!turn) ...  // kTimeout: the turn would come after `deadline`; kNetwork: cancelled
//   ...one request...; turn->waited() is how long the wait took
//   // the host is free again, and its pause starts, when `turn` ends
//
// A wait ends early, with an error and nothing taken, when its turn cannot
// start by `deadline` or when the waiting coroutine is cancelled (a cancellation
// slot bound to it, as at shutdown).
//
// Thread-safety: everything on the one thread of the event loop, Turns
// included. REQUIRES: the HostPoliteness outlives every Wait and Turn.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/error.h"

namespace pw::app {

class HostPoliteness {
 public:
  using Steady = std::chrono::steady_clock;

  // Hosts idle for longer than `forget_after` (at least the longest delay
  // ever asked for) are forgotten once more than a thousand are known.
  explicit HostPoliteness(boost::asio::any_io_executor loop,
                          std::chrono::milliseconds forget_after = std::chrono::minutes(10));
  HostPoliteness(const HostPoliteness&) = delete;
  HostPoliteness& operator=(const HostPoliteness&) = delete;

  // The right to send one request to a host; move-only.
  class Turn {
   public:
    Turn() = default;
    Turn(Turn&& other) noexcept { *this = std::move(other); }
    Turn& operator=(Turn&& other) noexcept;
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;
    ~Turn() { End(); }

    // The request was made and has ended: the host's pause starts now.
    // Called by the destructor too; only the first call counts.
    void End() { Release(true); }
    // No request was made after all: the next one need not wait for it.
    void Cancel() { Release(false); }

    std::chrono::milliseconds waited() const { return waited_; }  // for the turn, and the pause

   private:
    friend class HostPoliteness;
    Turn(HostPoliteness* owner, std::string host, std::chrono::milliseconds waited)
        : owner_(owner), host_(std::move(host)), waited_(waited) {}
    void Release(bool requested);

    HostPoliteness* owner_ = nullptr;
    std::string host_;
    std::chrono::milliseconds waited_{0};
  };

  // Waits until no other request to `host` is in flight or waiting before
  // this one, and `delay` has passed since the last one ended.
  boost::asio::awaitable<Result<Turn>> Wait(std::string host, std::chrono::milliseconds delay,
                                            Steady::time_point deadline);

  std::size_t hosts() const { return hosts_.size(); }  // known hosts (tests)

 private:
  struct Waiter;
  struct QueueGuard;
  struct Host {
    bool busy = false;  // a Turn is out, or granted to the first waiter
    std::optional<Steady::time_point> last_end;
    std::deque<std::shared_ptr<Waiter>> waiters;
  };

  void Release(const std::string& host, bool requested);
  void Forget();

  boost::asio::any_io_executor loop_;
  std::chrono::milliseconds forget_after_;
  std::unordered_map<std::string, Host> hosts_;
};

}  // namespace pw::app
