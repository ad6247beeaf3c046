// The store at scale: a database of N articles (1 million by default)
// generated from the real corpus, then the queries the three users run on it,
// against a plain LIKE '%...%' scan as the naive floor, in the same run.
//
//   build/bench/store_bench                      # 1,000,000 articles into /tmp/presswatch-bench.db
//   build/bench/store_bench --articles 100000 --db /tmp/small.db
//   build/bench/store_bench --reuse              # query an existing bench database again
//   build/bench/store_bench --articles 20000 --feeds-per-commit 20   # a commit holds 20 feeds' polls
//
// How articles are generated: every document of ../shared/corpus/articles
// (Vietnamese news and English press releases, 6,000+) goes once through the
// real pipeline (app::ProcessItem: normalization, language, extraction with
// rules/). An article is then the title and first paragraphs of one document
// followed by paragraphs of two others of the same language, with their
// entity mentions, and the first document's funding and events; published
// dates run over two years in order, ~5% are republications of an article
// of the week before by another outlet (a rubric before the title, a credit
// line after), as syndication does. Writes go as the daemon's writer makes
// them (app/writer.cc): batches (--batch, 1,000) of one feed's update, or
// with --feeds-per-commit N of N feeds' updates, each prepared
// (store::PrepareBatch) on another thread while the batch before is saved
// (Store::Save, one transaction). The ingest line gives the writer's time
// and CPU in Save; the pipeline line the wall time of the whole ingest and
// the CPU that preparing took off the writer.
//
// Not Google Benchmark: percentiles of many single queries over a database
// built once are what the issue asks for, and Google Benchmark reports means
// of repetitions. Figures: bench/RESULTS.md.
#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "app/pipeline.h"
#include "common/time.h"
#include "extract/rule_set.h"
#include "store/store.h"
#include "text/search_key.h"

namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;
using pw::store::ArticleRecord;

struct Paragraph {
  std::string text;
  std::vector<pw::extract::Entity> entities;  // offsets into `text`
};

struct Document {
  std::string language, title;
  std::vector<Paragraph> paragraphs;  // the first is the title
  std::vector<pw::extract::FundingRecord> funding;
  std::vector<pw::extract::Event> events;
};

// Splits a processed record's text into paragraphs (lines), keeping each
// entity with the paragraph it lies in.
Document Split(const ArticleRecord& r) {
  Document d;
  d.language = r.extraction.language;
  d.title = r.title;
  d.funding = r.extraction.funding;
  d.events = r.extraction.events;
  const std::string& text = r.extraction.text;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) {
      Paragraph p;
      p.text = text.substr(begin, end - begin);
      for (const auto& e : r.extraction.entities)
        if (e.start >= begin && e.end <= end) {
          auto shifted = e;
          shifted.start -= begin;
          shifted.end -= begin;
          p.entities.push_back(std::move(shifted));
        }
      d.paragraphs.push_back(std::move(p));
    }
    begin = end + 1;
  }
  return d;
}

std::vector<Document> LoadCorpus(const std::filesystem::path& shared, const pw::extract::RuleSet& rules) {
  struct Source {
    const char* path;
    const char* title;
    const char* text;
    const char* language;
  };
  const Source sources[] = {
      {"corpus/articles/vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl", "title", "content", "vi"},
      {"corpus/articles/vi/magizbox-baomoi-2017-business-slice/baomoi_business_slice.jsonl", "title", "text", "vi"},
      {"corpus/articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl", "title", "text",
       "en"},
  };
  std::vector<Document> docs;
  const pw::Timestamp when = *pw::ParseTimestamp("2024-06-01T00:00:00Z");
  for (const auto& s : sources) {
    std::ifstream in(shared / s.path);
    if (!in) {
      std::cerr << "store_bench: needs " << (shared / s.path) << "\n";
      std::exit(2);
    }
    for (std::string line; std::getline(in, line);) {
      const json::value v = json::parse(line);
      pw::feed::Item item;
      item.title = std::string(v.at(s.title).as_string());
      item.content = std::string(v.at(s.text).as_string());
      item.published = when;
      const ArticleRecord r = pw::app::ProcessItem(item, rules, s.language, when);
      Document d = Split(r);
      if (d.paragraphs.size() >= 2 && (d.language == "vi" || d.language == "en")) docs.push_back(std::move(d));
    }
  }
  return docs;
}

class Generator {
 public:
  Generator(const std::vector<Document>& docs, std::int64_t total) : docs_(docs), total_(total), rng_(20241121) {
    for (size_t i = 0; i < docs.size(); ++i) (docs[i].language == "vi" ? vi_ : en_).push_back(i);
  }

  // Article number i (0-based).
  ArticleRecord Next(std::int64_t i) {
    const int feed = static_cast<int>(rng_() % kFeeds);
    // Two years, in order, plus up to a day of jitter.
    const auto start = *pw::ParseTimestamp("2023-01-01T00:00:00Z");
    const auto published = start + std::chrono::seconds(i * (730LL * 86400) / total_) +
                           std::chrono::seconds(rng_() % 86400);
    if (!recent_.empty() && rng_() % 100 < 5) return Republish(i, published);

    const auto& pool = rng_() % 100 < 60 ? vi_ : en_;
    const auto pick = [&]() -> size_t { return pool[rng_() % pool.size()]; };
    Recipe recipe;
    recipe.first = pick();
    recipe.published = pw::FormatTimestamp(published);
    ArticleRecord r = Start(recipe);
    r.item_key = "gen:" + std::to_string(i);
    r.url = "https://outlet" + std::to_string(feed) + ".example/a/" + std::to_string(i) + ".html";
    // The title of one document, then single paragraphs of others (at most
    // 1,200 bytes each) until the text passes 2,500 bytes: about a news
    // article's length, and no two articles share more than a paragraph
    // unless one copies the other (a corpus of 6,000 documents read a million
    // times over would otherwise be mostly near-duplicates).
    Append(r, recipe, recipe.first, 0, 300);
    for (int k = 0; r.extraction.text.size() < 2500 && k < 40; ++k) {
      const size_t other = k == 0 ? recipe.first : pick();
      const size_t paragraphs = docs_[other].paragraphs.size();
      Append(r, recipe, other, 1 + rng_() % std::max<size_t>(1, paragraphs - 1), 1200);
    }
    recent_.push_back(std::move(recipe));
    if (recent_.size() > 64) recent_.erase(recent_.begin());
    return r;
  }

  static constexpr int kFeeds = 50;

 private:
  // How an article was made, enough to make it again: a republication is
  // rebuilt from this rather than copied from a kept record, so that the
  // generator's thread (which shares the two cores with the store's) does
  // not copy every article's text and entities a second time.
  struct Recipe {
    size_t first = 0;                                    // the document whose title it has
    std::vector<std::pair<size_t, size_t>> paragraphs;  // (document, paragraph), in order
    std::string published;
  };

  // The record's fields that come from its first document, text empty.
  ArticleRecord Start(const Recipe& recipe) const {
    const Document& a = docs_[recipe.first];
    ArticleRecord r;
    r.title = a.title;
    r.published = recipe.published;
    r.first_seen = r.published;
    r.extraction.language = a.language;
    r.summary = a.paragraphs.size() > 1 ? a.paragraphs[1].text.substr(0, 300) : "";
    r.extraction.funding = a.funding;
    for (auto& f : r.extraction.funding) f.announced = r.published.substr(0, 10);
    r.extraction.events = a.events;
    return r;
  }

  // Appends paragraph p of document d unless it is longer than max_bytes,
  // and notes it in the recipe.
  void Append(ArticleRecord& r, Recipe& recipe, size_t d, size_t p, size_t max_bytes) const {
    if (p >= docs_[d].paragraphs.size() || docs_[d].paragraphs[p].text.size() > max_bytes) return;
    AppendParagraph(r, docs_[d].paragraphs[p]);
    recipe.paragraphs.emplace_back(d, p);
  }

  static void AppendParagraph(ArticleRecord& r, const Paragraph& paragraph) {
    std::string& text = r.extraction.text;
    if (!text.empty()) text += "\n\n";
    const size_t base = text.size();
    text += paragraph.text;
    for (auto e : paragraph.entities) {
      e.start += base;
      e.end += base;
      r.extraction.entities.push_back(std::move(e));
    }
  }

  // Another outlet's copy of a recent article.
  ArticleRecord Republish(std::int64_t i, std::chrono::sys_seconds published) {
    const Recipe& original = recent_[rng_() % recent_.size()];
    ArticleRecord r = Start(original);
    for (const auto& [d, p] : original.paragraphs) AppendParagraph(r, docs_[d].paragraphs[p]);
    const std::string rubric = r.extraction.language == "vi" ? "TIN DOANH NGHIỆP | " : "PRESS RELEASE: ";
    r.item_key = "gen:" + std::to_string(i);
    r.url = "https://syndication.example/" + std::to_string(i);
    r.title = rubric + r.title;
    r.extraction.text = rubric + r.extraction.text + "\n\nNguồn: outlet" + std::to_string(i % kFeeds);
    for (auto& e : r.extraction.entities) {
      e.start += rubric.size();
      e.end += rubric.size();
    }
    r.published = pw::FormatTimestamp(published);
    r.first_seen = r.published;
    return r;
  }

  const std::vector<Document>& docs_;
  std::int64_t total_;
  std::mt19937_64 rng_;
  std::vector<size_t> vi_, en_;
  std::vector<Recipe> recent_;  // the last 64 originals
};

struct Percentiles {
  double p50 = 0, p95 = 0, max = 0;
  size_t n = 0;
};

Percentiles Summarize(std::vector<double> ms) {
  Percentiles p;
  p.n = ms.size();
  if (ms.empty()) return p;
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * (ms.size() - 1) + 0.5))]; };
  p.p50 = at(0.50);
  p.p95 = at(0.95);
  p.max = ms.back();
  return p;
}

// CPU time of all the process's threads, ms.
double ProcessCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// CPU time of this thread, ms: on a machine shared with other work, wall
// time measures the neighbours too.
double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double Ms(std::chrono::nanoseconds d) { return std::chrono::duration<double, std::milli>(d).count(); }

template <class F>
double TimeMs(F&& f) {
  const auto t0 = Clock::now();
  f();
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void Print(const char* what, const Percentiles& p) {
  std::printf("| %-50s | %5zu | %9.2f | %9.2f | %9.2f |\n", what, p.n, p.p50, p.p95, p.max);
}

// The naive floor: the same words with LIKE over the stored text. `sql`
// either scans everything (what ranking the matches needs) or walks the
// published index newest first and stops at 20 matches (no ranking at all).
std::vector<double> LikeScans(const std::string& db_path, const char* sql, const std::vector<std::string>& words,
                              int repeats) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_exec(db, "PRAGMA mmap_size = 4294967296", nullptr, nullptr, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
  std::vector<double> ms;
  for (int r = 0; r < repeats; ++r)
    for (const auto& w : words) {
      std::string pattern = w;
      pattern.insert(0, 1, '%');
      pattern += '%';
      ms.push_back(TimeMs([&] {
        sqlite3_bind_text(s, 1, pattern.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(s) == SQLITE_ROW) {
        }
        sqlite3_reset(s);
      }));
    }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return ms;
}

// The naive funding query: v1's plan, every report checked with LIKE on aliases.
std::vector<double> LikeFunding(const std::string& db_path, const std::vector<std::string>& names, int repeats) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT fu.id FROM funding fu JOIN articles a ON a.id = fu.article_id "
                     "WHERE EXISTS (SELECT 1 FROM funding_investors fi JOIN entity_aliases al "
                     "ON al.entity_id = fi.entity_id WHERE fi.funding_id = fu.id AND al.alias_key LIKE ?1) "
                     "ORDER BY COALESCE(fu.announced, a.published) DESC LIMIT 1000",
                     -1, &s, nullptr);
  std::vector<double> ms;
  for (int r = 0; r < repeats; ++r)
    for (const auto& n : names) {
      std::string pattern = pw::text::SearchKey(n);
      pattern.insert(0, 1, '%');
      pattern += '%';
      ms.push_back(TimeMs([&] {
        sqlite3_bind_text(s, 1, pattern.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(s) == SQLITE_ROW) {
        }
        sqlite3_reset(s);
      }));
    }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return ms;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t articles = 1'000'000;
  int batch = 1000;
  std::string db_path = "/tmp/presswatch-bench.db";
  bool reuse = false;
  int feeds_per_commit = 0;  // 0: one feed per batch
  std::int64_t segment_arg = 0;  // 0: a tenth of the run
  bool ingest_only = false;
  int page_size = 0;  // 0: the store's default for new files
  std::int64_t merge_rows = 0;  // 0: the store's default (kEntityIndexMergeRows)
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--articles" && i + 1 < argc) articles = std::stoll(argv[++i]);
    else if (a == "--feeds-per-commit" && i + 1 < argc) feeds_per_commit = std::stoi(argv[++i]);
    else if (a == "--batch" && i + 1 < argc) batch = std::stoi(argv[++i]);
    else if (a == "--db" && i + 1 < argc) db_path = argv[++i];
    else if (a == "--reuse") reuse = true;
    else if (a == "--segment" && i + 1 < argc) segment_arg = std::stoll(argv[++i]);
    else if (a == "--ingest-only") ingest_only = true;
    else if (a == "--page-size" && i + 1 < argc) page_size = std::stoi(argv[++i]);
    else if (a == "--entity-index-merge-rows" && i + 1 < argc) merge_rows = std::stoll(argv[++i]);
    else {
      std::cerr << "usage: store_bench [--articles N] [--batch N] [--feeds-per-commit N] [--db PATH] [--reuse]\n"
                   "                   [--segment N] [--ingest-only] [--page-size BYTES]\n"
                   "                   [--entity-index-merge-rows N]\n"
                   "  --segment N     print the writer's rate every N articles (default: a tenth of the run)\n"
                   "  --ingest-only   stop after the ingest and the database's size, without the queries\n"
                   "  --page-size N   the new database's page size (default: the store's, 8192)\n"
                   "  --entity-index-merge-rows N  rows of the entity index's recent table that start a merge\n"
                   "                  (default: the store's, kEntityIndexMergeRows)\n";
      return 2;
    }
  }
  if (page_size != 0 && (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)) {
    std::cerr << "store_bench: --page-size must be a power of two from 512 to 65536\n";
    return 2;
  }
  if (merge_rows < 0) {
    std::cerr << "store_bench: --entity-index-merge-rows must be 0 (the default) or more\n";
    return 2;
  }
  if (batch < 1 || feeds_per_commit < 0 || feeds_per_commit > batch || feeds_per_commit > 50) {
    std::cerr << "store_bench: --batch must be at least 1, --feeds-per-commit from 0 to min(batch, 50)\n";
    return 2;
  }
  const std::filesystem::path source = PW_BENCH_SOURCE_DIR;
  std::printf("# store_bench: %lld articles, batches of %d, %s, %s\n\n", static_cast<long long>(articles), batch,
              feeds_per_commit > 0 ? ("Store::Save of " + std::to_string(feeds_per_commit) + " feeds").c_str()
                                   : "Store::Save of one feed",
              db_path.c_str());

  const std::string index_path = db_path + "-search";  // the full-text index: store/search_index.h
  if (!reuse) {
    for (const std::string& path : {db_path, index_path})
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto rules = pw::extract::RuleSet::Load((source / "rules").string());
    if (!rules) {
      std::cerr << rules.error().message << "\n";
      return 1;
    }
    std::vector<Document> docs;
    const double load_ms = TimeMs([&] { docs = LoadCorpus(source.parent_path() / "shared", **rules); });
    std::printf("corpus: %zu documents through the pipeline in %.1f s\n", docs.size(), load_ms / 1000);

    auto db = pw::store::Store::Open(db_path, {.new_file_page_size = page_size, .entity_index_merge_rows = merge_rows});
    std::vector<std::int64_t> feeds;
    for (int f = 0; f < Generator::kFeeds; ++f)
      feeds.push_back(*db->EnsureFeed("https://outlet" + std::to_string(f) + ".example/rss",
                                      "Outlet " + std::to_string(f), f % 5 < 3 ? "vi" : "en"));
    Generator gen(docs, articles);
    double store_ms = 0, last_ms = 0, cpu_ms = 0;
    double segment_ms = 0, segment_cpu = 0;
    double segment_index_cpu0 = 0, segment_waited0 = 0;  // the search index's times at the segment's start
    std::int64_t segment_stored = 0, segment_start = 0;
    const std::int64_t segment = std::max<std::int64_t>(batch, segment_arg > 0 ? segment_arg : articles / 10);
    std::int64_t stored = 0, last_stored = 0, text_bytes = 0;
    const std::int64_t last_from = articles - std::min<std::int64_t>(articles, 100'000);
    // The pipeline of the daemon's writer (app/writer.cc): batch k+1 is
    // generated and prepared (store::PrepareBatch) on a thread of its own
    // while the writer saves batch k (Store::Save).
    struct Next {
      pw::store::PreparedBatch batch;
      std::int64_t end = 0;         // articles generated so far
      std::int64_t text_bytes = 0;  // of this batch
      double prepare_cpu_ms = 0;    // PrepareBatch alone, on its thread
    };
    const auto make_batch = [&](std::int64_t from) {
      // One transaction per batch; the batches go to the feeds in turn. In
      // a commit of N feeds, feed k gets records k, k + N, k + 2N, ...
      Next next;
      const int feed = static_cast<int>((from / batch) % Generator::kFeeds);
      const int feeds_in_commit = std::max(1, feeds_per_commit);
      std::vector<pw::store::FeedUpdate> updates(static_cast<size_t>(feeds_in_commit));
      for (int k = 0; k < feeds_in_commit; ++k) {
        updates[static_cast<size_t>(k)].feed_id = feeds[static_cast<size_t>((feed + k) % Generator::kFeeds)];
        updates[static_cast<size_t>(k)].outcome.status = 200;
      }
      next.end = std::min(articles, from + batch);
      for (std::int64_t i = from; i < next.end; ++i) {
        ArticleRecord r = gen.Next(i);
        next.text_bytes += static_cast<std::int64_t>(r.extraction.text.size());
        updates[static_cast<size_t>(i - from) % updates.size()].articles.push_back(std::move(r));
      }
      const double cpu0 = CpuMs();
      next.batch = pw::store::PrepareBatch(std::move(updates));
      next.prepare_cpu_ms = CpuMs() - cpu0;
      return next;
    };
    double prepare_cpu_ms = 0;
    const auto ingest_start = Clock::now();
    const double process_cpu0 = ProcessCpuMs();
    std::future<Next> coming = std::async(std::launch::async, make_batch, std::int64_t{0});
    for (std::int64_t i = 0; i < articles;) {
      Next next = coming.get();
      i = next.end;
      text_bytes += next.text_bytes;
      prepare_cpu_ms += next.prepare_cpu_ms;
      if (i < articles) coming = std::async(std::launch::async, make_batch, i);
      const double cpu0 = CpuMs();
      const double ms = TimeMs([&] {
        std::int64_t inserted = 0;
        for (const auto& s : db->Save(next.batch)) {
          if (!s) {
            std::cerr << s.error().message << "\n";
            std::exit(1);
          }
          inserted += s->inserted;
        }
        stored += inserted;
        segment_stored += inserted;
        if (i > last_from) last_stored += inserted;
      });
      const double cpu = CpuMs() - cpu0;
      cpu_ms += cpu;
      segment_cpu += cpu;
      segment_ms += ms;
      store_ms += ms;
      if (i > last_from) last_ms += ms;
      if (i - segment_start >= segment || i == articles) {
        // The search index's thread over the same batches (its last one is
        // still running: a batch's worth of shift, the same in every segment).
        const auto index_times = db->SearchIndexCost();
        const double index_cpu_ms = Ms(index_times.thread_cpu) - segment_index_cpu0;
        const double waited_ms = Ms(index_times.writer_waited) - segment_waited0;
        segment_index_cpu0 = Ms(index_times.thread_cpu);
        segment_waited0 = Ms(index_times.writer_waited);
        std::printf("  articles %lld-%lld: %.0f/s, %.0f per CPU-second; index thread %.0f us per article, "
                    "Save waited for it %.1f s\n",
                    static_cast<long long>(segment_start), static_cast<long long>(i),
                    segment_stored / (segment_ms / 1000), segment_stored / (segment_cpu / 1000),
                    index_cpu_ms * 1000 / static_cast<double>(segment_stored), waited_ms / 1000);
        std::fflush(stdout);
        segment_start = i;
        segment_stored = 0;
        segment_ms = segment_cpu = 0;
      }
      if ((i / batch) % 100 == 0)
        std::fprintf(stderr, "\r%lld/%lld articles, %.0f/s   ", static_cast<long long>(i),
                     static_cast<long long>(articles), stored / (store_ms / 1000));
    }
    // The search index (store/search_index.h) is written on a thread of the
    // store while the writer saves the next batch; the last batch's text is
    // still being indexed when the last Save returns. Its wait counts as the
    // writer's (and the last segment's) wall time.
    const double drain_ms = TimeMs([&] {
      if (auto indexed = db->WaitForSearchIndex(); !indexed) {
        std::cerr << indexed.error().message << "\n";
        std::exit(1);
      }
    });
    store_ms += drain_ms;
    last_ms += drain_ms;
    const double ingest_ms = std::chrono::duration<double, std::milli>(Clock::now() - ingest_start).count();
    const double process_cpu_ms = ProcessCpuMs() - process_cpu0;
    std::fprintf(stderr, "\n");
    std::printf("ingest: %lld articles stored in %.1f s of Store::Save: %.0f articles/s "
                "(last 100,000: %.0f articles/s); %.1f s of CPU: %.0f articles per CPU-second; "
                "%.1f KB of text per article\n",
                static_cast<long long>(stored), store_ms / 1000, stored / (store_ms / 1000),
                last_stored / (last_ms / 1000), cpu_ms / 1000, stored / (cpu_ms / 1000),
                text_bytes / 1024.0 / static_cast<double>(articles));
    std::printf("pipeline: %.1f s from the first batch generated to the last saved: %.0f articles/s; "
                "PrepareBatch on the other thread: %.1f s of CPU, %.0f us per article\n",
                ingest_ms / 1000, stored / (ingest_ms / 1000), prepare_cpu_ms / 1000,
                prepare_cpu_ms * 1000 / static_cast<double>(articles));
    const auto index_times = db->SearchIndexCost();
    const double index_cpu_ms = Ms(index_times.thread_cpu);
    const double rest_ms = process_cpu_ms - cpu_ms - prepare_cpu_ms - index_cpu_ms;
    const auto per_article_us = [&](double ms) { return ms * 1000 / static_cast<double>(articles); };
    std::printf("search index: the last batch indexed %.2f s after its Save; CPU of all threads in the ingest "
                "%.1f s (%.0f us per article): the writer's, PrepareBatch's, the search index's thread %.1f s "
                "(%.0f us per article), the generator and the rest %.1f s (%.0f us per article); Save waited for "
                "the index %.1f s\n",
                drain_ms / 1000, process_cpu_ms / 1000, per_article_us(process_cpu_ms), index_cpu_ms / 1000,
                per_article_us(index_cpu_ms), rest_ms / 1000, per_article_us(rest_ms),
                Ms(index_times.writer_waited) / 1000);
  }

  for (const std::string& path : {db_path, index_path}) {
    // Fold the WAL in, so the file size is the database's.
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  auto db = pw::store::Store::Open(db_path, {.read_only = true});
  std::int64_t count = 0, file_page_size = 0;
  {
    sqlite3* raw = nullptr;
    sqlite3_open_v2(db_path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(raw, "SELECT COUNT(*), COUNT(DISTINCT story_id), (SELECT COUNT(*) FROM funding), "
                            "(SELECT COUNT(*) FROM deals), (SELECT COUNT(*) FROM entities) FROM articles",
                       -1, &s, nullptr);
    sqlite3_step(s);
    count = sqlite3_column_int64(s, 0);
    std::printf("database: %lld articles in %lld stories, %lld funding reports in %lld deals, %lld entities\n",
                static_cast<long long>(count), static_cast<long long>(sqlite3_column_int64(s, 1)),
                static_cast<long long>(sqlite3_column_int64(s, 2)), static_cast<long long>(sqlite3_column_int64(s, 3)),
                static_cast<long long>(sqlite3_column_int64(s, 4)));
    sqlite3_finalize(s);
    sqlite3_prepare_v2(raw, "PRAGMA page_size", -1, &s, nullptr);
    sqlite3_step(s);
    file_page_size = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(raw);
  }
  std::error_code no_index;
  const auto db_bytes = std::filesystem::file_size(db_path);
  const auto index_bytes = std::filesystem::file_size(index_path, no_index);
  const auto bytes = db_bytes + (no_index ? 0 : index_bytes);
  std::printf("size: %.2f GB, %.0f bytes per article, pages of %lld bytes (the database %.2f GB, its search index %.2f GB)\n\n",
              bytes / 1e9, static_cast<double>(bytes) / count, static_cast<long long>(file_page_size), db_bytes / 1e9,
              no_index ? 0.0 : index_bytes / 1e9);
  if (ingest_only) return 0;

  const std::vector<std::string> queries = {
      "đầu tư",           "dau tu",          "ngân hàng",     "\"quỹ đầu tư\"",  "khởi nghiệp", "startup*",
      "bat dong san",     "chứng khoán",     "Vingroup",      "gọi vốn",         "funding",     "\"series a\"",
      "\"seed round\"",   "acquisition",     "blockchain",    "Singapore",       "fintech",     "venture*",
      "AI startup",       "partnership",     "thuong vu",     "\"triệu USD\"",   "Viettel",      "ngan hang OR fintech"};
  std::vector<double> search_ms, filtered_ms;
  for (int rep = 0; rep < 6; ++rep)
    for (const auto& q : queries) {
      const double ms = TimeMs([&] {
        auto hits = db->Search({.query = q});
        if (!hits) std::cerr << q << ": " << hits.error().message << "\n";
      });
      if (rep > 0) search_ms.push_back(ms);  // the first round warms the cache
      const double fms = TimeMs([&] {
        auto hits = db->Search({.query = q, .language = rep % 2 ? "vi" : "en", .since = "2024-10-01"});
        if (!hits) std::cerr << q << ": " << hits.error().message << "\n";
      });
      if (rep > 0) filtered_ms.push_back(fms);
    }

  // Funding: investors and investees of the database, typed without accents.
  std::vector<std::string> investors, investees;
  if (auto all = db->Funding({.limit = 2000})) {
    std::map<std::string, int> seen;
    for (const auto& r : *all) {
      for (const auto& i : r.record.investors)
        if (seen[i]++ == 0 && investors.size() < 20) investors.push_back(pw::text::SearchKey(i));
      if (seen[r.record.investee]++ == 0 && investees.size() < 20) investees.push_back(pw::text::SearchKey(r.record.investee));
    }
  }
  std::vector<double> funding_ms;
  for (int rep = 0; rep < 6; ++rep) {
    const auto run = [&](const pw::store::FundingQuery& q) {
      const double ms = TimeMs([&] {
        auto rows = db->Funding(q);
        if (!rows) std::cerr << rows.error().message << "\n";
      });
      if (rep > 0) funding_ms.push_back(ms);
    };
    for (const auto& n : investors) run({.investor = n});
    for (const auto& n : investees) run({.investee = n});
    run({.round = "seed", .limit = 100});
    run({.round = "series-a", .since = "2024-01-01", .limit = 100});
    run({.since = "2024-06-01", .until = "2024-06-30", .limit = 100});
    run({.min_amount = 1e6, .max_amount = 1e7, .limit = 100});
  }

  std::vector<double> coverage_ms, entities_ms;
  std::vector<std::string> names;
  if (auto top = db->Entities({.type = "ORG", .top = 10})) {
    for (const auto& e : *top) names.push_back(pw::text::SearchKey(e.name));
    for (int rep = 0; rep < 6; ++rep) {
      for (const auto& n : names) {
        const double ms = TimeMs([&] { (void)db->Coverage({.entity = n, .since = "2024-12-01"}); });
        if (rep > 0) coverage_ms.push_back(ms);
      }
      const double ms = TimeMs([&] { (void)db->Entities({.top = 20}); });
      if (rep > 0) entities_ms.push_back(ms);
    }
  }

  // LIKE knows neither accents nor Vietnamese case: these are typed as stored.
  std::vector<std::string> like_words = {"đầu tư", "ngân hàng", "funding", "blockchain", "Vingroup"};
  std::vector<double> like_ms =
      LikeScans(db_path, "SELECT id FROM articles WHERE title LIKE ?1 OR text LIKE ?1", like_words, 1);
  std::vector<double> like_newest_ms = LikeScans(
      db_path, "SELECT id FROM articles WHERE title LIKE ?1 OR text LIKE ?1 ORDER BY published DESC LIMIT 20",
      like_words, 2);
  std::vector<std::string> like_investors(investors.begin(), investors.begin() + std::min<size_t>(5, investors.size()));
  std::vector<double> like_funding_ms = LikeFunding(db_path, like_investors, 2);

  std::int64_t exported = 0;
  const double export_ms = TimeMs([&] {
    (void)db->ExportFunding("", [&](const pw::store::DealExport&) { ++exported; });
  });

  std::printf("| query (warm cache) | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n");
  Print("search, FTS5 (24 queries, vi and en)", Summarize(search_ms));
  Print("search, FTS5 + language + since", Summarize(filtered_ms));
  Print("search, LIKE '%...%' full scan (naive floor)", Summarize(like_ms));
  Print("search, LIKE, newest 20 by date, no ranking", Summarize(like_newest_ms));
  Print("funding (investor, investee, round, dates, amount)", Summarize(funding_ms));
  Print("funding, v1 plan: LIKE on aliases per report", Summarize(like_funding_ms));
  Print("coverage --entity (top 10 ORG, since a month)", Summarize(coverage_ms));
  Print("entities --top 20", Summarize(entities_ms));
  std::printf("\nexport --kind funding: %lld deals in %.0f ms\n", static_cast<long long>(exported), export_ms);
  return 0;
}
