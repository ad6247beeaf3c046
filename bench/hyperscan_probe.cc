// bench/hyperscan_probe.cc: the feasibility probe of branch extractspeed10
// (bench/RESULTS.md, "Branch extractspeed10"): compiles the real rules'
// expanded patterns with Hyperscan (libhyperscan-dev 5.4) in prefilter mode
// (HS_FLAG_PREFILTER | HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY)
// and times it. Not part of the CMake build (Hyperscan is not a dependency of
// the project); built by hand against a Release build of main:
//   g++ -std=c++20 -O1 -Isrc bench/hyperscan_probe.cc build/src/extract/libpw_extract.a \
//     build/src/text/libpw_text.a build/src/common/libpw_common.a \
//     $(pkg-config --libs re2 icu-uc icu-i18n libhs libxml-2.0) -o /tmp/hyperscan_probe
// Modes:
//   hyperscan_probe pattern REGEX utf8|bytes [TEXT]
//                                          one pattern alone (no rules loaded); "bytes":
//                                          without HS_FLAG_UTF8; with TEXT, whether it matches
//   hyperscan_probe RULES_DIR one           each rule alone, every pass and rule language
//   hyperscan_probe RULES_DIR multi P L N   the first N rules of pass P (0 mentions, 1 people,
//                                           2 relations), language L (0 vi, 1 en), in one database
// With MAX_ALONE=S, multi keeps only the rules that compile alone in under S
// seconds. With BYTES=1, multi compiles a rough byte-mode rewrite instead (Bytes below;
// for timing only: NOT a proven superset of RE2's matches). With SCAN=R and a
// database built, multi also times R scans of the bench's 150 Baomoi texts,
// sentence by sentence, against CandidateRulesBySentence (pass P, language L),
// and counts the candidates each names.
#include <hs/hs.h>

#include <boost/json/src.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "extract/compiled_rules.h"
#include "extract/rule_set.h"
#include "text/normalize.h"
using namespace pw::extract;
// For timing only, not a superset: Unicode property classes as byte ranges
// and \x{E000}/\x{E001} as their UTF-8 bytes, compiled without HS_FLAG_UTF8.
static std::string Bytes(const std::string& p) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) {
      const char e = p[i + 1];
      if (e == 'p' || e == 'P') {
        size_t end = i + 2;
        if (end < p.size() && p[end] == '{') end = p.find('}', end);
        i = end;
        out += in_class ? "A-Za-z0-9\\x80-\\xFF" : "[A-Za-z0-9\\x80-\\xFF]";
        continue;
      }
      if (e == 'x' && p.compare(i + 2, 6, "{E000}") == 0) {
        out += "\\xEE\\x80\\x80";
        i += 7;
        continue;
      }
      if (e == 'x' && p.compare(i + 2, 6, "{E001}") == 0) {
        out += "\\xEE\\x80\\x81";
        i += 7;
        continue;
      }
      out += p[i];
      out += p[++i];
      continue;
    }
    if (p[i] == '[' && !in_class) {
      in_class = true;
      out += p[i];
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
      continue;
    }
    if (p[i] == ']' && in_class) in_class = false;
    out += p[i];
  }
  return out;
}
using Clock = std::chrono::steady_clock;
static double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
int main(int argc, char** argv) {
  setvbuf(stdout, nullptr, _IONBF, 0);
  if (std::string(argv[1]) == "pattern") {
    const bool utf8 = argc < 4 || std::string(argv[3]) != "bytes";
    const unsigned flags =
        HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY | (utf8 ? HS_FLAG_UTF8 : 0u);
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    auto t = Clock::now();
    const bool ok = hs_compile(argv[2], flags, HS_MODE_BLOCK, nullptr, &db, &err) == HS_SUCCESS;
    size_t size = 0;
    if (ok) hs_database_size(db, &size);
    printf("%s: %.3f s, %zu bytes, %s\n", utf8 ? "utf8" : "bytes", Since(t), size, ok ? "ok" : err->message);
    if (ok && argc > 4) {
      hs_scratch_t* scratch = nullptr;
      hs_alloc_scratch(db, &scratch);
      bool matched = false;
      auto on_match = [](unsigned, unsigned long long, unsigned long long, unsigned, void* m) -> int {
        *static_cast<bool*>(m) = true;
        return 1;
      };
      hs_scan(db, argv[4], static_cast<unsigned>(strlen(argv[4])), 0, scratch, on_match, &matched);
      printf("\"%s\": %s\n", argv[4], matched ? "matches" : "no match");
    }
    return 0;
  }
  auto t0 = Clock::now();
  auto rs = RuleSet::Load(argv[1]);
  if (!rs) return 1;
  printf("RuleSet::Load %.3f s, %zu rules\n", Since(t0), (*rs)->rule_count());
  const auto& d = (*rs)->data();
  const std::string mode = argv[2];
  const bool bytes = getenv("BYTES") != nullptr;
  const unsigned flags =
      HS_FLAG_PREFILTER | (bytes ? 0 : HS_FLAG_UTF8) | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
  if (mode == "one") {
    double total = 0;
    int failed = 0, n = 0;
    for (int p = 0; p < kPassCount; ++p)
      for (int l = 0; l < kRuleLanguageCount; ++l)
        for (const CompiledRule* rule : d.passes[p][l].rules) {
          hs_database_t* db = nullptr;
          hs_compile_error_t* err = nullptr;
          auto t = Clock::now();
          const bool ok =
              hs_compile(rule->re->pattern().c_str(), flags, HS_MODE_BLOCK, nullptr, &db, &err) == HS_SUCCESS;
          const double s = Since(t);
          total += s;
          ++n;
          size_t size = 0;
          if (ok) hs_database_size(db, &size);
          printf("%d %d %-36s %6zu %8.3f %8zu %s\n", p, l, rule->spec.name.c_str(),
                 rule->re->pattern().size(), s, size, ok ? "ok" : err->message);
          if (!ok) ++failed, hs_free_compile_error(err);
          hs_free_database(db);
        }
    printf("one by one: %d compiles, %d failed, %.1f s\n", n, failed, total);
  } else {
    const int p = atoi(argv[3]), l = atoi(argv[4]);
    const auto& rules = d.passes[p][l].rules;
    const size_t n = std::min<size_t>(rules.size(), static_cast<size_t>(atoi(argv[5])));
    std::vector<std::string> texts;
    std::vector<const char*> patterns;
    std::vector<unsigned> all_flags(n, flags), ids;
    // MAX_ALONE=S keeps only the rules that compile alone in under S seconds.
    const double max_alone = getenv("MAX_ALONE") ? atof(getenv("MAX_ALONE")) : 0;
    double alone_total = 0;
    for (size_t i = 0; i < n; ++i) {
      std::string text = bytes ? Bytes(rules[i]->re->pattern()) : rules[i]->re->pattern();
      if (max_alone > 0) {
        hs_database_t* one = nullptr;
        hs_compile_error_t* one_err = nullptr;
        auto t = Clock::now();
        const bool one_ok =
            hs_compile(text.c_str(), flags, HS_MODE_BLOCK, nullptr, &one, &one_err) == HS_SUCCESS;
        const double s = Since(t);
        if (one_ok)
          hs_free_database(one);
        else
          hs_free_compile_error(one_err);
        if (!one_ok || s >= max_alone) continue;
        alone_total += s;
      }
      texts.push_back(std::move(text));
      ids.push_back(static_cast<unsigned>(i));
    }
    for (const std::string& text : texts) patterns.push_back(text.c_str());
    if (max_alone > 0)
      printf("%zu of %zu rules compile alone in under %.2f s (%.1f s together, one by one)\n", texts.size(),
             n, max_alone, alone_total);
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    auto t = Clock::now();
    const bool ok = hs_compile_multi(patterns.data(), all_flags.data(), ids.data(), patterns.size(),
                                     HS_MODE_BLOCK, nullptr, &db, &err) == HS_SUCCESS;
    const double compile_seconds = Since(t);
    size_t size = 0;
    if (ok) hs_database_size(db, &size);
    if (getenv("SCAN") && ok) {
      // The first 150 texts of the bench's Baomoi slice, sentence by sentence.
      std::ifstream in(
          "/work/shared/corpus/articles/vi/magizbox-baomoi-2017-business-slice/baomoi_business_slice.jsonl");
      std::vector<std::string> docs;
      std::string line;
      for (int k = 0; k < 150 && std::getline(in, line); ++k) {
        auto o = boost::json::parse(line).as_object();
        docs.push_back(pw::text::NormalizeDocument(std::string(o.at("title").as_string()) + "\n\n" +
                                                   std::string(o.at("text").as_string())));
      }
      std::vector<std::vector<pw::text::Span>> spans;
      size_t sentences = 0, bytes_total = 0;
      for (auto& doc : docs)
        spans.push_back(pw::text::SplitSentences(doc)), sentences += spans.back().size(),
            bytes_total += doc.size();
      const int reps = atoi(getenv("SCAN"));
      size_t re2_candidates = 0, hs_candidates = 0;
      auto cpu = [] { return double(clock()) / CLOCKS_PER_SEC; };
      double c0 = cpu();
      for (int r = 0; r < reps; ++r)
        for (size_t k = 0; k < docs.size(); ++k)
          for (auto& c : CandidateRulesBySentence(d, static_cast<Pass>(p), l, docs[k], spans[k]))
            re2_candidates += c.size();
      double c1 = cpu();
      hs_scratch_t* scratch = nullptr;
      hs_alloc_scratch(db, &scratch);
      auto on_match = [](unsigned, unsigned long long, unsigned long long, unsigned, void* n) -> int {
        ++*static_cast<size_t*>(n);
        return 0;
      };
      for (int r = 0; r < reps; ++r)
        for (size_t k = 0; k < docs.size(); ++k)
          for (auto& s : spans[k]) {
            const size_t from = s.begin > 0 ? s.begin - 1 : 0, to = std::min(docs[k].size(), s.end + 1);
            hs_scan(db, docs[k].data() + from, static_cast<unsigned>(to - from), 0, scratch, on_match,
                    &hs_candidates);
          }
      double c2 = cpu();
      printf(
          "%zu docs, %zu bytes, %zu sentences, %d reps: RE2 prefilter %.3f s CPU, %zu candidates; Hyperscan "
          "%.3f s CPU, %zu candidates\n",
          docs.size(), bytes_total, sentences, reps, c1 - c0, re2_candidates, c2 - c1, hs_candidates);
    }
    printf("multi pass %d lang %d: %zu of %zu rules, %s, %.1f s, %zu bytes\n", p, l, patterns.size(),
           rules.size(), ok ? "ok" : err->message, compile_seconds, size);
  }
}
