#include "store/meta.h"

#include "store/sqlite.h"

namespace pw::store {

std::optional<std::string> GetMeta(Database& db, const std::string& key) {
  Statement& s = db.Prepare("SELECT value FROM meta WHERE key = ?1");
  s.Bind(1, key);
  if (!s.Step()) return std::nullopt;
  return s.Text(0);
}

std::int64_t GetMetaInt(Database& db, const std::string& key, std::int64_t fallback) {
  Statement& s = db.Prepare("SELECT value FROM meta WHERE key = ?1");
  s.Bind(1, key);
  if (!s.Step() || s.IsNull(0)) return fallback;
  return s.Int64(0);
}

void SetMeta(Database& db, const std::string& key, const std::string& value) {
  db.Prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .Bind(1, key)
      .Bind(2, value)
      .Step();
}

void SetMetaInt(Database& db, const std::string& key, std::int64_t value) {
  db.Prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .Bind(1, key)
      .Bind(2, value)
      .Step();
}

Sequence::Sequence(Database& db) : db_(db), last_(GetMetaInt(db, kMetaSeq, 0)), saved_(last_) {}

void Sequence::Save() {
  if (last_ == saved_) return;
  SetMetaInt(db_, kMetaSeq, last_);
  saved_ = last_;
}

}  // namespace pw::store
