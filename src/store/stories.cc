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
static_assert(kWindowWeeks <= static_cast<int>(StoryBandMemory::kMaxWeeks));

}  // namespace

std::optional<std::int64_t> FindStory(Database& db, StoryBandMemory& bands,
                                      const std::optional<Fingerprint>& fingerprint, const std::string& published) {
  const auto when = ParseTimestamp(published);
  if (!fingerprint || !when) return std::nullopt;
  return FindStory(db, bands, *fingerprint, BandKeys(*fingerprint), *when);
}

std::optional<std::int64_t> FindStory(Database& db, StoryBandMemory& bands, const Fingerprint& fingerprint,
                                      const std::array<std::int64_t, kBands>& keys, Timestamp when) {
  // Each week of the window and band, looked up in memory (the weeks not
  // held are read from story_bands first).
  std::vector<std::int64_t> candidates;
  bands.Find(db, Week(when - kStoryWindow), kWindowWeeks, keys, candidates);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  if (candidates.empty()) return std::nullopt;
  const std::string from = FormatTimestamp(when - kStoryWindow), to = FormatTimestamp(when + kStoryWindow);
  std::optional<std::int64_t> story;
  double best = kSameStorySimilarity;
  // Every candidate is checked on its row, never on what the memory says of
  // it: an id whose article is gone (a rolled-back savepoint) has no row and
  // is skipped, an id given again is compared on its new article's
  // fingerprint. (That alone does not make a stale band harmless: the
  // memory is cleared after a rollback, story_band_memory.h says why.)
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

void IndexStory(Database& db, StoryBandMemory& bands, std::int64_t article_id, const Fingerprint& fingerprint,
                const std::string& published) {
  const auto when = ParseTimestamp(published);
  if (!when) return;
  IndexStory(db, bands, article_id, BandKeys(fingerprint), *when);
}

void IndexStory(Database& db, StoryBandMemory& bands, std::int64_t article_id,
                const std::array<std::int64_t, kBands>& band_keys, Timestamp published) {
  Statement& s = db.Prepare("INSERT OR IGNORE INTO story_bands(week, band_key, article_id) VALUES(?1, ?2, ?3)");
  const std::int64_t week = Week(published);
  for (const std::int64_t key : band_keys) {
    s.Reset();
    s.Bind(1, week).Bind(2, key).Bind(3, article_id).Step();
  }
  bands.Add(week, band_keys, article_id);
}

}  // namespace pw::store
