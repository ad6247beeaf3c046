#include "store/story_band_memory.h"

#include <algorithm>
#include <limits>

#include "store/sqlite.h"

namespace pw::store {

void StoryBandMemory::Find(Database& db, std::int64_t first_week, int weeks,
                           const std::array<std::int64_t, kBands>& keys, std::vector<std::int64_t>& out) {
  for (int i = 0; i < weeks; ++i) {
    const Week& w = Held(db, first_week + i);
    for (const std::int64_t key : keys) {
      auto at = std::lower_bound(w.sorted.begin(), w.sorted.end(), Row{key, std::numeric_limits<std::int64_t>::min()});
      for (; at != w.sorted.end() && at->first == key; ++at) out.push_back(at->second);
      const auto [from, to] = w.added.equal_range(key);
      for (auto it = from; it != to; ++it) out.push_back(it->second);
    }
  }
}

void StoryBandMemory::Add(std::int64_t week, const std::array<std::int64_t, kBands>& keys, std::int64_t article_id) {
  for (const std::int64_t key : keys) unwritten_.push_back({week, key, article_id});
  const auto it = weeks_.find(week);
  if (it == weeks_.end()) return;  // not held: a load will read the rows
  Week& w = it->second;
  for (const std::int64_t key : keys) w.added.emplace(key, article_id);
  // The hashed part costs ~4 times the sorted one a row; merged when it is
  // an eighth of it, a row is moved ~8 times over a week's growth.
  if (w.added.size() > 1024 + w.sorted.size() / 8) Merge(w);
}

void StoryBandMemory::WriteAdded(Database& db) {
  if (unwritten_.empty()) return;
  std::sort(unwritten_.begin(), unwritten_.end());
  Statement& s = db.Prepare("INSERT OR IGNORE INTO story_bands(week, band_key, article_id) VALUES(?1, ?2, ?3)");
  for (const BandRow& row : unwritten_) {
    s.Reset();
    s.Bind(1, row.week).Bind(2, row.band_key).Bind(3, row.article_id).Step();
  }
  unwritten_.clear();
}

void StoryBandMemory::Remember(std::int64_t week, std::int64_t article_id, const Article& article) {
  const auto it = weeks_.find(week);
  if (it == weeks_.end()) return;
  known_.insert_or_assign(article_id, article);
  it->second.remembered.push_back(article_id);
}

const StoryBandMemory::Article* StoryBandMemory::Known(std::int64_t article_id) const {
  const auto it = known_.find(article_id);
  return it == known_.end() ? nullptr : &it->second;
}

void StoryBandMemory::DropIfChangedElsewhere(Database& db) {
  Statement& s = db.Prepare("PRAGMA data_version");
  s.Step();
  const std::int64_t version = s.Int64(0);
  s.Reset();
  if (version != data_version_) Clear();
  data_version_ = version;
}

StoryBandMemory::Week& StoryBandMemory::Held(Database& db, std::int64_t week) {
  auto it = weeks_.find(week);
  if (it == weeks_.end()) {
    WriteAdded(db);  // the load below reads them
    // The least recently used goes; the weeks of the Find under way were
    // used last, and there are fewer of them than max_weeks_.
    if (weeks_.size() >= max_weeks_) {
      const auto oldest = std::min_element(weeks_.begin(), weeks_.end(), [](const auto& a, const auto& b) {
        return a.second.last_used < b.second.last_used;
      });
      for (const std::int64_t id : oldest->second.remembered) known_.erase(id);
      weeks_.erase(oldest);
    }
    it = weeks_.emplace(week, Week()).first;
    Statement& s = db.Prepare(
        "SELECT band_key, article_id FROM story_bands WHERE week = ?1 ORDER BY band_key, article_id");
    s.Bind(1, week);
    while (s.Step()) it->second.sorted.emplace_back(s.Int64(0), s.Int64(1));
    ++loads_;
  }
  it->second.last_used = ++clock_;
  return it->second;
}

void StoryBandMemory::Merge(Week& w) {
  const auto old_size = static_cast<std::ptrdiff_t>(w.sorted.size());
  w.sorted.insert(w.sorted.end(), w.added.begin(), w.added.end());
  std::sort(w.sorted.begin() + old_size, w.sorted.end());
  std::inplace_merge(w.sorted.begin(), w.sorted.begin() + old_size, w.sorted.end());
  w.added.clear();
}

}  // namespace pw::store
