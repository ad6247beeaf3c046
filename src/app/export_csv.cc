#include "app/export_csv.h"

#include "app/csv.h"

namespace pw::app {

namespace {

std::vector<std::string> Names(const std::vector<store::EntityRef>& refs, std::string_view type = "") {
  std::vector<std::string> out;
  for (const auto& e : refs)
    if (type.empty() || e.type == type) out.push_back(e.name);
  return out;
}

std::string Ids(const std::vector<store::EntityRef>& refs) {
  std::vector<std::string> out;
  for (const auto& e : refs) out.push_back(std::to_string(e.id));
  return JoinList(out);
}

}  // namespace

std::string ExportCsvHeader(store::ExportKind kind) {
  switch (kind) {
    case store::ExportKind::kArticles:
      return CsvLine({"id", "seq", "url", "canonical_url", "title", "summary", "source", "feed_url", "language",
                      "published", "published_estimated", "first_seen", "story", "organizations", "people",
                      "places", "entity_ids"});
    case store::ExportKind::kFunding:
      return CsvLine({"id", "seq", "announced", "investee", "investee_id", "investors", "investor_ids",
                      "lead_investors", "amount", "currency", "round", "reports", "sources", "url", "title",
                      "evidence"});
    case store::ExportKind::kEntities:
      return CsvLine({"id", "seq", "type", "name", "aliases", "title", "organization", "first_seen", "articles",
                      "mentions"});
    case store::ExportKind::kEvents:
      return CsvLine({"id", "seq", "type", "name", "date", "location", "participants", "participant_ids",
                      "article_id", "article_url", "source", "published", "evidence"});
  }
  return {};
}

std::string ExportCsvRow(const store::ArticleExport& r) {
  return CsvLine({std::to_string(r.id), std::to_string(r.seq), r.url, r.canonical_url, r.title, r.summary,
                  r.source, r.feed_url, r.language, r.published, r.published_estimated ? "true" : "false",
                  r.first_seen, std::to_string(r.story), JoinList(Names(r.entities, "ORG")),
                  JoinList(Names(r.entities, "PER")), JoinList(Names(r.entities, "LOC")), Ids(r.entities)});
}

std::string ExportCsvRow(const store::DealExport& r) {
  std::vector<std::string> leads, sources;
  for (const auto& e : r.investors)
    for (const auto id : r.lead_investor_ids)
      if (e.id == id) leads.push_back(e.name);
  for (const auto& rep : r.reports) sources.push_back(rep.source);
  const store::DealReport first = r.reports.empty() ? store::DealReport{} : r.reports.front();
  return CsvLine({std::to_string(r.id), std::to_string(r.seq), r.announced, r.investee.name,
                  std::to_string(r.investee.id), JoinList(Names(r.investors)), Ids(r.investors), JoinList(leads),
                  CsvNumber(r.amount), r.currency, r.round, std::to_string(r.reports.size()), JoinList(sources),
                  first.url, first.title, first.evidence});
}

std::string ExportCsvRow(const store::EntityExport& r) {
  return CsvLine({std::to_string(r.id), std::to_string(r.seq), r.type, r.name, JoinList(r.aliases), r.title,
                  r.organization, r.first_seen, std::to_string(r.articles), std::to_string(r.mentions)});
}

std::string ExportCsvRow(const store::EventExport& r) {
  return CsvLine({std::to_string(r.id), std::to_string(r.seq), r.type, r.name, r.date, r.location,
                  JoinList(Names(r.participants)), Ids(r.participants), std::to_string(r.article_id),
                  r.article_url, r.source, r.published, r.evidence});
}

}  // namespace pw::app
