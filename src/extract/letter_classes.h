// extract/letter_classes.h: what the letter classes of the rules mean.
//
// Rules say \p{L}, \p{Lu}, \p{Ll}, \p{Lt} and \p{N} (or \P{...}, their
// complements) for letters, capitals, small letters, title-case letters and
// digits. They read Vietnamese and English news, whose names are written in
// the Latin script, and RE2 compiles a Unicode-wide class to hundreds of
// instructions (\p{L}: 1,197; its Latin letters: 81), once for every place a
// pattern holds it, after repetitions like {0,5} are written out. The English
// funding rules had grown to 900,000 instructions each, and loading the rules
// took 10 s (bench/RESULTS.md, "Loading the rules: letter classes of the
// Latin script").
//
// So before RE2 sees a pattern these five classes become their Latin part:
// \p{L} the letters of the Latin script (every letter of Vietnamese, of
// English and of the other languages written in it: "Đ", "ơ", "ß", "Ø"),
// \p{Lu}, \p{Ll} and \p{Lt} those in upper, lower and title case, and \p{N}
// the numbers of the Latin and the Common scripts (0-9, "²", "½", "Ⅻ"). A
// letter of another script (Greek, Cyrillic, Chinese) is then no letter to
// a rule. Any other class (\p{Han}, \p{Greek}, [[:alpha:]]) is RE2's own.
#pragma once

#include <string>
#include <string_view>

namespace pw::extract {

// `pattern` (RE2 syntax) with each \p{L}, \p{Lu}, \p{Ll}, \p{Lt}, \p{N}
// and \P{...} of them replaced by the code point ranges of its Latin part,
// inside a character class ("[\p{Lu}\d]") or on its own ("\p{Lu}+").
std::string NarrowLetterClasses(std::string_view pattern);

}  // namespace pw::extract
