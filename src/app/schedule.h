// app/schedule.h: when to poll a feed next, from how the last poll went and
// what the server said about it.
//
// After a success (2xx or 304) the feed's interval (pw:interval, else
// [poll] interval) applies, stretched when the server asks for less
// frequent polls: RSS <ttl> and Cache-Control: max-age are honoured (the
// longest wins), capped at `max_interval`. Then a little jitter, so feeds
// added together drift apart instead of polling in lockstep:
//
//   NextPollAfterSuccess(t, 15min, {.ttl = 60min}, {}, 0.0)   == t + 60min
//   NextPollAfterSuccess(t, 15min, {}, {.jitter = 0.1}, 0.5)  == t + 15min + 45s
//
// After the n-th failure in a row, exponential backoff from the interval,
// capped at `max_interval` (24 h) and never beyond it: a feed is never
// disabled for good, however long it fails. Jitter only shortens a backoff
// (so the cap holds). Retry-After (sent with 429 and 503) is a floor, capped
// too:
//
//   NextPollAfterFailure(t, 15min, 1, {}, {.jitter = 0}, 0)  == t + 15min
//   NextPollAfterFailure(t, 15min, 3, {}, {.jitter = 0}, 0)  == t + 60min
//   NextPollAfterFailure(t, 15min, 9, {}, {.jitter = 0}, 0)  == t + 24h
//   NextPollAfterFailure(t, 15min, 1, {.retry_after = 2h}, {.jitter = 0}, 0) == t + 2h
//
// `random_unit` is a number in [0, 1): the caller draws it (tests pass a
// fixed one). Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "common/time.h"
#include "fetch/fetch.h"

namespace pw::app {

struct ServerHints {
  std::optional<std::chrono::seconds> ttl;          // RSS <ttl>
  std::optional<std::chrono::seconds> max_age;      // Cache-Control: max-age
  std::optional<std::chrono::seconds> retry_after;  // Retry-After, on 429 and 503 only
};

struct SchedulePolicy {
  std::chrono::seconds max_interval{24 * 3600};  // caps hints, backoff and Retry-After
  double jitter = 0.1;                           // fraction of the delay
};

// max-age of a Cache-Control value; nullopt without one, or with no-cache or
// no-store (the server wants every poll to ask). "public, max-age=600" -> 600s.
std::optional<std::chrono::seconds> ParseMaxAge(std::string_view cache_control);

// Retry-After as a delay from `now`: delta-seconds ("120") or an HTTP-date
// ("Wed, 21 Oct 2015 07:28:00 GMT", read by feed::ParseFeedDate); a date in
// the past is no delay. nullopt when unreadable.
std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value, Timestamp now);

// Cache-Control always; Retry-After when the status is 429 or 503.
ServerHints HintsFrom(const fetch::FetchResponse& response, Timestamp now);

Timestamp NextPollAfterSuccess(Timestamp now, std::chrono::seconds interval, const ServerHints& hints,
                               const SchedulePolicy& policy, double random_unit);

// REQUIRES: consecutive_failures >= 1 (this failure included).
Timestamp NextPollAfterFailure(Timestamp now, std::chrono::seconds interval, int consecutive_failures,
                               const ServerHints& hints, const SchedulePolicy& policy, double random_unit);

}  // namespace pw::app
