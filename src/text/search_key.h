// text/search_key.h: the accent- and case-free form that search and entity
// matching compare, so "dau tu", "Đầu Tư" and "đầu tư" meet.
//
//   SearchKey("Đổi mới sáng tạo")  == "doi moi sang tao"
//   SearchKey("Quỹ GenAI")         == "quy genai"
//   SearchKey("Straße")            == "strasse"   (full case folding)
//
//   SearchKey("McDonald’s – Việt Nam") == "mcdonald's - viet nam"
//   SearchKey("Ä‘áº§u tÆ°")          == "dau tu"   (mojibake, repaired first)
//
// Each code point is decomposed, its combining marks dropped, đ/Đ mapped to
// d, and the rest case-folded (ICU, default folding). Dashes and minus signs
// become '-', curly and angle quotes '"', apostrophes and primes '\'' (the
// display text keeps them; matching does not care). Other characters
// (digits, punctuation, CJK) pass through folded. SearchKey first repairs
// mojibake (text/mojibake.h), so the key of a string and of its NFD, tone
// placement, upper-case or mojibake variants are equal.
//
// MakeKeyedText does not repair mojibake (its offsets point into the text it
// is given, which is NormalizeText's output and has none left); otherwise its
// key is SearchKey's. KeyedText keeps, for every byte of the key, the byte of
// the source it came from, so a match found in the key maps back to a span of
// the source:
//   KeyedText k = MakeKeyedText("Quỹ GenAI");
//   k.key == "quy genai"; k.SourceSpan(4, 9) == {6, 11}   ("GenAI" in the source)
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pw::text {

std::string SearchKey(std::string_view utf8);

// Whether the text holds a letter or a digit: a name a user types (--entity,
// investor=) that holds none names nothing, and would match everything.
bool HasLetterOrDigit(std::string_view utf8);

struct KeyedText {
  std::string key;
  // source_offset[i] is the source byte where key byte i's code point starts;
  // source_offset[key.size()] is the source length.
  std::vector<std::uint32_t> source_offset;

  // The source byte span [begin, end) covering key bytes [key_begin, key_end).
  std::pair<std::size_t, std::size_t> SourceSpan(std::size_t key_begin, std::size_t key_end) const;
};

KeyedText MakeKeyedText(std::string_view utf8);

// Appends the key of one code point to `out` (the building block of both).
// Below U+2100 it reads a table computed once from AppendSearchKeyByIcu.
void AppendSearchKey(char32_t code_point, std::string& out);

// The definition of AppendSearchKey, from ICU's decompositions and case
// folding on every call: slower; the table and the tests use it.
void AppendSearchKeyByIcu(char32_t code_point, std::string& out);

}  // namespace pw::text
