// Extraction throughput with the project's real rules: on the seed press item
// (Vietnamese and English), on a slice of the real corpus in ../shared (one
// thread, so the figure is MB/s per core), and on the same slice with the
// rule count multiplied by ten. bench/RESULTS.md records the figures.
//
//   build/bench/extract_bench --benchmark_filter=Corpus
//
// The x10 rule sets are written to a temporary directory at start: every
// rule of rules/*.rules is repeated nine more times under new names, either
// as an exact copy ("copies") or as a variant that needs one more word no
// article contains ("variants": a new phrasing that rarely fires, the way a
// user's added rules usually behave).
//
// Two modes run before the benchmarks: PW_EXTRACT_DUMP=FILE (every record of
// the corpus run, to check a speed change keeps the output) and
// PW_EXTRACT_RULE_COSTS=N (each rule's time over N passes of the slice), and
// PW_EXTRACT_PROGRAMS=N (the N largest RE2 programs of the rules, which is
// most of the time RuleSet::Load takes; with PW_EXTRACT_PATTERNS=FILE, every
// rule's expanded pattern is written to FILE).
//
// PW_EXTRACT_PASSES=N runs exactly N passes of the corpus slice (after one
// untimed warm pass) in RunPasses, outside Google Benchmark, and prints their
// CPU time: the mode to count instructions in, which the load of a shared
// machine cannot spoil, e.g.
//
//   PW_EXTRACT_PASSES=3 valgrind --tool=callgrind --instr-atstart=no
//       build/bench/extract_bench --benchmark_filter=NONE    (one command)
//
// (RunPasses switches callgrind's instrumentation on around the N passes, so
// loading the rules runs at the speed of valgrind without a tool; the
// "Collected" total is the instructions of the N passes.) With
// PW_EXTRACT_X10=variants (or copies), PW_EXTRACT_PASSES, PW_EXTRACT_PROGRAMS
// and PW_EXTRACT_RULE_COSTS use the x10 rules instead.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>
#include <vector>

#include <boost/json.hpp>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

#include "extract/compiled_rules.h"
#include "extract/extract.h"
#include "extract/matcher.h"
#include "text/normalize.h"

namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const pw::extract::RuleSet& Rules(const std::string& dir) {
  static std::map<std::string, std::shared_ptr<const pw::extract::RuleSet>> loaded;
  auto& r = loaded[dir];
  if (!r) r = pw::extract::RuleSet::Load(dir).value();
  return *r;
}

void BM_ExtractSeed(benchmark::State& state, const char* file) {
  const std::string text = pw::text::NormalizeDocument(Read(std::string(PW_BENCH_SOURCE_DIR "/feeds/demo/") + file));
  const auto& rules = Rules(PW_BENCH_SOURCE_DIR "/rules");
  for (auto _ : state) benchmark::DoNotOptimize(pw::extract::Extract(rules, text, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK_CAPTURE(BM_ExtractSeed, vi, "genai-open-innovation.vi.txt")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ExtractSeed, en, "genai-open-innovation.en.txt")->Unit(benchmark::kMicrosecond);

// The corpus slice: the first 150 records of the Baomoi business slice and of
// the press-release slice, and the first 150 Dân trí articles, normalized.
struct Doc {
  std::string text;
  pw::text::Language language;
};

const std::vector<Doc>& Corpus() {
  static const std::vector<Doc> docs = [] {
    std::vector<Doc> out;
    const fs::path articles = fs::path(PW_BENCH_SOURCE_DIR).parent_path() / "shared/corpus/articles";
    auto jsonl = [&](const fs::path& file, const char* body_key, pw::text::Language lang) {
      std::ifstream in(file);
      std::string line;
      for (int n = 0; n < 150 && std::getline(in, line); ++n) {
        const auto o = boost::json::parse(line).as_object();
        const std::string raw = std::string(o.at("title").as_string()) + "\n\n" +
                                std::string(o.at(body_key).as_string());
        out.push_back({pw::text::NormalizeDocument(raw), lang});
      }
    };
    jsonl(articles / "vi/magizbox-baomoi-2017-business-slice/baomoi_business_slice.jsonl", "text",
          pw::text::Language::kVietnamese);
    jsonl(articles / "en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl", "text",
          pw::text::Language::kEnglish);
    std::vector<fs::path> dantri;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(articles / "vi/undertheseanlp-dantri-UNC/docs", ec))
      dantri.push_back(e.path());
    std::sort(dantri.begin(), dantri.end());
    for (std::size_t i = 0; i < dantri.size() && i < 150; ++i)
      out.push_back({pw::text::NormalizeDocument(Read(dantri[i])), pw::text::Language::kVietnamese});
    return out;
  }();
  return docs;
}

// rules/ with each rule repeated nine more times; returns the directory.
std::string MultipliedRules(bool variants) {
  const fs::path src = fs::path(PW_BENCH_SOURCE_DIR) / "rules";
  const fs::path dst = fs::temp_directory_path() / (variants ? "pw-bench-rules-x10-variants" : "pw-bench-rules-x10-copies");
  fs::remove_all(dst);
  fs::create_directories(dst / "gazetteer");
  for (const auto& e : fs::directory_iterator(src / "gazetteer")) fs::copy_file(e.path(), dst / "gazetteer" / e.path().filename());
  for (const auto& e : fs::directory_iterator(src)) {
    if (e.path().extension() != ".rules") continue;
    std::istringstream in(Read(e.path()));
    std::string out, line, last_rule;
    auto flush = [&] {
      if (last_rule.empty()) return;
      // "KIND NAME: PATTERN" -> nine renamed copies.
      const auto space = last_rule.find(' ');
      const auto colon = last_rule.find(": ");
      for (int k = 1; k <= 9; ++k) {
        std::string copy = last_rule.substr(0, space) + " " + last_rule.substr(space + 1, colon - space - 1) + "_x" +
                           std::to_string(k) + ": ";
        const std::string pattern = last_rule.substr(colon + 2);
        copy += variants ? "(?:" + pattern + ") zqxv" + std::to_string(k) : pattern;
        out += copy + "\n";
      }
      last_rule.clear();
    };
    while (std::getline(in, line)) {
      if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
        if (!last_rule.empty()) last_rule += line.substr(line.find_first_not_of(" \t"));
        out += line + "\n";
        continue;
      }
      flush();
      out += line + "\n";
      if (line.empty() || line[0] == '#' || line[0] == '@' || line.rfind("define ", 0) == 0) continue;
      if (line.find(": ") != std::string::npos) last_rule = line;
    }
    flush();
    std::ofstream(dst / e.path().filename()) << out;
  }
  return dst.string();
}

void RunCorpus(benchmark::State& state, const pw::extract::RuleSet& rules) {
  const auto& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("needs ../shared/corpus/articles beside the checkout");
    return;
  }
  std::size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.size();
  // One untimed pass first: RE2 builds its DFA states lazily, and a daemon
  // that has read a few documents runs with them built.
  for (const auto& d : docs) benchmark::DoNotOptimize(pw::extract::Extract(rules, d.text, {.language = d.language}));
  for (auto _ : state)
    for (const auto& d : docs) benchmark::DoNotOptimize(pw::extract::Extract(rules, d.text, {.language = d.language}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["rules"] = static_cast<double>(rules.rule_count());
  state.counters["docs"] = static_cast<double>(docs.size());
}

void BM_ExtractCorpus(benchmark::State& state) { RunCorpus(state, Rules(PW_BENCH_SOURCE_DIR "/rules")); }
BENCHMARK(BM_ExtractCorpus)->Unit(benchmark::kMillisecond);

void BM_ExtractCorpusRulesX10Variants(benchmark::State& state) {
  static const std::string dir = MultipliedRules(true);
  RunCorpus(state, Rules(dir));
}
BENCHMARK(BM_ExtractCorpusRulesX10Variants)->Unit(benchmark::kMillisecond);

void BM_ExtractCorpusRulesX10Copies(benchmark::State& state) {
  static const std::string dir = MultipliedRules(false);
  RunCorpus(state, Rules(dir));
}
BENCHMARK(BM_ExtractCorpusRulesX10Copies)->Unit(benchmark::kMillisecond);

void BM_NormalizeSeed(benchmark::State& state) {
  const std::string raw = Read(PW_BENCH_SOURCE_DIR "/feeds/demo/genai-open-innovation.vi.txt");
  for (auto _ : state) benchmark::DoNotOptimize(pw::text::NormalizeDocument(raw));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw.size()));
}
BENCHMARK(BM_NormalizeSeed)->Unit(benchmark::kMicrosecond);

// PW_EXTRACT_DUMP=FILE: before benchmarking, write every field of every
// extraction of the corpus slice (and the x10 variants) to FILE, one line per
// value, so a speed change can be checked to leave the output byte-identical
// (diff two dumps).
void DumpExtractions(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out.precision(17);
  auto dump_set = [&](const char* label, const pw::extract::RuleSet& rules) {
    std::size_t n = 0;
    for (const auto& d : Corpus()) {
      const auto x = pw::extract::Extract(rules, d.text, {.language = d.language});
      out << "=== " << label << " doc " << n++ << " lang " << x.language << "\n";
      for (const auto& e : x.entities) {
        out << "E " << pw::extract::EntityTypeName(e.type) << " [" << e.start << "," << e.end << ") '" << e.text
            << "' -> '" << e.name << "' date=" << e.date << " title=" << e.title << " org=" << e.organization;
        if (e.money) {
          out << " money=" << e.money->amount << " " << e.money->currency;
          if (e.money->amount_max) out << " max=" << *e.money->amount_max;
        }
        if (e.percent) out << " pct=" << *e.percent;
        out << "\n";
      }
      for (const auto& f : x.funding) {
        out << "F investee=" << f.investee << " round=" << f.round << " announced=" << f.announced
            << " currency=" << f.currency << " amount=" << (f.amount ? std::to_string(*f.amount) : "-");
        for (const auto& i : f.investors) out << " inv=" << i;
        for (const auto& i : f.lead_investors) out << " lead=" << i;
        out << " evidence=" << f.evidence << "\n";
      }
      for (const auto& v : x.events) {
        out << "V " << v.type << " name=" << v.name << " date=" << v.date << " loc=" << v.location;
        for (const auto& p : v.participants) out << " p=" << p;
        out << " evidence=" << v.evidence << "\n";
      }
    }
  };
  dump_set("rules", Rules(PW_BENCH_SOURCE_DIR "/rules"));
  dump_set("x10-variants", Rules(MultipliedRules(true)));
}

// PW_EXTRACT_RULE_COSTS=N: before benchmarking, run N timed passes of the
// corpus slice (after one untimed one) with ForEachMatch's cost table on, and
// print each rule's wall time per pass, its calls and matches per pass, and
// the size of its RE2 program, costliest first. The time includes the
// callback's work on each match (values, names), not the prefilter's.
// The rules of the PW_EXTRACT_RULE_COSTS, PW_EXTRACT_PROGRAMS and
// PW_EXTRACT_PASSES modes: rules/,
// or with PW_EXTRACT_X10=variants (or copies) the x10 rules.
std::string ModeRulesDirectory() {
  const char* x10 = std::getenv("PW_EXTRACT_X10");
  if (x10 && std::string_view(x10) == "variants") return MultipliedRules(true);
  if (x10 && std::string_view(x10) == "copies") return MultipliedRules(false);
  return PW_BENCH_SOURCE_DIR "/rules";
}

void PrintRuleCosts(int passes) {
  const auto& rules = Rules(ModeRulesDirectory());
  for (const auto& d : Corpus()) benchmark::DoNotOptimize(pw::extract::Extract(rules, d.text, {.language = d.language}));
  pw::extract::RuleCostTable table;
  pw::extract::SetRuleCostTable(&table);
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < passes; ++i)
    for (const auto& d : Corpus()) benchmark::DoNotOptimize(pw::extract::Extract(rules, d.text, {.language = d.language}));
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  pw::extract::SetRuleCostTable(nullptr);
  std::vector<std::pair<const pw::extract::CompiledRule*, pw::extract::RuleCost>> rows(table.begin(), table.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.seconds > b.second.seconds; });
  double in_rules = 0;
  for (const auto& [rule, cost] : rows) in_rules += cost.seconds;
  std::printf("%d passes: %.1f ms a pass, %.1f ms of it in ForEachMatch\n", passes, 1e3 * total / passes,
              1e3 * in_rules / passes);
  std::printf("%-28s %10s %10s %10s %8s\n", "rule", "ms/pass", "calls", "matches", "program");
  for (const auto& [rule, cost] : rows)
    std::printf("%-28s %10.2f %10.0f %10.0f %8d\n", rule->spec.name.c_str(), 1e3 * cost.seconds / passes,
                static_cast<double>(cost.calls) / passes, static_cast<double>(cost.matches) / passes,
                rule->re->ProgramSize());
}

// PW_EXTRACT_PROGRAMS=N: the N rules whose RE2 programs are largest, with the
// total over every rule (RuleSet::Load's time is mostly RE2 compiling them).
void PrintProgramSizes(int count) {
  const auto started = std::chrono::steady_clock::now();
  const auto& rules = Rules(ModeRulesDirectory());
  const double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::vector<std::pair<int, const pw::extract::CompiledRule*>> rows;
  long total = 0;
  for (const auto& rule : rules.data().rules) {
    rows.emplace_back(rule->re->ProgramSize(), rule.get());
    total += rule->re->ProgramSize();
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::printf("%zu rules loaded in %.2f s; %ld RE2 instructions in all\n", rows.size(), load, total);
  // How ForEachMatch reads each rule's groups: the whole match, a GroupTree
  // (of one group or several), RE2 alone (its NFA above 512 instructions),
  // or none asked for.
  const auto groups_by = [](const pw::extract::CompiledRule& rule) {
    if (rule.whole_match_group) return "whole match";
    if (rule.Tree()) return rule.re->NumberOfCapturingGroups() == 1 ? "tree (one group)" : "tree";
    return rule.submatches > 1 ? "RE2" : "-";
  };
  std::printf("%-32s %8s  %s\n", "rule", "program", "groups by");
  for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(count); ++i)
    std::printf("%-32s %8d  %s\n", rows[i].second->spec.name.c_str(), rows[i].first, groups_by(*rows[i].second));
  // The prefilter of each pass: its atoms, and the rules it cannot filter
  // (run in its Set with the atoms: they make the Set's DFA larger).
  static constexpr const char* kPassNames[] = {"mentions", "people", "relations"};
  for (int p = 0; p < pw::extract::kPassCount; ++p) {
    for (int lang = 0; lang < pw::extract::kRuleLanguageCount; ++lang) {
      const auto& pr = rules.data().For(static_cast<pw::extract::Pass>(p), lang);
      std::printf("%s/%s: %zu rules, %d atoms, %d required literals, unfiltered:", kPassNames[p],
                  lang == 0 ? "vi" : "en", pr.rules.size(), pr.atom_count, pr.literal_count);
      for (int id : pr.unfiltered) std::printf(" %s", pr.rules[static_cast<std::size_t>(id)]->spec.name.c_str());
      std::printf("\n");
    }
  }
  // PW_EXTRACT_PATTERNS=FILE: every rule's expanded pattern, one a line after its name.
  if (const char* file = std::getenv("PW_EXTRACT_PATTERNS")) {
    std::ofstream out(file);
    for (const auto& [size, rule] : rows) out << rule->spec.name << '\t' << size << '\t' << rule->re->pattern() << '\n';
  }
}

// PW_EXTRACT_PASSES=N: N passes of the corpus slice after one untimed one,
// with callgrind's instrumentation on around them only (see the header).
// noinline keeps the function a frame of its own for profilers.
__attribute__((noinline)) void RunPasses(int passes) {
  const auto& rules = Rules(ModeRulesDirectory());
  const auto& docs = Corpus();
  for (const auto& d : docs) benchmark::DoNotOptimize(pw::extract::Extract(rules, d.text, {.language = d.language}));
  const std::clock_t started = std::clock();
  CALLGRIND_START_INSTRUMENTATION;
  for (int i = 0; i < passes; ++i)
    for (const auto& d : docs) benchmark::DoNotOptimize(pw::extract::Extract(rules, d.text, {.language = d.language}));
  CALLGRIND_STOP_INSTRUMENTATION;
  const double cpu = static_cast<double>(std::clock() - started) / CLOCKS_PER_SEC;
  std::printf("%d passes of %zu documents: %.1f ms of CPU a pass\n", passes, docs.size(), 1e3 * cpu / passes);
}

}  // namespace

int main(int argc, char** argv) {
  if (const char* dump = std::getenv("PW_EXTRACT_DUMP")) DumpExtractions(dump);
  if (const char* passes = std::getenv("PW_EXTRACT_RULE_COSTS")) PrintRuleCosts(std::max(1, std::atoi(passes)));
  if (const char* count = std::getenv("PW_EXTRACT_PROGRAMS")) PrintProgramSizes(std::max(1, std::atoi(count)));
  if (const char* passes = std::getenv("PW_EXTRACT_PASSES")) RunPasses(std::max(1, std::atoi(passes)));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
