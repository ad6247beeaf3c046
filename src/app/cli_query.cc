// The query commands: search, funding, coverage, entities, feeds.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "app/cli.h"
#include "app/csv.h"
#include "app/json_out.h"
#include "app/table.h"
#include "common/error.h"
#include "extract/extraction.h"
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

std::string AmountText(const extract::FundingRecord& r) {
  if (!r.amount) return "undisclosed";
  char buf[64];
  const double a = *r.amount;
  if (a >= 1e9) std::snprintf(buf, sizeof buf, "%.4g bn", a / 1e9);
  else if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.4g mn", a / 1e6);
  else std::snprintf(buf, sizeof buf, "%.0f", a);
  return std::string(buf) + " " + r.currency;
}

// <mark> tags off, entities decoded: a snippet for the terminal. A table
// cuts a long cell at its end, so the snippet starts a few words before its
// first match: the words searched for show.
std::string PlainSnippet(std::string s) {
  constexpr std::size_t kLead = 12;  // bytes kept before the first match, about
  if (const std::size_t mark = s.find("<mark>"); mark != std::string::npos && mark > kLead) {
    if (const std::size_t space = s.rfind(' ', mark - kLead); space != std::string::npos)
      s = "\u2026" + s.substr(space + 1);
  }
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
  std::string lang, since, source, query;
  int limit = 20;
};

struct FundingFlags {
  PathFlags paths;
  bool json = false, csv = false, each_report = false;
  std::string investor, investee, round, since, until, currency;
  std::optional<double> min_amount, max_amount;
  int limit = 1000;
};

struct CoverageFlags {
  PathFlags paths;
  bool json = false;
  std::string entity, since, until;
  int limit = 100;
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
  store::SearchQuery q{f.query, f.lang, TimestampFlag("--since", f.since), f.source, f.limit};
  auto hits = Check(db->Search(q));
  if (f.json) {
    std::cout << Pretty(SearchJson(hits));
    return 0;
  }
  if (hits.empty()) {
    // As coverage's unknown name: a source no feed has is a typo to point
    // at, not a quiet empty answer ("VnExpress" where the feed's title is
    // "VnExpress - Kinh doanh").
    if (!f.source.empty()) {
      const auto feeds = Check(db->Feeds());
      const bool known = std::any_of(feeds.begin(), feeds.end(),
                                     [&](const store::FeedHealth& h) { return h.title == f.source || h.url == f.source; });
      if (!known)
        std::cerr << "presswatch: no feed has the title or URL '" << f.source
                  << "' (presswatch feeds lists them; --source takes one whole)\n";
    }
    std::cerr << "no articles match '" << f.query << "'" << (f.source.empty() ? "" : " in '" + f.source + "'")
              << "\n";
    return 0;
  }
  Table t({"PUBLISHED", "SOURCE", "TITLE", "SNIPPET"});
  for (const auto& h : hits) t.Add({h.published.substr(0, 10), h.source, h.title, PlainSnippet(h.snippet)});
  std::cout << t.Render(TerminalWidth());
  return 0;
}

int RunFunding(const FundingFlags& f) {
  if (f.json && f.csv) throw StartupError("--json and --csv: choose one");
  store::FundingQuery q;
  q.since = DayFlag("--since", f.since);
  q.until = DayFlag("--until", f.until);
  q.investor = f.investor;
  q.investee = f.investee;
  q.round = f.round;
  q.min_amount = f.min_amount;
  q.max_amount = f.max_amount;
  q.currency = f.currency;
  q.each_report = f.each_report;
  q.limit = f.limit;
  // Before the database is opened: a crossed range is the user's mistake
  // whether or not there is a database to ask.
  if (std::string problem = store::FundingQueryProblem(q); !problem.empty()) throw StartupError(problem);
  auto db = OpenForQuery(Resolve(f.paths));
  auto rows = Check(db->Funding(q));
  if (f.json) {
    std::cout << Pretty(FundingRowsJson(rows));
    return 0;
  }
  if (f.csv) {
    std::cout << CsvLine({"announced", "investee", "investors", "lead_investors", "amount", "currency", "round",
                          "source", "language", "published", "article_title", "article_url", "evidence", "deal",
                          "reports", "sources"});
    for (const auto& r : rows) {
      const auto& x = r.record;
      std::cout << CsvLine({x.announced, x.investee, JoinList(x.investors), JoinList(x.lead_investors),
                            CsvNumber(x.amount), x.currency, x.round, r.source, r.language, r.published,
                            r.article_title, r.article_url, x.evidence, std::to_string(r.deal),
                            std::to_string(r.reports), JoinList(r.sources)});
    }
    return 0;
  }
  if (rows.empty()) {
    std::cerr << "no funding announcements match\n";
    return 0;
  }
  Table t({"ANNOUNCED", "INVESTEE", "INVESTORS (* lead)", "AMOUNT", "ROUND", f.each_report ? "SOURCE" : "REPORTED BY"});
  for (const auto& r : rows) {
    std::vector<std::string> investors;
    for (const auto& i : r.record.investors) {
      const bool lead = std::find(r.record.lead_investors.begin(), r.record.lead_investors.end(), i) !=
                        r.record.lead_investors.end();
      investors.push_back(lead ? i + "*" : i);
    }
    t.Add({r.record.announced, r.record.investee, JoinList(investors, ", "), AmountText(r.record),
           r.record.round.empty() ? "-" : r.record.round, f.each_report ? r.source : JoinList(r.sources, ", ")});
  }
  std::cout << t.Render(TerminalWidth());
  return 0;
}

// "3 (2 stories)", or "3" when every article is its own story.
std::string WithStories(std::int64_t articles, std::int64_t stories) {
  return std::to_string(articles) + (stories != articles ? " (" + std::to_string(stories) + " stories)" : "");
}

int RunCoverage(const CoverageFlags& f) {
  auto db = OpenForQuery(Resolve(f.paths));
  auto report = Check(db->Coverage(
      {f.entity, TimestampFlag("--since", f.since), UntilFlag("--until", f.until), f.limit}));
  if (f.json) {
    std::cout << Pretty(CoverageJson(report));
    return 0;
  }
  // A name no entity has is not the same news as an entity nobody covered.
  if (!report.known)
    std::cerr << "presswatch: no organisation, person or place is known as '" << f.entity
              << "' (presswatch entities lists them)\n";
  std::cout << report.entity << ": " << report.total << (report.total == 1 ? " article, " : " articles, ")
            << report.stories << (report.stories == 1 ? " story" : " stories");
  if (!f.since.empty() || !f.until.empty())
    std::cout << " (" << (f.since.empty() ? "" : "since " + f.since) << (f.since.empty() || f.until.empty() ? "" : ", ")
              << (f.until.empty() ? "" : "until " + f.until) << ")";
  std::cout << "\n";
  if (report.total == 0) return 0;
  const std::size_t width = TerminalWidth();
  Table by_source({"SOURCE", "ARTICLES", "STORIES"});
  for (const auto& [source, n] : report.by_source)
    by_source.Add({source, std::to_string(n), std::to_string(report.stories_by_source[source])});
  std::cout << "\n" << by_source.Render(width);
  Table by_language({"LANGUAGE", "ARTICLES", "STORIES"});
  for (const auto& [language, n] : report.by_language)
    by_language.Add({language, std::to_string(n), std::to_string(report.stories_by_language[language])});
  std::cout << "\n" << by_language.Render(width);
  Table by_day({"DAY", "ARTICLES", "NEW STORIES"});
  for (const auto& [day, n] : report.by_day)
    by_day.Add({day, std::to_string(n), std::to_string(report.stories_by_day[day])});
  std::cout << "\n" << by_day.Render(width);
  Table stories({"FIRST SEEN", "ARTICLES", "STORY", "CARRIED BY"});
  for (const auto& s : report.story_list)
    stories.Add({s.first_published.substr(0, 10), std::to_string(s.articles), s.title, JoinList(s.sources, ", ")});
  std::cout << "\n" << stories.Render(width);
  Table mentions({"PUBLISHED", "SOURCE", "LANG", "TITLE", "SNIPPET"});
  for (const auto& m : report.mentions)
    mentions.Add({m.published.substr(0, 10), m.source, m.language, m.title, PlainSnippet(m.snippet)});
  std::cout << "\n" << mentions.Render(width);
  if (report.total > static_cast<std::int64_t>(report.mentions.size()))
    std::cout << "(" << report.mentions.size() << " most recent of " << WithStories(report.total, report.stories)
              << "; --limit shows more)\n";
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
    t.Add({r.type, name, std::to_string(r.articles), std::to_string(r.mentions), JoinList(r.aliases)});
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
    cmd->add_option("--source", f->source, "only articles of this feed (its title or URL, see: presswatch feeds)");
    cmd->add_option("--limit", f->limit, "at most N results")->check(CLI::Range(1, 10000))->capture_default_str();
    cmd->footer("Ranks by relevance (title words count thrice) and recency, among the 1,000 most recent matches.");
    cmd->add_option("query", f->query, "words; \"a phrase\"; prefix*; a OR b")->required();
    cmd->callback([f, &state] { state.exit_code = RunSearch(*f); });
  }
  {
    auto f = std::make_shared<FundingFlags>();
    CLI::App* cmd = app.add_subcommand("funding", "Funding rounds, newest first, one row per deal");
    cmd->footer("Reports of one round by several outlets or in both languages are one deal: its terms gathered\n"
                "from them, its article the first report. --each-report lists every report instead.");
    AddPathFlags(cmd, f->paths, true, false, false);
    cmd->add_flag("--json", f->json, "print JSON");
    cmd->add_flag("--csv", f->csv, "print CSV (for spreadsheets)");
    cmd->add_option("--investor", f->investor, "investor name or alias, accents optional, from the start of a word")
        ->check(NameValidator());
    cmd->add_option("--investee", f->investee, "company name or alias, accents optional, from the start of a word")
        ->check(NameValidator());
    cmd->add_option("--round", f->round, "round: pre-seed, seed, series-a ... series-h, bridge, strategic, growth, ...")
        ->check(CLI::IsMember(std::vector<std::string>(extract::kRoundSlugs.begin(), extract::kRoundSlugs.end())));
    cmd->add_option("--since", f->since, "announced on or after DATE");
    cmd->add_option("--until", f->until, "announced on or before DATE");
    // The amounts' and the currency's checks are store::FundingQueryProblem's,
    // the API's too.
    cmd->add_option("--min-amount", f->min_amount, "amount at least (in its currency)");
    cmd->add_option("--max-amount", f->max_amount, "amount at most (in its currency)");
    cmd->add_option("--currency", f->currency, "only amounts in this currency (USD, VND, SGD, ...): ISO 4217");
    cmd->add_flag("--each-report", f->each_report, "one row per article that reported a deal");
    cmd->add_option("--limit", f->limit, "at most N rows")->check(CLI::Range(1, 1000000))->capture_default_str();
    cmd->callback([f, &state] { state.exit_code = RunFunding(*f); });
  }
  {
    auto f = std::make_shared<CoverageFlags>();
    CLI::App* cmd = app.add_subcommand("coverage", "Where and when an organisation or person was covered");
    AddPathFlags(cmd, f->paths, true, false, false);
    cmd->add_flag("--json", f->json, "print JSON");
    cmd->add_option("--entity", f->entity, "name or alias (accents optional)")->required()->check(NameValidator());
    cmd->add_option("--since", f->since, "only articles published since DATE");
    cmd->add_option("--until", f->until, "only articles published until DATE (the day included)");
    cmd->add_option("--limit", f->limit, "list at most N articles and stories (the counts cover all)")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
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
