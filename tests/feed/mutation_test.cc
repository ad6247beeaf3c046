// Broken input, made deterministically: real feeds cut short, bytes flipped,
// markup characters dropped in at random places. Whatever comes in, Parse
// returns (a feed or a one-line error), never crashes, and keeps its output
// within a bound of its input; the sanitizer's output stays free of script.
// Run under the ASan/UBSan build too (STYLE.md section 7).
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "feed/dates.h"
#include "feed/parse.h"
#include "escape_detector.h"
#include "feed/sanitize.h"
#include "test_util.h"

namespace pw::feed {
namespace {

std::string Mutate(const std::string& in, std::mt19937& rng) {
  std::string out = in;
  static const char kNasty[] = "<>&;\"'/=!?[]-\x00\x01\xC3\xA9\xE1\xBB\x87\x92\xFF";
  std::uniform_int_distribution<int> kind(0, 4);
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits && !out.empty(); ++e) {
    const size_t at = rng() % out.size();
    switch (kind(rng)) {
      case 0: out.resize(at); break;                                               // cut short
      case 1: out[at] = static_cast<char>(rng() & 0xFF); break;                    // flip a byte
      case 2: out.insert(at, 1, kNasty[rng() % (sizeof kNasty - 1)]); break;       // stray markup
      case 3: out.erase(at, std::min<size_t>(out.size() - at, rng() % 40)); break;  // lose a piece
      case 4: out.insert(at, out.substr(rng() % out.size(), rng() % 60)); break;   // repeat a piece
    }
  }
  return out;
}

void ExpectSane(const std::string& bytes, const std::string& what) {
  auto feed = Parse(bytes, {.document_url = "https://vnexpress.net/rss/x.rss"});
  if (!feed) {
    EXPECT_EQ(feed.error().message.find('\n'), std::string::npos) << what;
    return;
  }
  size_t out = 0;
  for (const Item& item : feed->items) {
    out += item.title.size() + item.summary.size() + item.content.size();
    const auto escapes = testing::HtmlEscapes(item.content);
    EXPECT_TRUE(escapes.empty()) << what << ": " << escapes.front();
  }
  // Escaping can grow text (a '<' becomes "&lt;"), expansion is budgeted:
  // no more than a few times the input.
  EXPECT_LE(out, 8 * bytes.size() + (1 << 20)) << what;
}

TEST(Mutation, BrokenRealFeedsNeverCrashTheParser) {
  PW_REQUIRE_SHARED();
  const auto dir = pw::testing::SharedDir() / "corpus/feeds";
  const char* const kFeeds[] = {
      "vi-embedded-in-code/vnexpress_string1808.xml", "vi-embedded-in-code/zing_Nodejs.xml",
      "vi-2golang-vnexpress-rss/vnexpress_the-gioi_2025-02-06.xml", "en-rssvelte-techcrunch/techcrunch.xml",
      "mixed-feed-rs/rss_1.0_spec_2.xml", "mixed-feed-rs/atom_example_7.xml", "mixed-feed-rs/jsonfeed_spec_1.json",
      "mixed-rss-parser/uolNoticias.rss", "mixed-node-feedparser/iconv.xml", "mixed-feedjira/DuplicateContentAtomFeed.xml"};
  std::mt19937 rng(20241125);  // fixed: the same inputs every run
  int runs = 0;
  for (const char* name : kFeeds) {
    const std::string original = pw::testing::ReadFile(dir / name);
    ASSERT_FALSE(original.empty()) << name;
    for (int i = 0; i < 60; ++i, ++runs) ExpectSane(Mutate(original, rng), std::string(name) + " #" + std::to_string(i));
  }
  EXPECT_EQ(runs, 600);
}

TEST(Mutation, BrokenHtmlNeverLetsScriptThrough) {
  const std::string seeds[] = {
      "<p onclick=x()>Hi<script>evil()</script><a href=\"javascript:alert(1)\">a</a></p>",
      "<img src=x onerror=alert(1)><svg><script>alert(1)</script></svg><iframe src=//e>",
      "<!-- <script> --><style>p{}</style><b>bold</b><textarea><script></textarea>",
      "<a href=\" java\tscript:alert(1)\">x</a><object data=x.swf><embed src=y>z</object>"};
  std::mt19937 rng(7);
  for (const auto& seed : seeds) {
    for (int i = 0; i < 400; ++i) {
      const std::string html = Mutate(seed, rng);
      const std::string out = SanitizeHtml(html, "https://a.vn/").html;
      const auto escapes = testing::HtmlEscapes(out);
      EXPECT_TRUE(escapes.empty()) << escapes.front() << " in " << out << " from " << html;
    }
  }
}

TEST(Mutation, ArbitraryStringsAreDatesOrNothing) {
  std::mt19937 rng(3);
  const std::string alphabet = "0123456789 :-+/,.TZAPMGMTICTthứaiJanNovDec()\xE1\xBB";
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const size_t length = rng() % 40;
    for (size_t k = 0; k < length; ++k) s += alphabet[rng() % alphabet.size()];
    const auto t = ParseFeedDate(s, std::chrono::hours(7));
    if (t) {
      const auto ymd = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(*t));
      EXPECT_TRUE(ymd.ok()) << s;
      EXPECT_GE(ymd.year(), std::chrono::year(1)) << s;
      EXPECT_LE(ymd.year(), std::chrono::year(9999)) << s;
    }
  }
}

}  // namespace
}  // namespace pw::feed
