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

// Tokens (the word right before the break, with its dots) after which a
// period does not end a sentence. Compared case-sensitively.
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "TP.HCM.", "TP.", "Th.S.", "Th.S", "ThS.", "TS.", "PGS.", "PGS.TS.", "GS.", "GS.TS.", "BS.",
    "KS.", "CN.", "Q.", "P.", "Tp.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Jr.", "St.",
    "U.S.", "U.K.", "Inc.", "Co.", "Corp.", "Ltd.", "Pte.", "Bhd.", "No.", "Nos.", "vs.", "etc.",
    "e.g.", "i.e.", "approx.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct."};

// The whitespace-delimited token that ends at `end` (exclusive).
std::string_view TokenBefore(std::string_view text, size_t end) {
  size_t b = end;
  while (b > 0 && !std::isspace(static_cast<unsigned char>(text[b - 1])) && text[b - 1] != '(' &&
         text[b - 1] != '"')
    --b;
  return text.substr(b, end - b);
}

bool EndsWithAbbreviation(std::string_view text, size_t end) {
  std::string_view token = TokenBefore(text, end);
  if (token.empty() || token.back() != '.') return false;
  for (std::string_view a : kAbbreviations)
    if (token == a) return true;
  // A single capital initial: "J." in "J. Smith".
  if (token.size() == 2 && std::isupper(static_cast<unsigned char>(token[0]))) return true;
  // Dotted acronyms of any length: "U.S.A.", "TP.HCM."
  int dots = 0;
  for (char c : token) dots += c == '.';
  return dots >= 2 && token.size() <= 8 && std::isupper(static_cast<unsigned char>(token[0]));
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
        (EndsWithAbbreviation(text, visible_end) || StartsLowercase(text, b)))
      continue;  // not a real boundary: keep accumulating
    size_t s = begin;
    while (s < visible_end && std::isspace(static_cast<unsigned char>(text[s]))) ++s;
    if (s < visible_end) spans.push_back({s, visible_end});
    begin = b;
  }
  return spans;
}

}  // namespace pw::text
