#include "store/stories.h"

#include <algorithm>
#include <vector>

#include "common/time.h"
#include "store/sqlite.h"

namespace pw::store {

namespace {

std::int64_t Week(Timestamp t) {
  return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count() / 7;
}

// The weeks that cover the story window around an article, earliest first.
constexpr int kWindowWeeks = 2 * ((kStoryWindow.count() + 6) / 7) + 1;

// Every (week, band) pair is an equality, so SQLite seeks each one.
const std::string& BandHitsSql() {
  static const std::string sql = [] {
    std::string weeks, keys;
    for (int i = 1; i <= kWindowWeeks; ++i) weeks += (i > 1 ? ", ?" : "?") + std::to_string(i);
    for (int i = 1; i <= kBands; ++i) keys += (i > 1 ? ", ?" : "?") + std::to_string(kWindowWeeks + i);
    return "SELECT article_id FROM story_bands WHERE week IN (" + weeks + ") AND band_key IN (" + keys + ")";
  }();
  return sql;
}

}  // namespace

std::optional<std::int64_t> FindStory(Database& db, const std::optional<Fingerprint>& fingerprint,
                                      const std::string& published) {
  const auto when = ParseTimestamp(published);
  if (!fingerprint || !when) return std::nullopt;
  return FindStory(db, *fingerprint, BandKeys(*fingerprint), *when);
}

std::optional<std::int64_t> FindStory(Database& db, const Fingerprint& fingerprint,
                                      const std::array<std::int64_t, kBands>& keys, Timestamp when) {
  // One index probe per week of the window and band, in one statement.
  std::vector<std::int64_t> candidates;
  {
    Statement& s = db.Prepare(BandHitsSql());
    const std::int64_t first_week = Week(when - kStoryWindow);
    for (int i = 0; i < kWindowWeeks; ++i) s.Bind(i + 1, first_week + i);
    for (int i = 0; i < kBands; ++i) s.Bind(kWindowWeeks + i + 1, keys[static_cast<size_t>(i)]);
    while (s.Step()) candidates.push_back(s.Int64(0));
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  if (candidates.empty()) return std::nullopt;
  const std::string from = FormatTimestamp(when - kStoryWindow), to = FormatTimestamp(when + kStoryWindow);
  std::optional<std::int64_t> story;
  double best = kSameStorySimilarity;
  for (const std::int64_t id : candidates) {  // ascending: ties go to the story's first article
    Statement& s = db.Prepare(
        "SELECT story_id, fingerprint FROM articles WHERE id = ?1 AND published BETWEEN ?2 AND ?3");
    s.Bind(1, id).Bind(2, from).Bind(3, to);
    if (!s.Step()) continue;
    const auto other = Fingerprint::FromBytes(s.Blob(1));
    if (!other) continue;
    if (const double sim = Similarity(fingerprint, *other); sim > best || (sim == best && !story)) {
      best = sim;
      story = s.Int64(0);
    }
  }
  return story;
}

void IndexStory(Database& db, std::int64_t article_id, const Fingerprint& fingerprint, const std::string& published) {
  const auto when = ParseTimestamp(published);
  if (!when) return;
  IndexStory(db, article_id, BandKeys(fingerprint), *when);
}

void IndexStory(Database& db, std::int64_t article_id, const std::array<std::int64_t, kBands>& band_keys,
                Timestamp published) {
  Statement& s = db.Prepare("INSERT OR IGNORE INTO story_bands(week, band_key, article_id) VALUES(?1, ?2, ?3)");
  const std::int64_t week = Week(published);
  for (const std::int64_t key : band_keys) {
    s.Reset();
    s.Bind(1, week).Bind(2, key).Bind(3, article_id).Step();
  }
}

}  // namespace pw::store
