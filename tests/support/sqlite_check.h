// tests/support/sqlite_check.h: PRAGMA integrity_check for tests, minus one
// false alarm of the SQLite Debian 12 ships.
//
//   sqlite3* db = ...;
//   EXPECT_EQ(pw::testing::IntegrityCheck(db), "ok");
//
// SQLite 3.40.0 to 3.41.0 report "NULL value in T.C" for a NOT NULL column
// of a WITHOUT ROWID table whose PRIMARY KEY lists its columns in another
// order than the table does (entity_aliases: alias comes before alias_key),
// whatever the rows hold (sqlite.org forum, "quick_check errors on NOT NULL
// columns in WITHOUT ROWID tables"; reproduced on 3.40.1 with two rows in an
// empty in-memory database). Such a line is dropped only when the column
// really holds no NULL (typeof(), which the NOT NULL optimisation does not
// fold away, says so); any other line is returned as SQLite wrote it.
//
// I/O: reads the database through the caller's connection. Not thread-safe
// beyond what the connection is.
#pragma once

#include <sqlite3.h>

#include <cctype>
#include <string>
#include <vector>

namespace pw::testing {

namespace sqlite_check_internal {

inline std::vector<std::string> Column(sqlite3* db, const std::string& sql, bool* ok) {
  std::vector<std::string> rows;
  sqlite3_stmt* stmt = nullptr;
  *ok = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK;
  int rc = SQLITE_DONE;
  while (*ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(stmt, 0);
    rows.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
  }
  if (rc != SQLITE_DONE) *ok = false;
  sqlite3_finalize(stmt);
  return rows;
}

// "NULL value in T.C" of the 3.40 false alarm, when T.C really has no NULL.
inline bool IsTheFalseAlarm(sqlite3* db, const std::string& line) {
  static const std::string kPrefix = "NULL value in ";
  if (line.rfind(kPrefix, 0) != 0) return false;
  const std::string column = line.substr(kPrefix.size());
  const auto dot = column.find('.');
  if (dot == std::string::npos) return false;
  const std::string table = column.substr(0, dot), name = column.substr(dot + 1);
  for (char c : table + name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  bool ok = false;
  const auto without_rowid =
      Column(db, "SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'",
             &ok);
  if (!ok || without_rowid.size() != 1 || without_rowid[0] != "1") return false;
  const auto nulls = Column(db, "SELECT COUNT(*) FROM " + table + " WHERE typeof(" + name + ") = 'null'", &ok);
  return ok && nulls.size() == 1 && nulls[0] == "0";
}

}  // namespace sqlite_check_internal

// "ok", or the problems PRAGMA integrity_check found, one per line.
inline std::string IntegrityCheck(sqlite3* db) {
  bool ok = false;
  const auto lines = sqlite_check_internal::Column(db, "PRAGMA integrity_check", &ok);
  if (!ok) return std::string("PRAGMA integrity_check failed: ") + sqlite3_errmsg(db);
  std::string problems;
  for (const auto& line : lines) {
    if (line == "ok" || sqlite_check_internal::IsTheFalseAlarm(db, line)) continue;
    problems += (problems.empty() ? "" : "\n") + line;
  }
  return problems.empty() ? "ok" : problems;
}

}  // namespace pw::testing
