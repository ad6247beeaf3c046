// store/schema.h: the database schema, versioned by PRAGMA user_version.
//
// kMigrations[i] takes a database from version i to i+1. Migrate() applies
// the missing ones, each in its own transaction, so an old database opens and
// is upgraded; a database newer than this binary is refused. Internal to
// pw_store.
#pragma once

#include <string_view>

namespace pw::store {

class Database;

inline constexpr int kSchemaVersion = 2;

// Throws StartupError when the database is newer than kSchemaVersion or a
// migration fails.
void Migrate(Database& db);

int SchemaVersion(Database& db);

}  // namespace pw::store
