// Store: the write path. One batch of prepared articles (prepared.h), with
// their stories, entities, mentions, funding reports (and deals) and events,
// in one transaction: statements only, what they bind computed beforehand.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/json_string.h"
#include "store/deals.h"
#include "store/meta.h"
#include "store/near_duplicate.h"
#include "store/prepared.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "store/store_errors.h"
#include "store/stories.h"
#include "store/write_cache.h"

namespace pw::store {

namespace {

// Writes one article's records; shares the connection, the cache and the
// batch's sequence. The statements run per article and per entity in it are
// looked up once per batch, not once per row. One row per statement on
// purpose: a statement that may write several rows into a table with foreign
// keys opens a statement savepoint, which copies every page it changes; 64
// mention rows a statement made the writer 40% slower (bench/RESULTS.md,
// "Branch store7").
class ArticleWriter {
 public:
  ArticleWriter(Database& db, Store::WriteCache& cache, Sequence& seq)
      : db_(db),
        cache_(cache),
        seq_(seq),
        insert_mentions_(
            db.Prepare("INSERT INTO article_mentions(article_id, mentions, entities) VALUES(?1, ?2, ?3)")),
        insert_entity_article_(
            db.Prepare("INSERT INTO entity_articles_recent(entity_id, article_id, start, end) VALUES(?1, ?2, ?3, ?4)")) {}

  // The article's named mentions (figures go in its row).
  void Save(std::int64_t article_id, const PreparedArticle& p) {
    const ArticleRecord& a = p.record;
    const extract::Extraction& x = a.extraction;
    // Entities first (their rows, aliases and roles take seqs in mention
    // order, as they always did), then the article's one row of mentions and
    // one entity-index row per entity, with its first mention's span, kept
    // for Flush (schema.cc, versions 7 and 8).
    // entity -> its mentions here: a few dozen at most, so a vector searched
    // in place, not a map's node per entity.
    per_entity_.clear();
    slot_of_.clear();
    for (std::size_t k = 0; k < p.mentions.size(); ++k) {
      const PreparedMention& m = p.mentions[k];
      const extract::Entity& e = x.entities[m.entity];
      const std::int64_t entity_id = Entity(m.type, e.name, m.name_key, a.first_seen);
      Alias(entity_id, e.text, m.alias_key);
      const auto seen = std::find_if(per_entity_.begin(), per_entity_.end(),
                                     [&](const EntityInArticle& s) { return s.entity_id == entity_id; });
      slot_of_.push_back(static_cast<std::size_t>(seen - per_entity_.begin()));
      if (seen == per_entity_.end()) {
        per_entity_.push_back({entity_id, 1, k});
      } else {
        ++seen->mentions;
        if (e.start < x.entities[p.mentions[seen->first].entity].start) seen->first = k;
      }
      if (e.type == extract::EntityType::kPer && !e.title.empty()) PersonRole(entity_id, e.title, e.organization);
    }
    if (!p.mentions.empty()) {
      Statement& s = insert_mentions_;
      s.Reset();
      s.Bind(1, article_id).BindView(2, MentionsJson(p)).BindView(3, EntitiesJson(p));
      s.Step();
    }
    for (const EntityInArticle& in_article : per_entity_) {
      const extract::Entity& first = x.entities[p.mentions[in_article.first].entity];
      index_rows_.push_back({in_article.entity_id, article_id, static_cast<std::int64_t>(first.start),
                             static_cast<std::int64_t>(first.end)});
      auto& c = counters_[in_article.entity_id];
      c.first += 1;
      c.second += in_article.mentions;
    }

    for (size_t i = 0; i < x.funding.size(); ++i) SaveFunding(article_id, a, x.funding[i], p.funding[i]);
    for (size_t i = 0; i < x.events.size(); ++i) SaveEvent(article_id, a, x.events[i], p.event_participants[i]);
  }

  // Called once at the end of WriteArticles, inside its transaction (or its
  // feed's savepoint): the entity-index rows of the articles written, in key
  // order, and their article and mention counts, one UPDATE per entity (an
  // entity is often in many articles of a batch). The index rows wait for
  // this because in article order each lands at the end of another entity's
  // range, a seek from the root into a page the last one did not touch;
  // sorted, consecutive inserts go to the same or the next page. They go to
  // entity_articles_recent, a small table that stays in the cache, and move
  // to entity_articles in bulk once it holds merge_index_rows (schema.cc,
  // version 8, says why). Nothing reads the index before the commit (alerts
  // are queued after it), and a rollback takes the rows with it as before.
  void Flush() {
    std::sort(index_rows_.begin(), index_rows_.end(), [](const IndexRow& a, const IndexRow& b) {
      return a.entity_id != b.entity_id ? a.entity_id < b.entity_id : a.article_id < b.article_id;
    });
    if (cache_.recent_index_rows < 0) {
      Statement& count = db_.Prepare("SELECT COUNT(*) FROM entity_articles_recent");
      count.Step();
      cache_.recent_index_rows = count.Int64(0);
      count.Reset();
    }
    for (const IndexRow& row : index_rows_) {
      Statement& s = insert_entity_article_;
      s.Reset();
      s.Bind(1, row.entity_id).Bind(2, row.article_id).Bind(3, row.start).Bind(4, row.end);
      s.Step();
    }
    cache_.recent_index_rows += static_cast<std::int64_t>(index_rows_.size());
    if (cache_.recent_index_rows >= cache_.merge_index_rows) MergeRecentIndexRows();
    index_rows_.clear();
    for (const auto& [entity_id, counts] : counters_)
      db_.Prepare("UPDATE entities SET articles = articles + ?2, mentions = mentions + ?3 WHERE id = ?1")
          .Bind(1, entity_id)
          .Bind(2, counts.first)
          .Bind(3, counts.second)
          .Step();
    counters_.clear();
  }

 private:
  // entity_articles_recent into entity_articles, in key order (the small
  // table's own order), then emptied. OR IGNORE is for the statement
  // journal, not for conflicts (an (entity, article) row is written once,
  // with its article): an INSERT ... SELECT that could abort on a conflict
  // copies every page it changes first, in case it must be undone alone.
  void MergeRecentIndexRows() {
    db_.Prepare(
           "INSERT OR IGNORE INTO entity_articles(entity_id, article_id, start, end) "
           "SELECT entity_id, article_id, start, end FROM entity_articles_recent ORDER BY entity_id, article_id")
        .Step();
    db_.Prepare("DELETE FROM entity_articles_recent").Step();
    cache_.recent_index_rows = 0;
  }

  // The entity's id, created (with its canonical name as an alias) when new;
  // `key` is the name's search key.
  std::int64_t Entity(std::string_view type, const std::string& name, const std::string& key,
                      const std::string& first_seen) {
    if (const std::int64_t cached = cache_.EntityId(type, name)) return cached;
    std::int64_t id = 0;
    Statement& find = db_.Prepare("SELECT id FROM entities WHERE type = ?1 AND name_key = ?2");
    find.Bind(1, type).Bind(2, key);
    if (find.Step()) {
      id = find.Int64(0);
      find.Reset();
    } else {
      find.Reset();
      db_.Prepare("INSERT INTO entities(type, name, name_key, first_seen, seq) VALUES(?1, ?2, ?3, ?4, ?5)")
          .Bind(1, type)
          .Bind(2, name)
          .Bind(3, key)
          .Bind(4, first_seen)
          .Bind(5, seq_.Next())
          .Step();
      id = db_.LastInsertId();
      db_.Prepare("INSERT OR IGNORE INTO entity_aliases(entity_id, alias, alias_key) VALUES(?1, ?2, ?3)")
          .Bind(1, id)
          .Bind(2, name)
          .Bind(3, key)
          .Step();
      cache_.AddAlias(id, name);
    }
    cache_.AddEntity(type, name, id);
    return id;
  }

  // A new form of the entity's name: stored, and the entity exported again.
  // `key` is the alias's search key.
  void Alias(std::int64_t entity_id, const std::string& alias, const std::string& key) {
    if (!cache_.AddAlias(entity_id, alias)) return;
    if (key.empty()) return;
    db_.Prepare("INSERT OR IGNORE INTO entity_aliases(entity_id, alias, alias_key) VALUES(?1, ?2, ?3)")
        .Bind(1, entity_id)
        .Bind(2, alias)
        .Bind(3, key)
        .Step();
    if (db_.Changes() > 0)
      db_.Prepare("UPDATE entities SET seq = ?2 WHERE id = ?1").Bind(1, entity_id).Bind(2, seq_.Next()).Step();
  }

  // A person's latest title and organisation; a change exports them again.
  void PersonRole(std::int64_t entity_id, const std::string& title, const std::string& organization) {
    Statement& s = db_.Prepare(
        "UPDATE entities SET title = ?2, organization = ?3 WHERE id = ?1 "
        "AND (title IS NOT ?2 OR organization IS NOT ?3)");
    s.Bind(1, entity_id).Bind(2, title).BindOrNull(3, organization).Step();
    if (db_.Changes() > 0)
      db_.Prepare("UPDATE entities SET seq = ?2 WHERE id = ?1").Bind(1, entity_id).Bind(2, seq_.Next()).Step();
  }

  // The report joins its deal before its row is written, so the row is
  // inserted with its deal_id (deals.h says why it is not updated after).
  // Entities and the deal take their seqs in the order they always did:
  // investee, investors, deal.
  void SaveFunding(std::int64_t article_id, const ArticleRecord& a, const extract::FundingRecord& f,
                   const PreparedFunding& pf) {
    FundingReport report;
    report.article_id = article_id;
    report.investee_id = Entity(pf.investee.type, f.investee, pf.investee.key, a.first_seen);
    report.amount = f.amount;
    report.currency = f.currency;
    report.round = f.round;
    report.announced = pf.announced;
    // (entity, lead) per name, duplicates included: a duplicate takes a
    // position, its row is not written (ON CONFLICT DO NOTHING below).
    std::vector<std::pair<std::int64_t, bool>> investors;
    for (size_t i = 0; i < f.investors.size(); ++i) {
      const PreparedName& investor = pf.investors[i];
      investors.emplace_back(Entity(investor.type, f.investors[i], investor.key, a.first_seen), pf.is_lead[i]);
      const std::int64_t id = investors.back().first;
      if (std::none_of(report.investors.begin(), report.investors.end(), [&](const auto& i) { return i.first == id; }))
        report.investors.push_back(investors.back());
    }
    std::int64_t funding_id;
    {
      Statement& s = db_.Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM funding");
      s.Step();
      funding_id = s.Int64(0);  // what SQLite would give the row
    }
    const std::int64_t deal_id = JoinDeal(db_, seq_, funding_id, report);
    Statement& s = db_.Prepare(
        "INSERT INTO funding(id, article_id, investee_id, amount, currency, round, announced, evidence, deal_id) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.Bind(1, funding_id).Bind(2, article_id).Bind(3, report.investee_id).Bind(4, f.amount);
    s.BindOrNull(5, f.currency).BindOrNull(6, f.round).BindOrNull(7, f.announced).Bind(8, f.evidence);
    s.Bind(9, deal_id);
    s.Step();
    int position = 0;
    for (const auto& [entity_id, lead] : investors) {
      db_.Prepare(
             "INSERT INTO funding_investors(funding_id, entity_id, is_lead, position) VALUES(?1, ?2, ?3, ?4) "
             "ON CONFLICT DO NOTHING")
          .Bind(1, funding_id)
          .Bind(2, entity_id)
          .Bind(3, lead ? 1 : 0)
          .Bind(4, position++)
          .Step();
    }
  }

  void SaveEvent(std::int64_t article_id, const ArticleRecord& a, const extract::Event& ev,
                 const std::vector<PreparedName>& participants) {
    Statement& s = db_.Prepare(
        "INSERT INTO events(article_id, type, name, date, location, evidence, seq) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.Bind(1, article_id).Bind(2, ev.type).Bind(3, ev.name).BindOrNull(4, ev.date).BindOrNull(5, ev.location);
    s.Bind(6, ev.evidence).Bind(7, seq_.Next());
    s.Step();
    const std::int64_t event_id = db_.LastInsertId();
    int position = 0;
    for (size_t i = 0; i < ev.participants.size(); ++i) {
      const std::int64_t id = Entity(participants[i].type, ev.participants[i], participants[i].key, a.first_seen);
      db_.Prepare(
             "INSERT INTO event_participants(event_id, entity_id, position) VALUES(?1, ?2, ?3) "
             "ON CONFLICT DO NOTHING")
          .Bind(1, event_id)
          .Bind(2, id)
          .Bind(3, position++)
          .Step();
    }
  }

  // The article's named mentions as version 7 stores them, in position
  // order: [[type, entity_id, start, end, text, title, organization], ...],
  // title and organization null when empty, as SQLite's json_array writes
  // the rows of version 6 in the migration. Reuses one buffer.
  std::string_view MentionsJson(const PreparedArticle& p) {
    const extract::Extraction& x = p.record.extraction;
    std::string& out = mentions_json_;
    out.clear();
    out += '[';
    for (std::size_t k = 0; k < p.mentions.size(); ++k) {
      const PreparedMention& m = p.mentions[k];
      const extract::Entity& e = x.entities[m.entity];
      if (k > 0) out += ',';
      out += '[';
      AppendJsonString(out, m.type);
      out += ',';
      out += std::to_string(per_entity_[slot_of_[k]].entity_id);
      out += ',';
      out += std::to_string(e.start);
      out += ',';
      out += std::to_string(e.end);
      out += ',';
      AppendJsonString(out, e.text);
      for (const std::string* field : {&e.title, &e.organization}) {
        out += ',';
        if (field->empty()) out += "null";
        else AppendJsonString(out, *field);
      }
      out += ']';
    }
    out += ']';
    return out;
  }

  // The article's entity ids in the order the article export lists them:
  // most mentioned first, then by their first mention's start, then by id
  // (schema.cc, version 7). Reuses one buffer.
  std::string_view EntitiesJson(const PreparedArticle& p) {
    const extract::Extraction& x = p.record.extraction;
    const auto start = [&](const EntityInArticle& s) { return x.entities[p.mentions[s.first].entity].start; };
    by_export_order_.assign(per_entity_.begin(), per_entity_.end());
    std::sort(by_export_order_.begin(), by_export_order_.end(),
              [&](const EntityInArticle& a, const EntityInArticle& b) {
                if (a.mentions != b.mentions) return a.mentions > b.mentions;
                if (start(a) != start(b)) return start(a) < start(b);
                return a.entity_id < b.entity_id;
              });
    std::string& out = entities_json_;
    out.clear();
    out += '[';
    for (const EntityInArticle& s : by_export_order_) {
      if (out.size() > 1) out += ',';
      out += std::to_string(s.entity_id);
    }
    out += ']';
    return out;
  }

  Database& db_;
  Store::WriteCache& cache_;
  Sequence& seq_;
  Statement& insert_mentions_;
  Statement& insert_entity_article_;
  std::string mentions_json_;
  std::string entities_json_;
  // Of one article: each entity with its number of mentions and the index
  // (in PreparedArticle::mentions) of its first one; each mention's entry
  // in per_entity_.
  struct EntityInArticle {
    std::int64_t entity_id;
    std::int64_t mentions;
    std::size_t first;
  };
  std::vector<EntityInArticle> per_entity_;
  std::vector<EntityInArticle> by_export_order_;
  std::vector<std::size_t> slot_of_;
  // The rows of entity_articles since the last Flush, which writes them.
  struct IndexRow {
    std::int64_t entity_id, article_id, start, end;
  };
  std::vector<IndexRow> index_rows_;
  // entity -> articles, mentions. Hashed: the ordered map's walk was 2.5% of
  // the writer's samples (bench/RESULTS.md, "Branch store6"); the order of
  // the additions in Flush changes no count.
  std::unordered_map<std::int64_t, std::pair<std::int64_t, std::int64_t>> counters_;
};

}  // namespace

Result<SaveStats> Store::SaveArticles(std::int64_t feed_id, const std::vector<ArticleRecord>& articles) {
  std::vector<PreparedArticle> prepared;
  prepared.reserve(articles.size());
  for (const auto& a : articles) prepared.push_back(PrepareArticle(a));
  auto stats = WriteArticles(feed_id, prepared);
  if (stats && stats->inserted > 0) HandToIndex();
  return stats;
}

Result<SaveStats> Store::WriteArticles(std::int64_t feed_id, const std::vector<PreparedArticle>& articles) {
  auto result = Guarded(*db_, [&]() -> Result<SaveStats> {
    SaveStats stats;
    Transaction tx(*db_);
    Sequence seq(*db_);
    ArticleWriter writer(*db_, *cache_, seq);
    // Ids are given here, as SQLite would (the largest plus one), so that an
    // article's story is known before its row is written, not patched after.
    std::int64_t next_id;
    {
      Statement& s = db_->Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM articles");
      s.Step();
      next_id = s.Int64(0);
    }
    // Another connection's commit (a second poller, a migration) may have
    // written story_bands: the memory of them is then dropped.
    story_bands_->DropIfChangedElsewhere(*db_);
    // Looked up once per batch, reset per article.
    Statement& insert = db_->Prepare(
        "INSERT INTO articles(id, feed_id, item_key, url, canonical_url, title, summary, content, text, "
        "language, published, published_estimated, first_seen, story_id, fingerprint, seq, figures) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) ON CONFLICT DO NOTHING");
    for (const PreparedArticle& p : articles) {
      const ArticleRecord& a = p.record;
      const std::int64_t id = next_id;
      std::int64_t story = id;
      if (p.fingerprint && p.published_at)
        story = FindStory(*db_, *story_bands_, *p.fingerprint, p.band_keys, *p.published_at).value_or(id);
      insert.Reset();
      insert.Bind(1, id).Bind(2, feed_id).Bind(3, a.item_key).Bind(4, a.url).BindOrNull(5, p.canonical_url);
      insert.Bind(6, a.title).BindView(7, a.summary).BindView(8, a.content).BindView(9, a.extraction.text);
      insert.Bind(10, a.extraction.language).Bind(11, a.published).Bind(12, a.published_estimated ? 1 : 0);
      insert.Bind(13, a.first_seen).Bind(14, story);
      if (p.fingerprint) insert.BindBlob(15, p.fingerprint_bytes.data(), p.fingerprint_bytes.size());
      else insert.BindNull(15);
      insert.Bind(16, seq.Next());
      insert.BindOrNull(17, p.figures);
      insert.Step();
      if (db_->Changes() == 0) {
        ++stats.duplicates;
        continue;
      }
      ++next_id;
      if (p.fingerprint && p.published_at)
        IndexStory(*story_bands_, id, story, *p.fingerprint, p.band_keys, *p.published_at, a.published);
      writer.Save(id, p);
      ++stats.inserted;
    }
    story_bands_->WriteAdded(*db_);
    writer.Flush();
    seq.Save();
    tx.Commit();
    return stats;
  });
  // The failed transaction (or this feed's savepoint) was rolled back.
  if (!result) ForgetRolledBackWrites();
  return result;
}

}  // namespace pw::store
