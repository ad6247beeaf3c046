// store/meta.h: the database's own settings (table meta) and the change
// sequence that incremental export and alerts follow. Internal to pw_store.
//
// Every exported record (article, deal, entity, event) carries a `seq`, taken
// from one counter when the record is created or changes. Seqs are allocated
// inside the writer's transaction (BEGIN IMMEDIATE), so they grow in commit
// order: a reader that has seen everything up to seq S in one snapshot will
// find every later change above S.
//
//   Sequence seq(db);          // reads the counter; REQUIRES: a write transaction
//   row.seq = seq.Next();
//   seq.Save();                // before Commit()
//
// Not thread-safe (one Database, one thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pw::store {

class Database;

// Meta keys.
inline constexpr const char* kMetaDatabaseId = "database_id";  // 8 hex digits, made with the schema
inline constexpr const char* kMetaSeq = "seq";                  // the last seq handed out
inline constexpr const char* kMetaAlertsCursor = "alerts.cursor";  // articles up to this seq are checked
inline constexpr const char* kMetaWebhookFailures = "webhook.failures";
inline constexpr const char* kMetaWebhookNextAttempt = "webhook.next_attempt";
inline constexpr const char* kMetaWebhookLastError = "webhook.last_error";

std::optional<std::string> GetMeta(Database& db, const std::string& key);
std::int64_t GetMetaInt(Database& db, const std::string& key, std::int64_t fallback);
void SetMeta(Database& db, const std::string& key, const std::string& value);
void SetMetaInt(Database& db, const std::string& key, std::int64_t value);

class Sequence {
 public:
  explicit Sequence(Database& db);
  std::int64_t Next() { return ++last_; }
  std::int64_t last() const { return last_; }
  void Save();

 private:
  Database& db_;
  std::int64_t last_;
  std::int64_t saved_;
};

}  // namespace pw::store
