// Throughput of src/text on the Vietnamese and English text of
// ../shared/corpus, per core (single-threaded), with ICU's bare NFC on the
// same bytes as the floor. bench/RESULTS.md records the figures and the
// command; bench/compare/normalize_vs_uconv.sh compares whole commands.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <zlib.h>

#include "text/html_to_text.h"
#include "text/language.h"
#include "text/mojibake.h"
#include "text/normalize.h"
#include "text/search_key.h"
#include "text/sentences.h"
#include "text/tone_marks.h"
#include "text_variants.h"

namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(PW_BENCH_SOURCE_DIR).parent_path() / "shared/corpus";

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ReadGzip(const fs::path& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(file, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  gzclose(file);
  return out;
}

// The 789 Dan tri articles (2020), one document each: 3.5 MB of Vietnamese.
const std::vector<std::string>& Vietnamese() {
  static const std::vector<std::string> docs = [] {
    std::vector<fs::path> paths;
    const fs::path dir = kCorpus / "articles/vi/undertheseanlp-dantri-UNC/docs";
    if (fs::exists(dir))
      for (const auto& entry : fs::directory_iterator(dir)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> out;
    for (const fs::path& p : paths) out.push_back(Read(p));
    return out;
  }();
  return docs;
}

// The text of the 2,606 press releases (CC0): 13 MB of English.
const std::vector<std::string>& English() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    std::istringstream in(Read(kCorpus / "articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl"));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) out.emplace_back(boost::json::parse(line).at("text").as_string());
    return out;
  }();
  return docs;
}

template <typename Transform>
std::vector<std::string> Map(const std::vector<std::string>& docs, Transform transform) {
  std::vector<std::string> out;
  out.reserve(docs.size());
  for (const std::string& d : docs) out.push_back(transform(d));
  return out;
}

const std::vector<std::string>& VietnameseNfdOtherStyle() {
  static const auto docs = Map(Vietnamese(), [](const std::string& d) { return pw::testing::Nfd(pw::testing::OtherToneStyle(d)); });
  return docs;
}

const std::vector<std::string>& VietnameseMojibake() {
  static const auto docs = Map(Vietnamese(), [](const std::string& d) { return pw::testing::Mojibake(d); });
  return docs;
}

const std::vector<std::string>& VnExpressPage() {
  static const std::vector<std::string> docs = {ReadGzip(kCorpus / "html/htmldate-eval/pages/VnExpress.net-Kinh-doanh.html.gz")};
  return docs;
}

// Runs `f` over every document per iteration; reports bytes of input.
template <typename F>
void RunOver(benchmark::State& state, const std::vector<std::string>& docs, F f) {
  if (docs.empty() || docs.front().empty()) {
    state.SkipWithError("needs ../shared/corpus beside the checkout");
    return;
  }
  int64_t bytes = 0;
  for (const std::string& d : docs) bytes += static_cast<int64_t>(d.size());
  for (auto _ : state)
    for (const std::string& d : docs) benchmark::DoNotOptimize(f(d));
  state.SetBytesProcessed(state.iterations() * bytes);
}

using Corpus = const std::vector<std::string>& (*)();

// The floor: ICU's NFC alone, in process, on the same bytes.
void BM_IcuNfc(benchmark::State& state, Corpus corpus) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  RunOver(state, corpus(), [nfc](const std::string& d) {
    std::string out;
    out.reserve(d.size());
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode s = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, d, sink, nullptr, s);
    return out;
  });
}
BENCHMARK_CAPTURE(BM_IcuNfc, vi, Vietnamese)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_IcuNfc, en, English)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_IcuNfc, vi_nfd_other_style, VietnameseNfdOtherStyle)->Unit(benchmark::kMillisecond);

void BM_NormalizeText(benchmark::State& state, Corpus corpus) {
  RunOver(state, corpus(), [](const std::string& d) { return pw::text::NormalizeText(d); });
}
BENCHMARK_CAPTURE(BM_NormalizeText, vi, Vietnamese)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NormalizeText, en, English)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NormalizeText, vi_nfd_other_style, VietnameseNfdOtherStyle)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NormalizeText, vi_mojibake, VietnameseMojibake)->Unit(benchmark::kMillisecond);

void BM_NormalizeDocument(benchmark::State& state, Corpus corpus) {
  RunOver(state, corpus(), [](const std::string& d) { return pw::text::NormalizeDocument(d); });
}
BENCHMARK_CAPTURE(BM_NormalizeDocument, vi, Vietnamese)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NormalizeDocument, vnexpress_page, VnExpressPage)->Unit(benchmark::kMillisecond);

// The parts, on NFC Vietnamese text.
void BM_CanonicalizeToneMarks(benchmark::State& state) {
  RunOver(state, Vietnamese(), [](const std::string& d) { return pw::text::CanonicalizeToneMarks(d); });
}
BENCHMARK(BM_CanonicalizeToneMarks)->Unit(benchmark::kMillisecond);

void BM_RepairMojibake(benchmark::State& state, Corpus corpus) {
  RunOver(state, corpus(), [](const std::string& d) { return pw::text::RepairMojibake(d); });
}
BENCHMARK_CAPTURE(BM_RepairMojibake, vi_correct, Vietnamese)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RepairMojibake, vi_mojibake, VietnameseMojibake)->Unit(benchmark::kMillisecond);

void BM_SearchKey(benchmark::State& state) {
  RunOver(state, Vietnamese(), [](const std::string& d) { return pw::text::SearchKey(d); });
}
BENCHMARK(BM_SearchKey)->Unit(benchmark::kMillisecond);

void BM_DetectLanguage(benchmark::State& state, Corpus corpus) {
  RunOver(state, corpus(), [](const std::string& d) { return pw::text::DetectLanguage(d); });
}
BENCHMARK_CAPTURE(BM_DetectLanguage, vi, Vietnamese)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DetectLanguage, en, English)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  RunOver(state, Vietnamese(), [](const std::string& d) { return pw::text::SplitSentences(d); });
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_HtmlToText(benchmark::State& state) {
  RunOver(state, VnExpressPage(), [](const std::string& d) { return pw::text::HtmlToText(d); });
}
BENCHMARK(BM_HtmlToText)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
