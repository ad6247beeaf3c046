// text/language.h: is this Vietnamese, English, or something else?
//
//   DetectLanguage("Quỹ GenAI công bố khoản đầu tư")              == Language::kVietnamese
//   DetectLanguage("Quy GenAI cong bo khoan dau tu chien luoc")   == Language::kVietnamese
//   DetectLanguage("GenAI Fund announced a strategic investment") == Language::kEnglish
//   DetectLanguage("Perusahaan ini mengumumkan pendanaan untuk")  == Language::kOther
//   DetectLanguage("ベトナムのスタートアップ")                       == Language::kOther
//
// Each word is weighed for each language (docs/text.md gives the weights):
//   - Vietnamese: letters only Vietnamese writes (đ ă ơ ư ĩ ũ, the vowels of
//     U+1EA0..U+1EF9), accented words that spell a Vietnamese syllable ("là",
//     "có"), frequent Vietnamese words compared without diacritics ("cua",
//     "duoc", "nhung"), and whether the word spells a Vietnamese syllable at
//     all (nearly every word of Vietnamese does, accents or not; "investment"
//     does not);
//   - English: its frequent function words ("the", "and", "of", "which");
//   - other: the function words of Indonesian/Malay, French, German, Spanish,
//     Portuguese, Italian, Dutch, Slovak and Latvian, letters Vietnamese and
//     English do not use (ä ñ ç ß ø š ...), and letters of other scripts (Thai,
//     Chinese, Cyrillic, ...), which decide alone when they are the majority.
// A function word that also spells a Vietnamese syllable ("the", "in", "an")
// counts half. The language with the highest total wins.
//
// DetectParagraphLanguages labels each paragraph (line) of a document: a
// paragraph with too little evidence of its own (a short line, a name) takes
// the document's language, so mixed press releases (an English release with a
// Vietnamese quote) get one label per paragraph. DetectLanguage is the
// language of the document: of one paragraph, its own; of several, the
// language of most letters among the paragraphs sure of theirs (so three
// English paragraphs outweigh one Vietnamese, whose marks are stronger
// evidence word for word).
//
// Reads at most the first 64 KiB of the text. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace pw::text {

enum class Language { kOther, kVietnamese, kEnglish };

Language DetectLanguage(std::string_view text);

struct ParagraphLanguage {
  std::size_t begin = 0;  // byte span of the paragraph in the text, without its line break
  std::size_t end = 0;
  Language language = Language::kOther;
  bool operator==(const ParagraphLanguage&) const = default;
};

// One entry per non-blank line, in order.
std::vector<ParagraphLanguage> DetectParagraphLanguages(std::string_view text);

// "vi", "en", "other" (the contract's codes) and back ("" -> kOther).
std::string_view LanguageCode(Language language);
Language LanguageFromCode(std::string_view code);

}  // namespace pw::text
