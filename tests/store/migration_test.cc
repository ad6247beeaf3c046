// Old databases open and are upgraded: one fixture per earlier schema
// version, each written by the presswatch of that version
// (tests/data/store/README.md).
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/search_index.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "test_util.h"

namespace pw::store {
namespace {

using pw::testing::SourceDir;
using pw::testing::TempDir;

struct Fixture {
  int version;
  const char* file;
  std::int64_t named_mentions, figures;  // its mentions with an entity, and without (MONEY, DATE, PERCENT)
};
// Add a line here with each new schema version.
constexpr Fixture kEarlierVersions[] = {
    {1, "v1-demo.db", 186, 22}, {2, "v2-demo.db", 187, 22}, {3, "v3-demo.db", 197, 22}, {4, "v4-demo.db", 199, 22},
    {5, "v5-demo.db", 199, 22}, {6, "v6-demo.db", 199, 22}, {7, "v7-demo.db", 199, 22}};
static_assert(std::size(kEarlierVersions) == kSchemaVersion - 1, "a fixture for every earlier schema version");

std::int64_t Scalar(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::int64_t v = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return v;
}

// The named mentions, one line each, in (article, position) order: what
// versions 3 to 6 hold in the table `mentions`, and version 7 in its view.
std::vector<std::string> MentionRows(const std::string& db_path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::vector<std::string> rows;
  if (sqlite3_prepare_v2(db,
                         "SELECT article_id || '|' || position || '|' || type || '|' || entity_id || '|' || start || "
                         "'|' || end || '|' || text || '|' || IFNULL(title, '-') || '|' || "
                         "IFNULL(organization, '-') FROM mentions ORDER BY article_id, position",
                         -1, &s, nullptr) == SQLITE_OK)
    while (sqlite3_step(s) == SQLITE_ROW) rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

std::string CopyFixture(const TempDir& dir, const Fixture& f) {
  const std::string path = dir.File("old.db");
  std::filesystem::copy_file(SourceDir() / "tests/data/store" / f.file, path);
  return path;
}

// What the full-text index answers, as the search of Store does it: each
// match's id, score (pw_rank) and snippets, for a few queries. `db` has the
// index as `articles_fts`, in the file (up to version 5, with the text:
// FTS5's own snippet()) or attached (DB-search, contentless: pw_snippet,
// handed the articles' text), so the two snippets are compared live.
enum class Snippets { kFts5, kOurs };
std::vector<std::string> IndexAnswers(Database& db, Snippets snippets) {
  std::vector<std::string> out;
  for (const char* query : {"\"dau tu\"", "sovico", "genai OR fintech", "startup*", "\"series a\"", "quy"}) {
    Statement& s = db.Prepare(
        snippets == Snippets::kFts5
            ? "SELECT rowid, pw_rank(articles_fts, 3.0, 1.0, 0.0), snippet(articles_fts, 1, '[', ']', '…', 24), "
              "snippet(articles_fts, 0, '[', ']', '…', 24) FROM articles_fts WHERE articles_fts MATCH ?1 "
              "ORDER BY rowid"
            : "SELECT articles_fts.rowid, pw_rank(articles_fts, 3.0, 1.0, 0.0), "
              "pw_snippet(articles_fts, 1, a.text, '[', ']', '…', 24), "
              "pw_snippet(articles_fts, 0, a.title, '[', ']', '…', 24) "
              "FROM articles_fts JOIN main.articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?1 "
              "ORDER BY articles_fts.rowid");
    s.Bind(1, query);
    while (s.Step()) {
      char score[32];
      std::snprintf(score, sizeof score, "%.9g", s.Double(1));
      out.push_back(std::string(query) + " " + std::to_string(s.Int64(0)) + " " + score + " " + s.Text(2) + " | " +
                    s.Text(3));
    }
  }
  return out;
}

TEST(Migration, EveryEarlierVersionOpensAndIsUpgraded) {
  for (const auto& f : kEarlierVersions) {
    TempDir dir;
    const std::string path = CopyFixture(dir, f);
    ASSERT_EQ(Scalar(path, "PRAGMA user_version"), f.version) << f.file;
    // Up to version 5 the index is in the file; from 6 in DB-search. The
    // same text must give the same answers from either.
    std::vector<std::string> before;
    // The language joined the index's columns in 3 (title and text before:
    // other scores); version 6's fixture keeps no DB-search (derived data).
    if (f.version >= 3 && f.version <= 5) {
      auto old_db = Database::Open(path, /*read_only=*/true);
      before = IndexAnswers(*old_db, Snippets::kFts5);
      ASSERT_GT(before.size(), 5u) << f.file;
    }
    // From version 3 on, the mentions have positions that later versions keep.
    const std::vector<std::string> mentions_before = f.version >= 3 ? MentionRows(path) : std::vector<std::string>{};
    if (f.version >= 3) {
      ASSERT_EQ(mentions_before.size(), static_cast<std::size_t>(f.named_mentions)) << f.file;
    }
    std::int64_t last_done = 0, last_total = -1;
    auto db = Store::Open(path, {.migration_progress = [&](std::int64_t done, std::int64_t total) {
                                   last_done = done;
                                   last_total = total;
                                 }});
    EXPECT_EQ(Scalar(path, "PRAGMA user_version"), kSchemaVersion) << f.file;
    if (f.version < 3) {  // the upgrade to 3 backfills rows, with progress; from 3 on it is SQL alone
      EXPECT_EQ(last_done, last_total) << "progress reached its end";
      EXPECT_GT(last_total, 0);
    }

    // What the users had is still there, and answers the new queries. The
    // MONEY, DATE and PERCENT mentions moved into each article's figures.
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM articles"), 11);
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM mentions"), f.named_mentions);
    EXPECT_EQ(Scalar(path, "SELECT SUM(json_array_length(figures)) FROM articles"), f.figures);
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM articles, json_each(articles.figures) "
                           "WHERE json_each.value ->> 'type' = 'MONEY' AND json_each.value ->> 'value' IS NOT NULL"),
              Scalar(path, "SELECT COUNT(*) FROM articles, json_each(articles.figures) "
                           "WHERE json_each.value ->> 'type' = 'MONEY'"));
    auto hits = db->Search({.query = "dau tu chien luoc"});
    ASSERT_OK(hits);
    EXPECT_EQ(hits->size(), 2u);  // the Vietnamese seed and its republication
    // Version 6: the index left the file for DB-search, built at the open.
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE 'articles_fts%'"), 0) << f.file;
    EXPECT_EQ(Scalar(SearchIndex::PathFor(path), "SELECT value FROM search_state WHERE key = 'indexed'"),
              Scalar(path, "SELECT MAX(id) FROM articles"))
        << f.file;
    if (!before.empty()) {
      auto new_db = Database::Open(path, /*read_only=*/true);
      new_db->AttachReadOnly(SearchIndex::PathFor(path), "search");
      EXPECT_EQ(IndexAnswers(*new_db, Snippets::kOurs), before) << f.file;
    }
    auto coverage = db->Coverage({.entity = "Quy GenAI"});
    ASSERT_OK(coverage);
    EXPECT_EQ(coverage->total, 3);    // vi, en, and the republication
    EXPECT_EQ(coverage->stories, 2);  // the republication joined the vi story
    auto deals = db->Funding({.investor = "sovico"});
    ASSERT_OK(deals);
    ASSERT_EQ(deals->size(), 1u);  // three reports of one round
    EXPECT_EQ((*deals)[0].reports, 3);
    EXPECT_EQ((*deals)[0].record.investee, "GenAI Fund");
    auto all = db->Funding({});
    ASSERT_OK(all);
    EXPECT_EQ(all->size(), 5u);  // GenAI Fund, Configu, SoSoValue, Babylon twice (one article, two rounds)
    auto orgs = db->Entities({.type = "ORG", .top = 10});
    ASSERT_OK(orgs);
    ASSERT_FALSE(orgs->empty());
    EXPECT_GE((*orgs)[0].articles, 3);  // counters filled from v1's mentions
    for (size_t i = 1; i < orgs->size(); ++i) EXPECT_GE((*orgs)[i - 1].articles, (*orgs)[i].articles);

    // Every exported record has a seq; the history raises no alerts.
    int exported = 0;
    auto cursor = db->ExportArticles("", [&](const ArticleExport& a) {
      EXPECT_GT(a.seq, 0);
      ++exported;
    });
    ASSERT_OK(cursor);
    EXPECT_EQ(exported, 11);
    ASSERT_OK(db->SetWatchlist({"GenAI Fund"}));
    auto queued = db->QueueAlerts({.file = true}, "2026-01-01T00:00:00Z");
    ASSERT_OK(queued);
    EXPECT_EQ(*queued, 0);

    // Version 2's moved_to stays; its SimHash column and index went with v3.
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM pragma_table_info('feeds') WHERE name = 'moved_to'"), 1);
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM pragma_table_info('articles') WHERE name = 'simhash'"), 0);
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'articles_published_simhash'"), 0);
    // Version 4 dropped the index of articles by story, which no query used;
    // the stories are still there.
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'articles_story'"), 0);
    EXPECT_EQ(Scalar(path, "SELECT COUNT(DISTINCT story_id) FROM articles"), 10) << f.file;
    // Version 5 flags each entity's first mention in each article (the
    // smallest start), and indexes those alone.
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM mentions WHERE first = 1"),
              Scalar(path, "SELECT COUNT(*) FROM (SELECT DISTINCT article_id, entity_id FROM mentions)"))
        << f.file;
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM mentions m WHERE first = 1 AND start > (SELECT MIN(start) "
                           "FROM mentions o WHERE o.article_id = m.article_id AND o.entity_id = m.entity_id)"),
              0)
        << f.file;
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'mentions_entity'"), 0) << f.file;
    // Version 7: one row of mentions per article, and the entity index a
    // table of each (entity, article)'s first mention; the view `mentions`
    // gives the rows as they were (the flags above are the view's).
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'mentions' AND type = 'view'"), 1)
        << f.file;
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'mentions_entity_first'"), 0) << f.file;
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM article_mentions"),
              Scalar(path, "SELECT COUNT(DISTINCT article_id) FROM mentions"))
        << f.file;
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM entity_index"),
              Scalar(path, "SELECT COUNT(*) FROM mentions WHERE first = 1"))
        << f.file;
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM (SELECT entity_id, article_id, start, end FROM entity_index "
                           "EXCEPT SELECT entity_id, article_id, start, end FROM mentions WHERE first = 1)"),
              0)
        << f.file;
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM article_mentions am WHERE am.entities IS NOT "
                           "(SELECT json_group_array(entity_id) FROM (SELECT entity_id FROM mentions m "
                           "WHERE m.article_id = am.article_id GROUP BY entity_id "
                           "ORDER BY COUNT(*) DESC, MIN(start), entity_id))"),
              0)
        << f.file;
    // Version 8: the entity index's newest rows have a table of their own,
    // empty after the upgrade; the view entity_index reads both tables.
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM entity_articles_recent"), 0) << f.file;
    EXPECT_EQ(Scalar(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'entity_index' AND type = 'view'"), 1)
        << f.file;
    if (f.version >= 3) {
      EXPECT_EQ(MentionRows(path), mentions_before) << f.file;
    }
  }
}

TEST(Migration, AnOldDatabaseOpenedReadOnlyAsksToBeUpgraded) {
  TempDir dir;
  const std::string path = CopyFixture(dir, kEarlierVersions[0]);
  try {
    Store::Open(path, {.read_only = true});
    FAIL() << "a read-only open upgraded or accepted an old database";
  } catch (const StartupError& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 1"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("presswatch poll"), std::string::npos) << e.what();
  }
  EXPECT_EQ(Scalar(path, "PRAGMA user_version"), 1);
}

TEST(Migration, AFreshDatabaseAndAnUpgradedOneHaveTheSameTables) {
  TempDir dir;
  const std::string old_path = CopyFixture(dir, kEarlierVersions[0]);
  { Store::Open(old_path, {}); }
  { Store::Open(dir.File("fresh.db"), {}); }
  const std::string tables =
      "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type IN ('table', 'index', 'view') "
      "ORDER BY name)";
  sqlite3* a = nullptr;
  sqlite3* b = nullptr;
  sqlite3_open_v2(old_path.c_str(), &a, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_open_v2(dir.File("fresh.db").c_str(), &b, SQLITE_OPEN_READONLY, nullptr);
  auto text = [&](sqlite3* db) {
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, tables.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
  };
  EXPECT_EQ(text(a), text(b));
  EXPECT_NE(text(a).find("story_bands"), std::string::npos);
  sqlite3_close(a);
  sqlite3_close(b);
}

}  // namespace
}  // namespace pw::store
