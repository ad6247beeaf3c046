// Store: the read queries (search, funding, coverage, entities).
#include <algorithm>
#include <set>

#include "store/sqlite.h"
#include "store/store.h"
#include "store/store_errors.h"
#include "text/search_key.h"

namespace pw::store {

namespace {

constexpr char kMarkOpen = '\x02';
constexpr char kMarkClose = '\x03';

// Text as safe HTML, with the FTS markers turned into <mark>.
std::string MarkedHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case kMarkOpen: out += "<mark>"; break;
      case kMarkClose: out += "</mark>"; break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// The user's words as a safe FTS5 query: each word or "quoted phrase" is a
// quoted string (so FTS5 syntax characters mean nothing), a trailing * keeps
// a prefix search, and a bare OR between terms is kept. Empty when the query
// has no words.
std::string FtsQuery(std::string_view input) {
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
    if (!phrase && term.size() > 1 && term.back() == '*') {
      prefix = true;
      term.pop_back();
    }
    if (!phrase && term == "OR") {
      if (!terms.empty() && terms.back() != "OR") terms.push_back("OR");
      continue;
    }
    std::string quoted = "\"";
    for (char c : term) {
      if (c == '"') quoted += "\"\"";
      else quoted += c;
    }
    quoted += '"';
    // A term with no letters or digits would be an empty phrase: FTS5 rejects it.
    if (std::none_of(term.begin(), term.end(), [](unsigned char c) { return std::isalnum(c) || c >= 0x80; }))
      continue;
    terms.push_back(quoted + (prefix ? "*" : ""));
  }
  while (!terms.empty() && terms.back() == "OR") terms.pop_back();
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : " ") + t;
  return out;
}

std::string LikePattern(std::string_view needle) {
  std::string out = "%";
  for (char c : text::SearchKey(needle)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// Cuts `text` to whole UTF-8 characters at both ends.
std::string_view WholeCharacters(std::string_view text) {
  size_t b = 0;
  while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
  size_t e = text.size();
  // Drop a trailing partial sequence.
  size_t k = e;
  while (k > b && (static_cast<unsigned char>(text[k - 1]) & 0xC0) == 0x80) --k;
  if (k > b) {
    const unsigned char lead = static_cast<unsigned char>(text[k - 1]);
    const size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (e - (k - 1) < need) e = k - 1;
  }
  return text.substr(b, e - b);
}

}  // namespace

Result<std::vector<SearchHit>> Store::Search(const SearchQuery& q) {
  const std::string fts = FtsQuery(q.query);
  if (fts.empty()) return Error::InvalidArgument("the search query has no words");
  return Guarded(path_, [&]() -> Result<std::vector<SearchHit>> {
    Statement& s = db_->Prepare(
        "SELECT a.url, a.title, f.title, a.language, COALESCE(a.published, ''), a.story_id, "
        "snippet(articles_fts, -1, char(2), char(3), '…', 24), "
        "-bm25(articles_fts, 3.0, 1.0) / (1.0 + MAX(0.0, julianday('now') - "
        "COALESCE(julianday(a.published), julianday('now'))) / 30.0) AS score "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "JOIN feeds f ON f.id = a.feed_id "
        "WHERE articles_fts MATCH ?1 AND (?2 = '' OR a.language = ?2) "
        "AND (?3 = '' OR a.published >= ?3) AND (?4 = '' OR f.title = ?4 OR f.url = ?4) "
        "ORDER BY score DESC LIMIT ?5");
    s.Bind(1, fts).Bind(2, q.language).Bind(3, q.since).Bind(4, q.source).Bind(5, q.limit);
    std::vector<SearchHit> hits;
    while (s.Step()) {
      SearchHit h;
      h.url = s.Text(0);
      h.title = s.Text(1);
      h.source = s.Text(2);
      h.language = s.Text(3);
      h.published = s.Text(4);
      h.story = s.Int64(5);
      h.snippet = MarkedHtml(s.Text(6));
      h.score = s.Double(7);
      hits.push_back(std::move(h));
    }
    return hits;
  });
}

Result<std::vector<FundingRow>> Store::Funding(const FundingQuery& q) {
  return Guarded(path_, [&]() -> Result<std::vector<FundingRow>> {
    Statement& s = db_->Prepare(
        "SELECT fu.id, e.name, fu.amount, fu.currency, fu.round, fu.announced, fu.evidence, "
        "a.url, a.title, fd.title, a.language, COALESCE(a.published, '') "
        "FROM funding fu JOIN entities e ON e.id = fu.investee_id "
        "JOIN articles a ON a.id = fu.article_id JOIN feeds fd ON fd.id = a.feed_id "
        "WHERE (?1 = '' OR EXISTS (SELECT 1 FROM funding_investors fi JOIN entity_aliases al "
        "  ON al.entity_id = fi.entity_id WHERE fi.funding_id = fu.id AND al.alias_key LIKE ?1 ESCAPE '\\')) "
        "AND (?2 = '' OR EXISTS (SELECT 1 FROM entity_aliases al WHERE al.entity_id = fu.investee_id "
        "  AND al.alias_key LIKE ?2 ESCAPE '\\')) "
        "AND (?3 = '' OR fu.round = ?3) "
        "AND (?4 = '' OR COALESCE(fu.announced, substr(a.published, 1, 10)) >= ?4) "
        "AND (?5 = '' OR COALESCE(fu.announced, substr(a.published, 1, 10)) <= ?5) "
        "AND (?6 IS NULL OR fu.amount >= ?6) AND (?7 IS NULL OR fu.amount <= ?7) "
        "ORDER BY COALESCE(fu.announced, a.published) DESC, fu.id DESC LIMIT ?8");
    s.Bind(1, q.investor.empty() ? std::string() : LikePattern(q.investor));
    s.Bind(2, q.investee.empty() ? std::string() : LikePattern(q.investee));
    s.Bind(3, q.round).Bind(4, q.since.substr(0, 10)).Bind(5, q.until.substr(0, 10));
    s.Bind(6, q.min_amount).Bind(7, q.max_amount).Bind(8, q.limit);
    std::vector<FundingRow> rows;
    while (s.Step()) {
      FundingRow r;
      r.id = s.Int64(0);
      r.record.investee = s.Text(1);
      r.record.amount = s.OptionalDouble(2);
      r.record.currency = s.Text(3);
      r.record.round = s.Text(4);
      r.record.announced = s.Text(5);
      r.record.evidence = s.Text(6);
      r.article_url = s.Text(7);
      r.article_title = s.Text(8);
      r.source = s.Text(9);
      r.language = s.Text(10);
      r.published = s.Text(11);
      rows.push_back(std::move(r));
    }
    for (auto& r : rows) {
      Statement& inv = db_->Prepare(
          "SELECT e.name, fi.is_lead FROM funding_investors fi JOIN entities e ON e.id = fi.entity_id "
          "WHERE fi.funding_id = ?1 ORDER BY fi.position");
      inv.Bind(1, r.id);
      while (inv.Step()) {
        r.record.investors.push_back(inv.Text(0));
        if (inv.Int64(1)) r.record.lead_investors.push_back(inv.Text(0));
      }
    }
    return rows;
  });
}

Result<CoverageReport> Store::Coverage(const CoverageQuery& q) {
  return Guarded(path_, [&]() -> Result<CoverageReport> {
    CoverageReport report;
    report.entity = q.entity;
    const std::string key = text::SearchKey(q.entity);
    Statement& who = db_->Prepare(
        "SELECT e.name FROM entities e JOIN entity_aliases al ON al.entity_id = e.id "
        "WHERE al.alias_key = ?1 AND e.type IN ('ORG', 'PER', 'LOC') "
        "ORDER BY (e.name_key = ?1) DESC, e.id LIMIT 1");
    who.Bind(1, key);
    if (who.Step()) report.entity = who.Text(0);
    who.Reset();

    struct Row {
      std::int64_t article_id;
      CoverageMention mention;
      std::int64_t first_start, first_end;
    };
    std::vector<Row> rows;
    Statement& s = db_->Prepare(
        "SELECT a.id, a.url, a.title, f.title, a.language, COALESCE(a.published, ''), "
        "COALESCE(a.story_id, a.id), MIN(m.start), m.end "
        "FROM mentions m JOIN articles a ON a.id = m.article_id JOIN feeds f ON f.id = a.feed_id "
        "WHERE m.entity_id IN (SELECT al.entity_id FROM entity_aliases al JOIN entities e "
        "  ON e.id = al.entity_id WHERE al.alias_key = ?1 AND e.type IN ('ORG', 'PER', 'LOC')) "
        "AND (?2 = '' OR a.published >= ?2) "
        "GROUP BY a.id ORDER BY a.published DESC, a.id DESC");
    s.Bind(1, key).Bind(2, q.since);
    std::set<std::int64_t> stories;
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
      ++report.total;
      stories.insert(r.mention.story);
      ++report.by_source[r.mention.source];
      ++report.by_language[r.mention.language];
      if (r.mention.published.size() >= 10) ++report.by_day[r.mention.published.substr(0, 10)];
      if (static_cast<int>(rows.size()) < q.limit) rows.push_back(std::move(r));
    }
    report.stories = static_cast<std::int64_t>(stories.size());
    for (auto& r : rows) {
      // A window of the text around the first mention, cut at whole characters.
      constexpr std::int64_t kBefore = 120, kAfter = 160;
      const std::int64_t from = std::max<std::int64_t>(0, r.first_start - kBefore);
      Statement& t = db_->Prepare("SELECT substr(CAST(text AS BLOB), ?2, ?3) FROM articles WHERE id = ?1");
      t.Bind(1, r.article_id).Bind(2, from + 1).Bind(3, r.first_end - from + kAfter);
      if (t.Step()) {
        const std::string window = t.Text(0);
        const size_t ms = std::min(window.size(), static_cast<size_t>(r.first_start - from));
        const size_t me = std::clamp(static_cast<size_t>(r.first_end - from), ms, window.size());
        std::string marked = window.substr(0, ms) + kMarkOpen + window.substr(ms, me - ms) + kMarkClose +
                             window.substr(me);
        std::string_view whole = WholeCharacters(marked);
        r.mention.snippet = (from > 0 ? "…" : "") + MarkedHtml(whole) + "…";
      }
      report.mentions.push_back(std::move(r.mention));
    }
    return report;
  });
}

Result<std::vector<EntityRow>> Store::Entities(const EntitiesQuery& q) {
  return Guarded(path_, [&]() -> Result<std::vector<EntityRow>> {
    Statement& s = db_->Prepare(
        "SELECT e.id, e.type, e.name, COUNT(DISTINCT m.article_id) AS articles, COUNT(*) AS n "
        "FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE (?1 = '' OR e.type = ?1) GROUP BY e.id ORDER BY articles DESC, n DESC, e.name LIMIT ?2");
    s.Bind(1, q.type).Bind(2, q.top);
    std::vector<std::pair<std::int64_t, EntityRow>> rows;
    while (s.Step()) {
      EntityRow r;
      r.type = s.Text(1);
      r.name = s.Text(2);
      r.articles = s.Int64(3);
      r.mentions = s.Int64(4);
      rows.emplace_back(s.Int64(0), std::move(r));
    }
    std::vector<EntityRow> out;
    for (auto& [id, r] : rows) {
      Statement& al = db_->Prepare("SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias");
      al.Bind(1, id);
      while (al.Step())
        if (std::string a = al.Text(0); a != r.name) r.aliases.push_back(std::move(a));
      if (r.type == "PER") {
        Statement& t = db_->Prepare(
            "SELECT COALESCE(title, ''), COALESCE(organization, '') FROM mentions "
            "WHERE entity_id = ?1 AND title IS NOT NULL ORDER BY article_id DESC LIMIT 1");
        t.Bind(1, id);
        if (t.Step()) {
          r.title = t.Text(0);
          r.organization = t.Text(1);
        }
      }
      out.push_back(std::move(r));
    }
    return out;
  });
}

}  // namespace pw::store
