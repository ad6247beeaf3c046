#include "store/stories.h"

#include <algorithm>
#include <vector>

#include "common/time.h"
#include "store/sqlite.h"

namespace pw::store {

namespace {

std::int64_t Day(Timestamp t) { return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count(); }

const std::string& BandHitsSql() {
  static const std::string sql = [] {
    std::string keys;
    for (int i = 1; i <= kBands; ++i) keys += (i > 1 ? ", ?" : "?") + std::to_string(i);
    return "SELECT article_id FROM story_bands WHERE band_key IN (" + keys + ") AND day BETWEEN ?" +
           std::to_string(kBands + 1) + " AND ?" + std::to_string(kBands + 2);
  }();
  return sql;
}

}  // namespace

std::optional<std::int64_t> FindStory(Database& db, const std::optional<Fingerprint>& fingerprint,
                                      const std::string& published) {
  const auto when = ParseTimestamp(published);
  if (!fingerprint || !when) return std::nullopt;
  // One index probe per band, each reading only the band's articles of the
  // window, in one statement.
  const std::int64_t day = Day(*when), window = kStoryWindow.count();
  std::vector<std::int64_t> candidates;
  {
    const auto keys = BandKeys(*fingerprint);
    Statement& s = db.Prepare(BandHitsSql());
    for (int i = 0; i < kBands; ++i) s.Bind(i + 1, keys[static_cast<size_t>(i)]);
    s.Bind(kBands + 1, day - window).Bind(kBands + 2, day + window);
    while (s.Step()) candidates.push_back(s.Int64(0));
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  if (candidates.empty()) return std::nullopt;
  std::optional<std::int64_t> story;
  double best = kSameStorySimilarity;
  for (const std::int64_t id : candidates) {  // ascending: ties go to the story's first article
    Statement& s = db.Prepare("SELECT story_id, fingerprint FROM articles WHERE id = ?1");
    s.Bind(1, id);
    if (!s.Step()) continue;
    const auto other = Fingerprint::FromBytes(s.Blob(1));
    if (!other) continue;
    if (const double sim = Similarity(*fingerprint, *other); sim > best || (sim == best && !story)) {
      best = sim;
      story = s.Int64(0);
    }
  }
  return story;
}

void IndexStory(Database& db, std::int64_t article_id, const Fingerprint& fingerprint, const std::string& published) {
  const auto when = ParseTimestamp(published);
  if (!when) return;
  for (const std::int64_t key : BandKeys(fingerprint))
    db.Prepare("INSERT OR IGNORE INTO story_bands(band_key, day, article_id) VALUES(?1, ?2, ?3)")
        .Bind(1, key)
        .Bind(2, Day(*when))
        .Bind(3, article_id)
        .Step();
}

}  // namespace pw::store
