// Feed parsing throughput: feed::Parse against libxml2's bare parse of the
// same bytes (xmlReadMemory + xmlFreeDoc, what `xmllint --noout` does), on a
// large generated feed and on the largest real feeds of ../shared/corpus.
// bench/RESULTS.md records the figures; bench/compare/feed_compare.sh runs the
// whole commands against python3-feedparser and xmllint.
//
//   build/bench/feed_bench                              # the benchmarks
//   build/bench/feed_bench --write-generated=FILE [--items=N]
//                                                       # write the generated feed, for the comparison
#include <benchmark/benchmark.h>

#include <cstring>
#include <map>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <libxml/parser.h>

#include "feed/charset.h"
#include "feed/dates.h"
#include "feed/parse.h"
#include "feed/sanitize.h"

namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kShared = PW_BENCH_SOURCE_DIR "/../shared/corpus/feeds/";

// A large RSS 2.0 feed in the shape of VnExpress's or CafeF's: per item a
// Vietnamese title, link with tracking parameters, guid, zone-ful date,
// author, category, enclosure, escaped HTML description and about 2 KB of
// CDATA content:encoded. Deterministic; the text is made up from a word list.
std::string GeneratedFeed(int items) {
  static const char* const kWords[] = {
      "Quỹ", "đầu", "tư", "mạo", "hiểm", "công", "bố", "rót", "vốn", "vào", "công", "ty", "khởi", "nghiệp",
      "công", "nghệ", "tài", "chính", "tại", "Việt", "Nam", "trong", "vòng", "gọi", "vốn", "Series", "A",
      "với", "sự", "tham", "gia", "của", "các", "nhà", "đầu", "tư", "Đông", "Nam", "Á", "và", "Nhật", "Bản"};
  constexpr int kCount = sizeof kWords / sizeof kWords[0];
  auto sentence = [&](int seed, int words) {
    std::string s;
    for (int k = 0; k < words; ++k) {
      if (k) s += ' ';
      s += kWords[(seed * 7 + k * 3) % kCount];
    }
    return s + ".";
  };
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "<channel>\n<title>Kinh doanh - Bản tin tổng hợp</title>\n<link>https://bench.presswatch.dev/</link>\n"
      "<description>Tin kinh doanh và khởi nghiệp</description>\n<language>vi</language>\n";
  char buf[512];
  for (int i = 0; i < items; ++i) {
    std::string paragraphs;
    for (int p = 0; p < 5; ++p) {
      std::snprintf(buf, sizeof buf, "<a href=\"/bai-viet/%d-%d.html\">", i, p);
      paragraphs += "<p>" + sentence(i + p, 18) + " " + buf + sentence(i + p + 1, 4) + "</a> " +
                    sentence(i + p + 2, 22) + "</p>\n";
    }
    out += "<item>\n<title>" + sentence(i, 12) + "</title>\n";
    std::snprintf(buf, sizeof buf,
                  "<link>https://bench.presswatch.dev/kinh-doanh/bai-%d.html?utm_source=rss</link>\n"
                  "<guid isPermaLink=\"false\">bench-%d</guid>\n"
                  "<pubDate>Mon, %02d Nov 2024 %02d:%02d:00 +0700</pubDate>\n"
                  "<dc:creator>Nguyễn Văn %d</dc:creator>\n<category>Khởi nghiệp</category>\n"
                  "<enclosure url=\"https://bench.presswatch.dev/anh/%d.jpg\" length=\"%d\" type=\"image/jpeg\"/>\n",
                  i, i, 1 + i % 28, i % 24, i % 60, i % 97, i, 10000 + i);
    out += buf;
    std::snprintf(buf, sizeof buf, "<description>&lt;img src=\"/anh/%d.jpg\"&gt;&lt;br&gt;", i);
    out += buf + sentence(i, 30) + "</description>\n";
    out += "<content:encoded><![CDATA[" + paragraphs + "]]></content:encoded>\n</item>\n";
  }
  out += "</channel>\n</rss>\n";
  return out;
}

const std::string& Input(const std::string& name) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::string body = name == "generated-5000" ? GeneratedFeed(5000) : Read(kShared + name);
  return cache.emplace(name, std::move(body)).first->second;
}

void BM_FeedParse(benchmark::State& state, const char* name) {
  const std::string& body = Input(name);
  if (body.empty()) return state.SkipWithError("needs ../shared beside the checkout");
  size_t items = 0;
  for (auto _ : state) {
    auto feed = pw::feed::Parse(body, {.document_url = "https://bench.presswatch.dev/feed"});
    items = feed ? feed->items.size() : 0;
    benchmark::DoNotOptimize(feed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
  state.counters["items"] = static_cast<double>(items);
}

// The floor: libxml2 builds and frees the tree, nothing else.
void BM_Libxml2Bare(benchmark::State& state, const char* name) {
  const std::string& body = Input(name);
  if (body.empty()) return state.SkipWithError("needs ../shared beside the checkout");
  for (auto _ : state) {
    xmlDoc* doc = xmlReadMemory(body.data(), static_cast<int>(body.size()), nullptr, nullptr,
                                XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    benchmark::DoNotOptimize(doc);
    xmlFreeDoc(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}

#define PW_FEED_INPUT(label, path)                                                          \
  BENCHMARK_CAPTURE(BM_FeedParse, label, path)->Unit(benchmark::kMillisecond);             \
  BENCHMARK_CAPTURE(BM_Libxml2Bare, label, path)->Unit(benchmark::kMillisecond)

PW_FEED_INPUT(generated_5000_items_11MB, "generated-5000");
PW_FEED_INPUT(giantbomb_podcast_1_6MB, "mixed-rss-parser/giantbomb-podcast.rss");
PW_FEED_INPUT(cre_podcast_614KB, "mixed-feedjira/CRE.xml");
PW_FEED_INPUT(russcox_atom_444KB, "mixed-rsparser/russcox.atom");
PW_FEED_INPUT(techcrunch_156KB, "en-rssvelte-techcrunch/techcrunch.xml");
PW_FEED_INPUT(vnexpress_22KB, "vi-embedded-in-code/vnexpress_string1808.xml");

// The stages alone, on the generated feed's first item's content.
void BM_SanitizeContent(benchmark::State& state) {
  const std::string& body = Input("generated-5000");
  const size_t begin = body.find("<![CDATA[") + 9;
  const std::string html = body.substr(begin, body.find("]]>", begin) - begin);
  for (auto _ : state) benchmark::DoNotOptimize(pw::feed::SanitizeHtml(html, "https://bench.presswatch.dev/"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_SanitizeContent)->Unit(benchmark::kMicrosecond);

void BM_DecodeUtf8(benchmark::State& state) {
  const std::string& body = Input("generated-5000");
  for (auto _ : state) benchmark::DoNotOptimize(pw::feed::DecodeFeedBytes(body, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_DecodeUtf8)->Unit(benchmark::kMillisecond);

void BM_ParseFeedDate(benchmark::State& state) {
  const char* const dates[] = {"Thu, 06 Feb 2025 20:30:48 +0700", "2024-11-25T08:00:00+07:00",
                               "Thứ hai, 25/11/2024 08:00 (GMT+7)", "10/2/2026 9:25:00 AM"};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(pw::feed::ParseFeedDate(dates[i++ % 4]));
}
BENCHMARK(BM_ParseFeedDate);

}  // namespace

int main(int argc, char** argv) {
  // --write-generated=FILE [--items=N]: the comparison script's input.
  std::string write_to;
  int items = 5000;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--write-generated=", 18) == 0) write_to = argv[i] + 18;
    if (std::strncmp(argv[i], "--items=", 8) == 0) items = std::atoi(argv[i] + 8);
  }
  if (!write_to.empty()) {
    std::ofstream out(write_to, std::ios::binary);
    out << GeneratedFeed(items);
    if (!out) {
      std::cerr << "feed_bench: cannot write " << write_to << "\n";
      return 1;
    }
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
