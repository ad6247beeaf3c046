#include "app/schedule.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "feed/dates.h"

namespace pw::app {

using std::chrono::seconds;

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<seconds> ParseSeconds(std::string_view digits) {
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  long long value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value < 0) return std::nullopt;
  return seconds(value);
}

seconds Clamp(seconds value, seconds max) { return std::clamp(value, seconds(0), max); }

}  // namespace

std::optional<seconds> ParseMaxAge(std::string_view cache_control) {
  std::optional<seconds> max_age;
  while (!cache_control.empty()) {
    const auto comma = cache_control.find(',');
    std::string_view directive = Trim(cache_control.substr(0, comma));
    cache_control = comma == std::string_view::npos ? std::string_view() : cache_control.substr(comma + 1);
    const auto equals = directive.find('=');
    const std::string_view name = Trim(directive.substr(0, equals));
    if (EqualsIgnoringCase(name, "no-cache") || EqualsIgnoringCase(name, "no-store")) return std::nullopt;
    if (!EqualsIgnoringCase(name, "max-age") || equals == std::string_view::npos) continue;
    std::string_view value = Trim(directive.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (auto s = ParseSeconds(value)) max_age = s;
  }
  return max_age;
}

std::optional<seconds> ParseRetryAfter(std::string_view value, Timestamp now) {
  value = Trim(value);
  if (auto delay = ParseSeconds(value)) return delay;
  if (value.empty() || !std::isalpha(static_cast<unsigned char>(value.front()))) return std::nullopt;
  const auto when = feed::ParseFeedDate(value);
  if (!when) return std::nullopt;
  return std::max(seconds(0), *when - now);
}

ServerHints HintsFrom(const fetch::FetchResponse& response, Timestamp now) {
  ServerHints hints;
  hints.max_age = ParseMaxAge(response.Header("cache-control"));
  if (response.status == 429 || response.status == 503)
    hints.retry_after = ParseRetryAfter(response.Header("retry-after"), now);
  return hints;
}

Timestamp NextPollAfterSuccess(Timestamp now, seconds interval, const ServerHints& hints,
                               const SchedulePolicy& policy, double random_unit) {
  seconds delay = interval;
  if (hints.ttl) delay = std::max(delay, *hints.ttl);
  if (hints.max_age) delay = std::max(delay, *hints.max_age);
  delay = Clamp(delay, policy.max_interval);
  const auto extra = std::chrono::duration_cast<seconds>(delay * (policy.jitter * random_unit));
  return now + delay + extra;
}

Timestamp NextPollAfterFailure(Timestamp now, seconds interval, int consecutive_failures,
                               const ServerHints& hints, const SchedulePolicy& policy, double random_unit) {
  seconds delay = Clamp(interval, policy.max_interval);
  // Doubling stops at the cap: no overflow however long the feed fails.
  for (int i = 1; i < consecutive_failures && delay < policy.max_interval; ++i)
    delay = std::min(delay * 2, policy.max_interval);
  delay -= std::chrono::duration_cast<seconds>(delay * (policy.jitter * random_unit));
  if (hints.retry_after) delay = std::max(delay, Clamp(*hints.retry_after, policy.max_interval));
  return now + delay;
}

}  // namespace pw::app
