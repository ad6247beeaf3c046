// Fuzz target `extract`: the rule engine with the project's real rules
// (rules/), on any document: NormalizeDocument, then Extract, in
// Vietnamese, in English or detected (by the input's length). Oracles
// (extract/extraction.h and the contract): every entity's offsets lie in the
// text and text[start:end] is the entity's text; names, evidence and values
// are UTF-8; numbers are finite (JSON has no infinity); a funding record has
// an investee, and an amount only with a currency.
#include <cmath>
#include <memory>

#include "extract/extract.h"
#include "fuzz_target.h"
#include "text/normalize.h"

namespace {

const pw::extract::RuleSet& Rules() {
  static const auto rules = [] {
    auto r = pw::extract::RuleSet::Load(pw::fuzz::SourceDir() + "/rules");
    if (!r) pw::fuzz::Fail(__FILE__, __LINE__, "RuleSet::Load", r.error().message);
    return *r;
  }();
  return *rules;
}

void CheckText(const std::string& s, const char* what) {
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(s), std::string(what) + " not UTF-8: " + s);
}

}  // namespace

PW_FUZZ_INIT(Rules)

PW_FUZZ_TARGET(extract) {
  using namespace std::chrono;
  pw::extract::ExtractOptions options;
  switch (size % 3) {
    case 0: options.language = pw::text::LanguageFromCode("vi"); break;
    case 1: options.language = pw::text::LanguageFromCode("en"); break;
    default: break;  // detected
  }
  options.published = sys_days{year{2024} / 11 / 21};
  std::string text = pw::text::NormalizeDocument(pw::fuzz::AsText(data, size));
  const std::string copy = text;
  const auto x = pw::extract::Extract(Rules(), std::move(text), options);
  PW_FUZZ_CHECK(x.text == copy, "Extraction::text is not the text given");
  for (const auto& e : x.entities) {
    PW_FUZZ_CHECK(e.start <= e.end && e.end <= x.text.size(), "an entity's offsets out of the text");
    PW_FUZZ_CHECK(x.text.compare(e.start, e.end - e.start, e.text) == 0, "text[start:end] != entity text");
    CheckText(e.name, "entity name");
    CheckText(e.date, "entity date");
    CheckText(e.title, "entity title");
    CheckText(e.organization, "entity organization");
    if (e.money) {
      CheckText(e.money->currency, "currency");
      PW_FUZZ_CHECK(std::isfinite(e.money->amount), "an amount not finite");
      PW_FUZZ_CHECK(!e.money->amount_max || std::isfinite(*e.money->amount_max), "a range's top not finite");
    }
    PW_FUZZ_CHECK(!e.percent || std::isfinite(*e.percent), "a percentage not finite");
  }
  for (const auto& f : x.funding) {
    PW_FUZZ_CHECK(!f.investee.empty(), "a funding record without an investee");
    PW_FUZZ_CHECK(!f.amount || std::isfinite(*f.amount), "a funding amount not finite");
    PW_FUZZ_CHECK(!f.amount || !f.currency.empty(), "an amount without a currency");
    CheckText(f.investee, "investee");
    CheckText(f.evidence, "funding evidence");
    for (const auto& i : f.investors) CheckText(i, "investor");
  }
  for (const auto& ev : x.events) {
    CheckText(ev.name, "event name");
    CheckText(ev.evidence, "event evidence");
    for (const auto& p : ev.participants) CheckText(p, "participant");
  }
  return 0;
}
