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

// ICU's sentence classes (UAX #29's Sentence_Break) of a code point, as far
// as windows need them: a terminator or paragraph separator (ATerm, STerm,
// Sep, CR, LF), after which alone ICU breaks, past any closing punctuation
// and spaces; and a letter (Upper, Lower, OLetter). A table built from ICU's
// own property below U+3100 (every Latin and Vietnamese letter, 。 and the
// punctuation of the press); above it, ICU's property lookup. For the scan
// for terminators, a bit per block of 64 code points below U+10000 tells
// whether the block holds any: most of a Vietnamese text's multi-byte
// letters are skipped without decoding them.
class SentenceClasses {
 public:
  static constexpr uint8_t kTerminator = 1, kLetter = 2;

  SentenceClasses() {
    for (UChar32 c = 0; c < kTableEnd; ++c) table_[c] = Lookup(c);
    for (UChar32 c = 0; c < 0x10000; ++c)
      if ((c < kTableEnd ? table_[c] : Lookup(c)) & kTerminator) block_has_terminator_[c >> 6] = true;
  }
  uint8_t Of(UChar32 c) const {
    if (c < 0) return 0;
    return c < kTableEnd ? table_[c] : Lookup(c);
  }
  // Whether the block of 64 code points that starts at (block << 6) holds a
  // terminator.
  bool BlockHasTerminator(uint32_t block) const { return block_has_terminator_[block]; }

 private:
  static constexpr UChar32 kTableEnd = 0x3100;
  static uint8_t Lookup(UChar32 c) {
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
      case U_SB_ATERM:
      case U_SB_STERM:
      case U_SB_SEP:
      case U_SB_CR:
      case U_SB_LF:
        return kTerminator;
      case U_SB_UPPER:
      case U_SB_LOWER:
      case U_SB_OLETTER:
        return kLetter;
      default:
        return 0;
    }
  }
  std::array<uint8_t, kTableEnd> table_{};
  std::array<bool, 0x10000 / 64> block_has_terminator_{};
};

const SentenceClasses& Classes() {
  static const SentenceClasses classes;
  return classes;
}

// The length of the UTF-8 sequence at `i` when it is well formed as far as
// its continuation bytes go and encodes no terminator by its block (so it can
// be passed over whole), else 0.
inline int32_t SkippableSequence(const SentenceClasses& classes, const uint8_t* bytes, int32_t i, int32_t length) {
  const uint8_t lead = bytes[i];
  const auto continuation = [&](int32_t at) { return at < length && (bytes[at] & 0xC0) == 0x80; };
  if (lead >= 0xC2 && lead < 0xE0 && continuation(i + 1))
    return classes.BlockHasTerminator(lead & 0x1F) ? 0 : 2;
  if (lead >= 0xE0 && lead < 0xF0 && continuation(i + 1) && continuation(i + 2))
    return classes.BlockHasTerminator(((lead & 0x0F) << 6) | (bytes[i + 1] & 0x3F)) ? 0 : 3;
  return 0;
}

// Whether ICU cannot break in the run of terminators, closing punctuation
// and spaces that starts at `pos`: a period followed at once by a digit or a
// lower-case ASCII letter ("1.000", "3.5", "vnexpress.net", "e.g"; UAX #29's
// rules 6 and 8), the commonest terminators that end no sentence.
bool PeriodInsideWord(std::string_view text, size_t pos) {
  if (text[pos] != '.' || pos + 1 >= text.size()) return false;
  const unsigned char next = static_cast<unsigned char>(text[pos + 1]);
  return (next >= '0' && next <= '9') || (next >= 'a' && next <= 'z');
}

// The code point at `i` (advancing `i` past it) and its classes.
inline uint8_t NextClasses(const uint8_t* bytes, int32_t& i, int32_t length) {
  UChar32 c = bytes[i];
  if (c < 0x80) {
    ++i;
  } else {
    U8_NEXT(bytes, i, length, c);
  }
  return Classes().Of(c);
}

inline uint8_t PreviousClasses(const uint8_t* bytes, int32_t& i) {
  UChar32 c = bytes[i - 1];
  if (c < 0x80) {
    --i;
  } else {
    U8_PREV(bytes, 0, i, c);
  }
  return Classes().Of(c);
}

// The breaks of ICU's sentence iterator over `text`, read window by window:
// ICU reads only the text around each terminator or separator, not the rest
// of each sentence, which is most of the cost of a full pass.
//
// Why a window's breaks are the full pass's: ICU breaks only after a
// terminator or separator, past the closing punctuation and spaces that
// follow it (its rules 9 to 11 and 4; rule 998 joins everything else), so no
// break falls between two letters. A window starts at a letter whose
// previous code point is a letter too (or at the last break found, where a
// full pass restarts too): there every rule in progress has been decided
// except the ones that this letter starts (rules 7 and 998 forget what came
// before a letter), so ICU's state there is its state at the start of a text
// that begins with that letter. A window ends after two letters in a row
// past the candidate: every rule that looks ahead of a terminator (6, 7, 8,
// 8a) stops at the first letter, so the break after the candidate is
// settled by then. The window's own end is always a break for ICU, and is
// not taken. IcuSentenceBreaksByFullScan is the definition, and
// tests/text/sentences_test.cc holds the two equal over the corpus and over
// random text.
class WindowReader {
 public:
  WindowReader(icu::BreakIterator& iterator, std::string_view text)
      : iterator_(iterator), text_(text), bytes_(reinterpret_cast<const uint8_t*>(text.data())),
        length_(static_cast<int32_t>(text.size())) {}
  ~WindowReader() {
    // Detach before closing the UText so the iterator never points at it.
    iterator_.setText(icu::UnicodeString());
    utext_close(window_);
  }
  WindowReader(const WindowReader&) = delete;
  WindowReader& operator=(const WindowReader&) = delete;

  bool Read(std::vector<size_t>& breaks) {
    const SentenceClasses& classes = Classes();
    int32_t known = 0;  // the last break found (or the start)
    int32_t i = 0;
    while (i < length_) {
      const int32_t candidate = i;
      const uint8_t byte = bytes_[i];
      if (byte < 0x80) {
        ++i;
        if (!(classes.Of(byte) & SentenceClasses::kTerminator)) continue;
      } else if (const int32_t skip = SkippableSequence(classes, bytes_, i, length_); skip > 0) {
        i += skip;
        continue;
      } else if (!(NextClasses(bytes_, i, length_) & SentenceClasses::kTerminator)) {
        continue;
      }
      if (PeriodInsideWord(text_, static_cast<size_t>(candidate))) continue;
      const int32_t begin = WindowBegin(candidate, known);
      const int32_t end = WindowEnd(i);
      if (!BreaksOf(begin, end, breaks)) return false;
      if (!breaks.empty()) known = std::max(known, static_cast<int32_t>(breaks.back()));
      i = end;
    }
    return true;
  }

 private:
  // The last letter after a letter at or before `candidate` (past `known`).
  int32_t WindowBegin(int32_t candidate, int32_t known) const {
    int32_t i = candidate;
    bool after_letter = false;  // the code point at i is a letter
    while (i > known) {
      int32_t previous = i;
      const bool letter = PreviousClasses(bytes_, previous) & SentenceClasses::kLetter;
      if (letter && after_letter && previous >= known) return i;
      after_letter = letter;
      i = previous;
    }
    return known;
  }

  // Past the second of two letters in a row at or after `from`.
  int32_t WindowEnd(int32_t from) const {
    int32_t i = from;
    bool after_letter = false;
    while (i < length_) {
      const bool letter = NextClasses(bytes_, i, length_) & SentenceClasses::kLetter;
      if (letter && after_letter) return i;
      after_letter = letter;
    }
    return length_;
  }

  // Appends ICU's breaks in (begin, end) of text[begin, end), and `end` when
  // it is the end of the text.
  bool BreaksOf(int32_t begin, int32_t end, std::vector<size_t>& breaks) {
    UErrorCode status = U_ZERO_ERROR;
    window_ = utext_openUTF8(window_, text_.data() + begin, end - begin, &status);
    if (U_FAILURE(status)) return false;
    iterator_.setText(window_, status);
    if (U_FAILURE(status)) return false;
    for (int32_t b = iterator_.next(); b != icu::BreakIterator::DONE; b = iterator_.next()) {
      if (begin + b < end || end == length_) breaks.push_back(static_cast<size_t>(begin + b));
    }
    return true;
  }

  icu::BreakIterator& iterator_;
  std::string_view text_;
  const uint8_t* bytes_;
  int32_t length_;
  UText* window_ = nullptr;
};

icu::BreakIterator* SentenceIterator() {
  UErrorCode status = U_ZERO_ERROR;
  // createSentenceInstance is costly; each thread keeps its own clone.
  thread_local std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  return U_SUCCESS(status) ? iterator.get() : nullptr;
}

}  // namespace

std::vector<size_t> IcuSentenceBreaks(std::string_view text) {
  std::vector<size_t> breaks;
  if (icu::BreakIterator* iterator = SentenceIterator()) {
    WindowReader reader(*iterator, text);
    if (!reader.Read(breaks)) breaks.clear();
  }
  if (breaks.empty() || breaks.back() != text.size()) breaks.push_back(text.size());
  return breaks;
}

std::vector<size_t> IcuSentenceBreaksByFullScan(std::string_view text) {
  std::vector<size_t> breaks;
  if (icu::BreakIterator* iterator = SentenceIterator()) {
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) {
      iterator->setText(ut, status);
      for (int32_t b = iterator->next(); U_SUCCESS(status) && b != icu::BreakIterator::DONE; b = iterator->next())
        breaks.push_back(static_cast<size_t>(b));
      // Detach before closing the UText so the iterator never points at it.
      iterator->setText(icu::UnicodeString());
    }
    utext_close(ut);
  }
  if (breaks.empty() || breaks.back() != text.size()) breaks.push_back(text.size());
  return breaks;
}

std::vector<Span> SplitSentences(std::string_view text) {
  const std::vector<size_t> breaks = IcuSentenceBreaks(text);

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
