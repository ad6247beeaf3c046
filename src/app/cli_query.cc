// The query commands: search, funding, coverage, entities, feeds.
#include <cstdio>
#include <iostream>

#include "app/cli.h"
#include "app/json_out.h"
#include "app/table.h"
#include "common/error.h"
#include "store/store.h"

namespace pw::app {

namespace {

std::unique_ptr<store::Store> OpenForQuery(const Config& config) {
  RequireDatabase(config.db);
  return store::Store::Open(config.db, {.read_only = true});
}

template <class T>
T Check(Result<T> r) {
  if (!r) throw StartupError(r.error().message);
  return std::move(*r);
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string AmountText(const extract::FundingRecord& r) {
  if (!r.amount) return "undisclosed";
  char buf[64];
  const double a = *r.amount;
  if (a >= 1e9) std::snprintf(buf, sizeof buf, "%.4g bn", a / 1e9);
  else if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.4g mn", a / 1e6);
  else std::snprintf(buf, sizeof buf, "%.0f", a);
  return std::string(buf) + " " + r.currency;
}

// RFC 4180: quoted when needed, quotes doubled.
std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// <mark> tags off, entities decoded: a snippet for the terminal.
std::string PlainSnippet(std::string s) {
  for (const char* tag : {"<mark>", "</mark>"})
    for (size_t p; (p = s.find(tag)) != std::string::npos;) s.erase(p, std::string(tag).size());
  const std::pair<const char*, const char*> entities[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::string(from).size(), to);
  return s;
}

struct SearchFlags {
  PathFlags paths;
  bool json = false;
  std::string lang, since, query;
  int limit = 20;
};

struct FundingFlags {
  PathFlags paths;
  bool json = false, csv = false;
  std::string investor, investee, round, since, until;
  std::optional<double> min_amount, max_amount;
};

struct CoverageFlags {
  PathFlags paths;
  bool json = false;
  std::string entity, since;
};

struct EntitiesFlags {
  PathFlags paths;
  bool json = false;
  std::string type;
  int top = 20;
};

struct FeedsFlags {
  PathFlags paths;
  bool json = false;
};

int RunSearch(const SearchFlags& f) {
  auto db = OpenForQuery(Resolve(f.paths));
  store::SearchQuery q{f.query, f.lang, TimestampFlag("--since", f.since), "", f.limit};
  auto hits = Check(db->Search(q));
  if (f.json) {
    std::cout << Pretty(SearchJson(hits));
    return 0;
  }
  if (hits.empty()) {
    std::cerr << "no articles match '" << f.query << "'\n";
    return 0;
  }
  Table t({"PUBLISHED", "SOURCE", "TITLE", "SNIPPET"});
  for (const auto& h : hits) t.Add({h.published.substr(0, 10), h.source, h.title, PlainSnippet(h.snippet)});
  std::cout << t.Render(TerminalWidth());
  return 0;
}

int RunFunding(const FundingFlags& f) {
  if (f.json && f.csv) throw StartupError("--json and --csv: choose one");
  auto db = OpenForQuery(Resolve(f.paths));
  store::FundingQuery q;
  q.investor = f.investor;
  q.investee = f.investee;
  q.round = f.round;
  q.since = DayFlag("--since", f.since);
  q.until = DayFlag("--until", f.until);
  q.min_amount = f.min_amount;
  q.max_amount = f.max_amount;
  auto rows = Check(db->Funding(q));
  if (f.json) {
    std::cout << Pretty(FundingRowsJson(rows));
    return 0;
  }
  if (f.csv) {
    std::cout << "announced,investee,investors,lead_investors,amount,currency,round,source,language,"
                 "published,article_title,article_url,evidence\r\n";
    for (const auto& r : rows) {
      const auto& x = r.record;
      char amount[64] = "";
      if (x.amount) std::snprintf(amount, sizeof amount, "%.15g", *x.amount);
      std::cout << Csv(x.announced) << ',' << Csv(x.investee) << ',' << Csv(Join(x.investors, "; ")) << ','
                << Csv(Join(x.lead_investors, "; ")) << ',' << amount << ',' << Csv(x.currency) << ','
                << Csv(x.round) << ',' << Csv(r.source) << ',' << Csv(r.language) << ',' << Csv(r.published) << ','
                << Csv(r.article_title) << ',' << Csv(r.article_url) << ',' << Csv(x.evidence) << "\r\n";
    }
    return 0;
  }
  if (rows.empty()) {
    std::cerr << "no funding announcements match\n";
    return 0;
  }
  Table t({"ANNOUNCED", "INVESTEE", "INVESTORS (* lead)", "AMOUNT", "ROUND", "SOURCE"});
  for (const auto& r : rows) {
    std::vector<std::string> investors;
    for (const auto& i : r.record.investors) {
      const bool lead = std::find(r.record.lead_investors.begin(), r.record.lead_investors.end(), i) !=
                        r.record.lead_investors.end();
      investors.push_back(lead ? i + "*" : i);
    }
    t.Add({r.record.announced, r.record.investee, Join(investors, ", "), AmountText(r.record),
           r.record.round.empty() ? "-" : r.record.round, r.source});
  }
  std::cout << t.Render(TerminalWidth());
  return 0;
}

int RunCoverage(const CoverageFlags& f) {
  auto db = OpenForQuery(Resolve(f.paths));
  auto report = Check(db->Coverage({f.entity, TimestampFlag("--since", f.since), 100}));
  if (f.json) {
    std::cout << Pretty(CoverageJson(report));
    return 0;
  }
  std::cout << report.entity << ": " << report.total << " articles, " << report.stories << " stories\n";
  if (report.total == 0) return 0;
  Table by_source({"SOURCE", "ARTICLES"});
  for (const auto& [source, n] : report.by_source) by_source.Add({source, std::to_string(n)});
  std::cout << "\n" << by_source.Render(TerminalWidth()) << "\n";
  Table mentions({"PUBLISHED", "SOURCE", "LANG", "TITLE"});
  for (const auto& m : report.mentions) mentions.Add({m.published.substr(0, 10), m.source, m.language, m.title});
  std::cout << mentions.Render(TerminalWidth());
  return 0;
}

int RunEntities(const EntitiesFlags& f) {
  auto db = OpenForQuery(Resolve(f.paths));
  auto rows = Check(db->Entities({f.type, f.top}));
  if (f.json) {
    std::cout << Pretty(EntitiesJson(rows));
    return 0;
  }
  Table t({"TYPE", "NAME", "ARTICLES", "MENTIONS", "ALSO WRITTEN"});
  for (const auto& r : rows) {
    std::string name = r.name;
    if (!r.title.empty()) name += " (" + r.title + (r.organization.empty() ? "" : ", " + r.organization) + ")";
    t.Add({r.type, name, std::to_string(r.articles), std::to_string(r.mentions), Join(r.aliases, "; ")});
  }
  std::cout << t.Render(TerminalWidth());
  return 0;
}

int RunFeeds(const FeedsFlags& f) {
  auto db = OpenForQuery(Resolve(f.paths));
  auto feeds = Check(db->Feeds());
  if (f.json) {
    std::cout << Pretty(FeedsJson(feeds));
    return 0;
  }
  Table t({"STATUS", "ITEMS", "FAILS", "LAST FETCH", "NEXT POLL", "FEED", "LAST ERROR"});
  for (const auto& h : feeds)
    t.Add({h.last_status ? std::to_string(h.last_status) : "-", std::to_string(h.items),
           std::to_string(h.consecutive_failures), h.last_fetch.value_or("never"), h.next_poll.value_or("-"),
           h.title.empty() ? h.url : h.title, h.last_error.value_or("")});
  std::cout << t.Render(TerminalWidth());
  return 0;
}

}  // namespace

void AddQueryCommands(CLI::App& app, CliState& state) {
  {
    auto f = std::make_shared<SearchFlags>();
    CLI::App* cmd = app.add_subcommand("search", "Full-text search over stored articles (accent- and case-insensitive)");
    AddPathFlags(cmd, f->paths, true, false, false);
    cmd->add_flag("--json", f->json, "print JSON");
    cmd->add_option("--lang", f->lang, "only articles in this language")->check(CLI::IsMember({"vi", "en", "other"}));
    cmd->add_option("--since", f->since, "only articles published since DATE (YYYY-MM-DD)");
    cmd->add_option("--limit", f->limit, "at most N results")->check(CLI::Range(1, 10000))->capture_default_str();
    cmd->add_option("query", f->query, "words; \"a phrase\"; prefix*; a OR b")->required();
    cmd->callback([f, &state] { state.exit_code = RunSearch(*f); });
  }
  {
    auto f = std::make_shared<FundingFlags>();
    CLI::App* cmd = app.add_subcommand("funding", "Funding announcements, newest first");
    AddPathFlags(cmd, f->paths, true, false, false);
    cmd->add_flag("--json", f->json, "print JSON");
    cmd->add_flag("--csv", f->csv, "print CSV (for spreadsheets)");
    cmd->add_option("--investor", f->investor, "investor name or alias (accents optional)");
    cmd->add_option("--investee", f->investee, "company name or alias (accents optional)");
    cmd->add_option("--round", f->round, "round: seed, series-a, strategic, ...");
    cmd->add_option("--since", f->since, "announced on or after DATE");
    cmd->add_option("--until", f->until, "announced on or before DATE");
    cmd->add_option("--min-amount", f->min_amount, "amount at least (in its currency)");
    cmd->add_option("--max-amount", f->max_amount, "amount at most (in its currency)");
    cmd->callback([f, &state] { state.exit_code = RunFunding(*f); });
  }
  {
    auto f = std::make_shared<CoverageFlags>();
    CLI::App* cmd = app.add_subcommand("coverage", "Where and when an organisation or person was covered");
    AddPathFlags(cmd, f->paths, true, false, false);
    cmd->add_flag("--json", f->json, "print JSON");
    cmd->add_option("--entity", f->entity, "name or alias (accents optional)")->required();
    cmd->add_option("--since", f->since, "only articles published since DATE");
    cmd->callback([f, &state] { state.exit_code = RunCoverage(*f); });
  }
  {
    auto f = std::make_shared<EntitiesFlags>();
    CLI::App* cmd = app.add_subcommand("entities", "The organisations, people and places seen, most covered first");
    AddPathFlags(cmd, f->paths, true, false, false);
    cmd->add_flag("--json", f->json, "print JSON");
    cmd->add_option("--type", f->type, "ORG, PER or LOC")->check(CLI::IsMember({"ORG", "PER", "LOC"}));
    cmd->add_option("--top", f->top, "how many")->check(CLI::Range(1, 100000))->capture_default_str();
    cmd->callback([f, &state] { state.exit_code = RunEntities(*f); });
  }
  {
    auto f = std::make_shared<FeedsFlags>();
    CLI::App* cmd = app.add_subcommand("feeds", "Feed health: last fetch, status, errors, next poll");
    AddPathFlags(cmd, f->paths, true, false, false);
    cmd->add_flag("--json", f->json, "print JSON");
    cmd->callback([f, &state] { state.exit_code = RunFeeds(*f); });
  }
}

}  // namespace pw::app
