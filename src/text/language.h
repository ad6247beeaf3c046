// text/language.h: is this Vietnamese, English, or something else?
//
//   DetectLanguage("Quỹ GenAI công bố khoản đầu tư")          == Language::kVietnamese
//   DetectLanguage("Quy GenAI cong bo khoan dau tu chien luoc") == Language::kVietnamese
//   DetectLanguage("GenAI Fund announced a strategic investment") == Language::kEnglish
//
// Scores letters only Vietnamese uses (ă â đ ê ô ơ ư and the tone marks) and
// the function words of each language (Vietnamese ones also without
// diacritics, as people type them). Works on short titles; for mixed text it
// returns the language of the majority. Pure; thread-safe.
#pragma once

#include <string_view>

namespace pw::text {

enum class Language { kOther, kVietnamese, kEnglish };

Language DetectLanguage(std::string_view text);

// "vi", "en", "other" (the contract's codes) and back ("" -> kOther).
std::string_view LanguageCode(Language language);
Language LanguageFromCode(std::string_view code);

}  // namespace pw::text
