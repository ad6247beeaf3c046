// extract/funding_records.h: what funding rules say of deals, merged into one
// record per deal. Internal to pw_extract (relations.cc drives it).
//
// Each match of a funding rule is a fact: an investee (or none: "The round
// was led by X" adds to the deal just named), investors and leads, an amount,
// a round. Facts about the same investee merge unless they disagree (another
// round, another amount, other investors). Besides what rules/README.md says:
//   - an investee of the gazetteer type NOT_INVESTEE (the state, its treasury,
//     stock exchanges) is no deal;
//   - a fact that names neither an amount, a round nor an investor is no deal
//     ("Shopoff has secured approval for the project"), nor is one whose only
//     substance is a WEAK_ROUND word ("closed a strategic divestiture"),
//     unless a later fact without an investee names its investors and no
//     other deal came first ("closed a strategic funding round. Spearheaded
//     by Draper Dragon, the round ...");
//   - an amount a not-funding rule ruled out anywhere in the document rules
//     out the same amount everywhere ("Secures $52 Million Refinance" in the
//     headline, "secured $52 million in financing" in the body);
//   - the headline's amount yields to the body's for the same deal, which is
//     exact where the headline rounds or converts ("$3.6M" / "$3,649,171",
//     "$6.8M" / "CHF6.2M ($6.8M)");
//   - an investee written as an anaphor (ANAPHOR words: "công ty này", "the
//     company"), or an empty investee capture, is the organisation that opens
//     the sentence before, else the one the document has named most so far;
//   - two records of one document with the same amount whose investees are
//     one name and a longer form of it ("Clene", "Clene Nanomedicine") are one;
//   - a deal told as background to another ("comes a year after X raised $10
//     million in a Series A", "following its $2 million seed round") keeps
//     the day its own words give, or none: not the article's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/extraction.h"
#include "extract/masked_text.h"
#include "extract/matcher.h"
#include "extract/passes.h"

namespace pw::extract {

// Appends `value` unless it is empty or already in `list`.
void AddUnique(std::vector<std::string>& list, const std::string& value);
// Appends `sentence` to a record's evidence unless the evidence holds it
// already; after a piece with no closing punctuation (a headline), " … ".
void AppendEvidence(std::string& evidence, std::string_view sentence);

struct Sentence {
  std::size_t begin, end;                // original text
  std::size_t masked_begin, masked_end;  // masked text
};

class FundingRecords {
 public:
  // The referenced objects must outlive this one.
  FundingRecords(const PassContext& ctx, const std::vector<Entity>& entities, const MaskedText& masked);

  // What a not-funding rule says of an amount, for the whole document: that
  // it is no deal's amount (a capture: "a valuation of $50 million", "$7.6M
  // to date"), or that the deal it is told with is none (the sentence:
  // "Secures $52 Million Refinance").
  enum class Veto { kAmount, kDeal };
  // Amounts ruled out for the whole document. REQUIRES: before any Add.
  void RuleOut(const Money& money, Veto veto);

  // One match of a funding rule in sentence `s` (offsets of `match` are
  // relative to the sentence's masked text).
  void Add(const RuleMatch& match, const Sentence& s);

  // The records, with leads filled in and the announced date set.
  std::vector<FundingRecord> Finish();

 private:
  struct Fact {
    std::string investee;
    std::vector<std::string> investors, leads;
    std::optional<Money> amount;
    std::string round;
    bool amount_in_headline = false;
  };
  struct Record {
    FundingRecord record;
    bool amount_in_headline = false;
    std::string stated_day;  // a day its sentences give, "" if none (StatedDay)
    bool background = true;  // every fact that named its investee told it as background (ToldAsBackground)
  };

  std::vector<std::string> Parties(const Capture& c, const Sentence& s) const;
  std::optional<std::size_t> FirstEntity(const Capture& c, const Sentence& s, EntityType type) const;
  std::string RoundOf(const Capture& c, const Sentence& s) const;
  std::string Investee(const Capture& c, const Sentence& s, const std::vector<std::string>& others) const;
  // For an English fact that names investors `others`: the first
  // organisation of the headline that may raise money (not a NOT_INVESTEE: a
  // newswire, an exchange), when it is none of them; else "".
  std::string HeadlineSubject(const std::vector<std::string>& others) const;
  std::string PreviousSubject(const Sentence& s, const std::vector<std::string>& others) const;
  std::optional<Veto> RuledOut(const Money& money) const;  // the stronger veto, if any
  std::string StatedDay(const Sentence& s, std::size_t from, std::size_t to) const;
  std::size_t BackgroundAfter(const Sentence& s, std::size_t from) const;
  bool ToldAsBackground(const RuleMatch& match, const Sentence& s) const;
  static bool SameAmount(const Money& a, bool a_headline, const Money& b, bool b_headline);
  static bool Compatible(const Record& r, const Fact& f);

  const PassContext& ctx_;
  const std::vector<Entity>& entities_;
  const MaskedText& masked_;
  std::size_t headline_end_ = 0;  // the headline is text[0, headline_end_)
  std::string published_day_;     // the article's day, "" if not known
  std::vector<std::pair<Money, Veto>> ruled_out_;
  std::vector<Record> records_;
  std::optional<Fact> weak_deal_;  // the last deal of only a WEAK_ROUND word, awaiting its investors
};

}  // namespace pw::extract
