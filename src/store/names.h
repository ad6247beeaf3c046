// store/names.h: from a name a user types to the entities it means.
// Internal to pw_store.
//
// Names compare by their search keys (text::SearchKey: accents, case and đ
// aside) against every alias an entity was seen under:
//   EntitiesMatching(db, "sov")            -> every entity with an alias word starting "sov"
//   EntitiesNamed(db, "Tập đoàn Sovico")   -> Sovico Group (an alias, exactly)
//   EntitiesNamed(db, "Sovico")            -> Sovico Group (no alias is exactly "sovico":
//                                             the aliases a word of which starts so)
// Read-only; REQUIRES: nothing beyond an open connection.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pw::store {

class Database;

// Entities (ORG, PER, LOC) with an alias in which the name starts a word.
std::vector<std::int64_t> EntitiesMatching(Database& db, std::string_view name);

// Entities with the name as an alias (the one it is the canonical name of
// first, then the most covered); when none, EntitiesMatching(). A user's name
// means the first (coverage, the watchlist). `by_alias`, if given, says
// whether they came by an alias.
std::vector<std::int64_t> EntitiesNamed(Database& db, std::string_view name, bool* by_alias = nullptr);

// The ids as a JSON array, for json_each(): "[3,7]".
std::string JsonIds(const std::vector<std::int64_t>& ids);

}  // namespace pw::store
