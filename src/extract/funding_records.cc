#include "extract/funding_records.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/time.h"
#include "extract/gazetteer.h"
#include "extract/org_names.h"

namespace pw::extract {

void AddUnique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

void AppendEvidence(std::string& evidence, std::string_view sentence) {
  if (evidence.find(sentence) != std::string::npos) return;
  if (!evidence.empty()) {
    // A headline has no full stop: "... vào Quỹ GenAI Cũng tại sự kiện, ..."
    // would read as one sentence.
    const std::string_view last(evidence);
    const bool ends_sentence = last.ends_with(".") || last.ends_with("!") || last.ends_with("?") ||
                               last.ends_with(":") || last.ends_with(";") || last.ends_with(")") ||
                               last.ends_with("\"") || last.ends_with("'") || last.ends_with("\u2026") ||
                               last.ends_with("\u201D") || last.ends_with("\u2019");
    evidence += ends_sentence ? " " : " \u2026 ";
  }
  evidence += sentence;
}

namespace {

bool Equal(const Money& a, const Money& b) {
  return a.currency == b.currency && std::abs(a.amount - b.amount) <= 1e-9 * std::max(a.amount, b.amount);
}

}  // namespace

FundingRecords::FundingRecords(const PassContext& ctx, const std::vector<Entity>& entities, const MaskedText& masked)
    : ctx_(ctx),
      entities_(entities),
      masked_(masked),
      headline_end_(HeadlineEnd(ctx.text)),
      published_day_(ctx.published ? FormatDay(*ctx.published) : std::string()) {}

void FundingRecords::RuleOut(const Money& money, Veto veto) { ruled_out_.emplace_back(money, veto); }

std::optional<FundingRecords::Veto> FundingRecords::RuledOut(const Money& money) const {
  std::optional<Veto> found;
  for (const auto& [m, veto] : ruled_out_)
    if (Equal(m, money) && (!found || veto == Veto::kDeal)) found = veto;
  return found;
}

namespace {

constexpr int kMaxMarkerWords = 4;  // "on the heels of"

// Whether the words of `sentence` that end at `end` (a space follows them, or
// the sentence ends) are, one to kMaxMarkerWords of them, an entry of `type`.
bool WordsBeforeAre(const Gazetteer& gazetteer, std::string_view sentence, std::size_t end, std::string_view type) {
  std::size_t word = end;
  for (int words = 0; words < kMaxMarkerWords && word > 0; ++words) {
    const std::size_t space = sentence.rfind(' ', word - 1);
    word = space == std::string_view::npos ? 0 : space + 1;
    if (word >= end) return false;
    if (gazetteer.Lookup(type, sentence.substr(word, end - word))) return true;
    if (word == 0) return false;
    word -= 1;  // the space before
  }
  return false;
}

// Whether the words of `sentence` from `start` (a word's first letter) are,
// one to kMaxMarkerWords of them, an entry of `type`.
bool WordsFromAre(const Gazetteer& gazetteer, std::string_view sentence, std::size_t start, std::string_view type) {
  std::size_t end = start;
  for (int words = 0; words < kMaxMarkerWords && end < sentence.size(); ++words) {
    end = std::min(sentence.find(' ', end + 1), sentence.size());
    if (gazetteer.Lookup(type, sentence.substr(start, end - start))) return true;
  }
  return false;
}

// Whether a list's text before an item says its items are the companies of
// the people who invest (PEOPLE_OF: "founders of", "executives from", "angel
// investors from": the angels invest, not their firms).
bool NamesPeopleOf(const Gazetteer& gazetteer, std::string_view before) {
  for (std::size_t word = 0; word < before.size(); ++word) {
    if ((word == 0 || before[word - 1] == ' ') && before[word] != ' ' &&
        WordsFromAre(gazetteer, before, word, "PEOPLE_OF"))
      return true;
  }
  return false;
}

// Whether a list's text right before an organisation says it owns the party
// before it (OWNER_OF: "MP Healthcare Venture Management, a subsidiary of
// Mitsubishi Tanabe Pharma": the subsidiary invests, not its owner).
bool OwnsThePartyBefore(const Gazetteer& gazetteer, std::string_view before) {
  if (before.size() < 2 || before.back() != ' ') return false;
  const std::size_t last_word_end = before.size() - 1;
  return WordsBeforeAre(gazetteer, before, last_word_end, "OWNER_OF");
}

// Whether the masked text at `pos` goes on with one lower-case word, not a
// conjunction, and a person's token: " executive <PER>".
bool DescribesNextPerson(std::string_view m, std::size_t pos) {
  if (pos >= m.size() || m[pos] != ' ') return false;
  std::size_t i = pos + 1;
  const std::size_t word = i;
  while (i < m.size() && ((m[i] >= 'a' && m[i] <= 'z') || m[i] == '-')) ++i;
  if (i == word || i >= m.size() || m[i] != ' ') return false;
  // "Theta Capital and Vinodh Bhat" is a list of two parties.
  const std::string_view joiner = m.substr(word, i - word);
  if (joiner == "and" || joiner == "or" || joiner == "with" || joiner == "plus") return false;
  const std::string_view rest = m.substr(i + 1);
  return rest.starts_with(kTokenOpen) && rest.substr(kTokenOpen.size()).starts_with("PER");
}

// "Huma" and "Huma Therapeutics": one name, or the other followed by words
// that only say what kind of company it is (ORG_DESCRIPTOR). The record keeps
// the name it was first given.
bool SameCompany(const Gazetteer& gazetteer, std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty() || !b.starts_with(a) || b[a.size()] != ' ') return false;
  std::string_view rest = b.substr(a.size() + 1);
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    if (!gazetteer.Lookup("ORG_DESCRIPTOR", rest.substr(0, space))) return false;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return true;
}

}  // namespace

// The organisations and people a capture names as parties, without those a
// list item only describes: what stands in parentheses after an item
// ("Vinodh Bhat (Co-founder JioSaavn)") and a person who owns the next item
// ("Michael Terpin's Transform Ventures": the fund invests).
std::vector<std::string> FundingRecords::Parties(const Capture& c, const Sentence& s) const {
  const std::string& m = masked_.str();
  const std::size_t begin = s.masked_begin + c.start;
  std::vector<std::string> names;
  for (std::size_t i : masked_.EntitiesIn(begin, s.masked_begin + c.end)) {
    const Entity& e = entities_[i];
    if (e.type != EntityType::kOrg && e.type != EntityType::kPer) continue;
    const std::size_t token = masked_.ToMasked(e.start);
    const std::string_view before(m.data() + begin, token > begin ? token - begin : 0);
    if (std::count(before.begin(), before.end(), '(') > std::count(before.begin(), before.end(), ')')) continue;
    // "angel investors including founders of Postman, Chargebee": people of
    // those companies invest, not the companies.
    const std::size_t lead_in = std::max(s.masked_begin, begin >= 40 ? begin - 40 : 0);
    const std::string_view lead_in_text = std::string_view(m).substr(lead_in, token - lead_in);
    if (e.type == EntityType::kOrg && NamesPeopleOf(ctx_.rules.gazetteer, lead_in_text)) continue;
    if (e.type == EntityType::kOrg && OwnsThePartyBefore(ctx_.rules.gazetteer, before)) continue;
    // "former Google executive Sarah Collins": the company describes the person.
    if (e.type == EntityType::kOrg && DescribesNextPerson(m, masked_.ToMasked(e.end))) continue;
    if (e.type == EntityType::kPer) {
      std::string_view after(m);
      after.remove_prefix(std::min(m.size(), masked_.ToMasked(e.end)));
      bool possessive = e.text.ends_with("'s") || e.text.ends_with("\xE2\x80\x99s");
      for (std::string_view mark : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
        if (!possessive && after.starts_with(mark)) {
          after.remove_prefix(mark.size());
          possessive = true;
        }
      }
      if (possessive && after.starts_with(" ") && after.substr(1).starts_with(kTokenOpen)) continue;
    }
    AddUnique(names, e.name);
  }
  return names;
}

std::optional<std::size_t> FundingRecords::FirstEntity(const Capture& c, const Sentence& s, EntityType type) const {
  auto found = masked_.EntitiesIn(s.masked_begin + c.start, s.masked_begin + c.end, type);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::string FundingRecords::RoundOf(const Capture& c, const Sentence& s) const {
  const std::string raw(masked_.str().substr(s.masked_begin + c.start, c.end - c.start));
  const GazetteerEntry* e = ctx_.rules.gazetteer.Lookup("ROUND", raw);
  return e ? e->canonical : std::string();
}

// The organisation a capture names, or, for an anaphor ("công ty này", "the
// firm") or an empty capture, the subject of the sentence before when an
// organisation opens it, else the one the document has named most often
// before, not counting `others` (the investors of the same fact); on a tie,
// the one named first.
std::string FundingRecords::Investee(const Capture& c, const Sentence& s,
                                     const std::vector<std::string>& others) const {
  for (std::size_t i : masked_.EntitiesIn(s.masked_begin + c.start, s.masked_begin + c.end))
    if (entities_[i].type == EntityType::kOrg) return entities_[i].name;
  const std::size_t begin = masked_.ToOriginal(s.masked_begin + c.start);
  const std::size_t end = masked_.ToOriginal(s.masked_begin + c.end);
  // An empty capture stands for the organisation the document is about.
  if (end > begin && !ctx_.rules.gazetteer.Lookup("ANAPHOR", ctx_.text.substr(begin, end - begin))) return {};
  // The subject of the sentence before, when it opens with an organisation
  // ("Mobileye thành lập năm 1999 ... Hãng đã nhận được ...").
  if (const std::string subject = PreviousSubject(s, others); !subject.empty()) return subject;
  std::map<std::string, std::pair<int, std::size_t>> seen;  // name -> (mentions, first start)
  for (const Entity& e : entities_) {
    if (e.start >= begin) break;
    if (e.type != EntityType::kOrg || std::find(others.begin(), others.end(), e.name) != others.end()) continue;
    auto [it, inserted] = seen.try_emplace(e.name, 0, e.start);
    ++it->second.first;
  }
  std::string best;
  int best_count = 0;
  std::size_t best_first = 0;
  for (const auto& [name, score] : seen) {
    if (score.first > best_count || (score.first == best_count && score.second < best_first)) {
      best = name;
      best_count = score.first;
      best_first = score.second;
    }
  }
  return best;
}

std::string FundingRecords::PreviousSubject(const Sentence& s, const std::vector<std::string>& others) const {
  const text::Span* previous = nullptr;
  for (const text::Span& span : ctx_.sentences) {
    if (span.begin >= s.begin) break;
    previous = &span;
  }
  if (!previous) return {};
  for (const Entity& e : entities_) {
    if (e.start < previous->begin) continue;
    if (e.start > previous->begin + 3) break;  // it opens the sentence, or nothing does
    if (e.type == EntityType::kOrg && std::find(others.begin(), others.end(), e.name) == others.end())
      return e.name;
  }
  return {};
}

bool FundingRecords::SameAmount(const Money& a, bool a_headline, const Money& b, bool b_headline) {
  if (Equal(a, b)) return true;
  // A headline rounds ("$3.6M" for $3,649,171) or converts ("$6.8M" for CHF6.2M).
  if (a_headline == b_headline || a.amount <= 0 || b.amount <= 0) return false;
  return std::abs(a.amount - b.amount) <= 0.15 * std::max(a.amount, b.amount);
}

bool FundingRecords::Compatible(const Record& r, const Fact& f) {
  if (!r.record.round.empty() && !f.round.empty() && r.record.round != f.round) return false;
  if (r.record.amount && f.amount &&
      !SameAmount(Money{*r.record.amount, std::nullopt, r.record.currency}, r.amount_in_headline, *f.amount,
                  f.amount_in_headline))
    return false;
  // The same amount in the same round is the same deal whoever each telling
  // names: a headline's "TEDCO Joins $15M Seed Round for ... Pixee" and the
  // body's "$15 million seed round led by Decibel and Wing VC".
  if (r.record.amount && f.amount && !r.record.round.empty() && !f.round.empty()) return true;
  const auto& known = r.record.investors;
  if (!known.empty() && !f.investors.empty() && std::none_of(f.investors.begin(), f.investors.end(), [&](const std::string& i) {
        return std::find(known.begin(), known.end(), i) != known.end();
      }))
    return false;
  return true;
}

void FundingRecords::Add(const RuleMatch& match, const Sentence& s) {
  Fact fact;
  const Capture* investee = nullptr;
  for (const auto& c : match.captures) {
    if (c.field == "investee") {
      if (!investee) investee = &c;
    } else if (c.field == "investor" || c.field == "lead") {
      for (const auto& name : Parties(c, s)) {
        AddUnique(fact.investors, name);
        if (c.field == "lead") AddUnique(fact.leads, name);
      }
    } else if (c.field == "amount" && !fact.amount) {
      if (auto i = FirstEntity(c, s, EntityType::kMoney); i && entities_[*i].money) {
        // Money that is no raise's amount ("a total of $7.6M to date", "a
        // valuation of $50 million") leaves the round and the investors the
        // sentence names; money of a deal that is none ("Secures $52 Million
        // Refinance" in the headline) leaves nothing.
        if (const auto veto = RuledOut(*entities_[*i].money)) {
          if (*veto == Veto::kDeal) return;
          continue;
        }
        fact.amount = entities_[*i].money;
        fact.amount_in_headline = entities_[*i].start < headline_end_;
      }
    } else if (c.field == "round" && fact.round.empty()) {
      fact.round = RoundOf(c, s);
    }
  }
  const bool has_investee_capture = investee != nullptr;
  if (investee) {
    fact.investee = Investee(*investee, s, fact.investors);
    if (fact.investee.empty() || ctx_.rules.gazetteer.Lookup("NOT_INVESTEE", fact.investee)) return;
  }
  // "X has secured approval": no amount, round or investor, no deal; nor is
  // "closed a strategic divestiture" (a WEAK_ROUND word alone).
  if (!fact.amount && fact.investors.empty() &&
      (fact.round.empty() || ctx_.rules.gazetteer.Lookup("WEAK_ROUND", fact.round))) {
    // "X closed a strategic funding round." is a deal once a later sentence
    // names who put money in ("Spearheaded by Y, the round ...").
    if (has_investee_capture && !fact.round.empty()) weak_deal_ = fact;
    return;
  }
  std::erase(fact.investors, fact.investee);
  std::erase(fact.leads, fact.investee);

  Record* record = nullptr;
  if (has_investee_capture) {
    // The same deal told twice merges; a different round, amount or set of
    // investors for the same company is another deal.
    for (auto& r : records_)
      if (SameCompany(ctx_.rules.gazetteer, r.record.investee, fact.investee) && Compatible(r, fact)) record = &r;
    if (!record) {
      records_.emplace_back();
      record = &records_.back();
      record->record.investee = fact.investee;
    }
  } else if (!records_.empty()) {
    record = &records_.back();  // "The round was led by X": the deal just named
  } else if (weak_deal_ && !fact.investors.empty()) {
    records_.emplace_back();
    record = &records_.back();
    record->record.investee = weak_deal_->investee;
    record->record.round = weak_deal_->round;
    record->background = false;
  } else if (std::string subject = HeadlineSubject(fact.investors); !subject.empty()) {
    // "The round was led by X" with no deal read before it ("Acme Unveils
    // ... Platform" as the headline, no raise told in a shape a rule reads):
    // the deal is the one of the organisation the headline opens with.
    records_.emplace_back();
    record = &records_.back();
    record->record.investee = std::move(subject);
  } else {
    return;
  }
  FundingRecord& r = record->record;
  for (const auto& i : fact.investors) AddUnique(r.investors, i);
  for (const auto& l : fact.leads) AddUnique(r.lead_investors, l);
  if (fact.amount && (!r.amount || (record->amount_in_headline && !fact.amount_in_headline))) {
    r.amount = fact.amount->amount;
    r.currency = fact.amount->currency;
    record->amount_in_headline = fact.amount_in_headline;
  }
  if (r.round.empty()) r.round = fact.round;
  // A deal told as background takes a day only from its own words: the day
  // before them in the sentence is the news it is background to; the news
  // takes none from the background after it ("raised $25 million, following
  // its Series A on March 3, 2024").
  const bool background = has_investee_capture && ToldAsBackground(match, s);
  if (has_investee_capture && !background) record->background = false;
  if (record->stated_day.empty())
    record->stated_day = background ? StatedDay(s, match.start, s.masked_end - s.masked_begin)
                                    : StatedDay(s, 0, BackgroundAfter(s, match.end));
  AppendEvidence(r.evidence, ctx_.text.substr(s.begin, s.end - s.begin));
}

std::string FundingRecords::HeadlineSubject(const std::vector<std::string>& others) const {
  if (ctx_.language != 1 || others.empty()) return {};
  for (const Entity& e : entities_) {
    if (e.start >= headline_end_) break;
    // A newswire or an exchange before the company ("InvestorNewsBreaks –
    // AirJoule Technologies (NASDAQ: AIRJ) ...") is passed over.
    if (e.type != EntityType::kOrg || ctx_.rules.gazetteer.Lookup("NOT_INVESTEE", e.name)) continue;
    if (std::find(others.begin(), others.end(), e.name) != others.end()) return {};
    // "Gate Ventures Invests in ..., double jump.tokyo": the investor's
    // release (INVESTOR_VERB), whose deal a rule reads or none.
    if (e.end + 1 < headline_end_ && WordsFromAre(ctx_.rules.gazetteer, ctx_.text, e.end + 1, "INVESTOR_VERB")) return {};
    return e.name;
  }
  return {};
}

// Whether a match tells an earlier deal as background to the news: right
// after a BACKGROUND_AFTER phrase ("The raise comes a year after Acme raised
// $10 million", "following its $1.5M seed round"), or with a BACKGROUND_WORD
// among its first three words ("its previous $2 million round", "including
// its previously announced seed round"). The words are the gazetteer's.
bool FundingRecords::ToldAsBackground(const RuleMatch& match, const Sentence& s) const {
  const Gazetteer& gazetteer = ctx_.rules.gazetteer;
  const std::string_view sentence =
      std::string_view(masked_.str()).substr(s.masked_begin, s.masked_end - s.masked_begin);
  const std::size_t start = std::min(match.start, sentence.size());
  if (start >= 2 && sentence[start - 1] == ' ' && WordsBeforeAre(gazetteer, sentence, start - 1, "BACKGROUND_AFTER"))
    return true;
  if (WordsFromAre(gazetteer, sentence, start, "BACKGROUND_AFTER")) return true;
  std::size_t word = start;
  for (int words = 0; words < 3 && word < sentence.size(); ++words) {
    const std::size_t space = std::min(sentence.find(' ', word), sentence.size());
    if (gazetteer.Lookup("BACKGROUND_WORD", sentence.substr(word, space - word))) return true;
    word = space + 1;
  }
  return false;
}

// Where, after `from`, the sentence goes on to a deal told as background (the
// space before a BACKGROUND_AFTER phrase: ", following its"), or its end:
// relative to the sentence.
std::size_t FundingRecords::BackgroundAfter(const Sentence& s, std::size_t from) const {
  const std::string_view sentence =
      std::string_view(masked_.str()).substr(s.masked_begin, s.masked_end - s.masked_begin);
  for (std::size_t space = sentence.find(' ', std::min(from, sentence.size())); space != std::string_view::npos;
       space = sentence.find(' ', space + 1)) {
    if (space + 1 < sentence.size() && WordsFromAre(ctx_.rules.gazetteer, sentence, space + 1, "BACKGROUND_AFTER"))
      return space;
  }
  return sentence.size();
}

// The first whole day a deal's sentence gives that is not after the
// article's date: "raised $5 million on March 3, 2024", "Ngày 5/3/2024, MoMo
// vừa gọi vốn", "closed its round on Tuesday". A later day is a plan ("the
// round closes on June 30"); a month or a year alone says no day.
std::string FundingRecords::StatedDay(const Sentence& s, std::size_t from, std::size_t to) const {
  for (std::size_t i : masked_.EntitiesIn(s.masked_begin + from, s.masked_begin + to, EntityType::kDate)) {
    const std::string& day = entities_[i].date;
    if (day.size() == 10 && (published_day_.empty() || day <= published_day_)) return day;
  }
  return "";
}

std::vector<FundingRecord> FundingRecords::Finish() {
  // One deal named two ways in one document ("Clene" and its subsidiary
  // "Clene Nanomedicine", the same $7.3 million): one record, under the name
  // told first.
  auto contains_words = [](const std::string& longer, const std::string& shorter) {
    return longer.size() > shorter.size() && longer.compare(0, shorter.size(), shorter) == 0 &&
           longer[shorter.size()] == ' ';
  };
  for (std::size_t i = 0; i < records_.size(); ++i) {
    for (std::size_t j = i + 1; j < records_.size();) {
      FundingRecord& a = records_[i].record;
      FundingRecord& b = records_[j].record;
      const bool same = a.amount && b.amount && a.currency == b.currency &&
                        std::abs(*a.amount - *b.amount) <= 1e-9 * *a.amount &&
                        (a.round.empty() || b.round.empty() || a.round == b.round) &&
                        (contains_words(a.investee, b.investee) || contains_words(b.investee, a.investee));
      if (!same) {
        ++j;
        continue;
      }
      for (const auto& x : b.investors) AddUnique(a.investors, x);
      for (const auto& x : b.lead_investors) AddUnique(a.lead_investors, x);
      if (a.round.empty()) a.round = b.round;
      AppendEvidence(a.evidence, b.evidence);
      if (!records_[j].background) records_[i].background = false;
      records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(j));
    }
  }
  // Round 9: "Kappa Capital announced its $5 million investment in Acme" also reads as Kappa
  // Capital's own "$5 million investment" (en.announces_round). A record with no investor of its
  // own whose investee invests in another record of the same amount is that deal told from the
  // investor's side: dropped.
  std::vector<bool> investors_side(records_.size(), false);
  for (std::size_t i = 0; i < records_.size(); ++i) {
    const FundingRecord& a = records_[i].record;
    if (!a.investors.empty() || !a.amount) continue;
    for (std::size_t j = 0; j < records_.size() && !investors_side[i]; ++j) {
      const FundingRecord& b = records_[j].record;
      investors_side[i] = j != i && b.amount && b.currency == a.currency &&
                          std::abs(*b.amount - *a.amount) <= 1e-9 * *a.amount &&
                          std::find(b.investors.begin(), b.investors.end(), a.investee) != b.investors.end();
    }
  }
  for (std::size_t i = records_.size(); i-- > 0;)
    if (investors_side[i]) records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(i));
  std::vector<FundingRecord> out;
  for (auto& [r, in_headline, stated_day, background] : records_) {
    std::erase(r.investors, r.investee);
    std::erase(r.lead_investors, r.investee);
    // One named investor and nobody marked as lead: that investor leads.
    if (r.lead_investors.empty() && r.investors.size() == 1) r.lead_investors = r.investors;
    // The day the text gives for the deal, else the article's: a deal told
    // again months later keeps its own day (and merges with its first report).
    // One told only as background to the news has no day but its own.
    r.announced = !stated_day.empty() ? stated_day : background ? std::string() : published_day_;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace pw::extract
