#include "text/sentences.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace pw::text {

namespace {

// Abbreviations that a name or a number follows: a period after them never
// ends a sentence ("Mr. Tan", "PGS.TS. Nguyễn Trúc Lê", "No. 2", "TP. Hồ Chí
// Minh"). The token right before the break, with its dots; case-sensitive.
constexpr std::string_view kTitles[] = {
    "Mr.",  "Mrs.",  "Ms.",   "Dr.",   "Prof.", "St.",  "Gen.",  "Col.",  "Lt.",   "Capt.", "Sen.",
    "Rep.", "Gov.",  "Rev.",  "Hon.",  "No.",   "Nos.", "Vol.",  "Fig.",  "vs.",   "e.g.",  "i.e.",
    "cf.",  "approx.", "TP.", "Tp.",   "Q.",    "P.",   "TX.",   "TT.",   "Th.S.", "ThS.",  "TS.",
    "Ts.",  "PGS.",  "GS.",   "PGS.TS.", "GS.TS.", "BS.", "KS.",  "CN.",   "NXB.",  "ĐH."};

// Abbreviations that end a name ("Acme Inc.", "the U.S."): a period after
// them ends a sentence only before a word that starts sentences ("... Acme
// Inc. The round was led ..."), else the name goes on ("Pte. Ltd., a ...").
constexpr std::string_view kNameEnds[] = {
    "Inc.", "Co.",  "Corp.", "Ltd.", "Pte.", "Bhd.", "LLC.", "Plc.", "PLC.", "JSC.", "Tbk.", "Jr.", "Sr.",
    "etc.", "a.m.", "p.m.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec."};

// Words that start sentences in the press, in both languages.
constexpr std::string_view kSentenceStarters[] = {
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "In", "On", "At",
    "For", "But", "And", "As", "A", "An", "Our", "His", "Her", "Their", "According", "However", "Meanwhile",
    "Also", "After", "Before", "With", "While", "When", "If", "There", "Now", "Since", "Last", "Founded",
    "Based", "To", "From", "By", "Under", "During", "Today", "Earlier", "Later", "Following", "Shares", "Both",
    "Each", "Such", "Many", "Most", "Some", "All", "Theo", "Ông", "Bà", "Anh", "Chị", "Trong", "Đây", "Điều",
    "Tuy", "Ngoài", "Cũng", "Khi", "Sau", "Trước", "Với", "Năm", "Hiện", "Các", "Những", "Nhưng", "Tại",
    "Vì", "Do", "Để", "Còn", "Chúng", "Tôi", "Họ", "Được", "Một", "Cùng", "Từ", "Đó", "Bên", "Dự", "Tiếp",
    "Ngày", "Cụ", "Nếu", "Hôm"};

// The whitespace-delimited token that ends at `end` (exclusive).
std::string_view TokenBefore(std::string_view text, size_t end) {
  size_t b = end;
  while (b > 0 && !std::isspace(static_cast<unsigned char>(text[b - 1])) && text[b - 1] != '(' &&
         text[b - 1] != '"')
    --b;
  return text.substr(b, end - b);
}

// The word that starts at or after `pos` (past spaces and opening quotes).
std::string_view WordAfter(std::string_view text, size_t pos) {
  while (pos < text.size() && (std::isspace(static_cast<unsigned char>(text[pos])) || text[pos] == '"' ||
                               text[pos] == '\'' || text[pos] == '('))
    ++pos;
  if (text.substr(pos, 3) == "“" || text.substr(pos, 3) == "‘") pos += 3;
  size_t end = pos;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ',' &&
         text[end] != '.' && text[end] != ':' && text[end] != ';')
    ++end;
  return text.substr(pos, end - pos);
}

template <size_t N>
bool OneOf(std::string_view token, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), token) != std::end(list);
}

// Whether the period before `end` belongs to an abbreviation and the text
// from `next` goes on with the same sentence.
bool ContinuesAfterAbbreviation(std::string_view text, size_t end, size_t next) {
  const std::string_view token = TokenBefore(text, end);
  if (token.empty() || token.back() != '.') return false;
  if (OneOf(token, kTitles)) return true;
  // A single capital initial: "J. Smith".
  if (token.size() == 2 && std::isupper(static_cast<unsigned char>(token[0]))) return true;
  bool name_end = OneOf(token, kNameEnds);
  // Dotted initials ("U.S.", "U.K.", "U.S.A."): the end of a name. A dotted
  // name whose last part is a word ("TP.HCM.") is not an abbreviation: its
  // period ends the sentence.
  if (!name_end && token.size() >= 4 && token.size() <= 8 && std::isupper(static_cast<unsigned char>(token[0])) &&
      std::count(token.begin(), token.end(), '.') >= 2) {
    const size_t last_dot = token.find_last_of('.', token.size() - 2);
    name_end = token.size() - last_dot - 2 == 1;
  }
  return name_end && !OneOf(WordAfter(text, next), kSentenceStarters);
}

bool StartsLowercase(std::string_view text, size_t pos) {
  while (pos < text.size() && (std::isspace(static_cast<unsigned char>(text[pos])) || text[pos] == '"'))
    ++pos;
  if (pos >= text.size()) return false;
  UChar32 c;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_islower(c);
}

bool IsParagraphBreak(std::string_view text, size_t begin, size_t end) {
  return text.substr(begin, end - begin).find("\n\n") != std::string_view::npos;
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) {
  std::vector<size_t> breaks;
  UErrorCode status = U_ZERO_ERROR;
  // createSentenceInstance is costly; each thread keeps its own clone.
  thread_local std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (iterator && U_SUCCESS(status)) {
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) {
      iterator->setText(ut, status);
      for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next())
        breaks.push_back(static_cast<size_t>(b));
      // Detach before closing the UText so the iterator never points at it.
      iterator->setText(icu::UnicodeString());
    }
    utext_close(ut);
  }
  if (breaks.empty() || breaks.back() != text.size()) breaks.push_back(text.size());

  std::vector<Span> spans;
  size_t begin = 0;
  for (size_t b : breaks) {
    // The sentence's visible end: before trailing whitespace.
    size_t visible_end = b;
    while (visible_end > begin && std::isspace(static_cast<unsigned char>(text[visible_end - 1])))
      --visible_end;
    const bool last = b == text.size();
    if (!last && !IsParagraphBreak(text, visible_end, b) &&
        (ContinuesAfterAbbreviation(text, visible_end, b) || StartsLowercase(text, b)))
      continue;  // not a real boundary: keep accumulating
    size_t s = begin;
    while (s < visible_end && std::isspace(static_cast<unsigned char>(text[s]))) ++s;
    if (s < visible_end) spans.push_back({s, visible_end});
    begin = b;
  }
  return spans;
}

}  // namespace pw::text
