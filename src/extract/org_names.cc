#include "extract/org_names.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract/gazetteer.h"
#include "extract/matcher.h"

namespace pw::extract {

namespace {

std::string_view Slice(std::string_view text, std::size_t b, std::size_t e) { return text.substr(b, e - b); }

struct Word {
  std::size_t begin, end;
};

// The space-separated words of text[b, e).
std::vector<Word> WordsIn(std::string_view text, std::size_t b, std::size_t e) {
  std::vector<Word> words;
  std::size_t i = b;
  while (i < e) {
    while (i < e && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < e && text[j] != ' ') ++j;
    if (j > i) words.push_back({i, j});
    i = j;
  }
  return words;
}

bool EndsWithCaseless(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

// A NAME_BREAK word as the gazetteer spells it, ASCII case aside: the
// gazetteer compares search keys, which drop accents, and "Tài" (in "Sở Tài
// nguyên và Môi trường") is not the break word "Tại".
bool IsNameBreak(const Gazetteer& gazetteer, std::string_view word) {
  const GazetteerEntry* entry = gazetteer.Lookup("NAME_BREAK", word);
  if (!entry) return false;
  return std::any_of(entry->aliases.begin(), entry->aliases.end(), [&](const std::string& alias) {
    return alias.size() == word.size() &&
           std::equal(alias.begin(), alias.end(), word.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  });
}

// "New York-based", "Animoca Brands-Backed": a word that says what the name
// after it is, not part of it.
bool IsAttribute(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {"-based", "-backed", "-led", "-owned", "-listed",
                                                   "-headquartered", "-focused", "-born", "-founded"};
  return std::any_of(std::begin(kSuffixes), std::end(kSuffixes),
                     [&](std::string_view s) { return EndsWithCaseless(word, s); });
}

bool IsLetterOrDigitBefore(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c >= 0 && u_isalnum(c);
}

// Whether the word before `begin` on the same line (across spaces only) is
// capitalised: "William A. Shopoff", "Caroline Farah Lembck".
bool CapitalisedBefore(std::string_view text, std::size_t begin) {
  std::size_t p = begin;
  while (p > 0 && text[p - 1] == ' ') --p;
  if (p == begin || (!IsLetterOrDigitBefore(text, p) && !(p > 0 && text[p - 1] == '.'))) return false;
  std::size_t w = p;
  while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n') --w;
  const std::string_view word = Slice(text, w, p);
  return StartsUpper(word) && !IsAttribute(word);
}

// Whether the word next to [begin, end) on the same line (across spaces
// only) is capitalised: then the occurrence is part of a longer name.
bool CapitalisedNeighbour(std::string_view text, std::size_t begin, std::size_t end) {
  if (CapitalisedBefore(text, begin)) return true;
  std::size_t n = end;
  while (n < text.size() && text[n] == ' ') ++n;
  return n > end && n < text.size() && StartsUpper(text.substr(n, 4));
}

// Whether `name` occurs in `text` as a whole word outside [skip_begin,
// skip_end) and, when `standalone`, with no capitalised word next to it.
bool OccursElsewhere(std::string_view text, std::string_view name, std::size_t skip_begin, std::size_t skip_end,
                     bool standalone) {
  std::size_t pos = 0;
  while ((pos = text.find(name, pos)) != std::string_view::npos) {
    const std::size_t end = pos + name.size();
    if ((end <= skip_begin || pos >= skip_end) && IsWordBoundary(text, pos) && IsWordBoundary(text, end) &&
        (!standalone || !CapitalisedNeighbour(text, pos, end)))
      return true;
    pos = end;
  }
  return false;
}

// Whether a name that ends at `end` runs on past a hyphen, or a dot or slash
// before a letter or digit ("Licogi 14.1", "Than- Khoáng sản"): then it is
// part of a longer name.
bool RunsOn(std::string_view text, std::size_t end) {
  if (end < text.size() && text[end] == '-') return true;
  return end + 1 < text.size() && (text[end] == '.' || text[end] == '/') &&
         (std::isalnum(static_cast<unsigned char>(text[end + 1])) || (text[end + 1] & 0x80));
}

// Whether `s` starts with a lower-case letter ("phần", "dựng"; not "&", "14").
bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_islower(c);
}

bool IsAcronymText(std::string_view s) {
  if (s.size() < 2 || s.size() > 10 || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
  int upper = 0;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '&' && c != '-') return false;
    upper += std::isupper(static_cast<unsigned char>(c)) ? 1 : 0;
  }
  return upper >= 2;
}

// "Isospec Analytics" -> "Isospec", "NANO Nuclear Energy" -> "NANO Nuclear":
// the name without its trailing ORG_DESCRIPTOR words, or "" when nothing
// distinctive is left (a word the gazetteer knows, a stop word, two letters).
std::string ShortForm(const Gazetteer& gazetteer, std::string_view name) {
  std::vector<Word> words = WordsIn(name, 0, name.size());
  std::size_t n = words.size();
  while (n > 1 && gazetteer.Lookup("ORG_DESCRIPTOR", Slice(name, words[n - 1].begin, words[n - 1].end))) --n;
  if (n == words.size()) return {};
  const std::string_view rest = Slice(name, 0, words[n - 1].end);
  if (rest.size() < 3 || !StartsUpper(rest)) return {};
  for (const char* type : {"ORG", "PER", "LOC", "NAME_STOPWORD", "ORG_DESCRIPTOR"})
    if (gazetteer.Lookup(type, rest)) return {};
  return std::string(rest);
}

// "Công ty Cổ phần Licogi 14" -> "Licogi 14", "Công ty TNHH Đầu tư Xây dựng
// Hưng Thịnh" -> "Hưng Thịnh": a Vietnamese company's own name, the
// capitalised words after its kind word (an ORG_KIND alias: "Công ty Cổ
// phần", "Tập đoàn") and after what it does (up to its last lower-case word).
// Articles give it bare before or after the full name ("Licogi 14 đón nhận
// ..." in a headline). "" when nothing distinctive is left: a place
// ("Ngân hàng TMCP Ngoại thương Việt Nam"), a word the gazetteer knows, a
// person's shape (a family name first: "Hoàng Anh"), or one Vietnamese
// syllable ("Tổng công ty Điện lực miền Bắc"); a one-word name must be a
// coined one, four letters or more without marks ("Vinaconex") or with a
// digit.
std::string VietnameseOwnName(const Gazetteer& gazetteer, std::string_view name) {
  const std::vector<Word> words = WordsIn(name, 0, name.size());
  if (words.size() < 2) return {};
  std::size_t kind = 0;  // words of the longest kind word at the start
  for (std::size_t k = std::min<std::size_t>(4, words.size() - 1); k >= 1 && kind == 0; --k)
    if (gazetteer.Lookup("ORG_KIND", Slice(name, 0, words[k - 1].end))) kind = k;
  if (kind == 0) return {};
  std::size_t first = kind;
  for (std::size_t i = kind; i < words.size(); ++i)
    if (StartsLower(Slice(name, words[i].begin, words[i].end))) first = i + 1;
  if (first >= words.size()) return {};
  const std::string_view own = Slice(name, words[first].begin, name.size());
  for (const char* type : {"ORG", "PER", "LOC", "NAME_STOPWORD", "ORG_KIND", "GIVEN_NAME"})
    if (gazetteer.Lookup(type, own)) return {};
  const std::string_view first_word = Slice(name, words[first].begin, words[first].end);
  if (words.size() - first > 1) {
    if (gazetteer.Lookup("FAMILY_NAME", first_word)) return {};
  } else {
    const bool has_digit = std::any_of(own.begin(), own.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    const bool marked = std::any_of(own.begin(), own.end(), [](char c) { return (c & 0x80) != 0; });
    if (!has_digit && (marked || own.size() < 4)) return {};
  }
  return std::string(own);
}

}  // namespace

std::size_t HeadlineEnd(std::string_view text) {
  const std::size_t blank = text.find("\n\n");
  if (blank == std::string_view::npos || blank > 400 || text.substr(0, blank).find('\n') != std::string_view::npos)
    return 0;
  return blank;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c) || u_isdigit(c));
}

std::size_t WordEnd(std::string_view text, std::size_t from) {
  const std::size_t end = text.find_first_of(" ,.;:!?)\n", from);
  return end == std::string_view::npos ? text.size() : end;
}

void ShapeNameSpan(const Gazetteer& gazetteer, std::string_view text, std::size_t& start, std::size_t end) {
  // "Johns Hopkins Alumni's Somnair": the name is what follows the possessive.
  for (std::string_view possessive : {std::string_view("’s "), std::string_view("'s ")}) {
    const std::size_t p = Slice(text, start, end).rfind(possessive);
    if (p != std::string_view::npos) start += p + possessive.size();
  }
  // The name starts after the last attribute ("New York-based") or, in a
  // title-case headline, after the last NAME_BREAK word inside it ("$4M
  // From Multicoin Capital", "DefTech Startup Vermeer"). A Vietnamese break
  // word in lower case is a word of the name: "Đại sứ quán Nhật tại Campuchia",
  // "Tổng thương hội Trung Hoa tại Hongkong" (round 15; they were cut to the
  // place). English ones, plain ASCII, still break ("... from Acme Ventures").
  const auto vietnamese_lower = [](std::string_view word) { return StartsLower(word) && HasNonAscii(word); };
  const std::vector<Word> words = WordsIn(text, start, end);
  // A NAME_JOINER word ("for", "and"), spelt as listed, between two capitalised words joins an
  // institution's name, as the pattern that let it in (en.institution_for) means it to: "Center
  // for Drug Evaluation and Research" is not cut at "and" (round 21). "of ... and ..." names are
  // still cut: docs/extraction.md, "Round 21".
  const auto joins_a_name = [&](std::size_t k) {
    const std::string_view word = Slice(text, words[k].begin, words[k].end);
    return SpeltAs(gazetteer.Lookup("NAME_JOINER", word), word) && k > 0 && k + 1 < words.size() &&
           StartsUpper(Slice(text, words[k - 1].begin, words[k - 1].end)) &&
           StartsUpper(Slice(text, words[k + 1].begin, words[k + 1].end));
  };
  for (std::size_t i = words.size(); i-- > 1;) {
    const std::string_view word = Slice(text, words[i - 1].begin, words[i - 1].end);
    if (IsAttribute(word) ||
        (i > 1 && !vietnamese_lower(word) && !joins_a_name(i - 1) && IsNameBreak(gazetteer, word))) {
      start = words[i].begin;
      break;
    }
  }
  // A stop word before a lower-case word is a kind word of the name, not a word
  // before it: "Quỹ đầu tư mạo hiểm Mekong Capital" keeps its "Quỹ" (it lost
  // "Quỹ đầu", "đầu" being "Đầu" case aside), as "Sàn giao dịch ..." its "Sàn".
  while (start < end) {
    const std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos || space >= end) return;
    const std::string_view word = Slice(text, start, space);
    if (!SpeltAsInAnyCase(gazetteer.Lookup("NAME_STOPWORD", word), word)) return;
    if (StartsLower(Slice(text, space + 1, end))) return;
    start = space + 1;
  }
}

// Drops PER_STOPWORD words from the end of a name a pattern found ("Jane Tan
// Joins" -> "Jane Tan"). Returns false when a name of two or more words is
// left with fewer than two: then it was no name ("Grant Program").
bool TrimTrailingStopwords(const Gazetteer& gazetteer, std::string_view text, std::size_t start, std::size_t& end) {
  auto words = [&](std::size_t e) {
    return 1 + std::count(text.begin() + static_cast<std::ptrdiff_t>(start), text.begin() + static_cast<std::ptrdiff_t>(e), ' ');
  };
  const auto before = words(end);
  while (end > start) {
    const std::size_t space = text.rfind(' ', end - 1);
    if (space == std::string_view::npos || space < start) break;
    if (!gazetteer.Lookup("PER_STOPWORD", text.substr(space + 1, end - space - 1))) break;
    end = space;
  }
  return before < 2 || words(end) >= 2;
}

void TrimGluedOpener(const Gazetteer& gazetteer, std::string_view text, std::size_t start, std::size_t& end) {
  if (end + 1 >= text.size() || text[end] != ' ') return;
  const std::size_t space = text.rfind(' ', end - 1);
  if (space == std::string_view::npos || space <= start) return;
  const std::size_t next_end = WordEnd(text, end + 1);
  if (!StartsLower(Slice(text, end + 1, next_end))) return;
  const auto opens = [&](std::string_view words) { return SpeltAs(gazetteer.Lookup("SENTENCE_OPENER", words), words); };
  if (opens(Slice(text, space + 1, end)) || opens(Slice(text, space + 1, next_end))) end = space;
}

std::string OrgName(std::string_view text) {
  static constexpr std::string_view kForms[] = {", Inc.", ", Inc", " Inc.", " Inc", " Pte. Ltd.", " Pte Ltd", " Co., Ltd.",
                                                " Co. Ltd.", ", Ltd.", " Ltd.", " Ltd", " LLC", ", LLC", " Corp.",
                                                " Corp", " PLC", " plc", " Limited"};
  for (std::string_view form : kForms)
    if (text.size() > form.size() + 1 && text.substr(text.size() - form.size()) == form)
      return std::string(text.substr(0, text.size() - form.size()));
  return std::string(text);
}

bool TrimToDocumentForm(std::string_view text, std::size_t& start, std::size_t& end) {
  const std::vector<Word> words = WordsIn(text, start, end);
  if (words.size() < 2) return false;
  if (OccursElsewhere(text, Slice(text, start, end), start, end, /*standalone=*/false)) return false;
  for (std::size_t k = 1; k < words.size(); ++k) {
    const std::string_view suffix = Slice(text, words[k].begin, end);
    if (StartsUpper(suffix) && OccursElsewhere(text, suffix, start, end, /*standalone=*/true)) {
      start = words[k].begin;
      return true;
    }
  }
  for (std::size_t k = words.size() - 1; k >= 1; --k) {
    const std::string_view prefix = Slice(text, start, words[k - 1].end);
    if (OccursElsewhere(text, prefix, start, end, /*standalone=*/true)) {
      end = words[k - 1].end;
      return true;
    }
  }
  return false;
}

void AddDocumentAliases(const Gazetteer& gazetteer, std::string_view text, bool vietnamese,
                        std::vector<Entity>& entities) {
  struct Alias {
    std::string text;
    const Entity* owner;
    bool is_acronym;
    bool standalone = false;  // only with no capitalised word next to it
  };
  std::vector<Alias> aliases;
  for (const Entity& e : entities) {
    if (e.type != EntityType::kOrg && e.type != EntityType::kLoc) continue;
    if (e.type == EntityType::kOrg && e.text.size() >= 3 && StartsUpper(e.text)) {
      aliases.push_back({e.text, &e, false});
      // "PEDEVCO Corp." is PEDEVCO further on: the name without its legal form.
      if (e.name.size() >= 3 && e.name.size() < e.text.size() && e.text.starts_with(e.name) &&
          StartsUpper(e.name))
        aliases.push_back({e.name, &e, false});
      if (!gazetteer.Lookup("ORG", e.name))
        if (std::string short_form = ShortForm(gazetteer, e.name); !short_form.empty())
          aliases.push_back({std::move(short_form), &e, false});
      // "Licogi 14" of "Công ty Cổ phần Licogi 14", but not the "Licogi 14" of "Licogi 14.1".
      if (vietnamese && !gazetteer.Lookup("ORG", e.text))
        if (std::string own = VietnameseOwnName(gazetteer, e.text); !own.empty())
          aliases.push_back({std::move(own), &e, false, true});
    }
    std::size_t p = e.end;
    if (p < text.size() && text[p] == ' ') ++p;
    if (p >= text.size() || text[p] != '(') continue;
    const std::size_t close = text.find(')', p);
    if (close == std::string_view::npos || close - p > 28) continue;
    std::string_view acronym = text.substr(p + 1, close - p - 1);
    // A listing names the ticker after the exchange: "(HOSE: HDC)", "(mã: MWG)".
    if (const std::size_t colon = acronym.rfind(':'); colon != std::string_view::npos) {
      acronym.remove_prefix(colon + 1);
      while (!acronym.empty() && acronym.front() == ' ') acronym.remove_prefix(1);
    } else if (acronym.size() > 11) {
      continue;
    }
    if (IsAcronymText(acronym)) aliases.push_back({std::string(acronym), &e, true});
  }
  // One search per alias text: the first entity that gives it claims every
  // occurrence, so a name given again adds nothing but a scan of the text
  // (5,000 times the same name took 80 s: tests/data/fuzz/extract/hostile-a-name-5000-times).
  std::set<std::pair<std::string, bool>> seen;
  aliases.erase(std::remove_if(aliases.begin(), aliases.end(),
                               [&seen](const Alias& a) { return !seen.insert({a.text, a.is_acronym}).second; }),
                aliases.end());
  std::vector<Entity> added;
  auto overlaps = [](const std::vector<Entity>& list, std::size_t b, std::size_t e) {
    return std::any_of(list.begin(), list.end(), [&](const Entity& x) { return b < x.end && x.start < e; });
  };
  for (const auto& [alias, owner, is_acronym, standalone] : aliases) {
    std::size_t pos = 0;
    while ((pos = text.find(alias, pos)) != std::string_view::npos) {
      const std::size_t end = pos + alias.size();
      // A name after a capitalised word is part of a longer one: the
      // "Shopoff" of "William A. Shopoff" is not Shopoff Realty Investments.
      if (IsWordBoundary(text, pos) && IsWordBoundary(text, end) && !overlaps(entities, pos, end) &&
          !overlaps(added, pos, end) && (is_acronym || !CapitalisedBefore(text, pos)) &&
          !(standalone && (CapitalisedNeighbour(text, pos, end) || RunsOn(text, end)))) {
        Entity e;
        e.type = owner->type;
        e.start = pos;
        e.end = end;
        e.text = alias;
        e.name = owner->name;
        added.push_back(std::move(e));
      }
      pos = end;
    }
  }
  for (auto& e : added) entities.push_back(std::move(e));
  std::sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) { return a.start < b.start; });
}

}  // namespace pw::extract
