// eval_fulltext: how well ExtractMainContent finds the article in real pages,
// scored against the gold main text of ../shared/corpus/html, with other
// extractors' outputs scored in the same run on the same pages.
//
//   build/tests/eval_fulltext --manifest > pages.tsv      # the pages, for other extractors
//   build/tests/eval_fulltext --other readability-lxml=out.json [--errors 5]
//   scripts/eval-fulltext                                  # all of it, readability-lxml included
//
// Families (../shared/corpus/SOURCES.md):
//   scrapinghub   181 English news pages, gold written by people (articleBody)
//   readability   40 news pages, gold = Readability.js's expected output
//   newspaper4k   23 pages in 9 languages, gold = newspaper4k's expected text
//   vnexpress     the corpus's one Vietnamese article page; gold = the
//                 paragraphs the page itself marks as its article
//                 (p.description, and the p.Normal of article.fck_detail)
//
// Score (word level): texts are normalized (NormalizeText), cut into words
// (runs of letters and digits; in scripts written without spaces, Han, kana,
// Thai, Lao, Khmer, Myanmar, each character is a word), and compared as
// multisets: per page tp = common words, fp = extracted words not in the
// gold, fn = gold words not extracted. As in scrapinghub's evaluate.py, each
// page's (tp, fp, fn) is scaled to sum to 1, so long pages do not outweigh
// short ones; P = TP/(TP+FP), R = TP/(TP+FN), F1 their harmonic mean over the
// family. "mean F1" is the plain mean of the pages' F1.
//
// Metadata: title (exact, after normalization), language (primary subtag)
// and published day against the metadata files of readability and
// newspaper4k, and the published day of htmldate-eval's 281 pages.
//
// An --other file is a JSON object {"family/id": "<html of the article>"}; its
// HTML is turned into text by the same HtmlToText + NormalizeText as the gold
// of the readability family. Exit status 0, or 2 when ../shared is missing.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/time.h"
#include "feed/dates.h"
#include "text/html_to_text.h"
#include "text/main_content.h"
#include "text/normalize.h"
#include "text/site_rules.h"

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace pw;

namespace {

std::string ReadMaybeGzip(const fs::path& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");  // reads plain files as they are
  if (!file) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(file, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  gzclose(file);
  return out;
}

json::value ReadJson(const fs::path& path) {
  std::error_code ec;
  json::value v = json::parse(ReadMaybeGzip(path), ec);
  return ec ? json::value() : v;
}

std::string Str(const json::value& v, std::string_view key) {
  if (!v.is_object()) return "";
  const auto* p = v.as_object().if_contains(key);
  return p && p->is_string() ? std::string(p->as_string()) : "";
}

struct Page {
  std::string family, id;
  fs::path path;
  std::string url, content_type;
  std::string gold_text;  // normalized; "" for date-only pages
  std::string gold_title, gold_language, gold_day;
};

std::string Day(const std::string& written) {
  if (written.size() >= 10 && written[4] == '-' && written[7] == '-' &&
      std::isdigit((unsigned char)written[0]))
    return written.substr(0, 10);  // the day as the page writes it, before any shift to UTC
  if (auto t = feed::ParseFeedDate(written)) return FormatDay(std::chrono::floor<std::chrono::days>(*t));
  return "";
}

std::string Primary(std::string lang) {
  const size_t cut = lang.find_first_of("-_");
  if (cut != std::string::npos) lang.resize(cut);
  std::transform(lang.begin(), lang.end(), lang.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return lang;
}

// The gold of the VnExpress page: what its markup marks as the article.
std::string VnExpressGold(const std::string& html) {
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(html.data(), int(html.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
      xmlFreeDoc);
  std::vector<std::string> paragraphs;
  auto has_class = [](xmlNode* n, std::string_view c) {
    xmlChar* v = xmlGetProp(n, BAD_CAST "class");
    std::string classes = v ? reinterpret_cast<char*>(v) : "";
    xmlFree(v);
    std::istringstream words(classes);
    for (std::string w; words >> w;)
      if (w == c) return true;
    return false;
  };
  std::function<void(xmlNode*, bool)> walk = [&](xmlNode* n, bool in_article) {
    for (xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string name = reinterpret_cast<const char*>(c->name);
      if (name == "p" && (has_class(c, "description") || (in_article && has_class(c, "Normal")))) {
        std::string text;
        std::function<void(xmlNode*)> append = [&](xmlNode* n) {  // the text, without scripts
          for (xmlNode* t = n->children; t; t = t->next) {
            if (t->type == XML_TEXT_NODE)
              text += reinterpret_cast<const char*>(t->content);
            else if (t->type == XML_ELEMENT_NODE &&
                     std::string_view(reinterpret_cast<const char*>(t->name)) != "script")
              append(t);
          }
        };
        append(c);
        paragraphs.push_back(text::NormalizeText(text));
        continue;
      }
      walk(c, in_article || (name == "article" && has_class(c, "fck_detail")));
    }
  };
  if (doc) walk(reinterpret_cast<xmlNode*>(doc.get()), false);
  std::string out;
  for (const auto& p : paragraphs) out += p + "\n\n";
  return text::NormalizeText(out);
}

std::vector<Page> LoadPages(const fs::path& html) {
  std::vector<Page> pages;
  {
    const fs::path dir = html / "scrapinghub-article-extraction-benchmark";
    const json::value gold = ReadJson(dir / "ground-truth.json");
    if (gold.is_object())
      for (const auto& [id, v] : gold.as_object())
        pages.push_back(Page{.family = "scrapinghub",
                             .id = std::string(id),
                             .path = dir / "html" / (std::string(id) + ".html.gz"),
                             .url = Str(v, "url"),
                             .content_type = "text/html; charset=utf-8",
                             .gold_text = text::NormalizeText(Str(v, "articleBody"))});
  }
  {
    const fs::path dir = html / "mozilla-readability-news-subset" / "test-pages";
    std::vector<fs::path> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) names.push_back(e.path());
    std::sort(names.begin(), names.end());
    for (const auto& d : names) {
      const json::value meta = ReadJson(d / "expected-metadata.json");
      pages.push_back(Page{.family = "readability",
                           .id = d.filename().string(),
                           .path = d / "source.html.gz",
                           .gold_text = text::NormalizeDocument(ReadMaybeGzip(d / "expected.html.gz")),
                           .gold_title = text::NormalizeText(Str(meta, "title")),
                           .gold_language = Primary(Str(meta, "lang")),
                           .gold_day = Day(Str(meta, "publishedTime"))});
    }
  }
  {
    const fs::path dir = html / "newspaper4k-testdata";
    std::vector<fs::path> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir / "html", ec)) names.push_back(e.path());
    std::sort(names.begin(), names.end());
    for (const auto& p : names) {
      const std::string id = p.filename().string().substr(0, p.filename().string().find(".html"));
      const fs::path txt = dir / "txt" / (id + ".txt");
      if (!fs::exists(txt)) continue;
      const json::value meta = ReadJson(dir / "metadata" / (id + ".json"));
      std::string language = Str(meta, "language");
      if (language.empty()) language = Str(meta, "meta_lang");
      pages.push_back(Page{.family = "newspaper4k",
                           .id = id,
                           .path = p,
                           .url = Str(meta, "url"),
                           .gold_text = text::NormalizeText(ReadMaybeGzip(txt)),
                           .gold_title = text::NormalizeText(Str(meta, "title")),
                           .gold_language = Primary(language),
                           .gold_day = Day(Str(meta, "publish_date"))});
    }
  }
  {
    const fs::path dir = html / "htmldate-eval";
    const json::value gold = ReadJson(dir / "eval_default.json");
    if (gold.is_object())
      for (const auto& [url, v] : gold.as_object()) {
        const fs::path page = dir / "pages" / (Str(v, "file") + ".gz");
        if (!fs::exists(page)) continue;
        Page p{.family = "htmldate",
               .id = Str(v, "file"),
               .path = page,
               .url = std::string(url),
               .gold_day = Str(v, "date")};
        if (p.id == "VnExpress.net-Kinh-doanh.html") {
          Page vi = p;
          vi.family = "vnexpress";
          vi.gold_text = VnExpressGold(ReadMaybeGzip(page));
          pages.push_back(std::move(vi));
        }
        pages.push_back(std::move(p));
      }
  }
  return pages;
}

bool IsScriptWithoutSpaces(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(c, &status);
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_THAI ||
         s == USCRIPT_LAO || s == USCRIPT_KHMER || s == USCRIPT_MYANMAR;
}

std::map<std::string, int> Words(const std::string& text) {
  std::map<std::string, int> out;
  std::string word;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c >= 0 && u_isalnum(c)) {
      if (IsScriptWithoutSpaces(c)) {
        if (!word.empty()) ++out[word], word.clear();
        ++out[text.substr(start, i - start)];
      } else {
        word.append(text, start, i - start);
      }
    } else if (!word.empty()) {
      ++out[word], word.clear();
    }
  }
  if (!word.empty()) ++out[word];
  return out;
}

struct PageScore {
  double tp = 0, fp = 0, fn = 0;
  double P() const { return tp + fp > 0 ? tp / (tp + fp) : (tp + fn > 0 ? 0 : 1); }
  double R() const { return tp + fn > 0 ? tp / (tp + fn) : 1; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

PageScore Score(const std::string& gold, const std::string& got) {
  const auto g = Words(gold), s = Words(got);
  PageScore r;
  for (const auto& [w, n] : g) {
    const auto it = s.find(w);
    const int m = it == s.end() ? 0 : it->second;
    r.tp += std::min(n, m);
    r.fn += std::max(0, n - m);
  }
  for (const auto& [w, m] : s) {
    const auto it = g.find(w);
    r.fp += std::max(0, m - (it == g.end() ? 0 : it->second));
  }
  return r;
}

struct FamilyScore {
  int pages = 0;
  double tp = 0, fp = 0, fn = 0, f_sum = 0;
  void Add(const PageScore& s) {
    ++pages;
    const double total = s.tp + s.fp + s.fn;
    if (total > 0) tp += s.tp / total, fp += s.fp / total, fn += s.fn / total;
    f_sum += s.F();
  }
  double P() const { return tp + fp > 0 ? tp / (tp + fp) : 0; }
  double R() const { return tp + fn > 0 ? tp / (tp + fn) : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

struct Share {
  int right = 0, total = 0;
  std::string Show() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d/%d (%.0f%%)", right, total, total ? 100.0 * right / total : 0.0);
    return buf;
  }
};

int Usage() {
  std::cerr << "usage: eval_fulltext [--manifest] [--other NAME=FILE.json]... [--errors N] [--show "
               "FAMILY/ID] [--shared DIR]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(PW_EVAL_SOURCE_DIR).parent_path() / "shared";
  bool manifest = false;
  int errors = 0;
  std::string show;  // "family/id": print that page's gold and extraction
  std::vector<std::pair<std::string, fs::path>> others;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--manifest")
      manifest = true;
    else if (a == "--errors" && i + 1 < argc)
      errors = std::atoi(argv[++i]);
    else if (a == "--shared" && i + 1 < argc)
      shared = argv[++i];
    else if (a == "--show" && i + 1 < argc)
      show = argv[++i];
    else if (a == "--other" && i + 1 < argc) {
      const std::string v = argv[++i];
      const size_t eq = v.find('=');
      if (eq == std::string::npos) return Usage();
      others.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else {
      return Usage();
    }
  }
  const fs::path html = shared / "corpus" / "html";
  if (!fs::exists(html)) {
    std::cerr << "eval_fulltext: needs " << html.string() << "\n";
    return 2;
  }
  const std::vector<Page> pages = LoadPages(html);
  if (manifest) {
    for (const auto& p : pages)
      if (!p.gold_text.empty())
        std::cout << p.family << '\t' << p.id << '\t' << p.path.string() << '\t' << p.url << '\t'
                  << p.content_type << '\n';
    return 0;
  }

  auto site_rules = text::SiteRules::Load((fs::path(PW_EVAL_SOURCE_DIR) / "rules" / "sites").string());
  if (!site_rules) {
    std::cerr << "eval_fulltext: " << site_rules.error().message << "\n";
    return 2;
  }
  // System name -> "family/id" -> extracted text.
  std::vector<std::string> systems = {"presswatch", "presswatch-generic"};
  std::map<std::string, std::map<std::string, std::string>> outputs;
  for (const auto& [name, file] : others) {
    const json::value v = ReadJson(file);
    if (!v.is_object()) {
      std::cerr << "eval_fulltext: " << file.string() << ": not a JSON object\n";
      return 2;
    }
    systems.push_back(name);
    for (const auto& [key, html_out] : v.as_object())
      outputs[name][std::string(key)] =
          html_out.is_string() ? text::NormalizeDocument(html_out.as_string()) : "";
  }

  std::map<std::string, Share> title, language, day;
  std::map<std::string, std::map<std::string, FamilyScore>> scores;          // family -> system -> score
  std::map<std::string, std::vector<std::pair<double, std::string>>> worst;  // system -> (F1, page)
  std::map<std::string, int> methods;
  std::vector<std::string> misses;  // metadata that differs from the gold, with --errors
  for (const auto& p : pages) {
    const std::string page = ReadMaybeGzip(p.path);
    const std::string key = p.family + "/" + p.id;
    text::MainContentOptions options{
        .url = p.url, .content_type = p.content_type, .site_rules = &*site_rules};
    auto ours = text::ExtractMainContent(page, options);
    text::MainContentOptions generic_options = options;
    generic_options.site_rules = nullptr;
    auto generic = text::ExtractMainContent(page, generic_options);
    if (ours) {
      if (!p.gold_title.empty()) {
        auto& s = title[p.family];
        ++s.total;
        if (text::NormalizeText(ours->title) == p.gold_title)
          ++s.right;
        else if (errors > 0)
          misses.push_back("title " + key + ": '" + ours->title + "' gold '" + p.gold_title + "'");
      }
      if (!p.gold_language.empty()) {
        auto& s = language[p.family];
        ++s.total;
        if (ours->language == p.gold_language) ++s.right;
      }
      if (!p.gold_day.empty()) {
        auto& s = day[p.family];
        ++s.total;
        if (Day(ours->published) == p.gold_day)
          ++s.right;
        else if (errors > 0)
          misses.push_back("day " + key + ": '" + ours->published + "' gold " + p.gold_day);
      }
    }
    if (key == show) {
      std::printf("== gold\n%s\n== presswatch (%s): title '%s', published '%s', language '%s'\n%s\n==\n",
                  p.gold_text.c_str(), ours ? ours->method.c_str() : "error", ours ? ours->title.c_str() : "",
                  ours ? ours->published.c_str() : "", ours ? ours->language.c_str() : "",
                  ours ? ours->Text().c_str() : ours.error().message.c_str());
      return 0;
    }
    if (p.gold_text.empty()) continue;
    ++methods[ours ? ours->method : "error"];
    outputs["presswatch"][key] = ours ? ours->Text() : "";
    outputs["presswatch-generic"][key] = generic ? generic->Text() : "";
    for (const auto& system : systems) {
      const auto it = outputs[system].find(key);
      const PageScore s = Score(p.gold_text, it == outputs[system].end() ? "" : it->second);
      scores[p.family][system].Add(s);
      scores["all"][system].Add(s);
      char buf[96];
      std::snprintf(buf, sizeof buf, " P %.3f R %.3f", s.P(), s.R());
      worst[system].emplace_back(s.F(), key + buf);
    }
  }

  std::printf("Main text, word level (P, R, F1 as scrapinghub's evaluate.py; mean F1 per page)\n\n");
  std::printf("| family | pages | system | P | R | F1 | mean F1 |\n|---|---|---|---|---|---|---|\n");
  for (const std::string family : {"scrapinghub", "readability", "newspaper4k", "vnexpress", "all"}) {
    if (!scores.count(family)) continue;
    for (const auto& system : systems) {
      const FamilyScore& f = scores[family][system];
      std::printf("| %s | %d | %s | %.3f | %.3f | **%.3f** | %.3f |\n", family.c_str(), f.pages,
                  system.c_str(), f.P(), f.R(), f.F(), f.pages ? f.f_sum / f.pages : 0);
    }
  }
  std::printf(
      "\nMetadata of presswatch (exact title after normalization; primary language; published day)\n\n");
  std::printf("| family | title | language | published day |\n|---|---|---|---|\n");
  for (const std::string family : {"readability", "newspaper4k", "htmldate"})
    std::printf("| %s | %s | %s | %s |\n", family.c_str(),
                title[family].total ? title[family].Show().c_str() : "-",
                language[family].total ? language[family].Show().c_str() : "-", day[family].Show().c_str());
  std::printf("\nHow presswatch's body was found:");
  for (const auto& [m, n] : methods) std::printf(" %s %d;", m.c_str(), n);
  std::printf("\n");
  if (errors > 0) {
    std::printf("\nMetadata misses of presswatch:\n");
    for (const auto& m : misses) std::printf("  %s\n", m.c_str());
    for (auto& [system, list] : worst) {
      std::sort(list.begin(), list.end());
      std::printf("\nWorst pages of %s:\n", system.c_str());
      for (int i = 0; i < errors && i < int(list.size()); ++i)
        std::printf("  F1 %.3f %s\n", list[i].first, list[i].second.c_str());
    }
  }
  return 0;
}
