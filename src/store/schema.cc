#include "store/schema.h"

#include <array>
#include <string>

#include "common/error.h"
#include "store/sqlite.h"

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

constexpr std::array<std::string_view, kSchemaVersion> kMigrations = {kV1, kV2};

}  // namespace

int SchemaVersion(Database& db) {
  Statement& s = db.Prepare("PRAGMA user_version");
  s.Step();
  const int version = static_cast<int>(s.Int64(0));
  s.Reset();
  return version;
}

void Migrate(Database& db) {
  const int version = SchemaVersion(db);
  if (version > kSchemaVersion)
    throw StartupError("database " + db.path() + " has schema version " + std::to_string(version) +
                       ", newer than this presswatch understands (" + std::to_string(kSchemaVersion) +
                       "); use a newer presswatch");
  for (int v = version; v < kSchemaVersion; ++v) {
    try {
      Transaction tx(db);
      db.Exec(kMigrations[static_cast<size_t>(v)]);
      db.Exec("PRAGMA user_version = " + std::to_string(v + 1));
      tx.Commit();
    } catch (const SqliteError& e) {
      throw StartupError("cannot upgrade database " + db.path() + " to schema version " +
                         std::to_string(v + 1) + ": " + e.what());
    }
  }
}

}  // namespace pw::store
