// extract/gazetteer.h: canonical names and their aliases, in both languages.
//
// A gazetteer file (rules/gazetteer/*.tsv) has one entry per line:
//   TYPE <TAB> Canonical name <TAB> alias | alias | ...
//   ORG	GenAI Fund	Quỹ GenAI | Quỹ GenAI Fund | Quỹ đầu tư GenAI
//   TITLE	Phó Giám đốc	Deputy Director | Vice Director
//   CURRENCY	USD	US$ | $ | USD | đô la Mỹ | dollars
// The canonical name is itself an alias. '#' starts a comment line.
//
// Entity types (ORG, PER, LOC) are found in text by FindMentions: accent-
// and case-insensitive on the search key, longest alias first, whole words
// only. An all-capitals alias of up to six letters ("NIC", "AWS") must match
// exactly; an alias that starts with a capital must start with one in the
// text, so common words do not become names. Other types are terms that
// rules use inside patterns ({TITLE}, {CURRENCY}); Lookup maps what a
// pattern captured back to its canonical form.
//
// Build once (AddFile for each file, then Finish), then share read-only:
// const methods are safe from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pw::text {
struct KeyedText;
}

namespace pw::extract {

// The gazetteer types the extractor's code looks up itself (Lookup,
// FindMentions); any other type must be read by a rule, as {TYPE}, or it is a
// mistake (RuleSet reports it). tests/extract/rule_set_test.cc holds this
// list to the code's Lookup calls.
inline const std::set<std::string, std::less<>> kGazetteerTypesTheExtractorReads = {
    "ORG",                   "PER",                   "LOC",                   "ANAPHOR",
    "BACKGROUND_AFTER",      "BACKGROUND_WORD",       "CURRENCY",              "CURRENCY_AFTER_SCALE",
    "DOLLAR_MARKET",         "FAMILY_NAME",           "GIVEN_NAME",            "HONORIFIC",
    "INVESTOR_VERB",         "NAME_BREAK",            "NAME_JOINER",           "NAME_STOPWORD",
    "NOT_INVESTEE",
    "ORG_COMPOUND_TAIL",     "ORG_DESCRIPTOR",        "ORG_KIND",              "ORG_KIND_ORIGIN",
    "ORG_NAME_END",          "ORG_ORIGIN",            "ORG_PRODUCT_WORD",      "ORIGIN_WORD",
    "OWNER_OF",              "PEOPLE_OF",             "PERSON_ROLE_WORD",      "PER_STOPWORD",
    "PLACE_GIVEN_NAME",
    "RELDATE",               "ROUND",                 "SCALE",                 "SENTENCE_OPENER",
    "SURNAME_PREFIX",        "TITLE",                 "WEAK_ROUND"};

struct GazetteerEntry {
  std::string type;       // "ORG", "TITLE", ...
  std::string canonical;  // what records show
  std::vector<std::string> aliases;  // canonical first
  std::string file;
  int line = 0;
};

// Whether `s` has a byte outside ASCII: in our texts, a letter with a mark
// ("tại", "Việt"), where English words are plain ASCII.
bool HasNonAscii(std::string_view s);

// Whether `word` is one of the entry's aliases as spelt (false for a null
// entry). Lookup folds accents and case, which Vietnamese cannot always
// afford: "tư" (of "Đầu tư") is no "từ", "Lam" no "Lâm".
bool SpeltAs(const GazetteerEntry* entry, std::string_view word);
// The same with case aside, the marks kept: "Nam" (of "Nam Hải Ventures") is
// no "Năm" (a year), "Y" (of "ngành Y tế") no "Ý" (Italy); "Quỹ" is "quỹ".
bool SpeltAsInAnyCase(const GazetteerEntry* entry, std::string_view word);

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // Appends "file:line: message" to `errors` for each bad line and goes on.
  void AddFile(std::string_view content, const std::string& file, std::vector<std::string>& errors);
  // Builds the indexes. REQUIRES: called once, after every AddFile.
  void Finish();

  // The entry of `type` that has `text` as an alias (compared on the search
  // key), or nullptr.
  const GazetteerEntry* Lookup(std::string_view type, std::string_view text) const;
  bool HasType(std::string_view type) const;
  // The aliases of a term type as an RE2 alternation, longest first:
  // "(?:(?i:Phó Giám đốc)|(?i:Giám đốc)|...)". "" for an unknown type.
  std::string Alternation(std::string_view type) const;

  struct Mention {
    std::size_t start = 0, end = 0;  // bytes in the text
    const GazetteerEntry* entry = nullptr;
  };
  // Mentions of ORG, PER and LOC entries, in text order, not overlapping.
  std::vector<Mention> FindMentions(std::string_view text, const text::KeyedText& keyed) const;

  std::size_t size() const { return entries_.size(); }
  // The first entry (in file order) of each type.
  std::vector<const GazetteerEntry*> FirstEntryOfEachType() const;

 private:
  struct Index;
  std::vector<std::unique_ptr<GazetteerEntry>> entries_;
  std::unique_ptr<Index> index_;
};

// Whether entries of this type are found in text as entities.
bool IsEntityType(std::string_view type);

// Whether the canonical name of this term type is a value rather than a word
// (SCALE, MONTH, ORDINAL, RELDATE): such a canonical is not an alias that
// patterns match ("3" does not stand for March in text).
bool IsValueType(std::string_view type);

}  // namespace pw::extract
