// Pass 1: names, money, dates and percentages found in the plain text.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <string>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract/gazetteer.h"
#include "extract/matcher.h"
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

// Drops words of the gazetteer type NAME_STOPWORD from the front of a name a
// pattern found ("The Sovico Group" -> "Sovico Group"), moving `start`.
void TrimLeadingStopwords(const Gazetteer& gazetteer, std::string_view text, std::size_t& start,
                          std::size_t end) {
  while (start < end) {
    std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos || space >= end) return;
    if (!gazetteer.Lookup("NAME_STOPWORD", Slice(text, start, space))) return;
    start = space + 1;
  }
}

// Items of a captured list: split at ", ", " và ", " and ", " & ", ";".
std::vector<std::pair<std::size_t, std::size_t>> ListItems(std::string_view text, std::size_t b, std::size_t e) {
  std::vector<std::pair<std::size_t, std::size_t>> items;
  static constexpr std::string_view kSeparators[] = {", và ", ", and ", ", ", " và ", " and ", " & ", "; "};
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
  // Trim spaces and trailing punctuation of each item.
  for (auto& [s, t] : items) {
    while (s < t && (text[s] == ' ' || text[s] == ',')) ++s;
    while (t > s && (text[t - 1] == ' ' || text[t - 1] == ',' || text[t - 1] == '.')) --t;
  }
  return items;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c) || u_isdigit(c));
}

// The name of an organisation a pattern found, without its legal form, so
// that "Polyrizon Ltd." and "Polyrizon", or "Intuitive Machines, Inc." and
// "Intuitive Machines", are one organisation.
std::string OrgName(std::string_view text) {
  static constexpr std::string_view kForms[] = {", Inc.", ", Inc", " Inc.", " Inc", " Pte. Ltd.", " Pte Ltd", " Co., Ltd.",
                                                " Co. Ltd.", ", Ltd.", " Ltd.", " Ltd", " LLC", ", LLC", " Corp.",
                                                " Corp", " PLC", " plc", " Limited"};
  for (std::string_view form : kForms)
    if (text.size() > form.size() + 1 && text.substr(text.size() - form.size()) == form)
      return std::string(text.substr(0, text.size() - form.size()));
  return std::string(text);
}

void AddNameCandidate(const PassContext& ctx, const std::string& type, std::size_t start, std::size_t end,
                      std::string_view core, int priority, bool weak, std::vector<Candidate>& out) {
  const Gazetteer& gazetteer = ctx.rules.gazetteer;
  TrimLeadingStopwords(gazetteer, ctx.text, start, end);
  // "Johns Hopkins Alumni's Somnair": the name is what follows the possessive.
  for (std::string_view possessive : {std::string_view("’s "), std::string_view("'s ")}) {
    const std::size_t p = Slice(ctx.text, start, end).rfind(possessive);
    if (p != std::string_view::npos) start += p + possessive.size();
  }
  if (end <= start) return;
  Candidate c;
  c.entity.type = *EntityTypeFromName(type);
  c.entity.start = start;
  c.entity.end = end;
  c.entity.text = std::string(Slice(ctx.text, start, end));
  const GazetteerEntry* entry = gazetteer.Lookup(type, c.entity.text);
  if (!entry && !core.empty()) entry = gazetteer.Lookup(type, core);
  c.entity.name = entry ? entry->canonical : type == "ORG" ? OrgName(c.entity.text) : c.entity.text;
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
    if (e.money->amount_max) name += "-" + number(*e.money->amount_max);
    return name + " " + e.money->currency;
  }
  if (!e.date.empty()) return e.date;
  if (e.percent) return number(*e.percent) + "%";
  return e.text;
}

void RunRule(const PassContext& ctx, const CompiledRule& rule, const text::Span& sentence,
             std::vector<Candidate>& out) {
  const Gazetteer& gazetteer = ctx.rules.gazetteer;
  const std::string& type = rule.spec.type;
  ForEachMatch(rule, ctx.text, /*whole_words=*/true, [&](const RuleMatch& m) {
    if (type == "ORG" || type == "LOC") {
      if (const Capture* list = m.First("list")) {
        for (auto [b, e] : ListItems(ctx.text, list->start, list->end))
          if (e > b && StartsUpper(Slice(ctx.text, b, e)) && e - b <= 80)
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
  }, sentence.begin, sentence.end);
}

// Longest first, then higher priority, then earlier; weak candidates only
// where nothing else is.
std::vector<Entity> Resolve(std::vector<Candidate> candidates) {
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.weak != b.weak) return !a.weak;
    const auto la = a.entity.end - a.entity.start, lb = b.entity.end - b.entity.start;
    if (!a.weak && la != lb) return la > lb;
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.entity.start < b.entity.start;
  });
  std::vector<Entity> accepted;
  for (auto& c : candidates) {
    const bool overlaps = std::any_of(accepted.begin(), accepted.end(), [&](const Entity& e) {
      return c.entity.start < e.end && e.start < c.entity.end;
    });
    if (!overlaps) accepted.push_back(std::move(c.entity));
  }
  std::sort(accepted.begin(), accepted.end(), [](const Entity& a, const Entity& b) { return a.start < b.start; });
  return accepted;
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

// Names that hold for the whole document: an acronym defined in parentheses
// ("Trung tâm Đổi mới sáng tạo Quốc gia (NIC)": NIC), and a name a pattern
// found once ("investment in Babylon": every other "Babylon" too). Each
// further whole-word occurrence becomes a mention of the same entity.
void AddDocumentAliases(std::string_view text, std::vector<Entity>& entities) {
  std::vector<std::pair<std::string, const Entity*>> aliases;
  for (const Entity& e : entities) {
    if (e.type != EntityType::kOrg && e.type != EntityType::kLoc) continue;
    if (e.type == EntityType::kOrg && e.text.size() >= 3 && StartsUpper(e.text)) aliases.emplace_back(e.text, &e);
    std::size_t p = e.end;
    if (p < text.size() && text[p] == ' ') ++p;
    if (p >= text.size() || text[p] != '(') continue;
    const std::size_t close = text.find(')', p);
    if (close == std::string_view::npos || close - p > 12) continue;
    const std::string_view acronym = text.substr(p + 1, close - p - 1);
    if (IsAcronymText(acronym)) aliases.emplace_back(std::string(acronym), &e);
  }
  // One search per alias text: the first entity that gives it claims every
  // occurrence, so a name given again adds nothing but a scan of the text
  // (5,000 times the same name took 80 s: tests/data/fuzz/extract/hostile-a-name-5000-times).
  std::set<std::string> seen;
  aliases.erase(std::remove_if(aliases.begin(), aliases.end(),
                               [&seen](const auto& alias) { return !seen.insert(alias.first).second; }),
                aliases.end());
  std::vector<Entity> added;
  auto overlaps = [](const std::vector<Entity>& list, std::size_t b, std::size_t e) {
    return std::any_of(list.begin(), list.end(), [&](const Entity& x) { return b < x.end && x.start < e; });
  };
  for (const auto& [alias, owner] : aliases) {
    std::size_t pos = 0;
    while ((pos = text.find(alias, pos)) != std::string_view::npos) {
      const std::size_t end = pos + alias.size();
      if (IsWordBoundary(text, pos) && IsWordBoundary(text, end) && !overlaps(entities, pos, end) &&
          !overlaps(added, pos, end)) {
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

}  // namespace

std::vector<Entity> FindMentions(const PassContext& ctx) {
  std::vector<Candidate> candidates;
  const text::KeyedText keyed = text::MakeKeyedText(ctx.text);
  for (const auto& m : ctx.rules.gazetteer.FindMentions(ctx.text, keyed)) {
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
  for (const text::Span& sentence : ctx.sentences) {
    const std::string_view s = Slice(ctx.text, sentence.begin, sentence.end);
    for (const CompiledRule* rule : CandidateRules(ctx.rules, Pass::kMentions, ctx.language, s))
      RunRule(ctx, *rule, sentence, candidates);
  }
  std::vector<Entity> entities = Resolve(std::move(candidates));
  AddDocumentAliases(ctx.text, entities);
  return entities;
}

}  // namespace pw::extract
