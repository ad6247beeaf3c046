// store/deals.h: funding reports grouped into deals. Internal to pw_store.
//
// Several outlets, in Vietnamese and in English, report one funding round;
// extraction gives one funding row per article. A deal gathers them so that
// an analyst sees one row per round. A new report joins the nearest deal
// (by announced day) that
//   - has the same investee (canonical entity, so languages agree),
//   - was announced within kDealWindow of it,
//   - has no report from the same article (extraction already split those),
//   - does not disagree: the same round or one of them unstated, and the same
//     currency and an amount within 10% or one of them undisclosed;
// otherwise it starts a deal. Joining fills the deal's unstated round and
// amount, adds investors it did not name (leads stay leads), keeps the
// earliest announced day, and gives the deal a new seq (it is exported again).
// The deal's first report stays its article of record. Grouping is greedy, in
// insertion order. REQUIRES: a write transaction; the funding row and its
// investors exist.
#pragma once

#include <chrono>
#include <cstdint>

namespace pw::store {

class Database;
class Sequence;

inline constexpr std::chrono::days kDealWindow{14};

// Returns the deal id the funding row now belongs to.
std::int64_t AssignDeal(Database& db, Sequence& seq, std::int64_t funding_id);

}  // namespace pw::store
