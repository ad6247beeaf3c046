// text/sentences.h: sentence boundaries in Vietnamese and English text.
//
//   SplitSentences("Ông A, Th.S kinh tế, nói. Mr. Tan đồng ý.")
//       == {{0, 34}, {35, 53}}   (byte spans; no break after "Th.S" or "Mr.")
//
// ICU's sentence BreakIterator, run directly on UTF-8, with breaks removed
// where the period belongs to an abbreviation:
//   - titles and words that a name or a number follows never end a sentence:
//     Mr. Mrs. Ms. Dr. Prof. St. No. Vol. e.g. i.e. vs., and Vietnamese TP.
//     Tp. Q. P. Th.S. ThS. TS. PGS. GS. PGS.TS. GS.TS. BS. KS. NXB. ĐH.
//     (written without their last period, as "PGS.TS Nguyễn" and "Th.S kinh
//     tế" usually are, ICU does not break inside them anyway), and single
//     initials ("J. Smith");
//   - abbreviations that end a name end a sentence only before a word that
//     starts sentences (The, This, It, However, ...; Theo, Ông, Bà, Trong,
//     Tuy, Tiếp, ...): Inc. Co. Corp. Ltd. Pte. Bhd. LLC. Plc. JSC. Tbk. Jr.
//     Sr. etc. a.m. p.m., months (Jan. ... Dec.), dotted initials (U.S.,
//     U.K.): "Acme Pte. Ltd., a ..." is one sentence, "... Robot Anno Co.,
//     Ltd. This company ..." two;
//   - a dotted name whose last part is a word ("TP.HCM.") is not an
//     abbreviation: its period ends the sentence;
//   - no break before a lower-case letter ("“... công nghệ…”, ông Thịnh").
// Paragraph breaks ("\n\n") always end a sentence. Spans exclude surrounding
// whitespace and cover every non-space byte of the text. docs/text.md lists
// the words. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace pw::text {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

std::vector<Span> SplitSentences(std::string_view text);

// ICU's sentence breaks of `text`, before the abbreviation rules above: the
// offsets BreakIterator::next() reports, in order, text.size() last. ICU
// reads only a window around each terminator and paragraph separator (from
// a letter after a letter to two letters in a row past it), not the whole
// text, which was most of the cost; IcuSentenceBreaksByFullScan is the
// definition, a full pass of next(), and tests/text/sentences_test.cc holds
// the two equal over every corpus text and over random text.
std::vector<std::size_t> IcuSentenceBreaks(std::string_view text);
std::vector<std::size_t> IcuSentenceBreaksByFullScan(std::string_view text);

}  // namespace pw::text
