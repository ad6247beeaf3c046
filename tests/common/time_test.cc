#include "common/time.h"

#include <gtest/gtest.h>

namespace pw {
namespace {

using namespace std::chrono;

TEST(FormatTimestamp, WritesRfc3339InUtc) {
  const Timestamp t = sys_days{year{2024} / 11 / 25} + hours{1} + minutes{30};
  EXPECT_EQ(FormatTimestamp(t), "2024-11-25T01:30:00Z");
  EXPECT_EQ(FormatDay(sys_days{year{2025} / 1 / 5}), "2025-01-05");
}

TEST(ParseTimestamp, ReadsTheFormsUsersAndTheDatabaseWrite) {
  struct Case {
    const char* text;
    const char* want;  // nullptr: rejected
  } cases[] = {
      {"2024-11-25", "2024-11-25T00:00:00Z"},
      {"2024-11-25T01:30:00Z", "2024-11-25T01:30:00Z"},
      {"2024-11-25T08:30:00+07:00", "2024-11-25T01:30:00Z"},
      {"2024-11-25T08:30+0700", "2024-11-25T01:30:00Z"},
      {"2024-11-25 01:30:00.250Z", "2024-11-25T01:30:00Z"},
      {"2024-11-24T20:00:00-05:00", "2024-11-25T01:00:00Z"},
      {"2024-13-01", nullptr},
      {"2024-02-30", nullptr},
      {"25/11/2024", nullptr},
      {"2024-11-25T25:00:00Z", nullptr},
      {"2024-11-25Tgarbage", nullptr},
      // An offset that carries the instant out of 0000-9999 (found by fuzz_dates).
      {"0000-01-01T12:00+15", nullptr},
      {"9999-12-31T20:00-05:00", nullptr},
      {"0000-01-01T12:00+07", "0000-01-01T05:00:00Z"},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    const auto got = ParseTimestamp(c.text);
    if (c.want == nullptr) {
      EXPECT_FALSE(got.has_value()) << c.text;
    } else {
      ASSERT_TRUE(got.has_value()) << c.text;
      EXPECT_EQ(FormatTimestamp(*got), c.want) << c.text;
    }
  }
}

TEST(FakeClock, AdvancesOnlyWhenTold) {
  FakeClock clock(sys_days{year{2024} / 1 / 1});
  const Timestamp before = clock.Now();
  clock.Advance(seconds{90});
  EXPECT_EQ(clock.Now() - before, seconds{90});
}

}  // namespace
}  // namespace pw
