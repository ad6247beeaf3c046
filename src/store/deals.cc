#include "store/deals.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "store/meta.h"
#include "store/sqlite.h"

namespace pw::store {

namespace {

struct DealTerms {
  std::int64_t id = 0;
  std::optional<double> amount;
  std::string currency, round;
};

bool Agree(const DealTerms& deal, const FundingReport& r) {
  if (!deal.round.empty() && !r.round.empty() && deal.round != r.round) return false;
  if (deal.amount && r.amount) {
    if (deal.currency != r.currency) return false;
    const double larger = std::max(std::fabs(*deal.amount), std::fabs(*r.amount));
    if (std::fabs(*deal.amount - *r.amount) > 0.1 * larger) return false;
  }
  return true;
}

std::int64_t NewDeal(Database& db, Sequence& seq, std::int64_t funding_id, const FundingReport& r) {
  Statement& s = db.Prepare(
      "INSERT INTO deals(investee_id, amount, currency, round, announced, first_funding_id, reports, seq) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)");
  s.Bind(1, r.investee_id).Bind(2, r.amount).BindOrNull(3, r.currency).BindOrNull(4, r.round);
  s.BindOrNull(5, r.announced).Bind(6, funding_id).Bind(7, seq.Next());
  s.Step();
  return db.LastInsertId();
}

}  // namespace

std::int64_t AssignDeal(Database& db, Sequence& seq, std::int64_t funding_id) {
  FundingReport r;
  {
    Statement& s = db.Prepare(
        "SELECT f.article_id, f.investee_id, f.amount, COALESCE(f.currency, ''), COALESCE(f.round, ''), "
        "COALESCE(f.announced, substr(a.published, 1, 10), '') "
        "FROM funding f JOIN articles a ON a.id = f.article_id WHERE f.id = ?1");
    s.Bind(1, funding_id);
    if (!s.Step()) throw SqliteError(1, "funding row " + std::to_string(funding_id) + " vanished");
    r.article_id = s.Int64(0);
    r.investee_id = s.Int64(1);
    r.amount = s.OptionalDouble(2);
    r.currency = s.Text(3);
    r.round = s.Text(4);
    r.announced = s.Text(5);
  }
  {
    Statement& s = db.Prepare(
        "SELECT entity_id, is_lead FROM funding_investors WHERE funding_id = ?1 ORDER BY position");
    s.Bind(1, funding_id);
    while (s.Step()) r.investors.emplace_back(s.Int64(0), s.Int64(1) != 0);
  }
  const std::int64_t deal_id = JoinDeal(db, seq, funding_id, r);
  db.Prepare("UPDATE funding SET deal_id = ?2 WHERE id = ?1").Bind(1, funding_id).Bind(2, deal_id).Step();
  return deal_id;
}

std::int64_t JoinDeal(Database& db, Sequence& seq, std::int64_t funding_id, const FundingReport& r) {
  std::optional<DealTerms> match;
  if (const auto day = ParseTimestamp(r.announced)) {
    Statement& s = db.Prepare(
        "SELECT d.id, d.amount, COALESCE(d.currency, ''), COALESCE(d.round, '') FROM deals d "
        "WHERE d.investee_id = ?1 AND d.announced BETWEEN ?2 AND ?3 "
        "AND NOT EXISTS (SELECT 1 FROM funding f WHERE f.deal_id = d.id AND f.article_id = ?4) "
        "ORDER BY abs(julianday(d.announced) - julianday(?5)), d.id");
    s.Bind(1, r.investee_id).Bind(2, FormatDay(std::chrono::floor<std::chrono::days>(*day - kDealWindow)));
    s.Bind(3, FormatDay(std::chrono::floor<std::chrono::days>(*day + kDealWindow))).Bind(4, r.article_id);
    s.Bind(5, r.announced);
    while (s.Step()) {
      DealTerms d{s.Int64(0), s.OptionalDouble(1), s.Text(2), s.Text(3)};
      if (Agree(d, r)) {
        match = d;
        break;
      }
    }
  }

  std::int64_t deal_id;
  if (!match) {
    deal_id = NewDeal(db, seq, funding_id, r);
  } else {
    deal_id = match->id;
    const bool take_amount = !match->amount && r.amount;
    Statement& s = db.Prepare(
        "UPDATE deals SET reports = reports + 1, seq = ?2, "
        "round = COALESCE(round, ?3), "
        "amount = CASE WHEN ?6 THEN ?4 ELSE amount END, currency = CASE WHEN ?6 THEN ?5 ELSE currency END, "
        "announced = CASE WHEN ?7 <> '' AND (announced IS NULL OR ?7 < announced) THEN ?7 ELSE announced END "
        "WHERE id = ?1");
    s.Bind(1, deal_id).Bind(2, seq.Next()).BindOrNull(3, r.round).Bind(4, r.amount).BindOrNull(5, r.currency);
    s.Bind(6, take_amount ? 1 : 0).Bind(7, r.announced);
    s.Step();
  }

  // The report's investors, after those the deal already names.
  for (const auto& [entity_id, lead] : r.investors) {
    db.Prepare(
          "INSERT INTO deal_investors(deal_id, entity_id, is_lead, position) "
          "VALUES(?1, ?2, ?3, (SELECT COUNT(*) FROM deal_investors WHERE deal_id = ?1)) "
          "ON CONFLICT(deal_id, entity_id) DO UPDATE SET is_lead = MAX(is_lead, excluded.is_lead)")
        .Bind(1, deal_id)
        .Bind(2, entity_id)
        .Bind(3, lead ? 1 : 0)
        .Step();
  }
  return deal_id;
}

}  // namespace pw::store
