// Pass 2: people, with their titles and organisations.
#include <algorithm>

#include "extract/gazetteer.h"
#include "extract/masked_text.h"
#include "extract/matcher.h"
#include "extract/org_names.h"
#include "extract/passes.h"
#include "text/utf8.h"

namespace pw::extract {

namespace {

std::string LastWord(std::string_view name) {
  const std::size_t space = name.rfind(' ');
  return std::string(space == std::string_view::npos ? name : name.substr(space + 1));
}

// "ông Thịnh" after "ông Đỗ Tiến Thịnh": Vietnamese people are named by the
// last word of their name. The short mention takes the full name's canonical
// name (and so its title and organisation) when exactly one full name fits.
void JoinShortNames(std::vector<Entity>& entities) {
  for (Entity& e : entities) {
    if (e.type != EntityType::kPer || e.name.find(' ') != std::string::npos) continue;
    const Entity* full = nullptr;
    int fits = 0;
    for (const Entity& f : entities) {
      if (f.type != EntityType::kPer || f.name.find(' ') == std::string::npos) continue;
      if (LastWord(f.name) != e.name && LastWord(f.text) != e.text) continue;
      if (!full || full->name != f.name) ++fits;
      full = &f;
    }
    if (fits == 1) e.name = full->name;
  }
}

// "Pete and Kristen Marshall", "Sophia & John Lin": in an English text a
// known given name (GIVEN_NAME, as spelt) joined by "and" or "&" to a person
// of two words or more is a person of the same family name. The mention is
// the given name; the name is the given name and the other's last word.
void AddCouplesGivenNames(const PassContext& ctx, std::vector<Entity>& entities) {
  if (ctx.language == 0) return;
  const std::string_view text = ctx.text;
  std::vector<Entity> added;
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPer || e.text.find(' ') == std::string::npos) continue;
    std::size_t joiner = 0;
    for (std::string_view j : {std::string_view(" and "), std::string_view(" & ")})
      if (e.start >= j.size() && text.substr(e.start - j.size(), j.size()) == j) joiner = j.size();
    if (joiner == 0) continue;
    const std::size_t end = e.start - joiner;
    std::size_t start = end;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
    const std::string_view given = text.substr(start, end - start);
    if (given.empty() || !SpeltAs(ctx.rules.gazetteer.Lookup("GIVEN_NAME", given), given)) continue;
    const bool covered = std::any_of(entities.begin(), entities.end(), [&](const Entity& f) {
      return f.start < end && start < f.end;
    });
    if (covered) continue;
    Entity person;
    person.type = EntityType::kPer;
    person.start = start;
    person.end = end;
    person.text = std::string(given);
    person.name = person.text + " " + LastWord(e.text);
    added.push_back(std::move(person));
  }
  for (auto& p : added) entities.push_back(std::move(p));
}

}  // namespace

void FindPeople(const PassContext& ctx, std::vector<Entity>& entities) {
  const Gazetteer& gazetteer = ctx.rules.gazetteer;
  const MaskedText masked(ctx.text, entities);
  const std::string& m_text = masked.str();
  std::vector<Entity> found;
  // Sentence by sentence, as FindMentions, for the prefilter's sake.
  std::vector<text::Span> masked_sentences;
  masked_sentences.reserve(ctx.sentences.size());
  for (const text::Span& span : ctx.sentences) {
    const std::size_t mb = masked.ToMasked(span.begin), me = masked.ToMasked(span.end);
    if (me > mb) masked_sentences.push_back({mb, me});
  }
  // Rule by rule over the sentences where the prefilter lets each through
  // (ForEachMatchInSpans: one RE2 search for a run of sentences), the
  // matches kept by sentence; then handled sentence by sentence, in the
  // rules' order within one, as a search sentence by sentence would find
  // them: a person found first wins an overlap.
  const std::vector<const CompiledRule*>& pass_rules =
      ctx.rules.For(Pass::kPeople, ctx.language).rules;
  const auto sentences_of_rule =
      CandidateSentencesByRule(ctx.rules, Pass::kPeople, ctx.language, m_text, masked_sentences);
  std::vector<std::vector<RuleMatch>> matches_of_sentence(masked_sentences.size());
  std::vector<text::Span> spans;
  for (std::size_t r = 0; r < pass_rules.size(); ++r) {
    const std::vector<std::size_t>& indexes = sentences_of_rule[r];
    if (indexes.empty()) continue;
    spans.clear();
    for (std::size_t i : indexes) spans.push_back(masked_sentences[i]);
    ForEachMatchInSpans(*pass_rules[r], m_text, /*whole_words=*/true, spans, [&](std::size_t k, const RuleMatch& m) {
      matches_of_sentence[indexes[k]].push_back(m);
    });
  }
  auto handle_match = [&](const RuleMatch& m) {
    const Capture* name = m.First("name");
    if (!name) return;
    std::string title, organization;
    if (const Capture* t = m.First("title")) {
      const std::string raw = m_text.substr(t->start, t->end - t->start);
      const GazetteerEntry* entry = gazetteer.Lookup("TITLE", raw);
      title = entry ? entry->canonical : raw;
    }
    if (const Capture* o = m.First("org")) {
      auto orgs = masked.EntitiesIn(o->start, o->end, EntityType::kOrg);
      if (!orgs.empty()) organization = entities[orgs.front()].name;
    }
    // The name is either a person the gazetteer already found, or words.
    auto known = masked.EntitiesIn(name->start, name->end, EntityType::kPer);
    if (!known.empty()) {
      Entity& person = entities[known.front()];
      if (person.title.empty()) person.title = title;
      if (person.organization.empty()) person.organization = organization;
      return;
    }
    if (!masked.EntitiesIn(name->start, name->end).empty()) return;  // a name over another entity
    Entity person;
    person.type = EntityType::kPer;
    person.start = masked.ToOriginal(name->start);
    person.end = masked.ToOriginal(name->end);
    if (!TrimTrailingStopwords(gazetteer, ctx.text, person.start, person.end)) return;
    if (ctx.language == 0) TrimGluedOpener(gazetteer, ctx.text, person.start, person.end);
    person.text = std::string(ctx.text.substr(person.start, person.end - person.start));
    // One letter is an initial, which the press writes to keep a name back ("ông L.T.H",
    // "anh H."): no one's name (round 11).
    if (text::CodePointCount(person.text) == 1) return;
    const GazetteerEntry* entry = gazetteer.Lookup("PER", person.text);
    person.name = entry ? entry->canonical : person.text;
    person.title = title;
    person.organization = organization;
    const bool overlaps = std::any_of(found.begin(), found.end(), [&](const Entity& f) {
      return person.start < f.end && f.start < person.end;
    });
    if (!overlaps) found.push_back(std::move(person));
  };
  for (const auto& matches : matches_of_sentence)
    for (const RuleMatch& m : matches) handle_match(m);
  for (auto& p : found) entities.push_back(std::move(p));
  AddCouplesGivenNames(ctx, entities);
  std::sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) { return a.start < b.start; });
  JoinShortNames(entities);
  // Every mention of a person shares what any mention learnt of them.
  for (Entity& e : entities) {
    if (e.type != EntityType::kPer) continue;
    for (const Entity& other : entities) {
      if (other.type != EntityType::kPer || other.name != e.name) continue;
      if (e.title.empty()) e.title = other.title;
      if (e.organization.empty()) e.organization = other.organization;
    }
  }
}

}  // namespace pw::extract
