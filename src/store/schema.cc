#include "store/schema.h"

#include <array>
#include <string>
#include <vector>

#include "common/error.h"
#include "store/deals.h"
#include "store/meta.h"
#include "store/near_duplicate.h"
#include "store/sqlite.h"
#include "store/stories.h"

namespace pw::store {

namespace {

// Version 1: feeds, articles (with full-text search), entities with their
// aliases, mentions, funding with investors, events with participants.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE feeds (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  site_url TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  last_fetch TEXT,
  last_status INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  etag TEXT,
  last_modified TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll TEXT
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  feed_id INTEGER NOT NULL REFERENCES feeds(id),
  item_key TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  canonical_url TEXT,
  title TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  published TEXT,
  published_estimated INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT NOT NULL,
  story_id INTEGER,
  simhash INTEGER,
  UNIQUE (feed_id, item_key)
);
CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_story ON articles(story_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id', tokenize='presswatch');

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  UNIQUE (type, name_key)
);

CREATE TABLE entity_aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  alias TEXT NOT NULL,
  alias_key TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias_key)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_key ON entity_aliases(alias_key);

CREATE TABLE mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  entity_id INTEGER REFERENCES entities(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT,
  title TEXT,
  organization TEXT
);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE funding (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  investee_id INTEGER NOT NULL REFERENCES entities(id),
  amount REAL,
  currency TEXT,
  round TEXT,
  announced TEXT,
  evidence TEXT NOT NULL DEFAULT ''
);
CREATE INDEX funding_investee ON funding(investee_id);
CREATE INDEX funding_announced ON funding(announced);

CREATE TABLE funding_investors (
  funding_id INTEGER NOT NULL REFERENCES funding(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  is_lead INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL,
  PRIMARY KEY (funding_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX funding_investors_entity ON funding_investors(entity_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  date TEXT,
  location TEXT,
  evidence TEXT NOT NULL DEFAULT ''
);

CREATE TABLE event_participants (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
)sql";

// Version 2: where a permanent redirect (301, 308) moved a feed. The feed
// keeps the URL of the feeds file as its identity; the poller fetches
// moved_to instead when it is set.
//
// And a covering index for the near-duplicate search of every insert
// (FindStory): its scan of the week around an article reads the index
// alone, not the articles' rows with their whole text.
constexpr std::string_view kV2 = R"sql(
ALTER TABLE feeds ADD COLUMN moved_to TEXT;
CREATE INDEX articles_published_simhash ON articles(published, simhash, story_id);
)sql";

// Version 3: what the three users need at scale.
// - stories: a MinHash fingerprint per article and the band index that finds
//   its near-duplicates (replaces SimHash, which needed a scan of the week;
//   v2's covering index for that scan goes with it);
// - deals: the funding reports of one round, from several outlets, grouped;
// - counters on entities, so the most covered list needs no scan;
// - a change sequence (seq) on everything export hands out, and meta;
// - the watchlist and the alert outbox.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value
) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('database_id', lower(hex(randomblob(4)))), ('seq', 0);

DROP INDEX articles_published_simhash;
ALTER TABLE articles DROP COLUMN simhash;
ALTER TABLE articles ADD COLUMN fingerprint BLOB;
ALTER TABLE articles ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_seq ON articles(seq);

-- week: the article's publication week (days since 1970, divided by 7),
-- first in the key: a lookup reads only the band's articles of the story
-- window, however old the archive, and a batch of new articles writes into
-- the few pages of its week instead of ten random pages each.
CREATE TABLE story_bands (
  week INTEGER NOT NULL,
  band_key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (week, band_key, article_id)
) WITHOUT ROWID;

-- The language as an indexed column of the full-text index, so that
-- "search --lang vi" is a filter inside FTS5, not a scan of its matches.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, language, content='articles', content_rowid='id', tokenize='presswatch');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN title TEXT;
ALTER TABLE entities ADD COLUMN organization TEXT;
ALTER TABLE entities ADD COLUMN first_seen TEXT;
ALTER TABLE entities ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX entities_seq ON entities(seq);
CREATE INDEX entity_aliases_key_entity ON entity_aliases(alias_key, entity_id);
DROP INDEX entity_aliases_key;

-- Mentions of named entities (ORG, PER, LOC), the ones queries follow,
-- clustered by article: one b-tree instead of a table and an index. MONEY,
-- DATE and PERCENT mentions, which no query reads, move to one JSON array
-- per article (articles.figures): a column, not a row each.
ALTER TABLE articles ADD COLUMN figures TEXT;
UPDATE articles SET figures = (
  SELECT json_group_array(json_object('type', type, 'text', text, 'start', start, 'end', end, 'value', value))
  FROM (SELECT * FROM mentions m WHERE m.article_id = articles.id AND m.entity_id IS NULL ORDER BY m.start))
WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = articles.id AND m.entity_id IS NULL);
CREATE TABLE mentions_v2 (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  title TEXT,
  organization TEXT,
  PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
INSERT INTO mentions_v2
  SELECT article_id, ROW_NUMBER() OVER (PARTITION BY article_id ORDER BY start, rowid) - 1, type, entity_id, start,
         end, text, title, organization
  FROM mentions WHERE entity_id IS NOT NULL;
DROP TABLE mentions;
ALTER TABLE mentions_v2 RENAME TO mentions;
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);

CREATE TABLE deals (
  id INTEGER PRIMARY KEY,
  investee_id INTEGER NOT NULL REFERENCES entities(id),
  amount REAL,
  currency TEXT,
  round TEXT,
  announced TEXT,
  first_funding_id INTEGER NOT NULL,
  reports INTEGER NOT NULL DEFAULT 1,
  seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX deals_investee ON deals(investee_id, announced);
CREATE INDEX deals_announced ON deals(announced);
CREATE INDEX deals_seq ON deals(seq);

CREATE TABLE deal_investors (
  deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  is_lead INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL,
  PRIMARY KEY (deal_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX deal_investors_entity ON deal_investors(entity_id, deal_id);

ALTER TABLE funding ADD COLUMN deal_id INTEGER REFERENCES deals(id);
CREATE INDEX funding_deal ON funding(deal_id, article_id);
CREATE INDEX funding_article ON funding(article_id);

ALTER TABLE events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_seq ON events(seq);
CREATE INDEX events_article ON events(article_id);

CREATE TABLE watchlist (
  name_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  since_seq INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  watch TEXT NOT NULL,
  raised TEXT NOT NULL,
  to_file INTEGER NOT NULL,
  to_webhook INTEGER NOT NULL,
  webhook_attempts INTEGER NOT NULL DEFAULT 0,
  webhook_error TEXT,
  rejected INTEGER NOT NULL DEFAULT 0,
  UNIQUE (article_id, entity_id)
);
CREATE INDEX alerts_to_file ON alerts(id) WHERE to_file = 1;
CREATE INDEX alerts_to_webhook ON alerts(id) WHERE to_webhook = 1;

UPDATE entities SET
  articles = (SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = entities.id),
  mentions = (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = entities.id),
  first_seen = (SELECT MIN(a.first_seen) FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.entity_id = entities.id);
UPDATE entities SET (title, organization) = (
  SELECT m.title, m.organization FROM mentions m
  WHERE m.entity_id = entities.id AND m.title IS NOT NULL ORDER BY m.article_id DESC LIMIT 1)
WHERE type = 'PER';
)sql";

// Version 4: the index of articles by story goes. No query looks articles
// up by story: every read of story_id is of an article found otherwise (a
// search hit, a coverage row, an alert, an export; FindStory reads it by
// article id), and every stored article paid an insert into it
// (bench/RESULTS.md, "The writer with prepared batches").
constexpr std::string_view kV4 = R"sql(
DROP INDEX articles_story;
)sql";

// Version 5: the entity index holds one row per (entity, article), not one
// per mention. Every query that follows an entity to its articles (coverage,
// alerts) reads each article once and its first mention only; the index of
// every mention was a fifth of the writer's time for 19 rows per article
// (bench/RESULTS.md, "Branch store5" and "Branch store6"). `first` marks the
// entity's first mention in its article: the smallest start, then the
// smallest position.
constexpr std::string_view kV5 = R"sql(
ALTER TABLE mentions ADD COLUMN first INTEGER NOT NULL DEFAULT 0;
UPDATE mentions SET first = 1 WHERE (article_id, position) IN (
  SELECT article_id, position FROM (
    SELECT article_id, position,
           ROW_NUMBER() OVER (PARTITION BY article_id, entity_id ORDER BY start, position) AS n
    FROM mentions)
  WHERE n = 1);
DROP INDEX mentions_entity;
CREATE INDEX mentions_entity_first ON mentions(entity_id, article_id) WHERE first = 1;
)sql";

// Version 6: the full-text index moves to a file of its own, DB-search,
// written by a second thread while the writer writes the next batch
// (search_index.h; bench/RESULTS.md, "Branch store8"). Store::Open builds it
// from the articles after this migration, with progress.
constexpr std::string_view kV6 = R"sql(
DROP TABLE articles_fts;
)sql";

// Version 7: one row of mentions per article, not one per mention. The
// named mentions (about 21 an article in the bench) are a JSON array in
// article_mentions, in position order, each [type, entity_id, start, end,
// text, title, organization] (the last two null when absent), and beside it
// the article's entity ids in the order the article export lists them (most
// mentioned first, then by first mention, then id: reading them out of the
// mentions' JSON cost the export 20 µs an article); the entity
// index becomes a table of its own, one row per (entity, article) with the
// span of the entity's first mention there (the smallest start, then the
// smallest position: what `mentions.first` flagged in version 5). The mention
// rows and their index were 39% of the writer's time (bench/RESULTS.md,
// "Branch store11"); storing them so takes a fifth off the writer's CPU at
// 300,000 articles ("Branch store12"). entity_articles has no foreign keys:
// it is an index of article_mentions, written by the writer right after the
// article and the entities it names, and each key would cost a seek a row
// (store7's profile).
// The view `mentions` gives the rows of version 6, `first` included, to
// whoever reads them by hand; the queries read the two tables.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE article_mentions (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  mentions TEXT NOT NULL,
  entities TEXT NOT NULL
);
INSERT INTO article_mentions(article_id, mentions, entities)
  SELECT a.id, (SELECT json_group_array(json_array(type, entity_id, start, end, text, title, organization))
                FROM (SELECT * FROM mentions m WHERE m.article_id = a.id ORDER BY m.position)),
               (SELECT json_group_array(entity_id)
                FROM (SELECT entity_id FROM mentions m WHERE m.article_id = a.id
                      GROUP BY entity_id ORDER BY COUNT(*) DESC, MIN(start), entity_id))
  FROM articles a WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id);
CREATE TABLE entity_articles (
  entity_id INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
INSERT INTO entity_articles(entity_id, article_id, start, end)
  SELECT entity_id, article_id, start, end FROM mentions WHERE first = 1;
DROP TABLE mentions;
CREATE VIEW mentions AS
  SELECT am.article_id AS article_id, j.key AS position, j.value ->> 0 AS type, j.value ->> 1 AS entity_id,
         j.value ->> 2 AS start, j.value ->> 3 AS end, j.value ->> 4 AS text, j.value ->> 5 AS title,
         j.value ->> 6 AS organization,
         ROW_NUMBER() OVER (PARTITION BY am.article_id, j.value ->> 1 ORDER BY j.value ->> 2, j.key) = 1 AS first
  FROM article_mentions am, json_each(am.mentions) j;
)sql";

// Version 8: the entity index takes a batch's rows into a small table of its
// own, entity_articles_recent (same columns and key), which the writer merges
// into entity_articles once it holds kEntityIndexMergeRows rows (write.cc).
// Rows in entity_articles land each at the end of its entity's range: a
// batch of 5,000 articles names about 9,400 entities and dirtied as many of
// its pages, each written to the WAL and again by the checkpoint, the
// largest part of the writer's page traffic at a million articles
// (bench/RESULTS.md, "Where the ingest's CPU goes after it"). The small table
// stays in the cache; the big one gets each entity's rows of several batches
// at once. Readers read the view entity_index, both tables.
constexpr std::string_view kV8 = R"sql(
CREATE TABLE entity_articles_recent (
  entity_id INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE VIEW entity_index AS
  SELECT entity_id, article_id, start, end FROM entity_articles
  UNION ALL
  SELECT entity_id, article_id, start, end FROM entity_articles_recent;
)sql";

// What SQL cannot do for version 3: fingerprints and stories, deals, seqs.
// In id order, so the result is what storing the rows one by one gives.
void BackfillV3(Database& db, const MigrationProgress& progress) {
  const auto count = [&](const char* sql) {
    Statement& s = db.Prepare(sql);
    s.Step();
    return s.Int64(0);
  };
  const std::int64_t total = count("SELECT COUNT(*) FROM articles") + count("SELECT COUNT(*) FROM funding");
  std::int64_t done = 0;
  const auto tick = [&] {
    if (progress && (++done % 1000 == 0 || done == total)) progress(done, total);
  };
  Sequence seq(db);
  StoryBandMemory bands;  // this loop's only: the Store starts with its own
  std::vector<std::int64_t> ids;
  {
    Statement& s = db.Prepare("SELECT id FROM articles ORDER BY id");
    while (s.Step()) ids.push_back(s.Int64(0));
  }
  for (const std::int64_t id : ids) {
    std::string text, published;
    {
      Statement& s = db.Prepare("SELECT text, COALESCE(published, '') FROM articles WHERE id = ?1");
      s.Bind(1, id);
      s.Step();
      text = s.Text(0);
      published = s.Text(1);
    }
    const auto fingerprint = MakeFingerprint(text);
    const std::int64_t story = FindStory(db, bands, fingerprint, published).value_or(id);
    if (fingerprint) IndexStory(bands, id, story, *fingerprint, published);
    const std::string bytes = fingerprint ? fingerprint->ToBytes() : std::string();
    Statement& u = db.Prepare("UPDATE articles SET story_id = ?2, fingerprint = ?3, seq = ?4 WHERE id = ?1");
    u.Bind(1, id).Bind(2, story);
    if (fingerprint) u.BindBlob(3, bytes.data(), bytes.size());
    else u.BindNull(3);
    u.Bind(4, seq.Next()).Step();
    tick();
  }
  bands.WriteAdded(db);
  ids.clear();
  {
    Statement& s = db.Prepare("SELECT id FROM funding ORDER BY id");
    while (s.Step()) ids.push_back(s.Int64(0));
  }
  for (const std::int64_t id : ids) {
    AssignDeal(db, seq, id);
    tick();
  }
  for (const char* table : {"entities", "events"}) {
    ids.clear();
    Statement& s = db.Prepare(std::string("SELECT id FROM ") + table + " ORDER BY id");
    while (s.Step()) ids.push_back(s.Int64(0));
    for (const std::int64_t id : ids)
      db.Prepare(std::string("UPDATE ") + table + " SET seq = ?2 WHERE id = ?1").Bind(1, id).Bind(2, seq.Next()).Step();
  }
  seq.Save();
  // Alerts are for mentions stored from now on, not for the history.
  SetMetaInt(db, kMetaAlertsCursor, seq.last());
}

struct Migration {
  std::string_view sql;
  void (*backfill)(Database&, const MigrationProgress&);
};

constexpr std::array<Migration, kSchemaVersion> kMigrations = {{
    {kV1, nullptr},
    {kV2, nullptr},
    {kV3, BackfillV3},
    {kV4, nullptr},
    {kV5, nullptr},
    {kV6, nullptr},
    {kV7, nullptr},
    {kV8, nullptr},
}};

}  // namespace

int SchemaVersion(Database& db) {
  Statement& s = db.Prepare("PRAGMA user_version");
  s.Step();
  const int version = static_cast<int>(s.Int64(0));
  s.Reset();
  return version;
}

std::string SchemaTooNewMessage(const std::string& path, int version) {
  return "database " + path + " has schema version " + std::to_string(version) +
         ", newer than this presswatch understands (" + std::to_string(kSchemaVersion) + "); use a newer presswatch";
}

void Migrate(Database& db, const MigrationProgress& progress, int target) {
  const int version = SchemaVersion(db);
  if (version > kSchemaVersion) throw StartupError(SchemaTooNewMessage(db.path(), version));
  for (int v = version; v < target; ++v) {
    try {
      Transaction tx(db);
      const Migration& m = kMigrations[static_cast<size_t>(v)];
      db.Exec(m.sql);
      if (m.backfill) m.backfill(db, progress);
      db.Exec("PRAGMA user_version = " + std::to_string(v + 1));
      tx.Commit();
    } catch (const SqliteError& e) {
      throw StartupError("cannot upgrade database " + db.path() + " to schema version " +
                         std::to_string(v + 1) + ": " + e.what());
    }
  }
}

}  // namespace pw::store
