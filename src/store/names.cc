#include "store/names.h"

#include "store/sqlite.h"
#include "text/search_key.h"

namespace pw::store {

namespace {

// LIKE pattern over " " + alias_key: the key at the start of a word.
std::string WordStartPattern(std::string_view name) {
  std::string out = "% ";
  for (char c : text::SearchKey(name)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::vector<std::int64_t> Ids(Statement& s) {
  std::vector<std::int64_t> ids;
  while (s.Step()) ids.push_back(s.Int64(0));
  return ids;
}

}  // namespace

std::vector<std::int64_t> EntitiesMatching(Database& db, std::string_view name) {
  if (text::SearchKey(name).empty()) return {};
  Statement& s = db.Prepare(
      "SELECT e.id FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_aliases "
      "WHERE (' ' || alias_key) LIKE ?1 ESCAPE '\\') AND e.type IN ('ORG', 'PER', 'LOC') "
      "ORDER BY e.articles DESC, e.id");
  s.Bind(1, WordStartPattern(name));
  return Ids(s);
}

std::vector<std::int64_t> EntitiesNamed(Database& db, std::string_view name, bool* by_alias) {
  const std::string key = text::SearchKey(name);
  if (by_alias) *by_alias = false;
  if (key.empty()) return {};
  Statement& s = db.Prepare(
      "SELECT e.id FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE alias_key = ?1) "
      "AND e.type IN ('ORG', 'PER', 'LOC') ORDER BY (e.name_key = ?1) DESC, e.articles DESC, e.id");
  s.Bind(1, key);
  std::vector<std::int64_t> ids = Ids(s);
  if (by_alias) *by_alias = !ids.empty();
  return ids.empty() ? EntitiesMatching(db, name) : ids;
}

std::string JsonIds(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (const std::int64_t id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "]";
}

}  // namespace pw::store
