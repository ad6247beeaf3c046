// Pass 1: names, money, dates and percentages found in the plain text.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <optional>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract/gazetteer.h"
#include "extract/matcher.h"
#include "extract/org_names.h"
#include "extract/passes.h"
#include "text/search_key.h"

namespace pw::extract {

namespace {

struct Candidate {
  Entity entity;
  int priority = 0;
  bool weak = false;  // a list item: only fills gaps
};

constexpr int kGazetteerPriority = 50;

std::string_view Slice(std::string_view text, std::size_t b, std::size_t e) { return text.substr(b, e - b); }

// "dao5", "a16z": one word in lower case that starts with a letter and holds
// a digit is a brand, a list item like a capitalised name.
bool IsLowerCaseBrand(std::string_view word) {
  auto is = [&](auto pred) { return std::any_of(word.begin(), word.end(), [&](char ch) { return pred(static_cast<unsigned char>(ch)); }); };
  return word.size() >= 3 && std::isalpha(static_cast<unsigned char>(word[0])) && is([](unsigned char ch) { return std::isdigit(ch); }) &&
         !is([](unsigned char ch) { return !std::isalnum(ch); });
}

// Items of a captured list: split at ", ", " và ", " and ", " & ", "; ", the
// ideographic comma ("Kucoin Ventures、Actoz Soft"), and
// around a parenthesis ("Founderful (formerly Wingman Ventures)" is two
// items). Leading lower-case words go ("with participation from specialized
// investors Tiny.vc" -> "Tiny.vc"); an item that is then empty, or ends in a
// lower-case word, is dropped, unless it is a domain name ("another.vc").
std::vector<std::pair<std::size_t, std::size_t>> ListItems(std::string_view text, std::size_t b, std::size_t e) {
  std::vector<std::pair<std::size_t, std::size_t>> items;
  static constexpr std::string_view kSeparators[] = {", và ", ", and ", ", ", " và ", " and ", " & ", "; ", "、",
                                                     " (formerly ", " (previously ", " (", ")"};
  std::size_t item_start = b;
  std::size_t i = b;
  while (i < e) {
    bool split = false;
    for (std::string_view sep : kSeparators) {
      if (i + sep.size() <= e && text.substr(i, sep.size()) == sep) {
        items.emplace_back(item_start, i);
        i += sep.size();
        item_start = i;
        split = true;
        break;
      }
    }
    if (!split) ++i;
  }
  items.emplace_back(item_start, e);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (auto [s, t] : items) {
    while (s < t && (text[s] == ' ' || text[s] == ',')) ++s;
    while (t > s && (text[t - 1] == ' ' || text[t - 1] == ',' || text[t - 1] == '.')) --t;
    const std::string_view item = Slice(text, s, t);
    const bool domain = item.find(' ') == std::string_view::npos && item.find('.') != std::string_view::npos &&
                        item.find('.') + 2 < item.size();
    if (!domain) {
      // Drop leading words that do not start with a capital; an item that
      // follows a Vietnamese honorific is a person ("là bà Võ Thị Hồng D."),
      // which the people pass finds.
      static constexpr std::string_view kHonorifics[] = {"ông", "bà", "anh", "chị"};
      while (s < t && !StartsUpper(Slice(text, s, t)) && !IsLowerCaseBrand(Slice(text, s, t))) {
        const std::size_t space = text.find(' ', s);
        if (space == std::string_view::npos || space >= t) {
          s = t;
          break;
        }
        const std::string_view word = Slice(text, s, space);
        if (std::find(std::begin(kHonorifics), std::end(kHonorifics), word) != std::end(kHonorifics)) {
          s = t;
          break;
        }
        s = space + 1;
      }
    }
    // "AI tech firms also": a name does not end in a lower-case word.
    if (!domain && t > s) {
      const std::size_t last_space = Slice(text, s, t).rfind(' ');
      if (last_space != std::string_view::npos && !StartsUpper(Slice(text, s + last_space + 1, t))) continue;
    }
    if (t > s) out.emplace_back(s, t);
  }
  return out;
}

// Whether an English list item names a person by their role at a company: a
// PERSON_ROLE_WORD in lower case with a capitalised word before it ("GitHub
// engineer Zach Holman", "Oracle’s senior vice president of Cloud
// Operations"). The item is no organisation; the people pass reads the
// person after the role ("founder Alex Rice").
bool DescribesAPersonsRole(const Gazetteer& gazetteer, std::string_view item) {
  std::size_t b = item.find(' ');
  while (b != std::string_view::npos) {
    const std::size_t e = std::min(item.find(' ', b + 1), item.size());
    const std::string_view word = item.substr(b + 1, e - b - 1);
    if (!word.empty() && std::islower(static_cast<unsigned char>(word[0])) &&
        gazetteer.Lookup("PERSON_ROLE_WORD", word))
      return true;
    b = e < item.size() ? e : std::string_view::npos;
  }
  return false;
}

// "Gokul Rajaram", "Sarah Collins", "Michelle McBane": a known given name and
// one or two capitalised words of letters (a capital inside one only after a
// SURNAME_PREFIX: "Mc", "De", "O'"), the shape people.rules reads as a person,
// and still a name of two words once the people pass drops its PER_STOPWORD
// words ("Cornell Tech Syndicate" is no person: "Tech" and "Syndicate" go).
bool LooksLikeAPerson(const Gazetteer& gazetteer, std::string_view name) {
  const std::size_t space = name.find(' ');
  if (space == std::string_view::npos || !gazetteer.Lookup("GIVEN_NAME", name.substr(0, space))) return false;
  int words = 0;
  for (std::size_t b = space + 1; b <= name.size(); ++words) {
    std::size_t e = name.find(' ', b);
    if (e == std::string_view::npos) e = name.size();
    const std::string_view word = name.substr(b, e - b);
    if (word.empty() || !StartsUpper(word)) return false;
    bool inner_capital = false;
    for (std::size_t i = 1; i < word.size(); ++i) {
      const char ch = word[i];
      if (std::islower(static_cast<unsigned char>(ch)) || (ch & 0x80) || ch == '-' || ch == '\'') continue;
      if (inner_capital || !std::isupper(static_cast<unsigned char>(ch)) ||
          !gazetteer.Lookup("SURNAME_PREFIX", word.substr(0, i)))
        return false;
      inner_capital = true;
    }
    b = e + 1;
  }
  std::size_t end = name.size();
  return words >= 1 && words <= 2 && TrimTrailingStopwords(gazetteer, name, 0, end);
}

// Whether the last one to `max_words` words right before `start` (a space
// between) are an alias of a gazetteer entry of `type`: "Startup" of "Tech
// Startup Maya", "công ty khởi nghiệp" of "công ty khởi nghiệp Việt Nam Kilo";
// `as_spelt`: an alias as spelt (SpeltAs), not folded.
bool AfterWordsOf(const PassContext& ctx, std::size_t start, std::string_view type, int max_words,
                  bool as_spelt = false) {
  const std::string_view text(ctx.text);
  if (start < 2 || text[start - 1] != ' ') return false;
  std::size_t word = start - 1;  // the space before the name
  for (int words = 0; words < max_words; ++words) {
    const std::size_t space = text.rfind(' ', word - 1);
    word = space == std::string_view::npos ? 0 : space + 1;
    if (word >= start - 1) return false;
    const std::string_view before = Slice(text, word, start - 1);
    const GazetteerEntry* entry = ctx.rules.gazetteer.Lookup(type, before);
    if (as_spelt ? SpeltAs(entry, before) : entry != nullptr) return true;
    if (word < 2 || text[word - 1] != ' ') return false;
    word -= 1;
  }
  return false;
}

// "By Austin DeNoce", "Orlando Bravo, Founder": in an English text a one-word
// place that is also a given name (PLACE_GIVEN_NAME, as spelt), right before
// a capitalised word of letters that is no place or firm of its own, starts
// a person's name, which the people pass reads; "Austin, Texas", "in Austin
// Texas" keep the place.
bool StartsAPersonsName(const Gazetteer& gazetteer, std::string_view text, std::size_t start, std::size_t end) {
  const std::string_view place = Slice(text, start, end);
  if (!SpeltAs(gazetteer.Lookup("PLACE_GIVEN_NAME", place), place)) return false;
  if (end + 1 >= text.size() || text[end] != ' ') return false;
  std::size_t e = end + 1;
  while (e < text.size() && (std::isalpha(static_cast<unsigned char>(text[e])) || text[e] == '\'' || text[e] == '-'))
    ++e;
  const std::string_view next = Slice(text, end + 1, e);
  if (next.size() < 2 || !std::isupper(static_cast<unsigned char>(next[0]))) return false;
  if (e < text.size() && (text[e] & 0x80)) return false;  // a word that goes on in letters we did not read
  return !gazetteer.Lookup("LOC", next) && !gazetteer.Lookup("ORG", next);
}

// Whether `words` say where a firm is from: a country's Vietnamese name
// (ORG_ORIGIN) anywhere; right after an ORG_KIND_ORIGIN word also any place
// and an ORIGIN_WORD ("startup Việt Nam Kilo", "startup Việt"), where
// elsewhere they may begin a name ("Ngân hàng Việt Nam Thịnh Vượng").
bool IsOrigin(const PassContext& ctx, std::string_view words, bool after_kind) {
  const Gazetteer& g = ctx.rules.gazetteer;
  return g.Lookup("ORG_ORIGIN", words) || (after_kind && (g.Lookup("LOC", words) || g.Lookup("ORIGIN_WORD", words)));
}

// "nhà đầu tư Nhật Bản Hoa Lâm Capital": in Vietnamese an origin (IsOrigin)
// before a firm's name says where the firm is from. Moves `start` past it
// when a capitalised name follows.
void SkipOrigin(const PassContext& ctx, std::size_t& start, std::size_t end, bool after_kind) {
  const std::string_view text(ctx.text);
  const std::size_t first = text.find(' ', start);
  if (first == std::string_view::npos || first + 1 >= end) return;
  const std::size_t second = text.find(' ', first + 1);
  // The longer origin first: "Nhật Bản", then "Nhật".
  for (std::size_t space : {second, first}) {
    if (space == std::string_view::npos || space + 1 >= end) continue;
    if (IsOrigin(ctx, Slice(text, start, space), after_kind) && StartsUpper(Slice(text, space + 1, end))) {
      start = space + 1;
      return;
    }
  }
}

// Whether only ORG_KIND words ("Công ty", "Tập đoàn") stand between the
// start of a name and its core, a view into ctx.text.
bool PlaceAfterKindOnly(const PassContext& ctx, std::size_t start, std::string_view core) {
  const std::string_view text(ctx.text);
  if (core.data() < text.data() || core.data() > text.data() + text.size()) return true;
  const std::size_t core_start = static_cast<std::size_t>(core.data() - text.data());
  if (core_start <= start) return true;
  std::string_view before = Slice(text, start, core_start);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.empty() || ctx.rules.gazetteer.Lookup("ORG_KIND", before) != nullptr;
}

// A capitalised syllable: a capital, then up to six lower-case letters.
bool IsCapitalisedSyllable(std::string_view word) {
  int32_t letters = 0;
  bool syllable = !word.empty();
  for (int32_t i = 0, n = static_cast<int32_t>(word.size()); i < n && syllable;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    syllable = c >= 0 && u_isalpha(c) && (letters == 0 ? (u_isupper(c) || u_istitle(c)) : u_islower(c));
    ++letters;
  }
  return syllable && letters <= 7;
}

// Whether a Vietnamese name a pattern found ends inside a compound word: its last
// word is one capitalised syllable ("Phát", "Đầu", "Quân") and a lower-case word
// that does not end a name follows ("Ngân hàng TMCP Phát triển nhà ...", "Tổng
// công ty Đầu tư ...", "Tập đoàn Viễn thông Quân đội"). A name ends before a verb
// or a function word, the gazetteer's ORG_NAME_END ("Công ty Hương cho biết",
// "Tập đoàn Sovico đã"); a word of several syllables' letters ("Vinamilk"), one
// with a capital or a digit inside ("VinFast", "F88") is a brand, not a syllable;
// a proper name of two syllables or more is a name. The end words are matched
// as spelt: "Tổng công ty Đầu tư và Kinh doanh vốn Nhà nước" is cut at "Đầu".
bool EndsInsideCompound(const PassContext& ctx, std::size_t start, std::size_t end) {
  const std::string_view text(ctx.text);
  if (end + 2 >= text.size() || text[end] != ' ') return false;
  const std::size_t last = text.rfind(' ', end - 1);
  const std::size_t word_start = last == std::string_view::npos || last < start ? start : last + 1;
  if (!IsCapitalisedSyllable(Slice(text, word_start, end))) return false;
  // A place ends a name: "Thượng viện Cộng hòa Haiti họp".
  if (ctx.rules.gazetteer.Lookup("LOC", Slice(text, word_start, end))) return false;
  // A proper name of several syllables ends where it ends: "Khu kinh tế Dung Quất
  // trao", "Hợp tác xã Minh Lộc", "Chính phủ Trung Quốc".
  if (word_start > start + 1) {
    const std::size_t before = text.rfind(' ', word_start - 2);
    std::size_t before_start = before == std::string_view::npos || before < start ? start : before + 1;
    // A short district's syllable: "Công an Q.Thanh Khê tạm giữ".
    const std::size_t dot = Slice(text, before_start, word_start - 1).rfind('.');
    if (dot != std::string_view::npos && before_start + dot + 2 < word_start) before_start += dot + 1;
    if (IsCapitalisedSyllable(Slice(text, before_start, word_start - 1))) return false;
  }
  const std::size_t next_end = WordEnd(text, end + 1);
  const std::string_view next = Slice(text, end + 1, next_end);
  if (next.empty()) return false;
  int32_t first = 0;
  UChar32 c;
  U8_NEXT(next.data(), first, static_cast<int32_t>(next.size()), c);
  if (c < 0 || !u_islower(c)) return false;
  // As spelt: the gazetteer's keys fold accents, and "tư" (of "Đầu tư") is no "từ".
  if (SpeltAs(ctx.rules.gazetteer.Lookup("ORG_NAME_END", next), next)) return false;
  // Two-word ends: "cho biết", "công bố", "thông báo".
  if (next_end < text.size() && text[next_end] == ' ') {
    const std::string_view two = Slice(text, end + 1, WordEnd(text, next_end + 1));
    if (SpeltAs(ctx.rules.gazetteer.Lookup("ORG_NAME_END", two), two)) return false;
  }
  return true;
}

// A place or a firm's name that is a person's name, in a Vietnamese text:
// - of two words or more right after a family name (the gazetteer's
//   FAMILY_NAME): "Phó Thủ tướng Trương Hòa Bình", "Đại biểu Phạm Minh Chính
//   (Quảng Ninh)" (a rule's "Minh Chính"), "Phí Thái Bình"; a longer place that starts with the family
//   name ("Thái Bình Dương") is the gazetteer's own mention and wins by its
//   length;
// - right after an honorific (HONORIFIC): "ông Đức" is no Germany, "Chị Lan
//   Anh (Hà Nội)" no place "Lan Anh";
// - starting with an honorific that none of the place's aliases spells so:
//   "bà Lan" is no Poland ("Ba Lan"), while "Bà Rịa" is a province.
bool NamesAPerson(const Gazetteer& gazetteer, std::string_view text, std::size_t start, std::size_t end,
                  const GazetteerEntry* place) {
  const std::string_view name = Slice(text, start, end);
  const std::size_t space = name.find(' ');
  if (place && space != std::string_view::npos && !SpeltAs(place, name)) {
    const std::string_view first = name.substr(0, space);
    const bool alias_starts_so = std::any_of(place->aliases.begin(), place->aliases.end(), [&](const std::string& a) {
      return a.size() > first.size() && a.compare(0, first.size(), first) == 0 && a[first.size()] == ' ';
    });
    if (!alias_starts_so && SpeltAs(gazetteer.Lookup("HONORIFIC", first), first)) return true;
  }
  if (start < 2 || text[start - 1] != ' ') return false;
  std::size_t w = start - 1;
  while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n') --w;
  std::string_view word = Slice(text, w, start - 1);
  // "Đoàn Nguyên Đức (bầu Đức)", "“Ông Đức nói": a bracket or a quote that opens before the
  // honorific is no part of it.
  bool bracketed = false;
  for (const std::string_view opener : {"(", "[", "\"", "'", "“", "‘"}) {
    if (word.size() > opener.size() && word.starts_with(opener)) {
      word.remove_prefix(opener.size());
      bracketed = opener == "(";
      break;
    }
  }
  // "người đàn ông Hàn Quốc" is a man from Korea: "đàn ông", "đàn bà" say man, woman.
  if (SpeltAs(gazetteer.Lookup("HONORIFIC", word), word)) {
    constexpr std::string_view kMankind = "đàn ";
    return !(w >= kMankind.size() && Slice(text, w - kMankind.size(), w) == kMankind);
  }
  // "ĐB Nguyễn Văn Thể (Đoàn Sóc Trăng)": a bracket that holds only the family name's word and the
  // place names a deputy's delegation ("Đoàn" is a family name too), not a person.
  if (bracketed && end < text.size() && text[end] == ')') return false;
  return space != std::string_view::npos && SpeltAs(gazetteer.Lookup("FAMILY_NAME", word), word);
}

void AddNameCandidate(const PassContext& ctx, const std::string& type, std::size_t start, std::size_t end,
                      std::string_view core, int priority, bool weak, std::vector<Candidate>& out) {
  const Gazetteer& gazetteer = ctx.rules.gazetteer;
  // The entry the name as it stands is an alias of, asked up to four times
  // below for the same span (each Lookup keys the name again): looked up
  // once per span.
  std::size_t known_start = std::string_view::npos, known_end = 0;
  const GazetteerEntry* known_entry = nullptr;
  const auto known = [&]() {
    if (known_start != start || known_end != end) {
      known_entry = gazetteer.Lookup(type, Slice(ctx.text, start, end));
      known_start = start;
      known_end = end;
    }
    return known_entry;
  };
  ShapeNameSpan(gazetteer, ctx.text, start, end);
  if (ctx.language == 0) TrimGluedOpener(gazetteer, ctx.text, start, end);
  if (type == "ORG" && ctx.language == 0 && !known()) {
    // After an ORG_KIND_ORIGIN word ("startup", "công ty khởi nghiệp").
    const bool after_kind = AfterWordsOf(ctx, start, "ORG_KIND_ORIGIN", 4);
    // "rót vốn vào startup Việt": where the startups are from, no name.
    if (after_kind && IsOrigin(ctx, Slice(ctx.text, start, end), true)) return;
    SkipOrigin(ctx, start, end, after_kind);
  }
  if (end <= start) return;
  if (type == "LOC" && ctx.language == 0 && NamesAPerson(gazetteer, ctx.text, start, end, nullptr)) return;
  // "2017" is no name: a name has a letter. Nor is a stop word ("IPO",
  // "Internet") or, for an organisation, a lone given name ("Harry"), unless
  // an ORG_KIND word of one or two words is right before it ("Tech Startup
  // Maya Secures $2M", "Công ty Hương").
  const std::string_view shaped = Slice(ctx.text, start, end);
  if (std::none_of(shaped.begin(), shaped.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) || (ch & 0x80); }))
    return;
  if (gazetteer.Lookup("NAME_STOPWORD", shaped) ||
      (type == "ORG" && gazetteer.Lookup("GIVEN_NAME", shaped) && !AfterWordsOf(ctx, start, "ORG_KIND", 2)))
    return;
  // A headline's title case lets a pattern take words around the name. Not a
  // Vietnamese headline, written as a sentence: there the name a pattern found is
  // whole ("Hiệp hội các nhà sản xuất ô tô Việt Nam" became "Việt Nam", which the
  // body names on its own).
  if (type == "ORG" && ctx.language != 0 && core.empty() && start < HeadlineEnd(ctx.text) && !known())
    TrimToDocumentForm(ctx.text, start, end);
  // A list item or a name known by its context that is shaped like a person
  // ("led by Gokul Rajaram, ...") is left to the people pass, which reads it
  // as a person; an organisation's legal form or kind word makes a core.
  if (type == "ORG" && core.empty() && (weak || priority <= 6) && !known() &&
      LooksLikeAPerson(gazetteer, Slice(ctx.text, start, end)))
    return;
  // "Công ty Trung Quốc" is a Chinese company, not one named China: a place
  // right after kind words alone (ORG_KIND) says where the company is from.
  // After what the company does, the place is part of its name: "Ngân hàng
  // Xuất nhập khẩu Trung Quốc", "Công ty Đầu tư và Phát triển Campuchia".
  if (type == "ORG" && !core.empty() && gazetteer.Lookup("LOC", core) && PlaceAfterKindOnly(ctx, start, core)) return;
  Candidate c;
  c.entity.type = *EntityTypeFromName(type);
  c.entity.start = start;
  c.entity.end = end;
  c.entity.text = std::string(Slice(ctx.text, start, end));
  const GazetteerEntry* entry = known();
  if (!entry && !core.empty()) entry = gazetteer.Lookup(type, core);
  if (!entry && type == "ORG" && ctx.language == 0 && EndsInsideCompound(ctx, start, end)) return;
  c.entity.name = entry ? entry->canonical : type == "ORG" ? OrgName(c.entity.text) : c.entity.text;
  // A stop word kept as a kind word of the name ("Quỹ đầu tư mạo hiểm Lotus Peak
  // Capital", ShapeNameSpan) names the organisation by its core, as "Quỹ Lotus
  // Peak Capital" does; the mention's text keeps the whole.
  if (!entry && type == "ORG" && !core.empty() && core.size() < c.entity.text.size()) {
    const std::string_view first = Slice(ctx.text, start, std::min(end, ctx.text.find(' ', start)));
    if (gazetteer.Lookup("NAME_STOPWORD", first) && !gazetteer.Lookup("ORG_KIND_ORIGIN", first))
      c.entity.name = OrgName(core);
  }
  c.priority = entry ? std::max(priority, kGazetteerPriority) : priority;
  c.weak = weak;
  out.push_back(std::move(c));
}

// MONEY, DATE and PERCENT are named by their value, so that "Quý 1 năm 2025"
// and "Q1 2025" are the same name: "2025-Q1", "92%", "2500000 USD".
std::string ValueName(const Entity& e) {
  auto number = [](double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return std::string(buf);
  };
  if (e.money) {
    std::string name = number(e.money->amount);
    if (e.money->amount_max) {
      name += '-';  // appended, not "-" + ...: g++ 12 warns falsely on that (PR 105651)
      name += number(*e.money->amount_max);
    }
    return name + " " + e.money->currency;
  }
  if (!e.date.empty()) return e.date;
  if (e.percent) return number(*e.percent) + "%";
  return e.text;
}

// Runs `rule` over each of `sentences`, in order.
void RunRule(const PassContext& ctx, const CompiledRule& rule, const std::vector<text::Span>& sentences,
             std::vector<Candidate>& out) {
  const Gazetteer& gazetteer = ctx.rules.gazetteer;
  const std::string& type = rule.spec.type;
  ForEachMatchInSpans(rule, ctx.text, /*whole_words=*/true, sentences, [&](std::size_t, const RuleMatch& m) {
    if (type == "ORG" || type == "LOC") {
      if (const Capture* list = m.First("list")) {
        for (auto [b, e] : ListItems(ctx.text, list->start, list->end))
          if (e - b <= 80 && !(ctx.language == 1 && DescribesAPersonsRole(gazetteer, Slice(ctx.text, b, e))))
            AddNameCandidate(ctx, type, b, e, {}, rule.spec.priority, /*weak=*/true, out);
        return;
      }
      const Capture* name = m.First("name");
      const Capture* core = m.First("core");
      AddNameCandidate(ctx, type, name ? name->start : m.start, name ? name->end : m.end,
                       core ? Slice(ctx.text, core->start, core->end) : std::string_view(),
                       rule.spec.priority, false, out);
      return;
    }
    Candidate c;
    c.entity.type = *EntityTypeFromName(type);
    c.entity.start = m.start;
    c.entity.end = m.end;
    c.entity.text = std::string(Slice(ctx.text, m.start, m.end));
    c.priority = rule.spec.priority;
    const Fields fields = m.AsFields(ctx.text);
    if (type == "MONEY") {
      c.entity.money = MoneyFromFields(fields, ctx.number_style, gazetteer);
      if (!c.entity.money) return;
    } else if (type == "DATE") {
      auto date = DateFromFields(fields, gazetteer, ctx.published);
      if (!date) return;
      c.entity.date = *date;
    } else if (type == "PERCENT") {
      c.entity.percent = PercentFromFields(fields, ctx.number_style);
      if (!c.entity.percent) return;
    }
    c.entity.name = ValueName(c.entity);
    out.push_back(std::move(c));
  });
}

// Longest first, then higher priority, then earlier; weak candidates only
// where nothing else is. The candidates are ordered by index (an Entity is
// costly to move), and each is checked against the accepted spans kept
// sorted by start: accepted spans do not overlap, so their ends are sorted
// too, and only the last one that starts before the candidate's end can
// reach into it. An empty span breaks that order; the rare document with
// one is checked against every accepted span, as before.
std::vector<Entity> Resolve(std::vector<Candidate> candidates) {
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const Candidate& a = candidates[i];
    const Candidate& b = candidates[j];
    if (a.weak != b.weak) return !a.weak;
    const auto la = a.entity.end - a.entity.start, lb = b.entity.end - b.entity.start;
    if (!a.weak && la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.entity.start < b.entity.start;
  });
  const bool any_empty = std::any_of(candidates.begin(), candidates.end(),
                                     [](const Candidate& c) { return c.entity.end <= c.entity.start; });
  std::vector<Entity> accepted;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // accepted, by start
  for (std::size_t i : order) {
    Candidate& c = candidates[i];
    const std::size_t start = c.entity.start, end = c.entity.end;
    bool overlaps = false;
    if (any_empty) {
      overlaps = std::any_of(spans.begin(), spans.end(),
                             [&](const auto& e) { return start < e.second && e.first < end; });
    } else {
      // The first accepted span that starts at or after `end` cannot
      // overlap, nor can any after it; of those before, the last ends last.
      const auto after = std::lower_bound(spans.begin(), spans.end(), std::make_pair(end, std::size_t{0}));
      overlaps = after != spans.begin() && start < std::prev(after)->second;
    }
    if (overlaps) continue;
    spans.insert(std::upper_bound(spans.begin(), spans.end(), std::make_pair(start, end)), {start, end});
    accepted.push_back(std::move(c.entity));
  }
  std::sort(accepted.begin(), accepted.end(), [](const Entity& a, const Entity& b) { return a.start < b.start; });
  return accepted;
}

// A bare "$" is the US dollar unless the document says otherwise: amounts
// written with one other dollar sign ("A$12 million") and none with the US
// one, or, with no dollar sign but "$", the stock markets it names
// (DOLLAR_MARKET: "ASX" for AUD, "TSXV" for CAD) when they all agree.
void ReadBareDollars(const Gazetteer& gazetteer, std::vector<Entity>& entities) {
  auto is_bare = [](const Entity& e) { return !e.text.empty() && e.text[0] == '$'; };
  std::vector<std::string> explicit_dollars, markets;
  bool explicit_us = false;
  for (const Entity& e : entities) {
    if (e.type == EntityType::kMoney && e.money && !is_bare(e) && e.text.find('$') != std::string::npos) {
      if (e.money->currency == "USD") explicit_us = true;
      else if (std::find(explicit_dollars.begin(), explicit_dollars.end(), e.money->currency) == explicit_dollars.end())
        explicit_dollars.push_back(e.money->currency);
    } else if (e.type == EntityType::kMoney && e.money && e.money->currency == "USD" && !is_bare(e)) {
      explicit_us = true;  // "USD", "US dollars"
    } else if (e.type == EntityType::kOrg) {
      const GazetteerEntry* market = gazetteer.Lookup("DOLLAR_MARKET", e.text);
      if (!market) market = gazetteer.Lookup("DOLLAR_MARKET", e.name);
      if (market && std::find(markets.begin(), markets.end(), market->canonical) == markets.end())
        markets.push_back(market->canonical);
    }
  }
  std::string currency;
  if (explicit_us) return;
  if (explicit_dollars.size() == 1) currency = explicit_dollars.front();
  else if (explicit_dollars.empty() && markets.size() == 1) currency = markets.front();
  if (currency.empty() || currency == "USD") return;
  for (Entity& e : entities) {
    if (e.type != EntityType::kMoney || !e.money || e.money->currency != "USD" || !is_bare(e)) continue;
    e.money->currency = currency;
    e.name = ValueName(e);
  }
}

// Whether a one-word place or organisation is written as one of its aliases,
// case aside: the gazetteer's keys fold accents, and in a Vietnamese text a
// syllable with other marks is another word ("Y" of "ngành Y tế" is no "Ý",
// Italy; "Gã" is no "Ga.", Georgia; "Xài" no "xAI").
bool OneWordNameAsSpelt(std::string_view text, const GazetteerEntry& entry) {
  return text.find(' ') != std::string_view::npos || SpeltAsInAnyCase(&entry, text);
}

// Whether a one-word name [start, end) is followed, after a space, by an
// ORG_COMPOUND_TAIL syllable as spelt (FindMentions says why).
bool BeforeACompoundTail(const Gazetteer& gazetteer, std::string_view text, std::size_t start, std::size_t end) {
  if (Slice(text, start, end).find(' ') != std::string_view::npos) return false;
  if (end + 1 >= text.size() || text[end] != ' ') return false;
  const std::string_view next = Slice(text, end + 1, WordEnd(text, end + 1));
  return SpeltAs(gazetteer.Lookup("ORG_COMPOUND_TAIL", next), next);
}

// "Vĩnh" found as Vinh: the text carries marks that the entry's canonical
// name, plain ASCII, lacks.
bool MarksTheNameLacks(std::string_view text, const GazetteerEntry& entry) {
  return HasNonAscii(text) && !HasNonAscii(entry.canonical);
}

// "Lưu Đức Khánh", "Nguyễn Đức Chung": a one-word place ("Đức", Germany)
// after a capitalised syllable, in a run of three or more, is part of a
// person's or a company's name; so is one in some runs of two (below).
// `loose_marks`: the gazetteer found the place by an alias without the
// marks the text has (MarksTheNameLacks).
bool InsideVietnameseName(std::string_view text, std::size_t start, std::size_t end, bool loose_marks) {
  if (Slice(text, start, end).find(' ') != std::string_view::npos) return false;
  auto capitalised_word_before = [&](std::size_t pos) -> std::optional<std::size_t> {
    if (pos < 2 || text[pos - 1] != ' ') return std::nullopt;
    // "Hàn Quốc, Pháp": a list's comma ends the name before it.
    if (std::string_view(",.;:").find(text[pos - 2]) != std::string_view::npos) return std::nullopt;
    std::size_t w = pos - 1;
    while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n') --w;
    if (w >= pos - 1 || !StartsUpper(Slice(text, w, pos - 1))) return std::nullopt;
    return w;
  };
  auto capitalised_word_after = [&](std::size_t pos) -> std::optional<std::size_t> {
    if (pos + 1 >= text.size() || text[pos] != ' ') return std::nullopt;
    std::size_t w = pos + 1;
    while (w < text.size() && text[w] != ' ' && text[w] != '\n' && text[w] != ',' && text[w] != '.') ++w;
    if (w == pos + 1 || !StartsUpper(Slice(text, pos + 1, w))) return std::nullopt;
    return w;
  };
  int before = 0, after = 0;
  std::size_t p = start;
  while (auto w = capitalised_word_before(p)) ++before, p = *w;
  p = end;
  while (auto w = capitalised_word_after(p)) ++after, p = *w;
  // A place that starts the run is no syllable of it: "Tổng thống Belarus
  // Alexander Lukashenko", "Chủ tịch Cuba Raul Castro".
  if (before >= 1 && before + after >= 2) return true;
  // A run of two after a lower-case word is one name too: "biển Thừa Đức",
  // "lăng Tự Đức", "hoa hậu Phương Nga" (a word with a lower-case letter
  // before the place, not a compass word: "miền Trung Mexico" stays Mexico,
  // "LB Nga" Russia), and "hành tím Vĩnh Châu", "nhiệt điện Vĩnh Tân 2" (a
  // syllable with marks the place's name lacks, Vinh, and a word after it).
  // After a sentence's first word ("Tại Mỹ", "Báo Mỹ:", "... mình\". Ở
  // Dallas") the place stays.
  // A word not in ASCII capitals only, as acronyms are ("LB", "TP.HCM").
  const auto not_ascii_capitals = [&](std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char c) {
      return std::islower(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
  };
  const std::string_view place = Slice(text, start, end);
  if (!not_ascii_capitals(place)) return false;
  // A number ends the run ("Vĩnh Tân 2").
  const auto first_after = capitalised_word_after(end);
  const auto second_after = first_after ? capitalised_word_after(*first_after) : std::nullopt;
  const bool number_after =
      after == 2 && second_after && std::isdigit(static_cast<unsigned char>(text[*second_after - 1]));
  if (before + after - (number_after ? 1 : 0) != 1) return false;
  const std::size_t run_start = before == 1 ? *capitalised_word_before(start) : start;
  if (run_start < 2 || text[run_start - 1] != ' ') return false;
  std::size_t w = run_start - 1;
  while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n') --w;
  const std::string_view word_before_run = Slice(text, w, run_start - 1);
  // A photo credit's run of two is a person's name: "(Ảnh: Trọng Đức/TTXVN)", "Nguồn: Doãn Đức"
  // (round 11).
  static constexpr std::string_view kCreditWords[] = {"Ảnh:", "(Ảnh:", "ảnh:", "Nguồn:", "(Nguồn:"};
  if (std::find(std::begin(kCreditWords), std::end(kCreditWords), word_before_run) != std::end(kCreditWords))
    return true;
  if (word_before_run.empty() || StartsUpper(word_before_run) || !not_ascii_capitals(word_before_run))
    return false;
  // "... mình". Ở Dallas": a sentence's end before the run.
  if (std::string_view(".!?:;\"”)").find(word_before_run.back()) != std::string_view::npos) return false;
  if (before == 1) {
    const std::string_view first = Slice(text, run_start, start - 1);
    static constexpr std::string_view kCompass[] = {"Bắc", "Nam", "Đông", "Tây", "Trung"};
    return not_ascii_capitals(first) &&
           std::find(std::begin(kCompass), std::end(kCompass), first) == std::end(kCompass);
  }
  return loose_marks;
}

}  // namespace

std::vector<Entity> FindMentions(const PassContext& ctx) {
  std::vector<Candidate> candidates;
  const text::KeyedText keyed = text::MakeKeyedText(ctx.text);
  for (const auto& m : ctx.rules.gazetteer.FindMentions(ctx.text, keyed)) {
    if (ctx.language == 0 && (m.entry->type == "LOC" || m.entry->type == "ORG") &&
        !OneWordNameAsSpelt(Slice(ctx.text, m.start, m.end), *m.entry))
      continue;
    // "Đảng ủy", "Đảng bộ": a one-word organisation right before an
    // ORG_COMPOUND_TAIL syllable, as spelt, is a syllable of another word (a
    // unit's party committee, not the Party); "trái phiếu Chính phủ": one right
    // after one or two ORG_PRODUCT_WORD words, as spelt, names a product of it, a
    // government bond (round 15).
    if (ctx.language == 0 && m.entry->type == "ORG" &&
        (BeforeACompoundTail(ctx.rules.gazetteer, ctx.text, m.start, m.end) ||
         AfterWordsOf(ctx, m.start, "ORG_PRODUCT_WORD", 2, /*as_spelt=*/true)))
      continue;
    // "VN-Index", "HNX-Index": a stock index named after a market or a country names
    // neither (round 15).
    if (m.entry->type != "PER" && ctx.text.substr(m.end, 6) == "-Index") continue;
    if (ctx.language == 0 && m.entry->type == "LOC" &&
        InsideVietnameseName(ctx.text, m.start, m.end,
                             MarksTheNameLacks(Slice(ctx.text, m.start, m.end), *m.entry)))
      continue;
    // A firm's name only where it is a place's too ("Trương Hòa Bình" is neither the province nor
    // the builder Hòa Bình; in "Tôn Hoa Sen" the steel maker stays).
    if (ctx.language == 0 && m.entry->type != "PER" &&
        (m.entry->type == "LOC" || ctx.rules.gazetteer.Lookup("LOC", Slice(ctx.text, m.start, m.end))) &&
        NamesAPerson(ctx.rules.gazetteer, ctx.text, m.start, m.end, m.entry))
      continue;
    // The English counterpart: a one-word place or firm right after a known
    // given name, as spelt, is the person's family name ("CEO Anna Ford" is
    // no mention of Ford; "George Washington"), which the people pass reads.
    if (ctx.language != 0 && m.entry->type != "PER" &&
        Slice(ctx.text, m.start, m.end).find(' ') == std::string_view::npos &&
        AfterWordsOf(ctx, m.start, "GIVEN_NAME", 1, /*as_spelt=*/true))
      continue;
    if (ctx.language != 0 && m.entry->type == "LOC" && StartsAPersonsName(ctx.rules.gazetteer, ctx.text, m.start, m.end))
      continue;
    Candidate c;
    c.entity.type = *EntityTypeFromName(m.entry->type);
    c.entity.start = m.start;
    c.entity.end = m.end;
    c.entity.text = std::string(Slice(ctx.text, m.start, m.end));
    c.entity.name = m.entry->canonical;
    c.priority = kGazetteerPriority;
    candidates.push_back(std::move(c));
  }
  // Sentence by sentence: the prefilter then rules out most rules for most
  // sentences, so a rule runs only where it may match. Mentions never span a
  // sentence end.
  //
  // Rule by rule, each over every sentence where it may match: a rule's DFA
  // then stays in the CPU's caches for the document. The order of the
  // candidates changes, not the result: Resolve orders them by length,
  // priority and start, and two candidates with the same start come from the
  // same sentence, where they keep the rules' order.
  const std::vector<const CompiledRule*>& pass_rules = ctx.rules.For(Pass::kMentions, ctx.language).rules;
  const auto sentences_of_rule =
      CandidateSentencesByRule(ctx.rules, Pass::kMentions, ctx.language, ctx.text, ctx.sentences);
  std::vector<text::Span> spans;
  for (std::size_t r = 0; r < pass_rules.size(); ++r) {
    if (sentences_of_rule[r].empty()) continue;
    spans.clear();
    for (std::size_t i : sentences_of_rule[r]) spans.push_back(ctx.sentences[i]);
    RunRule(ctx, *pass_rules[r], spans, candidates);
  }
  std::vector<Entity> entities = Resolve(std::move(candidates));
  ReadBareDollars(ctx.rules.gazetteer, entities);
  AddDocumentAliases(ctx.rules.gazetteer, ctx.text, /*vietnamese=*/ctx.language == 0, entities);
  return entities;
}

}  // namespace pw::extract
