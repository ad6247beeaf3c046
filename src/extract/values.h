// extract/values.h: the values behind MONEY, DATE and PERCENT mentions.
//
//   ParseNumber("16.200", kVi) == 16200      ParseNumber("1,5", kVi) == 1.5
//   ParseNumber("1,500", kEn)  == 1500       ParseNumber("4.15", kEn) == 4.15
//   ParseNumber("1.234.567,8") == 1234567.8 (either language: the shape decides)
//
// Separators: when both '.' and ',' appear, the last one is the decimal mark.
// With one kind repeated ("1.234.567") it groups thousands. A single one
// followed by exactly three digits groups thousands in the language that
// uses it that way ('.' in Vietnamese, ',' in English) and is a decimal mark
// otherwise.
//
// The From* functions turn a rule's captured fields into a value, using the
// gazetteer for words (SCALE, CURRENCY or CURRENCY_AFTER_SCALE, MONTH,
// ORDINAL, RELDATE) and the
// article's date for what is relative ("hôm qua", "last week", a month
// without a year). They return nullopt when the fields do not make a value.
// Pure; thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "extract/extraction.h"

namespace pw::extract {

class Gazetteer;

enum class NumberStyle { kVietnamese, kEnglish };

std::optional<double> ParseNumber(std::string_view text, NumberStyle style);

// Field name -> captured text, for one match of one rule.
using Fields = std::multimap<std::string, std::string>;

std::optional<Money> MoneyFromFields(const Fields& fields, NumberStyle style, const Gazetteer& gazetteer);

// "2025-03-14", "2025-03", "2025-Q1" or "2025".
std::optional<std::string> DateFromFields(const Fields& fields, const Gazetteer& gazetteer,
                                          std::optional<std::chrono::sys_days> published);

std::optional<double> PercentFromFields(const Fields& fields, NumberStyle style);

// A small whole number written as digits, a Roman numeral (I..XII) or a
// word of the gazetteer types MONTH or ORDINAL ("March", "tháng Ba", "first").
std::optional<int> SmallNumber(std::string_view text, const Gazetteer& gazetteer, std::string_view type);

}  // namespace pw::extract
