#include "app/schedule.h"

#include <gtest/gtest.h>

namespace pw::app {
namespace {

using namespace std::chrono_literals;
using std::chrono::seconds;

const Timestamp kNow = *ParseTimestamp("2024-11-21T05:00:00Z");
const SchedulePolicy kNoJitter{.jitter = 0};

TEST(ParseMaxAge, ReadsTheDirectiveAmongOthers) {
  EXPECT_EQ(ParseMaxAge("public, max-age=600"), seconds(600));
  EXPECT_EQ(ParseMaxAge("Max-Age=\"60\", must-revalidate"), seconds(60));
  EXPECT_EQ(ParseMaxAge("s-maxage=900"), std::nullopt);  // for shared caches, not for us
  EXPECT_EQ(ParseMaxAge("max-age=600, no-cache"), std::nullopt);
  EXPECT_EQ(ParseMaxAge("no-store"), std::nullopt);
  EXPECT_EQ(ParseMaxAge("max-age=-5"), std::nullopt);
  EXPECT_EQ(ParseMaxAge("max-age=soon"), std::nullopt);
  EXPECT_EQ(ParseMaxAge(""), std::nullopt);
}

TEST(ParseRetryAfter, ReadsSecondsAndHttpDates) {
  EXPECT_EQ(ParseRetryAfter("120", kNow), seconds(120));
  EXPECT_EQ(ParseRetryAfter(" 0 ", kNow), seconds(0));
  EXPECT_EQ(ParseRetryAfter("Thu, 21 Nov 2024 06:30:00 GMT", kNow), seconds(5400));
  EXPECT_EQ(ParseRetryAfter("Thu, 21 Nov 2024 04:00:00 GMT", kNow), seconds(0));  // already past
  EXPECT_EQ(ParseRetryAfter("later", kNow), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("", kNow), std::nullopt);
}

TEST(HintsFrom, TakesRetryAfterOnlyFrom429And503) {
  fetch::FetchResponse r;
  r.headers = {{"retry-after", "300"}, {"cache-control", "max-age=1800"}};
  r.status = 503;
  EXPECT_EQ(HintsFrom(r, kNow).retry_after, seconds(300));
  EXPECT_EQ(HintsFrom(r, kNow).max_age, seconds(1800));
  r.status = 429;
  EXPECT_EQ(HintsFrom(r, kNow).retry_after, seconds(300));
  r.status = 500;
  EXPECT_EQ(HintsFrom(r, kNow).retry_after, std::nullopt);
}

TEST(NextPollAfterSuccess, TheServerMayOnlyStretchTheInterval) {
  EXPECT_EQ(NextPollAfterSuccess(kNow, 15min, {}, kNoJitter, 0.7), kNow + 15min);
  EXPECT_EQ(NextPollAfterSuccess(kNow, 15min, {.ttl = 60min}, kNoJitter, 0), kNow + 60min);
  EXPECT_EQ(NextPollAfterSuccess(kNow, 15min, {.ttl = 5min}, kNoJitter, 0), kNow + 15min);
  EXPECT_EQ(NextPollAfterSuccess(kNow, 15min, {.ttl = 30min, .max_age = 2h}, kNoJitter, 0), kNow + 2h);
  EXPECT_EQ(NextPollAfterSuccess(kNow, 15min, {.max_age = 30 * 24h}, kNoJitter, 0), kNow + 24h);  // capped
}

TEST(NextPollAfterSuccess, JitterAddsUpToItsFraction) {
  const SchedulePolicy policy{.jitter = 0.1};
  EXPECT_EQ(NextPollAfterSuccess(kNow, 15min, {}, policy, 0.0), kNow + 15min);
  EXPECT_EQ(NextPollAfterSuccess(kNow, 15min, {}, policy, 0.5), kNow + 15min + 45s);
  EXPECT_LT(NextPollAfterSuccess(kNow, 15min, {}, policy, 0.999), kNow + 15min + 90s);
}

TEST(NextPollAfterFailure, BacksOffExponentiallyUpTo24HoursAndNeverGivesUp) {
  const seconds want[] = {15min, 30min, 1h, 2h, 4h, 8h, 16h, 24h, 24h};
  for (int n = 1; n <= 9; ++n)
    EXPECT_EQ(NextPollAfterFailure(kNow, 15min, n, {}, kNoJitter, 0.5) - kNow, want[n - 1])
        << n << " failures";
  EXPECT_EQ(NextPollAfterFailure(kNow, 15min, 1000000, {}, kNoJitter, 0) - kNow, 24h);  // no overflow
}

TEST(NextPollAfterFailure, JitterOnlyShortensSoTheCapHolds) {
  const SchedulePolicy policy{.jitter = 0.2};
  EXPECT_EQ(NextPollAfterFailure(kNow, 15min, 20, {}, policy, 0.0) - kNow, 24h);
  EXPECT_EQ(NextPollAfterFailure(kNow, 15min, 20, {}, policy, 0.5) - kNow, seconds(24 * 3600 * 9 / 10));
  EXPECT_EQ(NextPollAfterFailure(kNow, 15min, 2, {}, policy, 0.5) - kNow, seconds(27 * 60));
}

TEST(NextPollAfterFailure, RetryAfterIsAFloorAndIsCapped) {
  EXPECT_EQ(NextPollAfterFailure(kNow, 15min, 1, {.retry_after = 2h}, kNoJitter, 0) - kNow, 2h);
  EXPECT_EQ(NextPollAfterFailure(kNow, 15min, 5, {.retry_after = 60s}, kNoJitter, 0) - kNow, 4h);
  EXPECT_EQ(NextPollAfterFailure(kNow, 15min, 1, {.retry_after = 7 * 24h}, kNoJitter, 0) - kNow, 24h);
}

}  // namespace
}  // namespace pw::app
