// Fuzz target `dates`: feed::ParseFeedDate (every date a feed or a
// Retry-After header writes) and common ParseTimestamp (what users and the
// database write), at three default offsets picked by the input's length.
// Oracles (feed/dates.h, common/time.h): a date read is in years 0000-9999,
// and FormatTimestamp of it reads back as the same instant.
#include "common/time.h"
#include "feed/dates.h"
#include "fuzz_target.h"

PW_FUZZ_TARGET(dates) {
  using namespace std::chrono;
  const std::string_view text = pw::fuzz::AsText(data, size);
  constexpr minutes kOffsets[] = {minutes(0), hours(7), minutes(-330)};
  const auto check = [](std::optional<pw::Timestamp> t, const char* what) {
    if (!t) return;
    const auto day = year_month_day{floor<days>(*t)};
    PW_FUZZ_CHECK(int(day.year()) >= 0 && int(day.year()) <= 9999,
                  std::string(what) + ": a year out of 0000-9999: " + std::to_string(int(day.year())));
    const std::string formatted = pw::FormatTimestamp(*t);
    const auto again = pw::ParseTimestamp(formatted);
    PW_FUZZ_CHECK(again && *again == *t, std::string(what) + ": does not read back: " + formatted);
  };
  check(pw::feed::ParseFeedDate(text, kOffsets[size % 3]), "ParseFeedDate");
  check(pw::ParseTimestamp(text), "ParseTimestamp");
  return 0;
}
