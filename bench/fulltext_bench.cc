// Pages per second per core of the main-content extractor alone
// (ExtractMainContent: charset, libxml2 parse, metadata, site rule or
// generic extractor, paragraphs normalized), on the real pages of
// ../shared/corpus/html, decompressed before timing. libxml2's parse of the
// same bytes is the floor. Rates are per CPU second of one thread (per core).
// bench/RESULTS.md records the figures and the command.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "text/html_dom.h"
#include "text/main_content.h"
#include "text/site_rules.h"

namespace {

namespace fs = std::filesystem;

const fs::path kHtml = fs::path(PW_BENCH_SOURCE_DIR).parent_path() / "shared/corpus/html";

std::string ReadGzip(const fs::path& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(file, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  gzclose(file);
  return out;
}

std::vector<std::string> ReadAll(const fs::path& dir, std::string_view suffix) {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pages;
  for (const auto& p : paths) pages.push_back(ReadGzip(p));
  return pages;
}

// The 181 English news pages of the scrapinghub benchmark.
const std::vector<std::string>& Scrapinghub() {
  static const auto pages = ReadAll(kHtml / "scrapinghub-article-extraction-benchmark/html", ".html.gz");
  return pages;
}

// Every page of the corpus: scrapinghub, readability's news pages (their
// source.html), newspaper4k's and htmldate's, 532 pages.
const std::vector<std::string>& AllPages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out = Scrapinghub();
    for (auto&& p : ReadAll(kHtml / "mozilla-readability-news-subset", "source.html.gz"))
      out.push_back(std::move(p));
    for (auto&& p : ReadAll(kHtml / "newspaper4k-testdata/html", ".html.gz")) out.push_back(std::move(p));
    for (auto&& p : ReadAll(kHtml / "htmldate-eval/pages", ".html.gz")) out.push_back(std::move(p));
    return out;
  }();
  return pages;
}

const pw::text::SiteRules& Rules() {
  static const pw::text::SiteRules rules = [] {
    auto r = pw::text::SiteRules::Load((fs::path(PW_BENCH_SOURCE_DIR) / "rules/sites").string());
    return r ? *r : pw::text::SiteRules();
  }();
  return rules;
}

void Run(benchmark::State& state, const std::vector<std::string>& pages, const std::string& url) {
  if (pages.empty()) {
    state.SkipWithError("needs ../shared/corpus/html beside the checkout");
    return;
  }
  const pw::text::MainContentOptions options{.url = url, .site_rules = &Rules()};
  size_t bytes = 0, paragraphs = 0;
  for (auto _ : state) {
    for (const auto& page : pages) {
      auto r = pw::text::ExtractMainContent(page, options);
      if (r) paragraphs += r->paragraphs.size();
      bytes += page.size();
    }
  }
  benchmark::DoNotOptimize(paragraphs);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_MainContent_Scrapinghub(benchmark::State& state) {
  Run(state, Scrapinghub(), "https://example.com/a");
}
BENCHMARK(BM_MainContent_Scrapinghub)->Unit(benchmark::kMillisecond);

void BM_MainContent_AllCorpusPages(benchmark::State& state) {
  Run(state, AllPages(), "https://example.com/a");
}
BENCHMARK(BM_MainContent_AllCorpusPages)->Unit(benchmark::kMillisecond);

// The corpus's VnExpress article through its site rule.
void BM_MainContent_VnExpressSiteRule(benchmark::State& state) {
  static const std::vector<std::string> page = {
      ReadGzip(kHtml / "htmldate-eval/pages/VnExpress.net-Kinh-doanh.html.gz")};
  Run(state, page.front().empty() ? std::vector<std::string>{} : page,
      "https://vnexpress.net/x-4672302.html");
}
BENCHMARK(BM_MainContent_VnExpressSiteRule)->Unit(benchmark::kMicrosecond);

// libxml2's HTML parse alone, the floor of the extractor.
void BM_ParseOnly_Scrapinghub(benchmark::State& state) {
  const auto& pages = Scrapinghub();
  if (pages.empty()) {
    state.SkipWithError("needs ../shared/corpus/html beside the checkout");
    return;
  }
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& page : pages) {
      auto doc = pw::text::dom::ParseHtml(page, "UTF-8");
      benchmark::DoNotOptimize(doc.get());
      bytes += page.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ParseOnly_Scrapinghub)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
