#include "extract/gazetteer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include <re2/re2.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "common/lines.h"
#include "text/search_key.h"

namespace pw::extract {

namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// ASCII letters and digits, and every byte of a multi-byte character (the
// search key's letters are ASCII; what is left is a word's too): a table, as
// the scan asks for every byte of every document's key.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<std::size_t>(c)] =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
  return table;
}();

bool IsWordByte(unsigned char c) { return kWordBytes[c]; }

// Word tokens of a search key, with their byte spans in the key.
struct Word {
  std::string_view text;
  size_t begin, end;
};

std::vector<Word> Words(std::string_view key) {
  std::vector<Word> words;
  words.reserve(key.size() / 5 + 1);
  size_t i = 0;
  while (i < key.size()) {
    while (i < key.size() && !IsWordByte(static_cast<unsigned char>(key[i]))) ++i;
    size_t j = i;
    while (j < key.size() && IsWordByte(static_cast<unsigned char>(key[j]))) ++j;
    if (j > i) words.push_back({key.substr(i, j - i), i, j});
    i = j;
  }
  return words;
}

// "NIC", "AWS", "VPI": matched exactly, never as an ordinary word.
bool IsAcronym(std::string_view alias) {
  if (alias.empty() || alias.size() > 6) return false;
  bool upper = false;
  for (char c : alias) {
    if (std::islower(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 ||
        c == ' ')
      return false;
    upper = upper || std::isupper(static_cast<unsigned char>(c));
  }
  return upper;
}

// The tone and vowel marks of each word, in order of the word and sorted
// within it ("Hòa Bình" -> {"\u0300", "\u0300"}), with đ counted as a mark:
// the search key drops them, so "Đáng" and "Đảng" share one key. Sorting
// within a word lets "hoà" and "hòa" (the mark on either vowel) agree.
std::vector<std::u16string> MarksByWord(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::vector<std::u16string> out(1);
  if (U_FAILURE(status)) return out;
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))), status);
  if (U_FAILURE(status)) return out;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed.charAt(i);
    if (c == u' ' || c == u'-') {
      std::sort(out.back().begin(), out.back().end());
      out.emplace_back();
    } else if (u_charType(c) == U_NON_SPACING_MARK) {
      out.back().push_back(c);
    } else if (c == u'đ' || c == u'Đ') {
      out.back().push_back(u'đ');
    }
  }
  std::sort(out.back().begin(), out.back().end());
  return out;
}

UChar32 FirstCodePoint(std::string_view s) {
  UChar32 c = -1;
  int32_t i = 0;
  if (!s.empty()) U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// Between two words of a multi-word name only spaces and joining marks may
// stand: "Sovico, Group" is not "Sovico Group".
bool JoinsWords(std::string_view gap) {
  for (char c : gap)
    if (!(c == ' ' || c == '-' || c == '.' || c == '&' || c == '\'' || c == '/' || c == '+'))
      return false;
  return true;
}

}  // namespace

bool IsEntityType(std::string_view type) { return type == "ORG" || type == "PER" || type == "LOC"; }

bool IsValueType(std::string_view type) {
  return type == "SCALE" || type == "MONTH" || type == "ORDINAL" || type == "RELDATE";
}

struct Gazetteer::Index {
  struct Candidate {
    std::vector<std::string> words;
    std::string alias;  // as written, for the case checks
    const GazetteerEntry* entry;
    bool acronym = false;              // IsAcronym(alias)
    UChar32 first = -1;                // FirstCodePoint(alias)
    bool marked = false;               // HasNonAscii(alias)
    std::vector<std::u16string> marks;  // MarksByWord(alias), when marked
  };
  // Whether a word of the text may be the first word of an alias: a bit per
  // (length, first byte, last byte), so that most words of a text are passed
  // over without hashing them.
  std::vector<bool> first_word_shapes = std::vector<bool>(kShapeBits);
  static constexpr std::size_t kShapeBits = 1 << 16;
  static std::size_t ShapeOf(std::string_view word) {
    const std::size_t length = std::min<std::size_t>(word.size(), 63);
    return (length << 10 | (static_cast<unsigned char>(word.front()) & 0x1f) << 5 |
            (static_cast<unsigned char>(word.back()) & 0x1f)) &
           (kShapeBits - 1);
  }
  // Found by a word of the text without copying it.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Entity aliases by their first key word; longest first.
  std::unordered_map<std::string, std::vector<Candidate>, Hash, std::equal_to<>> by_first_word;
  // Every alias by "TYPE\x1fkey".
  std::unordered_map<std::string, const GazetteerEntry*> by_key;
  std::map<std::string, std::string, std::less<>> alternations;
  std::map<std::string, int, std::less<>> types;
};

Gazetteer::Gazetteer() : index_(std::make_unique<Index>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

void Gazetteer::AddFile(std::string_view content, const std::string& file,
                        std::vector<std::string>& errors) {
  ForEachLine(content, [&](int line_no, std::string_view line) {
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') return;
    const auto where = file + ":" + std::to_string(line_no) + ": ";
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab1 == std::string_view::npos) {
      errors.push_back(where + "expected TYPE<TAB>canonical name[<TAB>aliases]");
    } else {
      auto entry = std::make_unique<GazetteerEntry>();
      entry->type = Trim(line.substr(0, tab1));
      entry->canonical = Trim(line.substr(tab1 + 1, tab2 == std::string_view::npos ? std::string_view::npos : tab2 - tab1 - 1));
      entry->file = file;
      entry->line = line_no;
      const bool type_ok = !entry->type.empty() &&
                           std::all_of(entry->type.begin(), entry->type.end(), [](char c) {
                             return std::isupper(static_cast<unsigned char>(c)) || c == '_';
                           });
      if (!type_ok) {
        errors.push_back(where + "type must be upper-case letters, not '" + entry->type + "'");
      } else if (entry->canonical.empty()) {
        errors.push_back(where + "empty canonical name");
      } else {
        entry->aliases.push_back(entry->canonical);
        if (tab2 != std::string_view::npos) {
          std::string_view rest = line.substr(tab2 + 1);
          size_t b = 0;
          while (b <= rest.size()) {
            size_t bar = rest.find('|', b);
            if (bar == std::string_view::npos) bar = rest.size();
            std::string alias = Trim(rest.substr(b, bar - b));
            if (!alias.empty() && std::find(entry->aliases.begin(), entry->aliases.end(), alias) ==
                                      entry->aliases.end())
              entry->aliases.push_back(std::move(alias));
            b = bar + 1;
          }
        }
        for (const auto& alias : entry->aliases) {
          const std::string key = entry->type + '\x1f' + text::SearchKey(alias);
          auto [it, inserted] = index_->by_key.emplace(key, entry.get());
          if (!inserted && it->second->canonical != entry->canonical)
            errors.push_back(where + "alias '" + alias + "' already names '" + it->second->canonical +
                             "' (" + it->second->file + ":" + std::to_string(it->second->line) + ")");
        }
        index_->types[entry->type]++;
        entries_.push_back(std::move(entry));
      }
    }
  });
}

void Gazetteer::Finish() {
  std::map<std::string, std::vector<std::string>> term_aliases;
  for (const auto& entry : entries_) {
    for (const auto& alias : entry->aliases) {
      if (IsEntityType(entry->type)) {
        Index::Candidate c;
        const std::string key = text::SearchKey(alias);
        for (const Word& w : Words(key)) c.words.emplace_back(w.text);
        if (c.words.empty()) continue;
        c.alias = alias;
        c.entry = entry.get();
        c.acronym = IsAcronym(alias);
        c.first = FirstCodePoint(alias);
        c.marked = HasNonAscii(alias);
        if (c.marked) c.marks = MarksByWord(alias);
        index_->first_word_shapes[Index::ShapeOf(c.words.front())] = true;
        index_->by_first_word[c.words.front()].push_back(std::move(c));
      }
      // The canonical form of a value type is a value ("3" for March,
      // "1000000" for million), not a word to find: "3 30" is not March 30.
      if (IsValueType(entry->type) && alias == entry->canonical) continue;
      term_aliases[entry->type].push_back(alias);
    }
  }
  for (auto& [word, candidates] : index_->by_first_word)
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
      return a.words.size() > b.words.size();
    });
  for (auto& [type, aliases] : term_aliases) {
    std::sort(aliases.begin(), aliases.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    // Names ("GIVEN_NAME") keep the case of their first letter: "frank" in a
    // sentence is not Frank.
    const bool name_type = type.size() > 5 && type.compare(type.size() - 5, 5, "_NAME") == 0;
    std::string alt = "(?:";
    for (size_t i = 0; i < aliases.size(); ++i) {
      if (i) alt += '|';
      const std::string& alias = aliases[i];
      const std::string quoted = RE2::QuoteMeta(alias);
      if (name_type) {
        const std::size_t first = static_cast<std::size_t>(U8_LENGTH(FirstCodePoint(alias)));
        alt += RE2::QuoteMeta(alias.substr(0, first)) + "(?i:" + RE2::QuoteMeta(alias.substr(first)) + ")";
      } else if (alias.size() <= 2 && std::isupper(static_cast<unsigned char>(alias[0]))) {
        // Short capitals ("M", "B", "RM") are case-sensitive; the rest not.
        alt += quoted;
      } else {
        alt += "(?i:" + quoted + ")";
      }
    }
    alt += ")";
    index_->alternations[type] = std::move(alt);
  }
}

const GazetteerEntry* Gazetteer::Lookup(std::string_view type, std::string_view text) const {
  // Called for most mentions: one buffer per thread spares an allocation.
  thread_local std::string key;
  key.assign(type);
  key += '\x1f';
  key += text::SearchKey(text);
  auto it = index_->by_key.find(key);
  return it == index_->by_key.end() ? nullptr : it->second;
}

bool Gazetteer::HasType(std::string_view type) const { return index_->types.count(type) > 0; }

std::vector<const GazetteerEntry*> Gazetteer::FirstEntryOfEachType() const {
  std::vector<const GazetteerEntry*> first;
  std::set<std::string_view> seen;
  for (const auto& entry : entries_)
    if (seen.insert(entry->type).second) first.push_back(entry.get());
  return first;
}

std::string Gazetteer::Alternation(std::string_view type) const {
  auto it = index_->alternations.find(type);
  return it == index_->alternations.end() ? std::string() : it->second;
}

std::vector<Gazetteer::Mention> Gazetteer::FindMentions(std::string_view text,
                                                        const text::KeyedText& keyed) const {
  std::vector<Mention> out;
  const std::vector<Word> words = Words(keyed.key);
  for (size_t i = 0; i < words.size();) {
    if (!index_->first_word_shapes[Index::ShapeOf(words[i].text)]) {
      ++i;
      continue;
    }
    auto bucket = index_->by_first_word.find(words[i].text);
    size_t consumed = 0;
    if (bucket != index_->by_first_word.end()) {
      for (const auto& c : bucket->second) {
        const size_t n = c.words.size();
        if (i + n > words.size()) continue;
        bool same = true;
        for (size_t k = 1; k < n && same; ++k)
          same = words[i + k].text == c.words[k] &&
                 JoinsWords(std::string_view(keyed.key).substr(words[i + k - 1].end,
                                                               words[i + k].begin - words[i + k - 1].end));
        if (!same) continue;
        const auto [start, key_end] = keyed.SourceSpan(words[i].begin, words[i + n - 1].end);
        std::size_t end = key_end;
        std::string_view source = text.substr(start, end - start);
        // The key's words end before an acronym's last dot: "U.S." is found as "U.S".
        if (c.acronym && c.alias.back() == '.' && end < text.size() && text[end] == '.' &&
            source == std::string_view(c.alias).substr(0, c.alias.size() - 1))
          source = text.substr(start, ++end - start);
        if (c.acronym && source != c.alias) continue;
        const UChar32 source_first = FirstCodePoint(source);
        if (u_isupper(c.first) && u_isalpha(source_first) && !u_isupper(source_first)) continue;
        // Text written with its marks must have the alias's marks: "Đáng nói" is not
        // "Đảng". Text written without any (a bare-ASCII copy) matches by its key.
        if (c.marked && HasNonAscii(source) && c.marks != MarksByWord(source)) continue;
        out.push_back({start, end, c.entry});
        consumed = n;
        break;
      }
    }
    i += consumed ? consumed : 1;
  }
  return out;
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool SpeltAs(const GazetteerEntry* entry, std::string_view word) {
  return entry != nullptr && std::find(entry->aliases.begin(), entry->aliases.end(), word) != entry->aliases.end();
}

bool SpeltAsInAnyCase(const GazetteerEntry* entry, std::string_view word) {
  if (entry == nullptr) return false;
  const icu::UnicodeString folded = icu::UnicodeString::fromUTF8(word).foldCase();
  return std::any_of(entry->aliases.begin(), entry->aliases.end(), [&](const std::string& alias) {
    return icu::UnicodeString::fromUTF8(alias).foldCase() == folded;
  });
}

}  // namespace pw::extract
