// Extraction throughput on the seed press item, Vietnamese and English, with
// the project's real rules. bench/RESULTS.md records the figures.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "extract/extract.h"
#include "text/normalize.h"

namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const pw::extract::RuleSet& Rules() {
  static auto rules = pw::extract::RuleSet::Load(PW_BENCH_SOURCE_DIR "/rules").value();
  return *rules;
}

void BM_ExtractSeed(benchmark::State& state, const char* file) {
  const std::string text = pw::text::NormalizeDocument(Read(std::string(PW_BENCH_SOURCE_DIR "/feeds/demo/") + file));
  const auto& rules = Rules();
  for (auto _ : state) benchmark::DoNotOptimize(pw::extract::Extract(rules, text, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK_CAPTURE(BM_ExtractSeed, vi, "genai-open-innovation.vi.txt")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ExtractSeed, en, "genai-open-innovation.en.txt")->Unit(benchmark::kMicrosecond);

void BM_NormalizeSeed(benchmark::State& state) {
  const std::string raw = Read(PW_BENCH_SOURCE_DIR "/feeds/demo/genai-open-innovation.vi.txt");
  for (auto _ : state) benchmark::DoNotOptimize(pw::text::NormalizeDocument(raw));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw.size()));
}
BENCHMARK(BM_NormalizeSeed)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
