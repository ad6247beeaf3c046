// The real feeds of ../shared/corpus/feeds (INDEX.tsv lists all 211; see
// ../shared/corpus/SOURCES.md for where each comes from), parsed as a user
// would get them. Every feed must parse, with the items and channel title the
// index records, links absolute, titles free of markup and mojibake, text in
// NFC, and every date the feeds carry understood. A few files are not feeds
// (HTML fragments, a JSON that is not a JSON Feed, a truncated one): those
// must fail with a one-line error, not crash.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <zlib.h>

#include "common/time.h"
#include "feed/parse.h"
#include "test_util.h"

namespace pw::feed {
namespace {

std::string Gunzip(const std::string& in) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 16 + MAX_WBITS), Z_OK);
  std::string out;
  char buf[65536];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int r;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    r = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  } while (r == Z_OK);
  inflateEnd(&zs);
  return out;
}

struct IndexRow {
  std::string path, compression, format;
  int items = 0;
  std::string title;
};

std::vector<IndexRow> ReadIndex(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  std::vector<IndexRow> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    f.resize(10);
    rows.push_back({f[0], f[2], f[3], f[6].empty() ? 0 : std::stoi(f[6]), f[8]});
  }
  return rows;
}

bool IsNfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  return nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), err) && U_SUCCESS(err);
}

// What must never be left in a plain-text field. (Summaries may show markup
// as text: articles about HTML quote it.)
std::string TextProblem(const std::string& s, bool is_title = true) {
  if (s.find("\xEF\xBF\xBD") != std::string::npos) return "U+FFFD";
  if (s.find("Ã©") != std::string::npos || s.find("â€") != std::string::npos || s.find("á»") != std::string::npos)
    return "mojibake";
  // An end tag: markup left in. (A title may speak of "<i> und <b>".)
  for (size_t i = s.find("</"); is_title && i != std::string::npos; i = s.find("</", i + 2)) {
    const size_t close = s.find('>', i);
    if (close != std::string::npos && close - i < 20 && std::isalpha(static_cast<unsigned char>(s[i + 2])))
      return "markup";
  }
  for (const char* entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&#"})
    if (is_title && s.find(entity) != std::string::npos) return std::string("entity ") + entity;
  if (s.find("\xC2\x80") != std::string::npos || s.find("\xC2\x92") != std::string::npos) return "C1 control";
  if (!IsNfc(s)) return "not NFC";
  return {};
}

// The index's own counts are guesses by regular expression (SOURCES.md says
// so); where our reading is the right one, it is recorded here with why.
const std::map<std::string, int> kIndexCorrections = {
    {"mixed-node-feedparser/illegally-nested.xml", 10},       // 10 items; the index also counted the
                                                              // empty <item /> inside each
    {"mixed-node-feedparser/complexNamespaceFeed.xml", 1},    // Atom in a prefixed namespace: the
    {"mixed-node-feedparser/nondefaultnamespace.atom", 1},    // index found no entry (nor a feed)
    {"mixed-feed-rs/atom_entry_1.xml", 1},                    // an Atom Entry Document: a feed of one
};

// The index's title is the first <title> of the file, XML escapes kept, and
// empty for JSON: ours must be it, decoded, or, for a feed without a title
// of its own, the index must have taken its first item's.
bool TitleAgrees(const std::string& index_title, const Feed& feed) {
  if (index_title.empty()) return true;
  std::string decoded = index_title;
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&gt;", ">"}, {"&lt;", "<"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}) {
    for (size_t pos; (pos = decoded.find(from)) != std::string::npos;) decoded.replace(pos, from.size(), to);
  }
  if (feed.title == decoded) return true;
  if (decoded.size() >= 64 && feed.title.rfind(decoded, 0) == 0) return true;  // the index cut long titles
  return feed.title.empty() && !feed.items.empty() && feed.items[0].title == decoded;
}

// Files that are not feeds; the error they must give.
const std::map<std::string, ErrorKind> kNotFeeds = {
    {"mixed-rsparser/ScriptingNews.json", ErrorKind::kUnsupported},  // RSS as JSON, not a JSON Feed
    {"mixed-rsparser/allthis-partial.json", ErrorKind::kMalformed},  // truncated on purpose
};

TEST(Corpus, EveryRealFeedParsesWithItsItemsTitlesLinksDatesAndText) {
  PW_REQUIRE_SHARED();
  const auto dir = pw::testing::SharedDir() / "corpus/feeds";
  const auto rows = ReadIndex(dir / "INDEX.tsv");
  ASSERT_EQ(rows.size(), 211u);
  int feeds = 0, items = 0, dated = 0, undated = 0, not_feeds = 0;
  std::set<std::string> encodings;
  for (const auto& row : rows) {
    std::string body = pw::testing::ReadFile(dir / row.path);
    if (row.compression == "gzip") body = Gunzip(body);
    // A document URL for relative links (and the .vn rule for zone-less dates).
    const std::string url =
        row.path.rfind("vi-", 0) == 0 ? "https://vnexpress.net/rss/" + row.path : "https://example.org/" + row.path;
    auto feed = Parse(body, {.document_url = url});
    if ((row.format == "fragment/other" && !kIndexCorrections.count(row.path)) || kNotFeeds.count(row.path)) {
      ++not_feeds;
      ASSERT_FALSE(feed.has_value()) << row.path;
      EXPECT_EQ(feed.error().message.find('\n'), std::string::npos) << row.path;
      if (kNotFeeds.count(row.path)) {
        EXPECT_EQ(feed.error().kind, kNotFeeds.at(row.path)) << row.path;
      }
      continue;
    }
    ASSERT_OK(feed);
    ++feeds;
    encodings.insert(feed->encoding);
    int want_items = row.items;
    if (auto fix = kIndexCorrections.find(row.path); fix != kIndexCorrections.end()) want_items = fix->second;
    EXPECT_EQ(static_cast<int>(feed->items.size()), want_items) << row.path;
    EXPECT_TRUE(TitleAgrees(row.title, *feed)) << row.path << ": '" << feed->title << "' vs the index's '"
                                               << row.title << "'";
    if (row.format == "jsonfeed") {
      EXPECT_FALSE(feed->title.empty()) << row.path;
    }
    EXPECT_EQ(TextProblem(feed->title), "") << row.path << ": " << feed->title;
    for (const auto& w : feed->warnings)
      EXPECT_EQ(w.find("not understood"), std::string::npos) << row.path << ": " << w;
    for (const Item& item : feed->items) {
      ++items;
      EXPECT_EQ(TextProblem(item.title), "") << row.path << ": " << item.title;
      EXPECT_EQ(TextProblem(item.summary, false), "") << row.path << ": " << item.summary.substr(0, 80);
      if (!item.link.empty()) {
        EXPECT_TRUE(item.link.rfind("http://", 0) == 0 || item.link.rfind("https://", 0) == 0)
            << row.path << ": " << item.link;
      }
      EXPECT_FALSE(item.key.empty()) << row.path;
      if (item.published) ++dated;
      else ++undated;
    }
  }
  // Every date string in the corpus is understood (the warnings say so per
  // feed); these items have no date element at all, checked by hand.
  EXPECT_EQ(undated, 32);
  EXPECT_EQ(not_feeds, 9);
  EXPECT_GE(feeds, 200);
  EXPECT_TRUE(encodings.count("windows-1251") && encodings.count("gb18030") && encodings.count("iso-8859-1"));
  std::cout << "corpus: " << feeds << " feeds, " << items << " items (" << dated << " dated), " << not_feeds
            << " files that are not feeds\n";
}

// Spot checks of the Vietnamese snapshots (vi-embedded-in-code, VnExpress and
// Zing, 2017) and of the one VnExpress item of 2025 (vi-2golang-vnexpress-rss).
TEST(Corpus, ReadsVietnameseFeedsAsTheOutletsMeantThem) {
  PW_REQUIRE_SHARED();
  const auto dir = pw::testing::SharedDir() / "corpus/feeds";
  // Zing writes "2/18/2017 11:21:09 PM", month first, Vietnam's time, no zone.
  auto zing = Parse(pw::testing::ReadFile(dir / "vi-embedded-in-code/zing_Nodejs.xml"),
                    {.document_url = "https://news.zing.vn/rss/tin-moi.rss"});
  ASSERT_OK(zing);
  ASSERT_EQ(zing->items.size(), 20u);
  EXPECT_EQ(zing->items[0].title, "CR7 tái hiện pha xâu kim ảo thuật của Ronaldinho");
  EXPECT_EQ(FormatTimestamp(*zing->items[0].published), "2017-02-18T16:21:09Z");
  EXPECT_EQ(zing->items[0].key, "guid:721839");

  auto vnexpress = Parse(pw::testing::ReadFile(dir / "vi-embedded-in-code/vnexpress_string1808.xml"),
                         {.document_url = "https://vnexpress.net/rss/tin-moi-nhat.rss"});
  ASSERT_OK(vnexpress);
  EXPECT_EQ(vnexpress->title, "Tin mới nhất - VnExpress RSS");
  ASSERT_EQ(vnexpress->items.size(), 25u);
  EXPECT_EQ(vnexpress->items[0].title, "Bể bơi dát vàng trong biệt thự nơi tổng thống Putin nghỉ dưỡng");
  EXPECT_EQ(FormatTimestamp(*vnexpress->items[0].published), "2017-08-30T13:03:00Z");
  EXPECT_FALSE(vnexpress->illformed);

  // The 2025 item's enclosure URL has a bare '&': recovered, said, and the
  // later text keeps its entities.
  auto item2025 = Parse(pw::testing::ReadFile(dir / "vi-2golang-vnexpress-rss/vnexpress_the-gioi_2025-02-06.xml"),
                        {.document_url = "https://vnexpress.net/rss/the-gioi.rss"});
  ASSERT_OK(item2025);
  EXPECT_TRUE(item2025->illformed);
  EXPECT_EQ(item2025->error.substr(0, 8), "line 21:");
  ASSERT_EQ(item2025->items.size(), 1u);
  ASSERT_EQ(item2025->items[0].enclosures.size(), 1u);
  EXPECT_NE(item2025->items[0].enclosures[0].url.find('&'), std::string::npos);
}

// Legacy charsets of the corpus: windows-1251 (node-feedparser's iconv.xml),
// gb2312 read as GB18030 (RSParser's kc0011.rss), windows-1252 bytes with no
// declaration at all (rss-parser's uolNoticias.rss, read with a reason).
TEST(Corpus, DecodesTheLegacyCharsetsItCarries) {
  PW_REQUIRE_SHARED();
  const auto dir = pw::testing::SharedDir() / "corpus/feeds";
  auto cyrillic = Parse(pw::testing::ReadFile(dir / "mixed-node-feedparser/iconv.xml"), {});
  ASSERT_OK(cyrillic);
  EXPECT_EQ(cyrillic->encoding, "windows-1251");
  EXPECT_EQ(cyrillic->title, "Новости Оренбурга и области / Раздел Новости");
  auto chinese = Parse(pw::testing::ReadFile(dir / "mixed-rsparser/kc0011.rss"), {});
  ASSERT_OK(chinese);
  EXPECT_EQ(chinese->encoding, "gb18030");
  EXPECT_EQ(chinese->items[0].authors[0].name, "大鱼儿");
  auto portuguese = Parse(pw::testing::ReadFile(dir / "mixed-rss-parser/uolNoticias.rss"), {});
  ASSERT_OK(portuguese);
  EXPECT_EQ(portuguese->encoding, "windows-1252");
  EXPECT_TRUE(portuguese->illformed);
  EXPECT_EQ(portuguese->items[0].title, "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno");
  // "Seg, 24 Set 2018 19:42:40 -0300": Portuguese day and month names.
  EXPECT_EQ(FormatTimestamp(*portuguese->items[0].published), "2018-09-24T22:42:40Z");
}

}  // namespace
}  // namespace pw::feed
