#include "feed/dates.h"

#include <gtest/gtest.h>

#include "common/time.h"

namespace pw::feed {
namespace {

using namespace std::chrono;

TEST(ParseFeedDate, ReadsTheFormsFeedsWrite) {
  struct Case {
    const char* text;
    int offset_hours;
    const char* want;  // nullptr: rejected
  } cases[] = {
      {"Thu, 06 Feb 2025 20:30:48 +0700", 0, "2025-02-06T13:30:48Z"},
      {"Mon, 14 Sep 26 08:00:00 +0700", 0, "2026-09-14T01:00:00Z"},  // CafeF's two-digit year
      {"Tue, 15 Aug 2023 18:32:28 +0000", 0, "2023-08-15T18:32:28Z"},
      {"Tue, 15 Aug 2023 18:32 GMT", 0, "2023-08-15T18:32:00Z"},       // no seconds
      {"Wed, 15 Aug 2023 18:32:28 GMT", 0, "2023-08-15T18:32:28Z"},    // wrong weekday
      {"15 Aug 2023 18:32:28 EST", 0, "2023-08-15T23:32:28Z"},
      {"Tue, 15 Aug 2023 08:00:00 ICT", 0, "2023-08-15T01:00:00Z"},
      {"Tue, 15 Aug 2023 08:00:00 +07", 0, "2023-08-15T01:00:00Z"},
      {"Tue, 15 Aug 2023 08:00:00 +07:00", 0, "2023-08-15T01:00:00Z"},
      {"Tue, 15 Aug 2023 08:00:00 GMT+7", 0, "2023-08-15T01:00:00Z"},
      {"2024-11-25T08:00:00+07:00", 0, "2024-11-25T01:00:00Z"},
      {"2024-11-25T01:00:00.123Z", 0, "2024-11-25T01:00:00Z"},
      {"2024-11-25", 0, "2024-11-25T00:00:00Z"},
      {"2024-11-25T08:00:00", 7, "2024-11-25T01:00:00Z"},  // no zone: the default offset
      {"Thứ hai, 25/11/2024 08:00 (GMT+7)", 0, "2024-11-25T01:00:00Z"},
      {"25/11/2024 - 08:00", 7, "2024-11-25T01:00:00Z"},
      {"10/2/2026 9:25:00 AM", 7, "2026-10-02T02:25:00Z"},  // Tuổi Trẻ: month first with AM/PM
      {"2/18/2017 11:21:09 PM", 7, "2017-02-18T16:21:09Z"},  // Zing
      {"", 0, nullptr},
      {"yesterday", 0, nullptr},
      {"Tue, 32 Aug 2023 08:00:00 GMT", 0, nullptr},
      {"2024-13-01", 0, nullptr},
  };
  for (const auto& c : cases) {
    const auto got = ParseFeedDate(c.text, hours(c.offset_hours));
    if (!c.want) {
      EXPECT_FALSE(got.has_value()) << c.text << " -> " << (got ? FormatTimestamp(*got) : "");
      continue;
    }
    ASSERT_TRUE(got.has_value()) << c.text;
    EXPECT_EQ(FormatTimestamp(*got), c.want) << c.text;
  }
}

}  // namespace
}  // namespace pw::feed
