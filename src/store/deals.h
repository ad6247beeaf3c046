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
// insertion order. REQUIRES: a write transaction.
//
// The writer knows a report before it stores it: it calls JoinDeal first
// and inserts the funding row with its deal_id. An UPDATE of funding.deal_id
// after the insert (a foreign key column) runs in a statement journal, and
// opening one makes FTS5 flush the batch's pending full-text index: one
// small segment per funding report, merged again and again, was the largest
// single cost of the ingest (bench/RESULTS.md, "FTS5 flushed at every
// savepoint").
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pw::store {

class Database;
class Sequence;

inline constexpr std::chrono::days kDealWindow{14};

// A funding report as grouping reads it.
struct FundingReport {
  std::int64_t article_id = 0, investee_id = 0;
  std::optional<double> amount;
  std::string currency, round;  // "" when not stated
  std::string announced;        // the day announced, else the article's published day, else ""
  std::vector<std::pair<std::int64_t, bool>> investors;  // (entity, lead): distinct, in the report's order
};

// The deal the report of funding row `funding_id` joins (a new one, whose
// first report it is, when none agrees), with the report's investors added
// to the deal. The funding row need not exist yet. Returns the deal id.
std::int64_t JoinDeal(Database& db, Sequence& seq, std::int64_t funding_id, const FundingReport& report);

// For a stored funding row and its investors (the v3 migration): reads the
// report, joins a deal and sets the row's deal_id. Returns the deal id.
std::int64_t AssignDeal(Database& db, Sequence& seq, std::int64_t funding_id);

}  // namespace pw::store
