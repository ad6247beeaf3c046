// extract/extraction.h: what extraction finds in one document, as plain values.
//
// Offsets are byte offsets into the normalized text the extraction ran on
// (text::NormalizeDocument), so text.substr(start, end - start) == entity.text.
// Names are canonical: an alias, or the other language's name, resolves to the
// gazetteer's canonical name ("Quỹ GenAI" and "GenAI Fund" are both "GenAI
// Fund"), so the Vietnamese and the English version of an item give the same
// records.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pw::extract {

enum class EntityType { kOrg, kPer, kLoc, kMoney, kDate, kPercent };

// "ORG", "PER", "LOC", "MONEY", "DATE", "PERCENT"; nullopt for other names.
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> EntityTypeFromName(std::string_view name);

struct Money {
  double amount = 0;                 // in units of currency
  std::optional<double> amount_max;  // for a range ("2-3 triệu USD"): the upper bound
  std::string currency;              // ISO 4217: USD, VND, SGD, ...
};

struct Entity {
  EntityType type = EntityType::kOrg;
  std::string text;  // as it appears in the text
  std::string name;  // canonical
  std::size_t start = 0, end = 0;
  std::optional<Money> money;     // MONEY
  std::string date;               // DATE: "2025-03-14", "2025-03", "2025-Q1", "2025"
  std::optional<double> percent;  // PERCENT
  std::string title;              // PER: canonical title ("Phó Giám đốc"), "" if none
  std::string organization;       // PER: canonical name of their organisation, "" if none
};

// The values of FundingRecord::round, as the contract lists them (the
// gazetteer's ROUND entries map the texts' wordings to these).
inline constexpr std::array<std::string_view, 17> kRoundSlugs = {
    "pre-seed", "seed",     "pre-series-a", "series-a",  "series-b", "series-c", "series-d", "series-e", "series-f",
    "series-g", "series-h", "bridge",       "strategic", "growth",   "debt",     "grant",    "ipo"};

struct FundingRecord {
  std::string investee;
  std::vector<std::string> investors;       // leads included
  std::vector<std::string> lead_investors;
  std::optional<double> amount;             // nullopt: undisclosed
  std::string currency;                     // "" when amount is undisclosed
  std::string round;                        // slug ("series-a", "strategic"), "" if not stated
  std::string announced;                    // day "2024-11-21", "" if unknown
  std::string evidence;                     // the sentence(s) it was read from
};

struct Event {
  std::string type;  // event, partnership, acquisition, launch, appointment, expansion, funding
  std::string name;
  std::string date;      // as DATE values, "" if none
  std::string location;  // canonical LOC name, "" if none
  std::vector<std::string> participants;  // canonical names
  std::string evidence;
};

struct Extraction {
  std::string language;  // "vi", "en", "other"
  std::string text;      // the normalized text the offsets refer to
  std::vector<Entity> entities;  // in text order
  std::vector<FundingRecord> funding;
  std::vector<Event> events;
};

}  // namespace pw::extract
