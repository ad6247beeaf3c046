// text/sentences.h: sentence boundaries in Vietnamese and English text.
//
//   SplitSentences("Ông A, Th.S kinh tế, nói. Mr. Tan đồng ý.")
//       == {{0, 34}, {35, 53}}   (byte spans; no break after "Th.S" or "Mr.")
//
// ICU's sentence BreakIterator, run directly on UTF-8, with breaks removed
// where they follow an abbreviation of either language (TP.HCM, Th.S, PGS.TS.,
// Mr., Dr., U.S., Inc., Co., Ltd., No., ...), an initial ("J. Smith"), or
// precede a lower-case letter. Paragraph breaks ("\n\n") always end a
// sentence. Spans exclude surrounding whitespace and cover every non-space
// byte of the text. Pure; thread-safe.
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

}  // namespace pw::text
