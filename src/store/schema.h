// store/schema.h: the database schema, versioned by PRAGMA user_version.
//
// kMigrations[i] takes a database from version i to i+1: SQL, then code
// for what SQL cannot compute (fingerprints, deals). Migrate() applies the
// missing ones, each in its own transaction, so an old database opens and is
// upgraded; a database newer than this binary is refused. Never edit a
// released version's SQL: add the next one. Internal to pw_store.
//
//   1  feeds, articles with FTS5, entities and aliases, mentions, funding, events
//   2  feeds.moved_to; a covering index for the SimHash near-duplicate scan
//   3  stories by MinHash bands (the SimHash column and its index go), deals,
//      entity counters, export seqs, meta, watchlist and alerts
//   4  the unused index of articles by story goes
//   5  mentions.first; the entity index holds first mentions only
//   6  the full-text index moves to its own file, DB-search (search_index.h)
//   7  one row per article holds its mentions (article_mentions); the entity
//      index is a table, entity_articles; `mentions` is a view
//   8  the entity index's newest rows in entity_articles_recent, merged into
//      entity_articles in bulk; readers read the view entity_index
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace pw::store {

class Database;

inline constexpr int kSchemaVersion = 8;

// Rows done and rows to do, while a migration backfills (it may take a while
// on a big database).
using MigrationProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Takes the database to version `target` (tests stop at older versions).
// Throws StartupError when the database is newer than kSchemaVersion or a
// migration fails; a failed migration leaves the database as it was.
void Migrate(Database& db, const MigrationProgress& progress = {}, int target = kSchemaVersion);

int SchemaVersion(Database& db);

// What a user reads when a database is newer than this build: one message
// for every command.
std::string SchemaTooNewMessage(const std::string& path, int version);

}  // namespace pw::store
