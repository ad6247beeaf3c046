// fetch/host_limits.h: how many fetches may be in flight, in all and per host.
//
// Politeness and fairness: at most `per_host` requests to one outlet at a
// time, and at most `global` in all, so one slow outlet holds at most
// `per_host` slots and never starves the others.
//
//   HostLimits limits(/*global=*/32, /*per_host=*/2);
//   if (auto slot = limits.TryAcquire("vnexpress.net")) {
//     ...fetch...;  // the slot is released when `slot` is destroyed
//   }
//
// A caller that finds no room keeps its work queued and tries again when a
// slot is released (the scheduler does this; it never spins). Counters
// only, no waiting inside: no I/O, no locks. Not thread-safe: use it from the
// one thread that runs the event loop; a Slot must be destroyed there too,
// and before its HostLimits.
#pragma once

#include <string>
#include <unordered_map>

namespace pw::fetch {

class HostLimits {
 public:
  // REQUIRES: global >= 1, per_host >= 1.
  HostLimits(int global, int per_host) : global_(global), per_host_(per_host) {}
  HostLimits(const HostLimits&) = delete;
  HostLimits& operator=(const HostLimits&) = delete;

  // A held slot; move-only. Releases its slot on destruction or Release().
  class Slot {
   public:
    Slot() = default;
    Slot(Slot&& other) noexcept : limits_(other.limits_), host_(std::move(other.host_)) {
      other.limits_ = nullptr;
    }
    Slot& operator=(Slot&& other) noexcept;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { Release(); }
    void Release();
    bool held() const { return limits_ != nullptr; }

   private:
    friend class HostLimits;
    Slot(HostLimits* limits, std::string host) : limits_(limits), host_(std::move(host)) {}
    HostLimits* limits_ = nullptr;
    std::string host_;
  };

  // A slot for `host` when both limits leave room, else an empty Slot.
  Slot TryAcquire(const std::string& host);
  bool HasRoom(const std::string& host) const;
  bool HasGlobalRoom() const { return in_flight_ < global_; }

  int in_flight() const { return in_flight_; }
  int in_flight(const std::string& host) const;
  int global_limit() const { return global_; }
  int per_host_limit() const { return per_host_; }

 private:
  void Release(const std::string& host);

  int global_;
  int per_host_;
  int in_flight_ = 0;
  std::unordered_map<std::string, int> per_host_in_flight_;  // only hosts with a slot held
};

}  // namespace pw::fetch
