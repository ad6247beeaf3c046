// feed/dates.h: the dates feeds write, as UTC timestamps.
//
//   ParseFeedDate("Thu, 06 Feb 2025 20:30:48 +0700")      == 2025-02-06T13:30:48Z
//   ParseFeedDate("Mon, 14 Sep 26 08:00:00 +0700")        == 2026-09-14T01:00:00Z  (CafeF's 2-digit year)
//   ParseFeedDate("Wed, 15 Aug 2023 18:32 GMT")           == 2023-08-15T18:32:00Z  (wrong weekday, no seconds)
//   ParseFeedDate("Tue, 15 Aug 2023 08:00:00 ICT")        == 2023-08-15T01:00:00Z  (+07, +07:00, GMT+7 too)
//   ParseFeedDate("2024-11-25T08:00:00+07:00")            == 2024-11-25T01:00:00Z
//   ParseFeedDate("Thứ hai, 25/11/2024 08:00 (GMT+7)")    == 2024-11-25T01:00:00Z
//   ParseFeedDate("25/11/2024 - 08:00", +7h)              == 2024-11-25T01:00:00Z
//   ParseFeedDate("10/2/2026 9:25:00 AM", +7h)            == 2026-10-02T02:25:00Z  (Tuổi Trẻ: month first with AM/PM)
//   ParseFeedDate("Sun, 16 Dec 2012 11:47:32 +zz:00")     == nullopt
//   ParseFeedDate("yesterday")                            == nullopt
//
// Reads:
//   - RFC 822/1123 and what feeds make of it: any weekday or none (in any
//     language), 1-, 2- and 4-digit days and years (2-digit years: 00-69 are
//     20xx, 70-99 19xx), long month names, a stray comma, missing seconds or
//     time, zone names (GMT, UT, Z, US zones, ICT, SGT, MET, Etc/GMT, ...)
//     and offsets (+0700, +07, +07:00, -0000, GMT+7, GMT-01:01);
//   - ISO 8601 / W3C-DTF: 2024-11-25, 2024-11, 2024, 2024-11-25T08:00Z,
//     fractions, "2004-07-08 23:56:58", compact 20241125T0800Z, 2-digit-year
//     forms ("031231", "03-12-31", "-0312", "03335" ordinal), Google's
//     "2003-012-31";
//   - asctime ("Sun Jan  4 16:29:06 2004"), day-first numeric dates as
//     Vietnamese outlets write them ("25/11/2024 08:00", "25-11-2024"),
//     year-first ones ("2006/09/15"), month-first ones with AM/PM, Korean
//     (년 월 일, 오전/오후: Korea's time unless a zone is given), Greek and
//     Hungarian month names, the month abbreviations of Portuguese,
//     Spanish, French, German, Italian and Dutch ("Seg, 24 Set 2018"),
//     hhmm times ("03 Apr 02 1500 GMT"), and Unix seconds ("1518478934").
// A date without a zone is read at `default_offset`. Out-of-range fields
// (day 32, hour 25, minute 61, an offset of 99 hours, a year past 9999 after
// the offset) and anything unreadable give nullopt, never a guess.
// Pure; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "common/time.h"

namespace pw::feed {

std::optional<Timestamp> ParseFeedDate(std::string_view text,
                                       std::chrono::minutes default_offset = std::chrono::minutes(0));

}  // namespace pw::feed
