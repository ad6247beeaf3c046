#include "feed/dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace pw::feed {

using namespace std::chrono;

namespace {

constexpr int kNoOffset = 100000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Validates the fields and returns the instant; years are already 4-digit.
std::optional<Timestamp> Build(int y, int mo, int d, int h, int mi, int sec, int offset_minutes) {
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 ||
      sec > 60)
    return std::nullopt;
  if (offset_minutes <= -24 * 60 || offset_minutes >= 24 * 60) return std::nullopt;
  const year_month_day ymd{year{y}, month(unsigned(mo)), day(unsigned(d))};
  if (!ymd.ok()) return std::nullopt;
  if (sec == 60) sec = 59;  // a leap second: the instant before it
  const Timestamp t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} - minutes{offset_minutes};
  const year_month_day utc{floor<days>(t)};
  if (utc.year() < year{1} || utc.year() > year{9999}) return std::nullopt;
  return t;
}

int TwoDigitYear(int y) { return y < 70 ? 2000 + y : 1900 + y; }

// ISO 8601 / W3C-DTF, whole string or nothing.
class IsoParser {
 public:
  IsoParser(std::string_view s, int default_offset) : s_(s), default_offset_(default_offset) {}

  std::optional<Timestamp> Parse() {
    int y = 0, mo = 1, d = 1;
    if (!ParseDate(y, mo, d)) return std::nullopt;
    int h = 0, mi = 0, sec = 0;
    int offset = 0;  // a date alone is a UTC day
    if (i_ < s_.size()) {
      if (s_[i_] != 'T' && s_[i_] != 't' && s_[i_] != ' ') return std::nullopt;
      ++i_;
      if (!ParseTime(h, mi, sec)) return std::nullopt;
      offset = default_offset_;
      if (i_ < s_.size() && s_[i_] == ' ' && i_ + 1 < s_.size() && (s_[i_ + 1] == '+' || s_[i_ + 1] == '-')) ++i_;
      if (i_ < s_.size()) {
        if (s_[i_] == 'Z' || s_[i_] == 'z') {
          offset = 0;
          ++i_;
        } else if (s_[i_] == '+' || s_[i_] == '-') {
          if (!ParseOffset(offset)) return std::nullopt;
        }
      }
    }
    if (i_ != s_.size()) return std::nullopt;
    return Build(y, mo, d, h, mi, sec, offset);
  }

 private:
  size_t Digits() const {
    size_t n = 0;
    while (i_ + n < s_.size() && IsDigit(s_[i_ + n])) ++n;
    return n;
  }
  int Number(size_t n) {
    int v = 0;
    for (size_t k = 0; k < n; ++k) v = v * 10 + (s_[i_ + k] - '0');
    i_ += n;
    return v;
  }
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool AtEndOfDate() const { return i_ == s_.size() || s_[i_] == 'T' || s_[i_] == 't' || s_[i_] == ' '; }

  static bool FromOrdinal(int y, int ordinal, int& mo, int& d) {
    if (ordinal < 1 || ordinal > 366) return false;
    const sys_days day = sys_days{year{y} / January / 1} + days{ordinal - 1};
    const year_month_day ymd{day};
    if (ymd.year() != year{y}) return false;
    mo = int(unsigned(ymd.month()));
    d = int(unsigned(ymd.day()));
    return true;
  }

  bool ParseDate(int& y, int& mo, int& d) {
    if (s_.empty()) return false;
    if (s_[0] == '-') {  // "-YYMM" or "-YY-MM": the year 20YY, a month
      ++i_;
      const size_t n = Digits();
      if (n == 4) {
        y = TwoDigitYear(Number(2));
        mo = Number(2);
      } else if (n == 2) {
        y = TwoDigitYear(Number(2));
        if (!Eat('-') || Digits() != 2) return false;
        mo = Number(2);
      } else {
        return false;
      }
      return i_ == s_.size();
    }
    const size_t n = Digits();
    if (n == 4) {
      y = Number(4);
      if (AtEndOfDate()) return i_ == s_.size();  // "2003" alone, not "2003T..."
      if (!Eat('-')) return false;
      const size_t m = Digits();
      if (m == 2) {
        mo = Number(2);
        if (AtEndOfDate()) return true;
        if (!Eat('-') || Digits() != 2) return false;
        d = Number(2);
        return AtEndOfDate();
      }
      if (m == 3 && s_[i_] == '0' && i_ + 3 < s_.size() && s_[i_ + 3] == '-') {  // Google's "2003-012-31"
        ++i_;
        mo = Number(2);
        Eat('-');
        if (Digits() != 2) return false;
        d = Number(2);
        return AtEndOfDate();
      }
      if (m == 3) return FromOrdinal(y, Number(3), mo, d) && AtEndOfDate();  // "2003-335"
      return false;
    }
    if (n == 8) {  // 20031231
      y = Number(4);
      mo = Number(2);
      d = Number(2);
      return AtEndOfDate();
    }
    if (n == 6 && AtEndOfDateAfter(6)) {  // 031231
      y = TwoDigitYear(Number(2));
      mo = Number(2);
      d = Number(2);
      return true;
    }
    if (n == 5 && i_ + 5 == s_.size()) {  // 03335: a 2-digit year and a day of the year
      y = TwoDigitYear(Number(2));
      const int ordinal = Number(3);
      // A day under 32 reads as well as a month and day ("22013"): ambiguous,
      // so only days that cannot be a month's are taken.
      return ordinal > 31 && FromOrdinal(y, ordinal, mo, d);
    }
    if (n == 2 && i_ + 8 == s_.size() && s_[2] == '-' && s_[5] == '-') {  // 03-12-31
      y = TwoDigitYear(Number(2));
      Eat('-');
      if (Digits() != 2) return false;
      mo = Number(2);
      Eat('-');
      if (Digits() != 2) return false;
      d = Number(2);
      return true;
    }
    return false;
  }

  bool AtEndOfDateAfter(size_t n) const {
    return i_ + n == s_.size() || s_[i_ + n] == 'T' || s_[i_ + n] == 't';
  }

  bool ParseTime(int& h, int& mi, int& sec) {
    if (Digits() == 4 || Digits() == 6) {  // compact 0800, 080000
      const size_t n = Digits();
      h = Number(2);
      mi = Number(2);
      if (n == 6) sec = Number(2);
    } else {
      if (Digits() != 2) return false;
      h = Number(2);
      if (!Eat(':') || Digits() != 2) return false;
      mi = Number(2);
      if (Eat(':')) {
        if (Digits() != 2) return false;
        sec = Number(2);
      }
    }
    if (Eat('.') || Eat(',')) {
      if (Digits() == 0) return false;
      i_ += Digits();
    }
    return true;
  }

  bool ParseOffset(int& offset) {
    const int sign = s_[i_] == '-' ? -1 : 1;
    ++i_;
    int oh, om = 0;
    if (Digits() == 4) {
      oh = Number(2);
      om = Number(2);
    } else if (Digits() == 2) {
      oh = Number(2);
      if (Eat(':')) {
        // "+00:0" is seen; one digit of minutes is still a number of minutes.
        if (Digits() != 2 && Digits() != 1) return false;
        om = Number(Digits());
      }
    } else {
      return false;
    }
    if (oh > 23 || om > 59) return false;
    offset = sign * (oh * 60 + om);
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
  int default_offset_;
};

struct Token {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string text;  // words: ASCII letters lower-cased
  long long value = 0;
  int digits = 0;
  bool space_before = false;
  bool used = false;
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      space = true;
      ++i;
      continue;
    }
    Token t{Token::kPunct, {}};
    t.space_before = space;
    space = false;
    if (IsDigit(char(c))) {
      size_t j = i;
      while (j < s.size() && IsDigit(s[j])) ++j;
      t.kind = Token::kNumber;
      t.text = std::string(s.substr(i, j - i));
      t.digits = int(j - i);
      t.value = t.digits <= 12 ? std::stoll(t.text) : -1;
      i = j;
    } else if (std::isalpha(c) || c >= 0x80) {
      size_t j = i;
      while (j < s.size() && (std::isalpha(static_cast<unsigned char>(s[j])) || static_cast<unsigned char>(s[j]) >= 0x80)) ++j;
      t.kind = Token::kWord;
      for (size_t k = i; k < j; ++k) t.text += char(std::tolower(static_cast<unsigned char>(s[k])));
      i = j;
    } else {
      t.text = std::string(1, char(c));
      ++i;
    }
    out.push_back(std::move(t));
  }
  return out;
}

int MonthFromWord(const std::string& w) {
  static constexpr std::array<std::string_view, 12> kEnglish = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::array<std::string_view, 12> kEnglishLong = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december"};
  for (size_t i = 0; i < 12; ++i)
    if (w == kEnglish[i] || w == kEnglishLong[i] || (i == 8 && w == "sept")) return int(i) + 1;
  // Greek (abbreviated, as Greek feeds write them) and Hungarian months.
  struct Named {
    std::string_view name;
    int month;
  };
  static constexpr std::array<Named, 40> kOther = {{
      {"Ιαν", 1},        {"Φεβ", 2},        {"Μάώ", 3},        {"Μάρ", 3},       {"Μαρ", 3},
      {"Απρ", 4},        {"Μάι", 5},        {"Μαϊ", 5},        {"Μαι", 5},       {"Ιούν", 6},
      {"Ιον", 6},        {"Ιούλ", 7},       {"Ιολ", 7},        {"Αύγ", 8},       {"Αυγ", 8},
      {"Σεπ", 9},        {"Οκτ", 10},       {"Νοέ", 11},       {"Νοε", 11},      {"Δεκ", 12},
      {"január", 1},     {"február", 2},    {"március", 3},    {"április", 4},   {"máujus", 5},
      {"május", 5},      {"június", 6},     {"július", 7},     {"augusztus", 8}, {"szeptember", 9},
      {"október", 10},   {"november", 11},  {"december", 12},  {"ιαν", 1},      {"φεβ", 2},
      {"απρ", 4},        {"σεπ", 9},        {"οκτ", 10},       {"δεκ", 12},      {"αύγ", 8},
  }};
  for (const auto& m : kOther)
    if (w == m.name) return m.month;
  // Abbreviations in Portuguese, Spanish, French, German, Italian and Dutch
  // that English does not share ("Seg, 24 Set 2018").
  static constexpr std::array<Named, 26> kEuropean = {{
      {"fev", 2},  {"abr", 4},  {"mai", 5},  {"ago", 8},  {"set", 9},  {"out", 10}, {"dez", 12},
      {"ene", 1},  {"dic", 12}, {"janv", 1}, {"févr", 2}, {"fevr", 2}, {"mars", 3}, {"avr", 4},
      {"juin", 6}, {"juil", 7}, {"août", 8}, {"déc", 12}, {"mär", 3},  {"mrz", 3},  {"okt", 10},
      {"gen", 1},  {"mag", 5},  {"giu", 6},  {"lug", 7},  {"ott", 10},
  }};
  for (const auto& m : kEuropean)
    if (w == m.name) return m.month;
  return 0;
}

// Zone names seen in feeds; minutes east of UTC. Ambiguous names (IST,
// China's CST) are left out: a wrong guess is worse than no date.
bool ZoneFromWord(const std::string& w, int& minutes) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr std::array<Zone, 48> kZones = {{
      {"z", 0},       {"ut", 0},      {"utc", 0},     {"gmt", 0},     {"wet", 0},     {"bst", 60},
      {"cet", 60},    {"met", 60},    {"cest", 120},  {"mest", 120},  {"eet", 120},   {"eest", 180},
      {"msk", 180},   {"est", -300},  {"edt", -240},  {"cst", -360},  {"cdt", -300},  {"mst", -420},
      {"mdt", -360},  {"pst", -480},  {"pdt", -420},  {"akst", -540}, {"akdt", -480}, {"hst", -600},
      {"ast", -240},  {"adt", -180},  {"at", -240},   {"et", -300},   {"ct", -360},   {"mt", -420},
      {"pt", -480},   {"ict", 420},   {"wib", 420},   {"wita", 480},  {"wit", 540},   {"sgt", 480},
      {"myt", 480},   {"pht", 480},   {"hkt", 480},   {"awst", 480},  {"jst", 540},   {"kst", 540},
      {"aest", 600},  {"aedt", 660},  {"acst", 570},  {"nzst", 720},  {"nzdt", 780},  {"cat", 120},
  }};
  for (const auto& z : kZones)
    if (w == z.name) {
      minutes = z.minutes;
      return true;
    }
  return false;
}

bool IsHangul(const std::string& w) {
  // U+AC00-U+D7A3 are EA B0 80 .. ED 9E A3 in UTF-8.
  return !w.empty() && static_cast<unsigned char>(w[0]) >= 0xEA && static_cast<unsigned char>(w[0]) <= 0xED;
}

bool IsAsciiWord(const std::string& w) {
  for (char c : w)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Reads "+hh", "+hhmm", "+hh:mm" starting at tokens[i] (the sign).
// Returns the index after it, or 0 when it is not a valid offset.
size_t ReadOffset(std::vector<Token>& tokens, size_t i, int& minutes) {
  if (i + 1 >= tokens.size() || tokens[i + 1].kind != Token::kNumber || tokens[i + 1].space_before) return 0;
  const int sign = tokens[i].text == "-" ? -1 : 1;
  const Token& n = tokens[i + 1];
  int h = 0, m = 0;
  size_t next = i + 2;
  if (n.digits == 4) {
    h = int(n.value / 100);
    m = int(n.value % 100);
  } else if (n.digits <= 2) {
    h = int(n.value);
    if (next + 1 < tokens.size() && tokens[next].text == ":" && tokens[next + 1].kind == Token::kNumber &&
        !tokens[next].space_before) {
      if (tokens[next + 1].digits != 2) return 0;
      m = int(tokens[next + 1].value);
      tokens[next + 1].used = true;
      next += 2;
    }
  } else {
    return 0;
  }
  if (h > 23 || m > 59) return 0;
  tokens[i].used = true;
  tokens[i + 1].used = true;
  minutes = sign * (h * 60 + m);
  return next;
}

std::optional<Timestamp> ParseTokens(std::string_view text, int default_offset) {
  std::vector<Token> tokens = Tokenize(text);
  // The time: h:mm[:ss][.frac]
  int h = 0, mi = 0, sec = 0;
  size_t time_end = 0;
  bool have_time = false;
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (tokens[i].kind != Token::kNumber || tokens[i + 1].text != ":" || tokens[i + 2].kind != Token::kNumber)
      continue;
    if (tokens[i].digits > 2 || tokens[i + 2].digits != 2) return std::nullopt;
    have_time = true;
    h = int(tokens[i].value);
    mi = int(tokens[i + 2].value);
    tokens[i].used = tokens[i + 1].used = tokens[i + 2].used = true;
    size_t j = i + 3;
    if (j + 1 < tokens.size() && tokens[j].text == ":" && tokens[j + 1].kind == Token::kNumber) {
      if (tokens[j + 1].digits != 2) return std::nullopt;
      sec = int(tokens[j + 1].value);
      tokens[j].used = tokens[j + 1].used = true;
      j += 2;
      if (j < tokens.size() && tokens[j].text == ":") return std::nullopt;  // 1:2:3:4
    }
    if (j + 1 < tokens.size() && (tokens[j].text == "." || tokens[j].text == ",") &&
        tokens[j + 1].kind == Token::kNumber && !tokens[j].space_before) {
      tokens[j].used = tokens[j + 1].used = true;
      j += 2;
    }
    time_end = j;
    break;
  }

  int offset = kNoOffset;
  bool am = false, pm = false, korean = false;
  int mo = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (t.used) continue;
    const bool after_time = have_time && i >= time_end;
    if (t.kind == Token::kWord) {
      if (IsHangul(t.text)) korean = true;
      int zone = 0;
      if (int m = MonthFromWord(t.text); m && !mo && !after_time) {
        mo = m;
      } else if (t.text == "am" || t.text == "sa" || t.text == "오전") {
        am = true;
      } else if (t.text == "pm" || t.text == "ch" || t.text == "오후") {
        pm = true;
      } else if ((after_time || !have_time) && ZoneFromWord(t.text, zone) && offset == kNoOffset) {
        offset = zone;
        // GMT+7, UTC-05:00: an offset from the named zone.
        if (i + 1 < tokens.size() && (tokens[i + 1].text == "+" || tokens[i + 1].text == "-")) {
          int extra = 0;
          if (const size_t next = ReadOffset(tokens, i + 1, extra)) {
            offset += extra;
            i = next - 1;
          } else if (zone == 0 && i + 2 < tokens.size() && tokens[i + 2].kind != Token::kNumber) {
            return std::nullopt;
          }
        }
      } else if (t.text == "etc") {
        // "Etc/GMT"
      } else if (after_time && IsAsciiWord(t.text) && t.text != "t") {
        return std::nullopt;  // "+zz:00", "Textra": garbage where a zone belongs
      }
      // Other words (weekday names in any language, "lúc", "ngày") carry no date.
    } else if (t.kind == Token::kPunct && (t.text == "+" || (t.text == "-" && (after_time || (i > 0 && tokens[i - 1].kind == Token::kWord))))) {
      if (i + 1 < tokens.size() && tokens[i + 1].kind == Token::kNumber && !tokens[i + 1].space_before &&
          (after_time || t.text == "+")) {
        int value = 0;
        const size_t next = ReadOffset(tokens, i, value);
        if (!next) return std::nullopt;
        offset = value;
        i = next - 1;
      } else if (after_time && i + 1 < tokens.size() && tokens[i + 1].kind == Token::kWord) {
        return std::nullopt;  // "+zz"
      }
    }
  }
  if (pm && h < 12) h += 12;
  if (am && h == 12) h = 0;
  if ((am || pm) && (h > 23)) return std::nullopt;
  if (offset == kNoOffset) offset = korean ? 9 * 60 : default_offset;

  std::vector<const Token*> numbers;
  for (const Token& t : tokens)
    if (t.kind == Token::kNumber && !t.used) numbers.push_back(&t);
  auto year_of = [](const Token& t) -> int {
    if (t.digits <= 2) return TwoDigitYear(int(t.value));
    if (t.digits == 4) return int(t.value);
    return -1;
  };
  // "03 Apr 02 1500 GMT": a time written as hhmm, after a named month.
  if (!have_time && mo && numbers.size() == 3 && numbers[2]->digits == 4 && numbers[2]->value % 100 < 60 &&
      numbers[2]->value / 100 < 24) {
    h = int(numbers[2]->value / 100);
    mi = int(numbers[2]->value % 100);
    numbers.pop_back();
  }
  int y = -1, d = -1;
  if (mo) {
    if (numbers.size() != 2) return std::nullopt;
    const Token& a = *numbers[0];
    const Token& b = *numbers[1];
    if (a.digits == 4 || (a.value > 31 && b.value <= 31)) {
      y = year_of(a);
      d = int(b.value);
    } else {
      d = int(a.value);
      y = year_of(b);
    }
    if (d > 31 || (a.digits > 2 && b.digits > 2)) return std::nullopt;
  } else {
    if (numbers.size() != 3) return std::nullopt;
    const Token& a = *numbers[0];
    const Token& b = *numbers[1];
    const Token& c = *numbers[2];
    if (a.digits == 4) {  // 2024/11/25, 2004년 05월 28일
      y = int(a.value);
      mo = int(b.value);
      d = int(c.value);
    } else {
      y = year_of(c);
      const bool month_first = ((am || pm) && a.value <= 12 && b.value <= 31) || (a.value <= 12 && b.value > 12);
      if (month_first) {  // .NET's US style: 10/2/2026 9:25:00 AM
        mo = int(a.value);
        d = int(b.value);
      } else {  // day first, as Vietnamese outlets write
        d = int(a.value);
        mo = int(b.value);
      }
    }
  }
  if (y < 0) return std::nullopt;
  return Build(y, mo, d, h, mi, sec, offset);
}

// The canonical RFC 822 form most feeds write, "Thu, 06 Feb 2025 20:30:48
// +0700" (or GMT), read without tokens; nullopt for anything else, which the
// general reader then takes.
std::optional<Timestamp> ParseRfc822Exact(std::string_view s) {
  auto digits = [&](size_t at, size_t n, int& value) {
    if (at + n > s.size()) return false;
    value = 0;
    for (size_t k = 0; k < n; ++k) {
      if (!IsDigit(s[at + k])) return false;
      value = value * 10 + (s[at + k] - '0');
    }
    return true;
  };
  size_t i = 0;
  if (s.size() > 5 && std::isalpha(static_cast<unsigned char>(s[0])) && s[3] == ',' && s[4] == ' ') i = 5;
  int d, y, h, mi, sec;
  if (!digits(i, 2, d) || i + 11 > s.size() || s[i + 2] != ' ' || s[i + 6] != ' ') return std::nullopt;
  std::string month(s.substr(i + 3, 3));
  for (auto& c : month) c = char(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  int mo = 0;
  for (size_t m = 0; m < 12; ++m)
    if (month == kMonths[m]) mo = int(m) + 1;
  i += 7;
  if (!mo || !digits(i, 4, y) || s.substr(i + 4, 1) != " ") return std::nullopt;
  i += 5;
  if (!digits(i, 2, h) || s.substr(i + 2, 1) != ":" || !digits(i + 3, 2, mi) || s.substr(i + 5, 1) != ":" ||
      !digits(i + 6, 2, sec) || s.substr(i + 8, 1) != " ")
    return std::nullopt;
  i += 9;
  const std::string_view zone = s.substr(i);
  int offset;
  if (zone == "GMT" || zone == "UT" || zone == "UTC" || zone == "Z") {
    offset = 0;
  } else if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
    int oh, om;
    if (!digits(i + 1, 2, oh) || !digits(i + 3, 2, om) || oh > 23 || om > 59) return std::nullopt;
    offset = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
  } else if (!zone.empty() && zone.size() <= 4 &&
             std::all_of(zone.begin(), zone.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    std::string word(zone);
    for (auto& c : word) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (!ZoneFromWord(word, offset)) return std::nullopt;  // unknown: the general reader decides
  } else {
    return std::nullopt;
  }
  return Build(y, mo, d, h, mi, sec, offset);
}

}  // namespace

std::optional<Timestamp> ParseFeedDate(std::string_view text, minutes default_offset) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty() || text.size() > 128) return std::nullopt;
  const int offset = int(default_offset.count());
  if (auto exact = ParseRfc822Exact(text)) return exact;
  // Seconds since 1970 (some JSON feeds): nine to ten digits, nothing else.
  if ((text.size() == 9 || text.size() == 10) &&
      std::all_of(text.begin(), text.end(), [](char c) { return IsDigit(c); }))
    return Timestamp(seconds(std::stoll(std::string(text))));
  const bool iso_shaped = IsDigit(text[0]) || (text[0] == '-' && text.size() > 1 && IsDigit(text[1]));
  if (iso_shaped) {
    if (auto iso = IsoParser(text, offset).Parse()) return iso;
  }
  return ParseTokens(text, offset);
}

}  // namespace pw::feed
