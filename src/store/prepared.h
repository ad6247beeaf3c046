// store/prepared.h: a batch of feeds' polls with everything the writer needs
// that is not SQLite's work computed first, outside its transaction.
//
// The writer is the one thread that may touch the database, and on a small
// machine it is the bottleneck of the ingest. Of its work per article, the
// canonical URL, the MinHash fingerprint and its band keys, the JSON of the
// figures, the search keys of every name and alias, and the type of each
// funding or event party depend on the article alone. PrepareBatch computes
// them on any thread, so that the next batch is prepared while the writer
// commits this one; Store::Save then runs only statements:
//
//   store::PreparedBatch batch = store::PrepareBatch(std::move(updates));  // a pool thread
//   std::vector<Result<store::SaveStats>> r = store->Save(std::move(batch));  // the writer
//
// What is stored is the same as if the writer computed these itself
// (SaveArticles and SaveBatch prepare, then write, the same way).
//
// Pure: no I/O, no globals; safe to call from any thread. The records move
// into the batch, which owns them; nothing in it points outside it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "store/near_duplicate.h"
#include "store/records.h"

namespace pw::store {

// A name as the writer looks it up: its entity type ("ORG", "PER", "LOC";
// static strings) and its search key (text::SearchKey), which the writer
// needs only for a name or an alias it has not seen before.
struct PreparedName {
  std::string_view type;
  std::string key;
};

// One named mention (ORG, PER, LOC) of the article, in the order of
// record.extraction.entities (other types are in `figures`).
struct PreparedMention {
  std::size_t entity = 0;  // index into record.extraction.entities
  std::string_view type;   // EntityTypeName of its type
  std::string name_key;    // SearchKey(entity.name)
  std::string alias_key;   // SearchKey(entity.text)
};

// One funding report of the article, in the order of extraction.funding.
struct PreparedFunding {
  PreparedName investee;                // always "ORG"
  std::vector<PreparedName> investors;  // as record's investors, duplicates included
  std::vector<bool> is_lead;            // per investor: also among lead_investors
  std::string announced;                // as deals read it: announced, else the published day
};

struct PreparedArticle {
  ArticleRecord record;
  std::string canonical_url;                    // CanonicalUrl(record.url)
  std::optional<Timestamp> published_at;        // record.published parsed; nullopt if it does not parse
  std::optional<Fingerprint> fingerprint;       // MakeFingerprint(extraction.text)
  std::string fingerprint_bytes;                // fingerprint->ToBytes(), "" without one
  std::array<std::int64_t, kBands> band_keys{};  // BandKeys(*fingerprint), zeros without one
  std::string figures;                          // MONEY, DATE, PERCENT mentions as JSON; "" if none
  std::vector<PreparedMention> mentions;
  std::vector<PreparedFunding> funding;
  std::vector<std::vector<PreparedName>> event_participants;  // per event, per participant
};

// A FeedUpdate, prepared.
struct PreparedUpdate {
  std::int64_t feed_id = 0;
  std::vector<PreparedArticle> articles;
  FetchOutcome outcome;
};

struct PreparedBatch {
  std::vector<PreparedUpdate> updates;
};

PreparedArticle PrepareArticle(ArticleRecord record);
PreparedUpdate PrepareUpdate(FeedUpdate update);
PreparedBatch PrepareBatch(std::vector<FeedUpdate> updates);

}  // namespace pw::store
