// eval_extraction: precision, recall and F1 of the extractor against the hand
// annotations of tests/data/eval/articles.gold, per field and per language,
// on the dev split (tuned on) and the held-out split (only reported).
//
//   build/tests/eval_extraction                      # both splits, figures only
//   build/tests/eval_extraction --errors dev         # and what dev gets wrong
//   build/tests/eval_extraction --show en-1852       # one article: its text and what was found
//   build/tests/eval_extraction --gold F --mentions all  # every article's text and entity spans, as JSON lines
//   build/tests/eval_extraction --ids tests/data/eval/round10_vi.ids  # only the articles a file lists
//   scripts/eval-extraction                          # the same, from the source tree
//
// Scoring (tests/data/eval/README.md says why):
//   funding records   a system record matches a gold one when its investee is
//                     one of the gold investee's names (accent- and
//                     case-insensitive) or the gazetteer entry one of them is
//                     an alias of; P/R/F1 over records.
//   amount, round     share of matched records whose amount (and currency)
//                     or round slug equals the gold one ("-" = null).
//   investors, leads  P/R over the investors (leads) of matched records,
//                     names matched as investees are (gold "Google Ventures",
//                     system "GV": one entry of the gazetteer).
//   ORG, PER, LOC     per article, the set of distinct names: a system entity
//                     is right when its canonical name or its text is one of
//                     a gold entity's names of that type, or when one of the
//                     gold names is an alias of the system entity's gazetteer
//                     entry (gold "United States", system "Mỹ" from "the United
//                     States": the same country).
// Exit status: 0, or 2 when the gold file or the corpus cannot be read.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_string.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "gold.h"
#include "text/normalize.h"
#include "text/search_key.h"

namespace fs = std::filesystem;
using namespace pw;

namespace {

struct Counts {
  double tp = 0, fp = 0, fn = 0;
  void Add(const Counts& o) { tp += o.tp, fp += o.fp, fn += o.fn; }
  double P() const { return tp + fp > 0 ? tp / (tp + fp) : 1; }
  double R() const { return tp + fn > 0 ? tp / (tp + fn) : 1; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

struct Share {
  int right = 0, total = 0;
};

struct Score {
  int articles = 0;
  Counts funding, investors, leads;
  Share amount, round;
  std::map<std::string, Counts> entity;  // ORG, PER, LOC
  void Add(const Score& o) {
    articles += o.articles;
    funding.Add(o.funding), investors.Add(o.investors), leads.Add(o.leads);
    amount.right += o.amount.right, amount.total += o.amount.total;
    round.right += o.round.right, round.total += o.round.total;
    for (const auto& [k, v] : o.entity) entity[k].Add(v);
  }
};

bool NameIs(const eval::GoldName& gold, const std::string& name) {
  const std::string key = text::SearchKey(name);
  for (const auto& a : gold.aliases)
    if (text::SearchKey(a) == key) return true;
  return false;
}

// Whether the system's name is the gold one: by name, or as the canonical
// name of the gazetteer entry of one of `types` that one of the gold names is
// an alias of (gold "United States", system "Mỹ"; gold "Google Ventures",
// system "GV").
bool IsGoldName(const extract::Gazetteer& gazetteer, std::initializer_list<const char*> types,
                const eval::GoldName& gold, const std::string& system_name) {
  if (NameIs(gold, system_name)) return true;
  for (const char* type : types)
    for (const auto& a : gold.aliases)
      if (const auto* entry = gazetteer.Lookup(type, a); entry && entry->canonical == system_name) return true;
  return false;
}

// A party of a deal (investee or investor): an organisation or a person.
bool SameParty(const extract::Gazetteer& gazetteer, const eval::GoldName& gold, const std::string& system_name) {
  return IsGoldName(gazetteer, {"ORG", "PER"}, gold, system_name);
}

// P/R of a list of names against gold names.
Counts MatchNames(const extract::Gazetteer& gazetteer, const std::vector<std::string>& system,
                  const std::vector<eval::GoldName>& gold, std::vector<std::string>* missed,
                  std::vector<std::string>* wrong) {
  Counts c;
  std::vector<bool> found(gold.size(), false);
  for (const auto& s : system) {
    bool hit = false;
    for (std::size_t i = 0; i < gold.size(); ++i)
      if (SameParty(gazetteer, gold[i], s)) found[i] = hit = true;
    if (hit) ++c.tp;
    else {
      ++c.fp;
      if (wrong) wrong->push_back(s);
    }
  }
  for (std::size_t i = 0; i < gold.size(); ++i)
    if (!found[i]) {
      ++c.fn;
      if (missed) missed->push_back(gold[i].aliases.front());
    }
  return c;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

bool SameAmount(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return !a && !b;
  return std::abs(*a - *b) <= 1e-6 * std::max(std::abs(*a), std::abs(*b));
}

std::string AmountText(const std::optional<double>& a, const std::string& currency) {
  if (!a) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g %s", *a, currency.c_str());
  return buf;
}

Score ScoreArticle(const extract::Gazetteer& gazetteer, const eval::GoldArticle& g, const extract::Extraction& x,
                   bool report) {
  Score s;
  s.articles = 1;
  std::vector<std::string> notes;
  // Entities: distinct canonical names per type; a name is right when it or
  // the text of any of its mentions is a gold name.
  const std::pair<const char*, const std::vector<eval::GoldName>*> kinds[] = {
      {"ORG", &g.orgs}, {"PER", &g.pers}, {"LOC", &g.locs}};
  for (const auto& [type, gold] : kinds) {
    std::map<std::string, std::vector<std::string>> forms;  // canonical -> texts
    for (const auto& e : x.entities)
      if (extract::EntityTypeName(e.type) == type) forms[e.name].push_back(e.text);
    Counts c;
    std::vector<bool> found(gold->size(), false);
    std::vector<std::string> wrong, missed;
    for (const auto& [name, texts] : forms) {
      bool hit = false;
      for (std::size_t i = 0; i < gold->size(); ++i) {
        bool m = IsGoldName(gazetteer, {type}, (*gold)[i], name);
        for (const auto& t : texts) m = m || NameIs((*gold)[i], t);
        if (m) found[i] = hit = true;
      }
      if (hit) ++c.tp;
      else ++c.fp, wrong.push_back(name);
    }
    for (std::size_t i = 0; i < gold->size(); ++i)
      if (!found[i]) ++c.fn, missed.push_back((*gold)[i].aliases.front());
    s.entity[type] = c;
    if (report && (!wrong.empty() || !missed.empty()))
      notes.push_back(std::string(type) + (wrong.empty() ? "" : " wrong: " + Join(wrong)) +
                      (missed.empty() ? "" : " missed: " + Join(missed)));
  }
  // Funding records, matched by investee.
  std::vector<bool> gold_matched(g.funding.size(), false);
  for (const auto& r : x.funding) {
    std::optional<std::size_t> match;
    for (std::size_t i = 0; i < g.funding.size() && !match; ++i)
      if (!gold_matched[i] && SameParty(gazetteer, g.funding[i].investee, r.investee)) match = i;
    if (!match) {
      ++s.funding.fp;
      if (report) notes.push_back("funding wrong: " + r.investee + " <- [" + Join(r.investors) + "] " +
                                  AmountText(r.amount, r.currency) + " " + r.round);
      continue;
    }
    gold_matched[*match] = true;
    const auto& gf = g.funding[*match];
    ++s.funding.tp;
    const bool amount_ok = SameAmount(r.amount, gf.amount) && (!gf.amount || r.currency == gf.currency);
    s.amount.total++, s.amount.right += amount_ok;
    s.round.total++, s.round.right += r.round == gf.round;
    std::vector<std::string> inv_missed, inv_wrong;
    s.investors.Add(MatchNames(gazetteer, r.investors, gf.investors, &inv_missed, &inv_wrong));
    s.leads.Add(MatchNames(gazetteer, r.lead_investors, gf.leads, nullptr, nullptr));
    if (report && (!amount_ok || r.round != gf.round || !inv_missed.empty() || !inv_wrong.empty()))
      notes.push_back("funding " + r.investee + ": amount " + AmountText(r.amount, r.currency) + " (gold " +
                      AmountText(gf.amount, gf.currency) + "), round '" + r.round + "' (gold '" + gf.round +
                      "')" + (inv_missed.empty() ? "" : ", investors missed: " + Join(inv_missed)) +
                      (inv_wrong.empty() ? "" : ", investors wrong: " + Join(inv_wrong)));
  }
  for (std::size_t i = 0; i < g.funding.size(); ++i)
    if (!gold_matched[i]) {
      ++s.funding.fn;
      if (report) notes.push_back("funding missed: " + g.funding[i].investee.aliases.front());
    }
  if (report && !notes.empty()) {
    std::cout << "  " << g.id << " (gold line " << g.file_line << ")\n";
    for (const auto& n : notes) std::cout << "    " << n << "\n";
  }
  return s;
}

void PrintPrf(const char* name, const Counts& c) {
  std::printf("    %-22s P %.3f  R %.3f  F1 %.3f   (tp %g, fp %g, fn %g)\n", name, c.P(), c.R(), c.F(), c.tp, c.fp,
              c.fn);
}

void PrintScore(const std::string& title, const Score& s) {
  std::printf("  %s: %d articles\n", title.c_str(), s.articles);
  PrintPrf("funding records", s.funding);
  std::printf("    %-22s %d/%d = %.3f of matched records\n", "amount right", s.amount.right, s.amount.total,
              s.amount.total ? double(s.amount.right) / s.amount.total : 1.0);
  std::printf("    %-22s %d/%d = %.3f of matched records\n", "round right", s.round.right, s.round.total,
              s.round.total ? double(s.round.right) / s.round.total : 1.0);
  PrintPrf("investors", s.investors);
  PrintPrf("lead investors", s.leads);
  for (const char* t : {"ORG", "PER", "LOC"}) {
    auto it = s.entity.find(t);
    PrintPrf(t, it == s.entity.end() ? Counts{} : it->second);
  }
}

int Usage() {
  std::cerr << "usage: eval_extraction [--gold FILE] [--shared DIR] [--rules DIR] [--errors dev|heldout|all]\n"
               "                       [--show ID] [--mentions dev|heldout|all] [--ids FILE]\n"
               "  Scores extraction against the hand annotations (tests/data/eval/README.md).\n"
               "  --show ID prints one article's text, its entities and records, and its score.\n"
               "  --mentions SPLIT prints, instead of scores, one JSON line per article of SPLIT: its id, its text\n"
               "    and its entities as [type, start, end, text, name] (UTF-8 byte offsets), for\n"
               "    tests/data/eval/coverage_probe_vi.py and coverage_probe_en.py.\n"
               "  --ids FILE scores only the articles whose ids FILE lists (one a line, '#' starts a comment),\n"
               "    e.g. a round's new articles before any rule changed (tests/data/eval/round10_vi.ids).\n";
  return 2;
}

// What --show prints: the text, then every entity and record found.
void Show(const extract::Extraction& x) {
  std::cout << x.text << "\n----\n";
  for (const auto& e : x.entities) {
    std::cout << extract::EntityTypeName(e.type) << " [" << e.start << "," << e.end << ") " << e.text;
    if (e.name != e.text) std::cout << " => " << e.name;
    if (!e.title.empty() || !e.organization.empty()) std::cout << " {" << e.title << " / " << e.organization << "}";
    std::cout << "\n";
  }
  for (const auto& f : x.funding)
    std::cout << "FUNDING " << f.investee << " <- [" << Join(f.investors) << "] leads [" << Join(f.lead_investors)
              << "] " << AmountText(f.amount, f.currency) << " '" << f.round << "'\n  evidence: " << f.evidence
              << "\n";
  for (const auto& e : x.events)
    std::cout << "EVENT " << e.type << " '" << e.name << "' " << e.date << " " << e.location << " ["
              << Join(e.participants) << "]\n";
}

// A JSON string literal of UTF-8 text.
std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

// What --mentions prints: one JSON line with the text and every entity's span.
void PrintMentions(const std::string& id, const extract::Extraction& x) {
  std::cout << "{\"id\":" << JsonString(id) << ",\"text\":" << JsonString(x.text) << ",\"entities\":[";
  bool first = true;
  for (const auto& e : x.entities) {
    std::cout << (first ? "" : ",") << "[\"" << extract::EntityTypeName(e.type) << "\"," << e.start << ","
              << e.end << "," << JsonString(e.text) << "," << JsonString(e.name) << "]";
    first = false;
  }
  std::cout << "]}\n";
}

}  // namespace

int main(int argc, char** argv) {
  fs::path source = PW_EVAL_SOURCE_DIR;
  fs::path gold_file = source / "tests/data/eval/articles.gold";
  fs::path shared = source.parent_path() / "shared";
  fs::path rules_dir = source / "rules";
  std::string errors_for, show, mentions_for;
  fs::path ids_file;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") return Usage(), 0;
    if (i + 1 >= argc) return Usage();
    if (a == "--gold") gold_file = argv[++i];
    else if (a == "--shared") shared = argv[++i];
    else if (a == "--rules") rules_dir = argv[++i];
    else if (a == "--errors") errors_for = argv[++i];
    else if (a == "--show") show = argv[++i];
    else if (a == "--mentions") mentions_for = argv[++i];
    else if (a == "--ids") ids_file = argv[++i];
    else return Usage();
  }
  std::set<std::string> only_ids;  // empty: every article
  if (!ids_file.empty()) {
    std::string error;
    auto ids = eval::ReadIds(ids_file, error);
    if (!ids) {
      std::cerr << "eval_extraction: " << error << "\n";
      return 2;
    }
    only_ids = std::move(*ids);
  }
  std::vector<std::string> problems;
  const auto gold = eval::ReadGold(gold_file, problems);
  for (const auto& p : problems) std::cerr << p << "\n";
  if (!problems.empty() || gold.empty()) return 2;
  auto rules = extract::RuleSet::Load(rules_dir.string());
  if (!rules) {
    std::cerr << rules.error().message << "\n";
    return 2;
  }
  std::map<std::string, std::map<std::string, Score>> scores;  // split -> language -> score
  for (const auto& g : gold) {
    if (!show.empty() && g.id != show) continue;
    if (!only_ids.empty() && !only_ids.count(g.id)) continue;
    std::string error;
    auto raw = eval::ArticleText(shared / "corpus/articles", g, error);
    if (!raw) {
      std::cerr << gold_file.string() << ":" << g.file_line << ": " << error << "\n";
      return 2;
    }
    extract::ExtractOptions options;
    options.language = text::LanguageFromCode(g.language);
    if (g.published.size() == 10) {
      const int y = std::stoi(g.published.substr(0, 4)), m = std::stoi(g.published.substr(5, 2)),
                d = std::stoi(g.published.substr(8, 2));
      options.published = std::chrono::sys_days{std::chrono::year{y} / m / d};
    }
    std::vector<std::string> trace;
    if (!show.empty()) options.trace = &trace;
    const auto x = extract::Extract(**rules, text::NormalizeDocument(*raw), options);
    if (!show.empty()) {
      Show(x);
      for (const auto& t : trace) std::cout << "RULE " << t << "\n";
      ScoreArticle((*rules)->gazetteer(), g, x, /*report=*/true);
      return 0;
    }
    if (!mentions_for.empty()) {
      if (mentions_for == "all" || mentions_for == g.split) PrintMentions(g.id, x);
      continue;
    }
    const bool report = errors_for == "all" || errors_for == g.split;
    scores[g.split][g.language].Add(ScoreArticle((*rules)->gazetteer(), g, x, report));
  }
  if (!show.empty()) {
    std::cerr << "eval_extraction: no article " << show << " in " << gold_file.string() << "\n";
    return 2;
  }
  if (!mentions_for.empty()) return 0;
  for (const char* split : {"dev", "heldout"}) {
    // With --ids, a split or a language none of the listed articles is in says nothing.
    if (!only_ids.empty() && scores[split]["vi"].articles + scores[split]["en"].articles == 0) continue;
    std::printf("%s\n", split);
    Score all;
    for (const char* lang : {"vi", "en"}) {
      if (!only_ids.empty() && scores[split][lang].articles == 0) continue;
      PrintScore(lang, scores[split][lang]);
      all.Add(scores[split][lang]);
    }
    PrintScore("vi+en", all);
  }
  return 0;
}
