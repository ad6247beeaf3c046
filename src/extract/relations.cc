// Pass 3: funding announcements and events, sentence by sentence.
#include <algorithm>

#include "common/time.h"
#include "extract/gazetteer.h"
#include "extract/masked_text.h"
#include "extract/matcher.h"
#include "extract/passes.h"
#include "text/search_key.h"

namespace pw::extract {

namespace {

struct Sentence {
  std::size_t begin, end;                // original text
  std::size_t masked_begin, masked_end;  // masked text
};

void AddUnique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

void AppendEvidence(std::string& evidence, std::string_view sentence) {
  if (evidence.find(sentence) != std::string::npos) return;
  if (!evidence.empty()) evidence += ' ';
  evidence += sentence;
}

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
    for (const text::Span& span : ctx_.sentences) {
      Sentence s{span.begin, span.end, masked_.ToMasked(span.begin), masked_.ToMasked(span.end)};
      if (s.masked_end <= s.masked_begin) continue;
      const std::string_view sentence(m.data() + s.masked_begin, s.masked_end - s.masked_begin);
      const auto rules = CandidateRules(ctx_.rules, Pass::kRelations, ctx_.language, sentence);
      // A not-funding match that captures an amount rules out that amount
      // ("được định giá 1,73 tỷ USD": a valuation, not the raise told before
      // it); one without an amount rules out the whole sentence.
      bool vetoed = false;
      std::vector<std::size_t> vetoed_amounts;
      for (const CompiledRule* rule : rules) {
        if (rule->spec.kind != RuleKind::kNotFunding) continue;
        ForEachMatch(*rule, sentence, /*whole_words=*/false, [&](const RuleMatch& match) {
          const Capture* amount = match.First("amount");
          if (!amount) {
            vetoed = true;
            return;
          }
          for (std::size_t i : masked_.EntitiesIn(s.masked_begin + amount->start, s.masked_begin + amount->end,
                                                  EntityType::kMoney))
            vetoed_amounts.push_back(i);
        });
      }
      for (const CompiledRule* rule : rules) {
        if (rule->spec.kind == RuleKind::kNotFunding) continue;
        if (rule->spec.kind == RuleKind::kFunding && vetoed) continue;
        ForEachMatch(*rule, sentence, /*whole_words=*/false, [&](const RuleMatch& match) {
          if (rule->spec.kind == RuleKind::kFunding) {
            if (UsesAmount(match, s, vetoed_amounts)) return;
            OnFunding(*rule, match, s, funding);
          } else {
            OnEvent(*rule, match, s, events);
          }
        });
      }
    }
    Finish(funding);
  }

 private:
  std::string_view Original(const Sentence& s) const {
    return ctx_.text.substr(s.begin, s.end - s.begin);
  }

  // Whether the match's amount is one a not-funding rule ruled out.
  bool UsesAmount(const RuleMatch& match, const Sentence& s, const std::vector<std::size_t>& amounts) const {
    if (amounts.empty()) return false;
    for (const auto& c : match.captures) {
      if (c.field != "amount") continue;
      for (std::size_t i : masked_.EntitiesIn(s.masked_begin + c.start, s.masked_begin + c.end, EntityType::kMoney))
        if (std::find(amounts.begin(), amounts.end(), i) != amounts.end()) return true;
    }
    return false;
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

  // What one match says of a deal, before it joins a record.
  struct FundingFact {
    std::vector<std::string> investors;
    std::optional<double> amount;
    std::string round;
  };

  FundingFact ReadFundingFact(const RuleMatch& match, const Sentence& s) const {
    FundingFact fact;
    for (const auto& c : match.captures) {
      if (c.field == "investor" || c.field == "lead") {
        for (const auto& name : Parties(c, s)) AddUnique(fact.investors, name);
      } else if (c.field == "amount" && !fact.amount) {
        if (auto i = FirstEntity(&c, s, EntityType::kMoney); i && entities_[*i].money)
          fact.amount = entities_[*i].money->amount;
      } else if (c.field == "round" && fact.round.empty()) {
        fact.round = RoundOf(c, s);
      }
    }
    return fact;
  }

  std::string RoundOf(const Capture& c, const Sentence& s) const {
    const std::string raw(masked_.str().substr(s.masked_begin + c.start, c.end - c.start));
    const GazetteerEntry* e = ctx_.rules.gazetteer.Lookup("ROUND", raw);
    return e ? e->canonical : std::string();
  }

  static bool Compatible(const FundingRecord& r, const FundingFact& f) {
    if (!r.round.empty() && !f.round.empty() && r.round != f.round) return false;
    if (r.amount && f.amount && *r.amount != *f.amount) return false;
    if (!r.investors.empty() && !f.investors.empty() &&
        std::none_of(f.investors.begin(), f.investors.end(), [&](const std::string& i) {
          return std::find(r.investors.begin(), r.investors.end(), i) != r.investors.end();
        }))
      return false;
    return true;
  }

  void OnFunding(const CompiledRule& rule, const RuleMatch& match, const Sentence& s,
                 std::vector<FundingRecord>& funding) {
    const Capture* investee_capture = match.First("investee");
    std::string investee;
    if (investee_capture) {
      auto parties = Parties(*investee_capture, s);
      if (parties.empty()) return;
      investee = parties.front();
    }
    FundingFact fact = ReadFundingFact(match, s);
    FundingRecord* record = nullptr;
    if (!investee.empty()) {
      // The same deal told twice merges; a different round, amount or set of
      // investors for the same company is another deal.
      for (auto& r : funding)
        if (r.investee == investee && Compatible(r, fact)) record = &r;
      if (!record) {
        funding.push_back(FundingRecord{});
        record = &funding.back();
        record->investee = investee;
      }
    } else if (!funding.empty()) {
      record = &funding.back();  // "The round was led by X": the deal just named
    } else {
      return;
    }
    for (const auto& c : match.captures) {
      if (c.field == "investor" || c.field == "lead") {
        for (const auto& name : Parties(c, s)) {
          if (name == record->investee) continue;
          AddUnique(record->investors, name);
          if (c.field == "lead") AddUnique(record->lead_investors, name);
        }
      } else if (c.field == "amount" && !record->amount) {
        if (auto i = FirstEntity(&c, s, EntityType::kMoney); i && entities_[*i].money) {
          record->amount = entities_[*i].money->amount;
          record->currency = entities_[*i].money->currency;
        }
      } else if (c.field == "round" && record->round.empty()) {
        record->round = RoundOf(c, s);
      }
    }
    AppendEvidence(record->evidence, Original(s));
    (void)rule;
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

  void Finish(std::vector<FundingRecord>& funding) const {
    const std::string announced = ctx_.published ? FormatDay(*ctx_.published) : std::string();
    for (auto& r : funding) {
      // One named investor and nobody marked as lead: that investor leads.
      if (r.lead_investors.empty() && r.investors.size() == 1) r.lead_investors = r.investors;
      r.announced = announced;
    }
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
