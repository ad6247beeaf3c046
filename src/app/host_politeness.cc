#include "app/host_politeness.h"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;
using std::chrono::milliseconds;

namespace {

inline constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kForgetAbove = 1024;  // hosts known before idle ones are forgotten

}  // namespace

struct HostPoliteness::Waiter {
  explicit Waiter(const asio::any_io_executor& executor) : timer(executor) {}
  asio::steady_timer timer;  // runs to the deadline; Release cancels it to grant the turn
  bool granted = false;
};

// Whatever way a waiting coroutine leaves Wait() (an exception at a co_await
// included), its place in the queue, or the turn granted to it, goes.
struct HostPoliteness::QueueGuard {
  HostPoliteness* owner;
  std::string host;
  std::shared_ptr<Waiter> waiter;
  bool taken = false;  // the turn became a Turn: it releases the host itself

  ~QueueGuard() {
    if (taken) return;
    if (waiter->granted) {
      owner->Release(host, false);
      return;
    }
    auto it = owner->hosts_.find(host);
    if (it == owner->hosts_.end()) return;
    auto& queue = it->second.waiters;
    queue.erase(std::remove(queue.begin(), queue.end(), waiter), queue.end());
  }
};

HostPoliteness::HostPoliteness(asio::any_io_executor loop, milliseconds forget_after)
    : loop_(std::move(loop)), forget_after_(forget_after) {}

HostPoliteness::Turn& HostPoliteness::Turn::operator=(Turn&& other) noexcept {
  if (this != &other) {
    End();
    owner_ = std::exchange(other.owner_, nullptr);
    host_ = std::move(other.host_);
    waited_ = other.waited_;
  }
  return *this;
}

void HostPoliteness::Turn::Release(bool requested) {
  if (HostPoliteness* owner = std::exchange(owner_, nullptr)) owner->Release(host_, requested);
}

awaitable<Result<HostPoliteness::Turn>> HostPoliteness::Wait(std::string host, milliseconds delay,
                                                             Steady::time_point deadline) {
  const auto asked = Steady::now();
  Host& h = hosts_[host];  // stays in place: a busy host is never forgotten
  if (!h.busy) {
    h.busy = true;
  } else {
    QueueGuard guard{this, host, std::make_shared<Waiter>(loop_)};
    guard.waiter->timer.expires_at(deadline);
    h.waiters.push_back(guard.waiter);
    auto [ec] = co_await guard.waiter->timer.async_wait(kNoThrow);
    if (!guard.waiter->granted) {
      // The guard leaves the queue.
      if (ec) co_return Error::Network("cancelled while waiting for a turn at " + host);
      co_return Error::Timeout("no turn at " + host + " before the deadline (requests ahead in line)");
    }
    guard.taken = true;
  }

  // The host is ours: the Turn gives it back on every path from here.
  Turn turn(this, host, milliseconds(0));
  const std::optional<Steady::time_point> last_end = hosts_[host].last_end;
  if (last_end && *last_end + delay > Steady::now()) {
    const auto start = *last_end + delay;
    if (start > deadline) {
      turn.Cancel();
      co_return Error::Timeout("the pause at " + host + " ends after the deadline");
    }
    asio::steady_timer pause(loop_);
    pause.expires_at(start);
    auto [ec] = co_await pause.async_wait(kNoThrow);
    if (ec) {
      turn.Cancel();
      co_return Error::Network("cancelled during the pause at " + host);
    }
  }
  turn.waited_ = std::chrono::duration_cast<milliseconds>(Steady::now() - asked);
  co_return std::move(turn);
}

void HostPoliteness::Release(const std::string& host, bool requested) {
  auto it = hosts_.find(host);
  if (it == hosts_.end()) return;
  Host& h = it->second;
  if (requested) h.last_end = Steady::now();
  if (h.waiters.empty()) {
    h.busy = false;
  } else {
    // Handed on, still busy: the first in line wakes holding it.
    std::shared_ptr<Waiter> next = std::move(h.waiters.front());
    h.waiters.pop_front();
    next->granted = true;
    next->timer.cancel();
  }
  if (hosts_.size() > kForgetAbove) Forget();
}

void HostPoliteness::Forget() {
  const auto now = Steady::now();
  for (auto it = hosts_.begin(); it != hosts_.end();) {
    const Host& h = it->second;
    const bool idle = !h.busy && h.waiters.empty() && (!h.last_end || now - *h.last_end > forget_after_);
    it = idle ? hosts_.erase(it) : std::next(it);
  }
}

}  // namespace pw::app
