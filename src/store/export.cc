// Store: incremental export, in seq order within one snapshot (meta.h).
#include <charconv>

#include "store/meta.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "store/store_errors.h"

namespace pw::store {

namespace {

constexpr std::string_view kKindNames[] = {"articles", "funding", "entities", "events"};

std::vector<EntityRef> ReadRefs(Statement& s) {
  std::vector<EntityRef> refs;
  while (s.Step()) refs.push_back({s.Int64(0), s.Text(1), s.Text(2)});
  return refs;
}

}  // namespace

std::string_view ExportKindName(ExportKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<ExportKind> ExportKindFromName(std::string_view name) {
  for (int i = 0; i < 4; ++i)
    if (kKindNames[i] == name) return static_cast<ExportKind>(i);
  return std::nullopt;
}

std::string ExportCursor::Token() const {
  return std::string(ExportKindName(kind)) + ":" + database_id + ":" + std::to_string(seq);
}

Result<ExportCursor> ParseExportCursor(std::string_view token) {
  const auto bad = [&](const std::string& why) {
    return Error::InvalidArgument("cursor '" + std::string(token) + "' " + why +
                                  " (pass the token of the last 'cursor:' line of an earlier export)");
  };
  const size_t a = token.find(':');
  const size_t b = a == std::string_view::npos ? a : token.find(':', a + 1);
  if (b == std::string_view::npos) return bad("is not a presswatch cursor");
  ExportCursor c;
  const auto kind = ExportKindFromName(token.substr(0, a));
  if (!kind) return bad("names no export kind");
  c.kind = *kind;
  c.database_id = std::string(token.substr(a + 1, b - a - 1));
  if (c.database_id.size() != 8 ||
      c.database_id.find_first_not_of("0123456789abcdef") != std::string::npos)
    return bad("has no database id");
  const std::string_view seq = token.substr(b + 1);
  const auto [end, ec] = std::from_chars(seq.data(), seq.data() + seq.size(), c.seq);
  if (seq.empty() || ec != std::errc() || end != seq.data() + seq.size() || c.seq < 0)
    return bad("has no position");
  return c;
}

template <class Record, class Fetch>
Result<ExportCursor> Store::Export(ExportKind kind, const std::string& after, const char* count_sql,
                                   const std::function<void(const Record&)>& sink, const ExportProgress& progress,
                                   std::int64_t limit, Fetch fetch) {
  return Guarded(*db_, [&]() -> Result<ExportCursor> {
    Transaction snapshot(*db_, Transaction::Mode::kRead);
    ExportCursor cursor{kind, GetMeta(*db_, kMetaDatabaseId).value_or(""), 0};
    const std::int64_t last = GetMetaInt(*db_, kMetaSeq, 0);
    if (!after.empty()) {
      auto given = ParseExportCursor(after);
      if (!given) return given.error();
      if (given->kind != kind)
        return Error::InvalidArgument("cursor '" + after + "' is for --kind " +
                                      std::string(ExportKindName(given->kind)) + ", not " +
                                      std::string(ExportKindName(kind)));
      if (given->database_id != cursor.database_id)
        return Error::InvalidArgument("cursor '" + after + "' was made by another database (this one is " +
                                      cursor.database_id + ")");
      if (given->seq > last)
        return Error::InvalidArgument("cursor '" + after + "' is ahead of this database (at " +
                                      std::to_string(last) + "): was it restored from an older copy?");
      cursor.seq = given->seq;
    }
    std::int64_t total = 0;
    {
      Statement& c = db_->Prepare(count_sql);
      c.Bind(1, cursor.seq);
      if (c.Step()) total = c.Int64(0);
      c.Reset();
    }
    std::int64_t done = 0;
    if (progress) progress(0, total);
    // Seqs are unique, so a page that ends at seq S loses nothing: the next
    // one starts above S. (SQLite's LIMIT -1 is no limit.)
    fetch(cursor.seq, limit > 0 ? limit : -1, [&](const Record& r) {
      sink(r);
      cursor.seq = std::max(cursor.seq, r.seq);
      if (++done % 1000 == 0 && progress) progress(done, total);
    });
    // The last call has the final count, which a page (a limit) also needs.
    if (progress && done % 1000 != 0) progress(done, total);
    snapshot.Commit();
    return cursor;
  });
}

Result<ExportCursor> Store::ExportArticles(const std::string& after,
                                           const std::function<void(const ArticleExport&)>& sink,
                                           const ExportProgress& progress, std::int64_t limit) {
  return Export<ArticleExport>(
      ExportKind::kArticles, after, "SELECT COUNT(*) FROM articles WHERE seq > ?1", sink, progress, limit,
      [&](std::int64_t from, std::int64_t max_records, const auto& emit) {
        Statement& s = db_->Prepare(
            "SELECT a.id, a.seq, a.url, COALESCE(a.canonical_url, ''), a.title, a.summary, f.title, f.url, "
            "a.language, COALESCE(a.published, ''), a.published_estimated, a.first_seen, a.story_id "
            "FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2");
        s.Bind(1, from).Bind(2, max_records);
        while (s.Step()) {
          ArticleExport r;
          r.id = s.Int64(0);
          r.seq = s.Int64(1);
          r.url = s.Text(2);
          r.canonical_url = s.Text(3);
          r.title = s.Text(4);
          r.summary = s.Text(5);
          r.source = s.Text(6);
          r.feed_url = s.Text(7);
          r.language = s.Text(8);
          r.published = s.Text(9);
          r.published_estimated = s.Int64(10) != 0;
          r.first_seen = s.Text(11);
          r.story = s.Int64(12);
          Statement& e = db_->Prepare(
              "SELECT e.id, e.type, e.name FROM article_mentions am, json_each(am.entities) j "
              "JOIN entities e ON e.id = j.value WHERE am.article_id = ?1 ORDER BY j.key");
          e.Bind(1, r.id);
          r.entities = ReadRefs(e);
          emit(r);
        }
      });
}

Result<ExportCursor> Store::ExportFunding(const std::string& after,
                                          const std::function<void(const DealExport&)>& sink,
                                          const ExportProgress& progress, std::int64_t limit) {
  return Export<DealExport>(
      ExportKind::kFunding, after, "SELECT COUNT(*) FROM deals WHERE seq > ?1", sink, progress, limit,
      [&](std::int64_t from, std::int64_t max_records, const auto& emit) {
        Statement& s = db_->Prepare(
            "SELECT d.id, d.seq, e.id, e.type, e.name, d.amount, COALESCE(d.currency, ''), "
            "COALESCE(d.round, ''), COALESCE(d.announced, '') "
            "FROM deals d JOIN entities e ON e.id = d.investee_id WHERE d.seq > ?1 ORDER BY d.seq LIMIT ?2");
        s.Bind(1, from).Bind(2, max_records);
        while (s.Step()) {
          DealExport r;
          r.id = s.Int64(0);
          r.seq = s.Int64(1);
          r.investee = {s.Int64(2), s.Text(3), s.Text(4)};
          r.amount = s.OptionalDouble(5);
          r.currency = s.Text(6);
          r.round = s.Text(7);
          r.announced = s.Text(8);
          Statement& inv = db_->Prepare(
              "SELECT e.id, e.type, e.name, di.is_lead FROM deal_investors di JOIN entities e "
              "ON e.id = di.entity_id WHERE di.deal_id = ?1 ORDER BY di.position");
          inv.Bind(1, r.id);
          while (inv.Step()) {
            r.investors.push_back({inv.Int64(0), inv.Text(1), inv.Text(2)});
            if (inv.Int64(3)) r.lead_investor_ids.push_back(inv.Int64(0));
          }
          Statement& rep = db_->Prepare(
              "SELECT a.id, a.url, a.title, fd.title, a.language, COALESCE(a.published, ''), fu.evidence "
              "FROM funding fu JOIN articles a ON a.id = fu.article_id JOIN feeds fd ON fd.id = a.feed_id "
              "WHERE fu.deal_id = ?1 ORDER BY fu.id");
          rep.Bind(1, r.id);
          while (rep.Step())
            r.reports.push_back(
                {rep.Int64(0), rep.Text(1), rep.Text(2), rep.Text(3), rep.Text(4), rep.Text(5), rep.Text(6)});
          emit(r);
        }
      });
}

Result<ExportCursor> Store::ExportEntities(const std::string& after,
                                           const std::function<void(const EntityExport&)>& sink,
                                           const ExportProgress& progress, std::int64_t limit) {
  return Export<EntityExport>(
      ExportKind::kEntities, after, "SELECT COUNT(*) FROM entities WHERE seq > ?1", sink, progress, limit,
      [&](std::int64_t from, std::int64_t max_records, const auto& emit) {
        Statement& s = db_->Prepare(
            "SELECT id, seq, type, name, COALESCE(title, ''), COALESCE(organization, ''), "
            "COALESCE(first_seen, ''), articles, mentions FROM entities WHERE seq > ?1 ORDER BY seq LIMIT ?2");
        s.Bind(1, from).Bind(2, max_records);
        while (s.Step()) {
          EntityExport r;
          r.id = s.Int64(0);
          r.seq = s.Int64(1);
          r.type = s.Text(2);
          r.name = s.Text(3);
          r.title = s.Text(4);
          r.organization = s.Text(5);
          r.first_seen = s.Text(6);
          r.articles = s.Int64(7);
          r.mentions = s.Int64(8);
          Statement& al = db_->Prepare("SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias");
          al.Bind(1, r.id);
          while (al.Step())
            if (std::string a = al.Text(0); a != r.name) r.aliases.push_back(std::move(a));
          emit(r);
        }
      });
}

Result<ExportCursor> Store::ExportEvents(const std::string& after,
                                         const std::function<void(const EventExport&)>& sink,
                                         const ExportProgress& progress, std::int64_t limit) {
  return Export<EventExport>(
      ExportKind::kEvents, after, "SELECT COUNT(*) FROM events WHERE seq > ?1", sink, progress, limit,
      [&](std::int64_t from, std::int64_t max_records, const auto& emit) {
        Statement& s = db_->Prepare(
            "SELECT ev.id, ev.seq, ev.type, ev.name, COALESCE(ev.date, ''), COALESCE(ev.location, ''), "
            "ev.evidence, a.id, a.url, fd.title, COALESCE(a.published, '') "
            "FROM events ev JOIN articles a ON a.id = ev.article_id JOIN feeds fd ON fd.id = a.feed_id "
            "WHERE ev.seq > ?1 ORDER BY ev.seq LIMIT ?2");
        s.Bind(1, from).Bind(2, max_records);
        while (s.Step()) {
          EventExport r;
          r.id = s.Int64(0);
          r.seq = s.Int64(1);
          r.type = s.Text(2);
          r.name = s.Text(3);
          r.date = s.Text(4);
          r.location = s.Text(5);
          r.evidence = s.Text(6);
          r.article_id = s.Int64(7);
          r.article_url = s.Text(8);
          r.source = s.Text(9);
          r.published = s.Text(10);
          Statement& p = db_->Prepare(
              "SELECT e.id, e.type, e.name FROM event_participants ep JOIN entities e ON e.id = ep.entity_id "
              "WHERE ep.event_id = ?1 ORDER BY ep.position");
          p.Bind(1, r.id);
          r.participants = ReadRefs(p);
          emit(r);
        }
      });
}

}  // namespace pw::store
