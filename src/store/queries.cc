// Store: the read queries (search, funding, coverage, entities).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "common/time.h"
#include "store/names.h"
#include "store/snippet.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "store/store_errors.h"
#include "text/search_key.h"

namespace pw::store {

namespace {

// Search ranks at most this many of the most recently stored matches: enough
// that no result a recency-weighted ranking would show is left out in
// practice, few enough that a word found in half the archive costs
// milliseconds (bench/RESULTS.md).
constexpr int kSearchCandidates = 1000;

// At most this many words or phrases in one search: the snippets' work grows
// with the square of the matches, and a pasted query of 1,500 prefix terms
// took a minute on ten articles.
constexpr int kMaxSearchTerms = 64;

// The user's words as a safe FTS5 query: each word or "quoted phrase" is a
// quoted string (so FTS5 syntax characters mean nothing), a trailing * keeps
// a prefix search, and a bare OR between terms is kept. Control characters
// separate words (a NUL would end the query's text in FTS5). An error when
// the query has no words, or more than kMaxSearchTerms.
Result<std::string> FtsQuery(std::string_view raw) {
  std::string input(raw);
  for (char& c : input)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < input.size()) {
    while (i < input.size() && std::isspace(static_cast<unsigned char>(input[i]))) ++i;
    if (i >= input.size()) break;
    std::string term;
    bool phrase = false;
    if (input[i] == '"') {
      phrase = true;
      const size_t close = input.find('"', i + 1);
      term = std::string(input.substr(i + 1, (close == std::string_view::npos ? input.size() : close) - i - 1));
      i = close == std::string_view::npos ? input.size() : close + 1;
    } else {
      size_t j = i;
      while (j < input.size() && !std::isspace(static_cast<unsigned char>(input[j]))) ++j;
      term = std::string(input.substr(i, j - i));
      i = j;
    }
    bool prefix = false;
    if (term.size() > 1 && term.back() == '*') {
      prefix = true;
      term.pop_back();
    } else if (phrase && i < input.size() && input[i] == '*') {  // "quy dau"*
      prefix = true;
      ++i;
    }
    if (!phrase && term == "OR") {
      if (!terms.empty() && terms.back() != "OR") terms.push_back("OR");
      continue;
    }
    // A term with no letters or digits would be an empty phrase: FTS5 rejects it.
    if (std::none_of(term.begin(), term.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; }))
      continue;
    std::string quoted = "\"";
    for (char c : term) {
      if (c == '"') quoted += "\"\"";
      else quoted += c;
    }
    quoted += '"';
    terms.push_back(quoted + (prefix ? "*" : ""));
  }
  while (!terms.empty() && terms.back() == "OR") terms.pop_back();
  if (!terms.empty() && terms.front() == "OR") terms.erase(terms.begin());
  if (terms.empty()) return Error::InvalidArgument("the search query has no words");
  const auto words = std::count_if(terms.begin(), terms.end(), [](const std::string& t) { return t != "OR"; });
  if (words > kMaxSearchTerms)
    return Error::InvalidArgument("the search query has " + std::to_string(words) + " words or phrases; at most " +
                                  std::to_string(kMaxSearchTerms) + " are searched at once");
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " ") + t;
  return out;
}

// The ids of the entities one of whose aliases a name matches, as a JSON
// array for json_each(); nullopt when the name is empty (no filter).
std::optional<std::string> MatchingEntities(Database& db, const std::string& name) {
  if (name.empty()) return std::nullopt;
  return JsonIds(EntitiesMatching(db, name));
}

// The smallest article id that may have been published at or after `since`.
// Ids grow with first_seen (one writer, stamping its clock), so a binary
// search on ids finds the first article seen since, less two days of slack
// for feeds whose dates run ahead of the clock (a wrong time zone). Lets
// "since" queries skip the archive's older part, however long it grows.
std::int64_t FirstIdSince(Database& db, const std::string& since) {
  if (since.empty()) return 0;
  const auto t = ParseTimestamp(since);
  if (!t) return 0;
  const std::string target = FormatTimestamp(*t - std::chrono::days(2));
  std::int64_t lo = 1, hi;
  {
    Statement& s = db.Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM articles");
    s.Step();
    hi = s.Int64(0);
  }
  while (lo < hi) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    Statement& s = db.Prepare("SELECT first_seen FROM articles WHERE id >= ?1 ORDER BY id LIMIT 1");
    s.Bind(1, mid);
    if (s.Step() && s.Text(0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

void ReadInvestors(Database& db, const std::string& sql, std::int64_t id, extract::FundingRecord& record) {
  Statement& inv = db.Prepare(sql);
  inv.Bind(1, id);
  while (inv.Step()) {
    record.investors.push_back(inv.Text(0));
    if (inv.Int64(1)) record.lead_investors.push_back(inv.Text(0));
  }
}

}  // namespace

Result<std::vector<SearchHit>> Store::Search(const SearchQuery& q) {
  const auto query = FtsQuery(q.query);
  if (!query) return query.error();
  const std::string& fts = *query;
  // The language is a column of the index: filtered inside FTS5.
  std::string filtered = fts;
  if (!q.language.empty()) {
    std::string quoted;
    for (char c : q.language)
      if (c != '"') quoted += c;
    filtered = "language : \"" + quoted + "\" AND (" + fts + ")";
  }
  // The index is in DB-search, attached to the connection searched
  // (search_index.h): `articles_fts` below is found there.
  auto searched = SearchDatabase();
  if (!searched) return searched.error();
  Database& db = **searched;
  return Guarded(db, [&]() -> Result<std::vector<SearchHit>> {
    // Stage 1: the most recent matches that pass the filters, each scored by
    // relevance (BM25, title weighted 3: ranking.h) decayed by age (halved
    // at 30 days).
    struct Candidate {
      std::int64_t id;
      double score;
    };
    std::vector<Candidate> candidates;
    {
      Statement& s = db.Prepare(
          "SELECT a.id, pw_rank(articles_fts, 3.0, 1.0, 0.0) / (1.0 + MAX(0.0, julianday('now') - "
          "COALESCE(julianday(a.published), julianday('now'))) / 30.0) "
          "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
          "WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?2 "
          "AND (?3 = '' OR a.published >= ?3) "
          "AND (?4 = '' OR a.feed_id IN (SELECT id FROM feeds WHERE title = ?4 OR url = ?4)) "
          "ORDER BY articles_fts.rowid DESC LIMIT ?5");
      s.Bind(1, filtered).Bind(2, FirstIdSince(db, q.since)).Bind(3, q.since).Bind(4, q.source);
      s.Bind(5, kSearchCandidates);
      while (s.Step()) candidates.push_back({s.Int64(0), s.Double(1)});
    }
    const size_t n = std::min(candidates.size(), static_cast<size_t>(std::max(0, q.limit)));
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n), candidates.end(),
                      [](const Candidate& a, const Candidate& b) {
                        return a.score != b.score ? a.score > b.score : a.id > b.id;
                      });
    candidates.resize(n);
    // Stage 2: what to show of the few that remain. Snippets come from one
    // statement over the candidates' rowid range, the chosen ids a filter
    // (the unary + keeps SQLite from looking each one up, which would make
    // FTS5 set up the query, a prefix's merged doclist included, per id).
    // The index keeps no text (search_index.h): pw_snippet, FTS5's snippet()
    // as our code, is handed the article's (fts_snippet.h).
    std::map<std::int64_t, std::string> snippets;
    if (!candidates.empty()) {
      std::vector<std::int64_t> ids;
      for (const auto& c : candidates) ids.push_back(c.id);
      Statement& snip = db.Prepare(
          "SELECT articles_fts.rowid, pw_snippet(articles_fts, 1, a.text, char(2), char(3), '…', 24), "
          "pw_snippet(articles_fts, 0, a.title, char(2), char(3), '…', 24) "
          "FROM articles_fts JOIN main.articles a ON a.id = articles_fts.rowid "
          "WHERE articles_fts MATCH ?1 AND articles_fts.rowid BETWEEN ?2 AND ?3 "
          "AND +articles_fts.rowid IN (SELECT value FROM json_each(?4))");
      snip.Bind(1, fts).Bind(2, *std::min_element(ids.begin(), ids.end()));
      snip.Bind(3, *std::max_element(ids.begin(), ids.end())).Bind(4, JsonIds(ids));
      while (snip.Step()) {
        // From the text where the words are there, else from the title.
        std::string text = snip.Text(1), title = snip.Text(2);
        const bool in_text = text.find(kMarkOpen) != std::string::npos;
        snippets[snip.Int64(0)] = MarkedHtml(in_text || title.find(kMarkOpen) == std::string::npos ? text : title);
      }
    }
    std::vector<SearchHit> hits;
    for (const auto& c : candidates) {
      SearchHit h;
      h.score = c.score;
      Statement& a = db.Prepare(
          "SELECT a.url, a.title, f.title, a.language, COALESCE(a.published, ''), a.story_id "
          "FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?1");
      a.Bind(1, c.id);
      if (!a.Step()) continue;
      h.url = a.Text(0);
      h.title = a.Text(1);
      h.source = a.Text(2);
      h.language = a.Text(3);
      h.published = a.Text(4);
      h.story = a.Int64(5);
      a.Reset();
      h.snippet = std::move(snippets[c.id]);
      hits.push_back(std::move(h));
    }
    return hits;
  });
}

std::string FundingQueryProblem(const FundingQuery& q) {
  const auto amount = [](const std::optional<double>& a) {
    char text[400];  // a double's fixed form: up to 309 digits before the point
    const auto written = std::to_chars(text, text + sizeof text, *a, std::chars_format::fixed);
    return std::string(text, written.ptr);
  };
  if (q.min_amount && *q.min_amount < 0) return "min-amount (" + amount(q.min_amount) + ") is negative";
  if (q.max_amount && *q.max_amount < 0) return "max-amount (" + amount(q.max_amount) + ") is negative";
  if (q.min_amount && q.max_amount && *q.min_amount > *q.max_amount)
    return "min-amount (" + amount(q.min_amount) + ") is above max-amount (" + amount(q.max_amount) + ")";
  if (!q.since.empty() && !q.until.empty() && q.since.substr(0, 10) > q.until.substr(0, 10))
    return "since (" + q.since.substr(0, 10) + ") is after until (" + q.until.substr(0, 10) + ")";
  const bool iso = q.currency.size() == 3 && std::all_of(q.currency.begin(), q.currency.end(), [](char c) {
                     return std::isalpha(static_cast<unsigned char>(c));
                   });
  if (!q.currency.empty() && !iso)
    return "currency '" + q.currency + "' is not an ISO 4217 code (three letters: USD, VND, SGD)";
  return {};
}

Result<std::vector<FundingRow>> Store::Funding(const FundingQuery& q) {
  if (std::string problem = FundingQueryProblem(q); !problem.empty()) return Error::InvalidArgument(problem);
  return Guarded(*db_, [&]() -> Result<std::vector<FundingRow>> {
    const auto investors = MatchingEntities(*db_, q.investor);
    const auto investees = MatchingEntities(*db_, q.investee);
    std::vector<FundingRow> rows;
    if ((investors && *investors == "[]") || (investees && *investees == "[]")) return rows;
    // One row per deal, or per report; the same filters on either.
    const std::string sql =
        q.each_report
            ? "SELECT fu.id, fu.deal_id, d.reports, e.name, fu.amount, fu.currency, fu.round, "
              "COALESCE(fu.announced, substr(a.published, 1, 10)), fu.id "
              "FROM funding fu JOIN deals d ON d.id = fu.deal_id JOIN entities e ON e.id = fu.investee_id "
              "JOIN articles a ON a.id = fu.article_id "
              "WHERE (?1 IS NULL OR fu.id IN (SELECT funding_id FROM funding_investors "
              "  WHERE entity_id IN (SELECT value FROM json_each(?1)))) "
              "AND (?2 IS NULL OR fu.investee_id IN (SELECT value FROM json_each(?2))) "
              "AND (?3 = '' OR fu.round = ?3) "
              "AND (?4 = '' OR COALESCE(fu.announced, substr(a.published, 1, 10)) >= ?4) "
              "AND (?5 = '' OR COALESCE(fu.announced, substr(a.published, 1, 10)) <= ?5) "
              "AND (?6 IS NULL OR fu.amount >= ?6) AND (?7 IS NULL OR fu.amount <= ?7) "
              "AND (?9 = '' OR fu.currency = ?9) "
              "ORDER BY COALESCE(fu.announced, a.published) DESC, fu.id DESC LIMIT ?8"
            : "SELECT d.id, d.id, d.reports, e.name, d.amount, d.currency, d.round, d.announced, "
              "d.first_funding_id "
              "FROM deals d JOIN entities e ON e.id = d.investee_id "
              "WHERE (?1 IS NULL OR d.id IN (SELECT deal_id FROM deal_investors "
              "  WHERE entity_id IN (SELECT value FROM json_each(?1)))) "
              "AND (?2 IS NULL OR d.investee_id IN (SELECT value FROM json_each(?2))) "
              "AND (?3 = '' OR d.round = ?3) "
              "AND (?4 = '' OR d.announced >= ?4) AND (?5 = '' OR d.announced <= ?5) "
              "AND (?6 IS NULL OR d.amount >= ?6) AND (?7 IS NULL OR d.amount <= ?7) "
              "AND (?9 = '' OR d.currency = ?9) "
              "ORDER BY d.announced DESC, d.id DESC LIMIT ?8";
    Statement& s = db_->Prepare(sql);
    s.Bind(1, investors).Bind(2, investees).Bind(3, q.round).Bind(4, q.since.substr(0, 10));
    s.Bind(5, q.until.substr(0, 10)).Bind(6, q.min_amount).Bind(7, q.max_amount).Bind(8, q.limit);
    std::string currency = q.currency;  // codes are stored upper case; "usd" asks for USD
    for (char& c : currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    s.Bind(9, currency);
    std::vector<std::int64_t> report_of_record;  // the funding row whose article each row shows
    while (s.Step()) {
      FundingRow r;
      r.id = s.Int64(0);
      r.deal = s.Int64(1);
      r.reports = static_cast<int>(s.Int64(2));
      r.record.investee = s.Text(3);
      r.record.amount = s.OptionalDouble(4);
      r.record.currency = s.Text(5);
      r.record.round = s.Text(6);
      r.record.announced = s.Text(7);
      report_of_record.push_back(s.Int64(8));
      rows.push_back(std::move(r));
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      FundingRow& r = rows[i];
      ReadInvestors(*db_,
                    q.each_report ? "SELECT e.name, fi.is_lead FROM funding_investors fi JOIN entities e "
                                    "ON e.id = fi.entity_id WHERE fi.funding_id = ?1 ORDER BY fi.position"
                                  : "SELECT e.name, di.is_lead FROM deal_investors di JOIN entities e "
                                    "ON e.id = di.entity_id WHERE di.deal_id = ?1 ORDER BY di.position",
                    r.id, r.record);
      Statement& a = db_->Prepare(
          "SELECT fu.evidence, a.url, a.title, fd.title, a.language, COALESCE(a.published, '') "
          "FROM funding fu JOIN articles a ON a.id = fu.article_id JOIN feeds fd ON fd.id = a.feed_id "
          "WHERE fu.id = ?1");
      a.Bind(1, report_of_record[i]);
      if (a.Step()) {
        r.record.evidence = a.Text(0);
        r.article_url = a.Text(1);
        r.article_title = a.Text(2);
        r.source = a.Text(3);
        r.language = a.Text(4);
        r.published = a.Text(5);
      }
      a.Reset();
      Statement& src = db_->Prepare(
          "SELECT fd.title FROM funding fu JOIN articles a ON a.id = fu.article_id "
          "JOIN feeds fd ON fd.id = a.feed_id WHERE fu.deal_id = ?1 ORDER BY fu.id");
      src.Bind(1, r.deal);
      while (src.Step())
        if (std::string t = src.Text(0); std::find(r.sources.begin(), r.sources.end(), t) == r.sources.end())
          r.sources.push_back(std::move(t));
    }
    return rows;
  });
}

Result<CoverageReport> Store::Coverage(const CoverageQuery& q) {
  return Guarded(*db_, [&]() -> Result<CoverageReport> {
    CoverageReport report;
    report.entity = q.entity;
    // The entity the name means: by an alias, else by the start of a word;
    // the most covered when several.
    const std::vector<std::int64_t> named = EntitiesNamed(*db_, q.entity);
    if (named.empty()) return report;
    report.known = true;
    const std::int64_t entity_id = named.front();
    {
      Statement& who = db_->Prepare("SELECT name FROM entities WHERE id = ?1");
      who.Bind(1, entity_id);
      if (who.Step()) report.entity = who.Text(0);
      who.Reset();
    }

    struct Row {
      std::int64_t article_id;
      CoverageMention mention;
      std::int64_t first_start, first_end;
    };
    std::vector<Row> rows;
    Statement& s = db_->Prepare(
        "SELECT a.id, a.url, a.title, f.title, a.language, COALESCE(a.published, ''), "
        "COALESCE(a.story_id, a.id), m.start, m.end "
        "FROM entity_index m JOIN articles a ON a.id = m.article_id JOIN feeds f ON f.id = a.feed_id "
        "WHERE m.entity_id = ?1 "
        "AND m.article_id >= ?4 AND (?2 = '' OR a.published >= ?2) AND (?3 = '' OR a.published <= ?3) "
        "ORDER BY a.published DESC, a.id DESC");
    s.Bind(1, entity_id).Bind(2, q.since).Bind(3, q.until).Bind(4, FirstIdSince(*db_, q.since));
    while (s.Step()) {
      Row r;
      r.article_id = s.Int64(0);
      r.mention.url = s.Text(1);
      r.mention.title = s.Text(2);
      r.mention.source = s.Text(3);
      r.mention.language = s.Text(4);
      r.mention.published = s.Text(5);
      r.mention.story = s.Int64(6);
      r.first_start = s.Int64(7);
      r.first_end = s.Int64(8);
      rows.push_back(std::move(r));
    }
    // Articles count where they appear; a story counts once in total, once
    // per source and language that carried it, and on the day it first
    // appeared. Rows are newest first, so the last seen is a story's first.
    std::map<std::int64_t, CoverageStory> stories;
    std::set<std::pair<std::string, std::int64_t>> story_sources, story_languages;
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
      const CoverageMention& m = it->mention;
      ++report.total;
      ++report.by_source[m.source];
      ++report.by_language[m.language];
      const std::string day = m.published.substr(0, 10);
      if (!day.empty()) ++report.by_day[day];
      if (story_sources.emplace(m.source, m.story).second) ++report.stories_by_source[m.source];
      if (story_languages.emplace(m.language, m.story).second) ++report.stories_by_language[m.language];
      auto [st, is_new] = stories.try_emplace(m.story);
      if (is_new) {
        st->second.id = m.story;
        st->second.title = m.title;
        st->second.first_published = m.published;
        if (!day.empty()) ++report.stories_by_day[day];
      }
      ++st->second.articles;
      if (std::find(st->second.sources.begin(), st->second.sources.end(), m.source) == st->second.sources.end())
        st->second.sources.push_back(m.source);
    }
    report.stories = static_cast<std::int64_t>(stories.size());
    for (auto& [id, story] : stories) report.story_list.push_back(std::move(story));
    std::sort(report.story_list.begin(), report.story_list.end(), [](const CoverageStory& a, const CoverageStory& b) {
      return a.first_published != b.first_published ? a.first_published > b.first_published : a.id > b.id;
    });
    if (static_cast<int>(report.story_list.size()) > q.limit) report.story_list.resize(static_cast<size_t>(q.limit));
    for (auto& r : rows) {
      if (static_cast<int>(report.mentions.size()) >= q.limit) break;
      r.mention.snippet = MentionSnippet(*db_, r.article_id, r.first_start, r.first_end);
      report.mentions.push_back(std::move(r.mention));
    }
    return report;
  });
}

Result<std::vector<EntityRow>> Store::Entities(const EntitiesQuery& q) {
  return Guarded(*db_, [&]() -> Result<std::vector<EntityRow>> {
    Statement& s = db_->Prepare(
        "SELECT id, type, name, articles, mentions, COALESCE(title, ''), COALESCE(organization, '') "
        "FROM entities WHERE (?1 = '' OR type = ?1) AND articles > 0 "
        "ORDER BY articles DESC, mentions DESC, name LIMIT ?2");
    s.Bind(1, q.type).Bind(2, q.top);
    std::vector<EntityRow> rows;
    while (s.Step()) {
      EntityRow r;
      r.id = s.Int64(0);
      r.type = s.Text(1);
      r.name = s.Text(2);
      r.articles = s.Int64(3);
      r.mentions = s.Int64(4);
      r.title = s.Text(5);
      r.organization = s.Text(6);
      rows.push_back(std::move(r));
    }
    for (auto& r : rows) {
      Statement& al = db_->Prepare("SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias");
      al.Bind(1, r.id);
      while (al.Step())
        if (std::string a = al.Text(0); a != r.name) r.aliases.push_back(std::move(a));
    }
    return rows;
  });
}

}  // namespace pw::store
