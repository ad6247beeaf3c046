#include "feed/dates.h"

#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace pw::feed {

using namespace std::chrono;

namespace {

struct Token {
  enum Kind { kNumber, kWord, kOffset } kind;
  std::string text;  // lower-case for words
  int value = 0;     // numbers; minutes for offsets
  int digits = 0;    // numbers: how many digits were written
  char next = 0;     // the separator right after a number (':' '/' '-' '.' or ' ')
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (size_t i = 0; i < kNames.size(); ++i)
    if (word.substr(0, 3) == kNames[i]) return int(i) + 1;
  return 0;
}

// Zone abbreviations seen in feeds; minutes east of UTC.
bool ZoneFromName(std::string_view word, int& minutes) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 16> kZones = {{
      {"z", 0},       {"ut", 0},      {"utc", 0},     {"gmt", 0},     {"est", -300}, {"edt", -240},
      {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},  {"pst", -480}, {"pdt", -420},
      {"ict", 420},   {"sgt", 480},   {"wib", 420},   {"myt", 480},
  }};
  for (const auto& z : kZones)
    if (word == z.name) {
      minutes = z.minutes;
      return true;
    }
  return false;
}

// Splits into numbers, words and "+hh[:mm]" offsets. Non-ASCII bytes
// (Vietnamese weekday names) are treated as letters so they form words.
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  auto is_alpha = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
  while (i < s.size()) {
    const unsigned char c = s[i];
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      Token t{Token::kNumber, std::string(s.substr(i, j - i))};
      t.digits = int(j - i);
      t.value = t.digits <= 9 ? std::stoi(t.text) : -1;
      t.next = j < s.size() ? s[j] : 0;
      out.push_back(t);
      i = j;
    } else if ((c == '+' || (c == '-' && (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))))) &&
               i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      // An offset: +0700, +07, +07:00, -5.
      size_t j = i + 1;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      std::string digits(s.substr(i + 1, j - i - 1));
      int h = 0, m = 0;
      if (j < s.size() && s[j] == ':' && j + 2 < s.size() + 1) {
        h = std::stoi(digits);
        size_t k = j + 1;
        while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
        if (k > j + 1) m = std::stoi(std::string(s.substr(j + 1, k - j - 1)));
        j = k;
      } else if (digits.size() == 4) {
        h = std::stoi(digits.substr(0, 2));
        m = std::stoi(digits.substr(2));
      } else if (digits.size() <= 2) {
        h = std::stoi(digits);
      } else {
        out.push_back({Token::kWord, "?"});
        i = j;
        continue;
      }
      Token t{Token::kOffset, std::string(s.substr(i, j - i))};
      t.value = (h * 60 + m) * (c == '-' ? -1 : 1);
      out.push_back(t);
      i = j;
    } else if (is_alpha(c)) {
      size_t j = i;
      while (j < s.size() && is_alpha(static_cast<unsigned char>(s[j]))) ++j;
      out.push_back({Token::kWord, Lower(s.substr(i, j - i))});
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<Timestamp> Build(int y, int mo, int d, int h, int mi, int sec, int offset_minutes) {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  const year_month_day ymd{year{y}, month(unsigned(mo)), day(unsigned(d))};
  if (!ymd.ok() || y > 9999 || h > 23 || mi > 59 || sec > 60 || h < 0 || mi < 0 || sec < 0)
    return std::nullopt;
  return sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} - minutes{offset_minutes};
}

// ISO 8601 / W3C-DTF: 2024-11-25, 2024-11-25T08:00:00.5+07:00, 2024-11, 2024, 20241125T0800Z.
std::optional<Timestamp> ParseIso(std::string_view s, int default_offset) {
  auto digit = [&](size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); };
  auto num = [&](size_t i, size_t n) {
    int v = 0;
    for (size_t k = 0; k < n; ++k) v = v * 10 + (s[i + k] - '0');
    return v;
  };
  for (size_t k = 0; k < 4; ++k)
    if (!digit(k)) return std::nullopt;
  const int y = num(0, 4);
  size_t i = 4;
  int mo = 1, d = 1, h = 0, mi = 0, sec = 0;
  const bool dashed = i < s.size() && s[i] == '-';
  if (i == s.size()) return Build(y, 1, 1, 0, 0, 0, 0);
  if (dashed) ++i;
  if (!digit(i) || !digit(i + 1)) return std::nullopt;
  mo = num(i, 2);
  i += 2;
  if (i == s.size()) return Build(y, mo, 1, 0, 0, 0, 0);
  if (dashed) {
    if (s[i] != '-') return std::nullopt;
    ++i;
  }
  if (!digit(i) || !digit(i + 1)) return std::nullopt;
  d = num(i, 2);
  i += 2;
  if (i == s.size()) return Build(y, mo, d, 0, 0, 0, 0);
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
  ++i;
  if (!digit(i) || !digit(i + 1)) return std::nullopt;
  h = num(i, 2);
  i += 2;
  if (i < s.size() && s[i] == ':') ++i;
  if (!digit(i) || !digit(i + 1)) return std::nullopt;
  mi = num(i, 2);
  i += 2;
  if (i < s.size() && s[i] == ':') ++i;
  if (digit(i) && digit(i + 1)) {
    sec = num(i, 2);
    i += 2;
  }
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    while (digit(i)) ++i;
  }
  int offset = default_offset;
  if (i < s.size()) {
    if (s[i] == 'Z' || s[i] == 'z') {
      offset = 0;
      ++i;
    } else if (s[i] == '+' || s[i] == '-') {
      const int sign = s[i] == '-' ? -1 : 1;
      ++i;
      if (!digit(i) || !digit(i + 1)) return std::nullopt;
      int oh = num(i, 2), om = 0;
      i += 2;
      if (i < s.size() && s[i] == ':') ++i;
      if (digit(i) && digit(i + 1)) {
        om = num(i, 2);
        i += 2;
      }
      if (oh > 23 || om > 59) return std::nullopt;
      offset = sign * (oh * 60 + om);
    }
  }
  if (i != s.size()) return std::nullopt;
  return Build(y, mo, d, h, mi, sec, offset);
}

}  // namespace

std::optional<Timestamp> ParseFeedDate(std::string_view text, minutes default_offset) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (auto iso = ParseIso(text, int(default_offset.count()))) return iso;

  const std::vector<Token> tokens = Tokenize(text);
  int y = -1, mo = -1, d = -1, h = 0, mi = 0, sec = 0;
  int offset = int(default_offset.count());
  bool pm = false, am = false, have_time = false;
  std::vector<const Token*> date_numbers;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == Token::kOffset) {
      offset = t.value;
    } else if (t.kind == Token::kWord) {
      int zone = 0;
      if (int m = MonthFromName(t.text); m && mo < 0 && t.text.size() <= 9) {
        mo = m;
      } else if (t.text == "pm") {
        pm = true;
      } else if (t.text == "am") {
        am = true;
      } else if (ZoneFromName(t.text, zone)) {
        offset = zone;
      }
      // Other words (weekday names in any language, "lúc", "ngày") carry no date.
    } else if (t.next == ':' && !have_time && i + 1 < tokens.size() &&
               tokens[i + 1].kind == Token::kNumber) {
      have_time = true;
      h = t.value;
      mi = tokens[i + 1].value;
      ++i;
      if (tokens[i].next == ':' && i + 1 < tokens.size() && tokens[i + 1].kind == Token::kNumber) {
        sec = tokens[i + 1].value;
        ++i;
      }
      // Fractions of a second (".123") follow as a number after '.'.
      if (tokens[i].next == '.' && i + 1 < tokens.size() && tokens[i + 1].kind == Token::kNumber) ++i;
    } else {
      date_numbers.push_back(&t);
    }
  }
  if (pm && h < 12) h += 12;
  if (am && h == 12) h = 0;

  if (mo > 0) {
    // "06 Feb 2025", "Feb 06 2025" or "2025 Feb 06".
    if (date_numbers.size() != 2) return std::nullopt;
    const Token& a = *date_numbers[0];
    const Token& b = *date_numbers[1];
    if (a.digits == 4) y = a.value, d = b.value;
    else d = a.value, y = b.value;
  } else if (date_numbers.size() >= 3) {
    const Token& a = *date_numbers[0];
    const Token& b = *date_numbers[1];
    const Token& c = *date_numbers[2];
    if (a.digits == 4) {  // 2024/11/25
      y = a.value, mo = b.value, d = c.value;
    } else if ((am || pm) && a.value <= 12) {  // .NET US style: 10/2/2026 9:25:00 AM
      mo = a.value, d = b.value, y = c.value;
    } else {  // day first, as Vietnamese outlets write
      d = a.value, mo = b.value, y = c.value;
    }
  }
  if (y < 0 || mo <= 0 || d <= 0) return std::nullopt;
  if (date_numbers.size() > 3) return std::nullopt;
  return Build(y, mo, d, h, mi, sec, offset);
}

}  // namespace pw::feed
