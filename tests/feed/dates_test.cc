#include "feed/dates.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "common/time.h"
#include "test_util.h"

namespace pw::feed {
namespace {

using namespace std::chrono;

struct Case {
  const char* text;
  int offset_hours;  // the feed's default offset (+7 for a Vietnamese feed)
  const char* want;  // nullptr: rejected
};

void ExpectCases(const std::vector<Case>& cases) {
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

TEST(ParseFeedDate, ReadsRfc822AndTheVariantsFeedsWrite) {
  ExpectCases({
      {"Thu, 06 Feb 2025 20:30:48 +0700", 0, "2025-02-06T13:30:48Z"},  // VnExpress
      {"Tue, 15 Aug 2023 18:32:28 +0000", 0, "2023-08-15T18:32:28Z"},
      {"Tue, 15 Aug 2023 18:32 GMT", 0, "2023-08-15T18:32:00Z"},     // no seconds
      {"Wed, 15 Aug 2023 18:32:28 GMT", 0, "2023-08-15T18:32:28Z"},  // wrong weekday
      {"15 Aug 2023 18:32:28 EST", 0, "2023-08-15T23:32:28Z"},       // no weekday
      {"Tue, 15 Aug 2023 08:00:00 ICT", 0, "2023-08-15T01:00:00Z"},  // Indochina Time
      {"Tue, 15 Aug 2023 08:00:00 +07", 0, "2023-08-15T01:00:00Z"},  // GenK's +07
      {"Tue, 15 Aug 2023 08:00:00 +07:00", 0, "2023-08-15T01:00:00Z"},
      {"Tue, 15 Aug 2023 08:00:00 GMT+7", 0, "2023-08-15T01:00:00Z"},
      {"Tue, 15 Aug 2023 08:00:00", 7, "2023-08-15T01:00:00Z"},  // no zone: the feed's offset
      {"Tue, 15 August 2023 08:00:00 SGT", 0, "2023-08-15T00:00:00Z"},
  });
}

// Two-digit years, as CafeF and Thanh Niên send them.
TEST(ParseFeedDate, ReadsTwoDigitYearsAsThisCentury) {
  ExpectCases({
      {"Mon, 14 Sep 26 08:00:00 +0700", 0, "2026-09-14T01:00:00Z"},  // CafeF
      {"Mon, 05 Oct 26 14:10:00 +0700", 0, "2026-10-05T07:10:00Z"},  // Thanh Niên
      {"Thu, 01 Jan 99 00:00:00 GMT", 0, "1999-01-01T00:00:00Z"},
  });
}

TEST(ParseFeedDate, ReadsIso8601AndW3cDtf) {
  ExpectCases({
      {"2024-11-25T08:00:00+07:00", 0, "2024-11-25T01:00:00Z"},
      {"2024-11-25T01:00:00.123Z", 0, "2024-11-25T01:00:00Z"},
      {"2024-11-25", 7, "2024-11-25T00:00:00Z"},  // a day alone is a UTC day
      {"2024-11-25T08:00:00", 7, "2024-11-25T01:00:00Z"},
      {"2024-11-25 08:00:00", 7, "2024-11-25T01:00:00Z"},
      {"20241125T0800Z", 0, "2024-11-25T08:00:00Z"},
      {"2024-13-01", 0, nullptr},
  });
}

// The forms Vietnamese outlets write (the issue lists them).
TEST(ParseFeedDate, ReadsTheVietnameseForms) {
  ExpectCases({
      {"Thứ hai, 25/11/2024 08:00 (GMT+7)", 0, "2024-11-25T01:00:00Z"},
      {"Thứ Hai, 25/11/2024, 08:00 GMT+7", 0, "2024-11-25T01:00:00Z"},
      {"25/11/2024 - 08:00", 7, "2024-11-25T01:00:00Z"},
      {"25/11/2024 08:00", 7, "2024-11-25T01:00:00Z"},
      {"25-11-2024 08:00:00", 7, "2024-11-25T01:00:00Z"},
      {"10/2/2026 9:25:00 AM", 7, "2026-10-02T02:25:00Z"},   // Tuổi Trẻ: month first with AM/PM
      {"10/2/2026 9:25:00 PM", 7, "2026-10-02T14:25:00Z"},
      {"2/18/2017 11:21:09 PM", 7, "2017-02-18T16:21:09Z"},  // Zing
      {"12/25/2024 08:00", 7, "2024-12-25T01:00:00Z"},       // 25 cannot be a month: month first
      {"25 tháng 11 năm 2024 08:00", 7, "2024-11-25T01:00:00Z"},
      {"Chủ nhật, 1/12/2024, 20:15 (GMT+7)", 0, "2024-12-01T13:15:00Z"},
  });
}

TEST(ParseFeedDate, RejectsWhatItCannotRead) {
  ExpectCases({
      {"", 0, nullptr},
      {"yesterday", 0, nullptr},
      {"Tue, 32 Aug 2023 08:00:00 GMT", 0, nullptr},
      {"2024-11-25T08:00:00+25:00", 0, nullptr},
      {"25/11 08:00", 7, nullptr},  // no year: not a guess
      {"Tue, 15 Aug 2023 08:00:00 XYZ", 0, nullptr},
  });
}

// ../shared/conformance/feedparser/tables/date_parsing.json: the 73 cases of
// feedparser's date tests, rejections included (read at UTC, as feedparser
// does).
TEST(ParseFeedDate, PassesFeedparsersDateTable) {
  PW_REQUIRE_SHARED();
  const auto path = pw::testing::SharedDir() / "conformance/feedparser/tables/date_parsing.json";
  const boost::json::value table = boost::json::parse(pw::testing::ReadFile(path));
  const auto& cases = table.at("cases").as_array();
  ASSERT_EQ(cases.size(), 73u);
  int passed = 0;
  for (const auto& v : cases) {
    const auto& c = v.as_object();
    const std::string input(c.at("input").as_string());
    const auto got = ParseFeedDate(input);
    const std::string got_text = got ? FormatTimestamp(*got) : "(rejected)";
    const std::string want = c.at("expected_utc").is_null() ? "(rejected)" : std::string(c.at("expected_utc").as_string());
    EXPECT_EQ(got_text, want) << c.at("family").as_string() << ": '" << input << "'";
    if (got_text == want) ++passed;
  }
  EXPECT_EQ(passed, 73);
}

}  // namespace
}  // namespace pw::feed
