#include "common/time.h"

#include <charconv>
#include <cstdio>

namespace pw {

using namespace std::chrono;

std::string FormatTimestamp(Timestamp t) {
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                int(hms.minutes().count()), int(hms.seconds().count()));
  return buf;
}

std::string FormatDay(sys_days d) {
  const year_month_day ymd{d};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

namespace {

// Reads exactly `width` digits at text[pos]; advances pos.
bool ReadDigits(std::string_view text, size_t& pos, size_t width, int& out) {
  if (pos + width > text.size()) return false;
  for (size_t i = pos; i < pos + width; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  std::from_chars(text.data() + pos, text.data() + pos + width, out);
  pos += width;
  return true;
}

bool Expect(std::string_view text, size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
  size_t pos = 0;
  int y = 0, mo = 0, d = 0;
  if (!ReadDigits(text, pos, 4, y) || !Expect(text, pos, '-') || !ReadDigits(text, pos, 2, mo) ||
      !Expect(text, pos, '-') || !ReadDigits(text, pos, 2, d))
    return std::nullopt;
  const year_month_day ymd{year{y}, month(unsigned(mo)), day(unsigned(d))};
  if (!ymd.ok()) return std::nullopt;
  Timestamp t = sys_days{ymd};
  if (pos == text.size()) return t;
  if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return std::nullopt;
  ++pos;
  int h = 0, mi = 0, s = 0;
  if (!ReadDigits(text, pos, 2, h) || !Expect(text, pos, ':') || !ReadDigits(text, pos, 2, mi))
    return std::nullopt;
  if (Expect(text, pos, ':') && !ReadDigits(text, pos, 2, s)) return std::nullopt;
  if (Expect(text, pos, '.'))
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  if (h > 23 || mi > 59 || s > 60) return std::nullopt;
  t += hours{h} + minutes{mi} + seconds{s};
  if (pos == text.size() || Expect(text, pos, 'Z') || Expect(text, pos, 'z'))
    return pos == text.size() ? std::optional(t) : std::nullopt;
  const char sign = text[pos++];
  if (sign != '+' && sign != '-') return std::nullopt;
  int oh = 0, om = 0;
  if (!ReadDigits(text, pos, 2, oh)) return std::nullopt;
  Expect(text, pos, ':');
  if (pos < text.size() && !ReadDigits(text, pos, 2, om)) return std::nullopt;
  if (pos != text.size() || oh > 23 || om > 59) return std::nullopt;
  const seconds offset = hours{oh} + minutes{om};
  const Timestamp utc = sign == '+' ? t - offset : t + offset;
  // An offset can carry 0000-01-01 or 9999-12-31 out of the years that
  // FormatTimestamp writes in four digits ("0000-01-01T12:00+15" is in -0001).
  const year utc_year = year_month_day{floor<days>(utc)}.year();
  if (utc_year < year{0} || utc_year > year{9999}) return std::nullopt;
  return utc;
}

Timestamp Clock::Now() const { return floor<seconds>(system_clock::now()); }

const Clock& Clock::System() {
  static const Clock clock;
  return clock;
}

}  // namespace pw
