// extract/org_names.h: the names of organisations a pattern found, and the
// names that hold for a whole document; and where a person's name a pattern
// found ends (TrimTrailingStopwords, which the people pass and the mentions
// pass share). Internal to pw_extract (mentions.cc, people.cc).
//
// A pattern that finds a company by what is said of it ("X raises $5M")
// catches the capitalised words before the verb, and in a title-case headline
// those are not all the name:
//   ShapeNameSpan: "The Sovico Group"            -> "Sovico Group"  (NAME_STOPWORD)
//                  "Johns Hopkins Alumni's Somnair" -> "Somnair"     (a possessive)
//                  "New York-based Donut Labs"   -> "Donut Labs"    (an attribute "X-based")
//   OrgName:       "Polyrizon Ltd."              -> "Polyrizon"     (the legal form)
//   TrimGluedOpener, in a Vietnamese text, where a photo caption runs into the text:
//                  "Tập đoàn Điện lực Việt Nam Cụ" (+ " thể theo ...") -> "Tập đoàn Điện lực Việt Nam"
//   TrimToDocumentForm, in a headline, when the document names it more shortly elsewhere:
//                  "AI Pharmacy Pioneer Asepha Raises $4M" + "Asepha, a startup ..." -> "Asepha"
//                  "SatoshiSwap.ai Has Raised"   + "SatoshiSwap.ai is ..."       -> "SatoshiSwap.ai"
//   AddDocumentAliases: an acronym defined in parentheses ("... Quốc gia (NIC)"),
//                  a name a pattern found, the same without its legal form
//                  ("PEDEVCO Corp." -> "PEDEVCO"), and a name without its trailing
//                  descriptors ("Isospec Analytics" -> "Isospec", ORG_DESCRIPTOR
//                  words) name the same organisation everywhere in the document;
//                  in a Vietnamese text also a company's own name after its kind
//                  word and what it does ("Công ty Cổ phần Licogi 14" -> "Licogi 14",
//                  where no capitalised word stands next to it).
//
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extraction.h"

namespace pw::extract {

class Gazetteer;

// Moves `start` past leading NAME_STOPWORD words, a possessive ("X's "), an
// attribute ("X-based ", "X-backed ") and a NAME_BREAK word inside the name
// ("$4M From Multicoin Capital"); the span stays inside [start, end).
void ShapeNameSpan(const Gazetteer& gazetteer, std::string_view text, std::size_t& start, std::size_t end);

// Moves `end` before the name's last word where that word, or it and the word
// after the name, is a sentence's first word (the gazetteer's SENTENCE_OPENER,
// as spelt: "Tại", "Cụ thể") and a lower-case word follows: a photo caption
// that runs into the text without a full stop ("Ảnh: Thái Minh Tại buổi lễ")
// glues the next sentence's opener to a name. The span keeps one word at least.
void TrimGluedOpener(const Gazetteer& gazetteer, std::string_view text, std::size_t start, std::size_t& end);

// Moves `end` before the PER_STOPWORD words that end a person's name a
// pattern found ("Jane Tan Joins" -> "Jane Tan"). Returns false when a name of
// two words or more is left with fewer than two: it was no name ("Grant
// Program", "Cornell Tech Syndicate"). The people pass reads names so, and the
// mentions pass asks it of a list item shaped like a person.
bool TrimTrailingStopwords(const Gazetteer& gazetteer, std::string_view text, std::size_t start, std::size_t& end);

// The name of an organisation a pattern found, without its legal form.
std::string OrgName(std::string_view text);

// Narrows a name a pattern found that occurs once in the document to the
// longest part of it (its last words, else its first words) that the document
// also uses on its own elsewhere. Returns whether the span changed.
bool TrimToDocumentForm(std::string_view text, std::size_t& start, std::size_t& end);

// Adds a mention for each further whole-word occurrence of a document alias
// (see above), where no other mention is; keeps `entities` sorted by start.
void AddDocumentAliases(const Gazetteer& gazetteer, std::string_view text, bool vietnamese,
                        std::vector<Entity>& entities);

// Where the headline ends: a first line of at most 400 bytes followed by a
// blank line, as the pipeline and `presswatch extract` put a title before its
// body; 0 when the text has none.
std::size_t HeadlineEnd(std::string_view text);

// Whether `s` starts with an upper-case letter, a title-case letter or a digit.
bool StartsUpper(std::string_view s);

// Where the word that starts at `from` ends: at a space, a punctuation mark
// or a line break, or at the end of the text.
std::size_t WordEnd(std::string_view text, std::size_t from);

}  // namespace pw::extract
