// feed/dates.h: the dates feeds write, as UTC timestamps.
//
//   ParseFeedDate("Thu, 06 Feb 2025 20:30:48 +0700")      == 2025-02-06T13:30:48Z
//   ParseFeedDate("Mon, 14 Sep 26 08:00:00 +0700")        == 2026-09-14T01:00:00Z  (2-digit year)
//   ParseFeedDate("2024-11-25T08:00:00+07:00")            == 2024-11-25T01:00:00Z
//   ParseFeedDate("Thứ hai, 25/11/2024 08:00 (GMT+7)")    == 2024-11-25T01:00:00Z
//   ParseFeedDate("10/2/2026 9:25:00 AM", +7h)            == 2026-10-02T02:25:00Z  (month first when AM/PM)
//   ParseFeedDate("yesterday")                            == nullopt
//
// Handles RFC 822 and its real-world variants (any or no weekday, 2- and
// 4-digit years, missing seconds, zone names such as GMT, UT, EST, ICT, and
// offsets such as +0700, +07, +07:00, GMT+7), ISO 8601 / W3C-DTF, and the
// day-first numeric forms of Vietnamese outlets. A date without a zone is
// read at `default_offset`. Pure; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "common/time.h"

namespace pw::feed {

std::optional<Timestamp> ParseFeedDate(std::string_view text,
                                       std::chrono::minutes default_offset = std::chrono::minutes(0));

}  // namespace pw::feed
