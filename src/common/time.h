// common/time.h: the time values that cross stages, and their text form.
//
// Times are std::chrono::sys_seconds in UTC everywhere inside presswatch; they
// become strings only at the edges, in the contract's forms:
//   FormatTimestamp(t)  == "2024-11-25T01:30:00Z"   (RFC 3339, UTC)
//   FormatDay(d)        == "2024-11-25"
// ParseTimestamp accepts what users and our own database write:
// "2024-11-25", "2024-11-25T01:30:00Z", "2024-11-25T08:30:00+07:00".
//
// Clock is the one seam for time in tests (backoff, schedules): production
// code takes a const Clock& and tests pass a FakeClock.
// Pure functions; Clock implementations are thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace pw {

using Timestamp = std::chrono::sys_seconds;

std::string FormatTimestamp(Timestamp t);
std::string FormatDay(std::chrono::sys_days d);

// nullopt when `text` is not one of the accepted forms or is out of range.
std::optional<Timestamp> ParseTimestamp(std::string_view text);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const;
  static const Clock& System();
};

class FakeClock : public Clock {
 public:
  explicit FakeClock(Timestamp now) : now_(now) {}
  Timestamp Now() const override { return now_; }
  void Advance(std::chrono::seconds by) { now_ += by; }

 private:
  Timestamp now_;
};

}  // namespace pw
