// Pass 3: funding announcements and events, sentence by sentence.
#include <algorithm>

#include "extract/funding_records.h"
#include "extract/gazetteer.h"
#include "extract/masked_text.h"
#include "extract/matcher.h"
#include "extract/passes.h"
#include "text/search_key.h"

namespace pw::extract {

namespace {

// Names of the ORG (and PER) entities inside a capture.
std::vector<std::string> PartiesIn(const MaskedText& masked, const std::vector<Entity>& entities,
                                   std::size_t begin, std::size_t end) {
  std::vector<std::string> names;
  for (std::size_t i : masked.EntitiesIn(begin, end))
    if (entities[i].type == EntityType::kOrg || entities[i].type == EntityType::kPer)
      AddUnique(names, entities[i].name);
  return names;
}

class RelationBuilder {
 public:
  RelationBuilder(const PassContext& ctx, const std::vector<Entity>& entities)
      : ctx_(ctx), entities_(entities), masked_(ctx.text, entities) {}

  void Run(std::vector<FundingRecord>& funding, std::vector<Event>& events) {
    const std::string& m = masked_.str();
    struct Pending {
      Sentence sentence;
      std::vector<const CompiledRule*> rules;
      bool vetoed = false;
      std::vector<std::size_t> vetoed_amounts;  // MONEY entities
    };
    std::vector<Pending> pending;
    FundingRecords records(ctx_, entities_, masked_);
    // First the not-funding rules of every sentence: an amount they rule out
    // is ruled out in the whole document. One that captures an amount rules
    // out that amount ("được định giá 1,73 tỷ USD": a valuation, not the raise
    // told before it); one without rules out its whole sentence.
    //
    // Every funding and event rule names an entity ({ORG}, {MONEY}, {LOC},
    // ...): a sentence without one gives no fact, and its vetoes would rule
    // out no amount. The prefilter runs over all the others at once (faster
    // than sentence by sentence: each Set stays in the caches); it sees a
    // byte of context either side, which can only let through a rule that
    // then finds nothing in the sentence alone.
    std::vector<text::Span> masked_spans;
    for (const text::Span& span : ctx_.sentences) {
      Pending p{{span.begin, span.end, masked_.ToMasked(span.begin), masked_.ToMasked(span.end)}, {}, false, {}};
      const Sentence& s = p.sentence;
      if (s.masked_end <= s.masked_begin) continue;
      const std::string_view sentence(m.data() + s.masked_begin, s.masked_end - s.masked_begin);
      if (sentence.find(kTokenOpen) == std::string_view::npos) continue;
      masked_spans.push_back({s.masked_begin, s.masked_end});
      pending.push_back(std::move(p));
    }
    auto candidates = CandidateRulesBySentence(ctx_.rules, Pass::kRelations, ctx_.language, m, masked_spans);
    for (std::size_t k = 0; k < pending.size(); ++k) {
      Pending& p = pending[k];
      const Sentence& s = p.sentence;
      const std::string_view sentence(m.data() + s.masked_begin, s.masked_end - s.masked_begin);
      p.rules = std::move(candidates[k]);
      for (const CompiledRule* rule : p.rules) {
        if (rule->spec.kind != RuleKind::kNotFunding) continue;
        ForEachMatch(*rule, sentence, /*whole_words=*/false, [&](const RuleMatch& match) {
          Trace(*rule, sentence, match);
          if (const Capture* amount = match.First("amount"))
            for (std::size_t i : masked_.EntitiesIn(s.masked_begin + amount->start, s.masked_begin + amount->end,
                                                    EntityType::kMoney))
              p.vetoed_amounts.push_back(i);
          else
            p.vetoed = true;
        });
      }
      if (p.vetoed) p.vetoed_amounts = masked_.EntitiesIn(s.masked_begin, s.masked_end, EntityType::kMoney);
      const auto veto = p.vetoed ? FundingRecords::Veto::kDeal : FundingRecords::Veto::kAmount;
      for (std::size_t i : p.vetoed_amounts)
        if (entities_[i].money) records.RuleOut(*entities_[i].money, veto);
    }
    for (const Pending& p : pending) {
      const Sentence& s = p.sentence;
      const std::string_view sentence(m.data() + s.masked_begin, s.masked_end - s.masked_begin);
      for (const CompiledRule* rule : p.rules) {
        if (rule->spec.kind == RuleKind::kNotFunding) continue;
        if (rule->spec.kind == RuleKind::kFunding && p.vetoed) continue;
        ForEachMatch(*rule, sentence, /*whole_words=*/false, [&](const RuleMatch& match) {
          Trace(*rule, sentence, match);
          if (rule->spec.kind == RuleKind::kFunding) records.Add(match, s);
          else OnEvent(*rule, match, s, events);
        });
      }
    }
    funding = records.Finish();
  }

 private:
  // "en.raised: <ORG3> has raised <MONEY5> ..." for ExtractOptions::trace.
  void Trace(const CompiledRule& rule, std::string_view sentence, const RuleMatch& match) const {
    if (!ctx_.trace) return;
    std::string line = rule.spec.name + ": ";
    const std::string_view matched = sentence.substr(match.start, match.end - match.start);
    for (std::size_t i = 0; i < matched.size(); ++i) {
      if (matched.substr(i, kTokenOpen.size()) == kTokenOpen) {
        line += '<';
        i += kTokenOpen.size() - 1;
      } else if (matched.substr(i, kTokenClose.size()) == kTokenClose) {
        line += '>';
        i += kTokenClose.size() - 1;
      } else {
        line += matched[i];
      }
    }
    ctx_.trace->push_back(std::move(line));
  }

  std::string_view Original(const Sentence& s) const {
    return ctx_.text.substr(s.begin, s.end - s.begin);
  }

  std::vector<std::string> Parties(const Capture& c, const Sentence& s) const {
    return PartiesIn(masked_, entities_, s.masked_begin + c.start, s.masked_begin + c.end);
  }

  std::optional<std::size_t> FirstEntity(const Capture* c, const Sentence& s, EntityType type) const {
    if (!c) return std::nullopt;
    auto found = masked_.EntitiesIn(s.masked_begin + c->start, s.masked_begin + c->end, type);
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  void OnEvent(const CompiledRule& rule, const RuleMatch& match, const Sentence& s, std::vector<Event>& events) {
    Event fact;
    fact.type = rule.spec.type;
    if (const Capture* name = match.First("name")) {
      const std::size_t b = masked_.ToOriginal(s.masked_begin + name->start);
      const std::size_t e = masked_.ToOriginal(s.masked_begin + name->end);
      fact.name = std::string(ctx_.text.substr(b, e - b));
    }
    for (const auto& c : match.captures) {
      if (c.field == "participant") {
        for (const auto& p : Parties(c, s)) AddUnique(fact.participants, p);
      } else if (c.field == "location" && fact.location.empty()) {
        if (auto i = FirstEntity(&c, s, EntityType::kLoc)) fact.location = entities_[*i].name;
      } else if (c.field == "date" && fact.date.empty()) {
        if (auto i = FirstEntity(&c, s, EntityType::kDate)) fact.date = entities_[*i].date;
      }
    }
    if (fact.name.empty() && fact.participants.empty()) return;
    const std::string key = text::SearchKey(fact.name);
    Event* same = nullptr;
    for (auto& e : events)
      if (e.type == fact.type && !fact.name.empty() && text::SearchKey(e.name) == key) same = &e;
    if (!same) {
      AppendEvidence(fact.evidence, Original(s));
      events.push_back(std::move(fact));
      return;
    }
    for (const auto& p : fact.participants) AddUnique(same->participants, p);
    if (same->location.empty()) same->location = fact.location;
    if (same->date.empty()) same->date = fact.date;
    AppendEvidence(same->evidence, Original(s));
  }

  const PassContext& ctx_;
  const std::vector<Entity>& entities_;
  MaskedText masked_;
};

}  // namespace

void FindRelations(const PassContext& context, const std::vector<Entity>& entities,
                   std::vector<FundingRecord>& funding, std::vector<Event>& events) {
  RelationBuilder(context, entities).Run(funding, events);
}

}  // namespace pw::extract
