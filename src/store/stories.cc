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
  std::string from, to;  // the window as FindStory's SQL compares it, formatted on first use
  std::optional<std::int64_t> story;
  double best = kSameStorySimilarity;
  // A candidate is compared on what its row holds. An id whose article is
  // gone (a rolled-back savepoint) has no row and is skipped; an id given
  // again is compared on its new article's fingerprint. The memory
  // remembers exactly the rows (it is cleared after a rollback,
  // story_band_memory.h says why).
  for (const std::int64_t id : candidates) {  // ascending: ties go to the story's first article
    std::int64_t other_story;
    double sim;
    if (const StoryBandMemory::Article* known = bands.Known(id)) {
      if (known->published < when - kStoryWindow || known->published > when + kStoryWindow) continue;
      other_story = known->story_id;
      sim = Similarity(fingerprint, known->fingerprint);
    } else {
      if (from.empty()) {
        from = FormatTimestamp(when - kStoryWindow);
        to = FormatTimestamp(when + kStoryWindow);
      }
      Statement& s = db.Prepare(
          "SELECT story_id, fingerprint FROM articles WHERE id = ?1 AND published BETWEEN ?2 AND ?3");
      s.Bind(1, id).Bind(2, from).Bind(3, to);
      if (!s.Step()) continue;
      const auto other = Fingerprint::FromBytes(s.Blob(1));
      if (!other) continue;
      other_story = s.Int64(0);
      sim = Similarity(fingerprint, *other);
    }
    if (sim > best || (sim == best && !story)) {
      best = sim;
      story = other_story;
    }
  }
  return story;
}

void IndexStory(StoryBandMemory& bands, std::int64_t article_id, std::int64_t story_id,
                const Fingerprint& fingerprint, const std::string& published) {
  const auto when = ParseTimestamp(published);
  if (!when) return;
  IndexStory(bands, article_id, story_id, fingerprint, BandKeys(fingerprint), *when, published);
}

void IndexStory(StoryBandMemory& bands, std::int64_t article_id, std::int64_t story_id,
                const Fingerprint& fingerprint, const std::array<std::int64_t, kBands>& band_keys,
                Timestamp published, std::string_view published_text) {
  const std::int64_t week = Week(published);
  bands.Add(week, band_keys, article_id);
  // FindStory's SQL compares the published column as text; the memory
  // compares times. They agree on the column's canonical form (fixed width,
  // UTC), which is what the feed stage writes; a row in another form
  // ("2024-11-25", "+07:00") is left to the SQL.
  if (published_text == FormatTimestamp(published))
    bands.Remember(week, article_id, {.story_id = story_id, .published = published, .fingerprint = fingerprint});
}

}  // namespace pw::store
