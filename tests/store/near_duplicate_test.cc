#include "store/near_duplicate.h"

#include <fstream>
#include <map>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "test_util.h"

namespace pw::store {
namespace {

namespace json = boost::json;

struct Item {
  std::string title, text, url, day;
  int corpus_line = 0;
};

// Real republications, copied from ../shared (CC0): tests/data/syndication/README.md.
std::vector<Item> SyndicatedPressReleases() {
  std::ifstream in(pw::testing::SourceDir() / "tests/data/syndication/press_releases.jsonl");
  std::vector<Item> items;
  for (std::string line; std::getline(in, line);) {
    const json::value v = json::parse(line);
    items.push_back({std::string(v.at("title").as_string()), std::string(v.at("text").as_string()),
                     std::string(v.at("original_url").as_string()),
                     std::string(v.at("archive_date").as_string()), static_cast<int>(v.at("corpus_line").as_int64())});
  }
  return items;
}

std::string Document(const Item& item) { return item.title + "\n\n" + item.text; }

TEST(NearDuplicate, RealRepublicationsAreOneStoryAndOtherReleasesAreNot) {
  const auto items = SyndicatedPressReleases();
  ASSERT_EQ(items.size(), 7u);
  // corpus line -> the story it belongs to (README.md).
  const std::map<int, int> story = {{507, 1}, {508, 1}, {783, 2}, {784, 2}, {786, 2}, {782, 3}, {789, 3}};
  for (const auto& a : items)
    for (const auto& b : items) {
      if (a.corpus_line >= b.corpus_line) continue;
      const auto fa = MakeFingerprint(Document(a)), fb = MakeFingerprint(Document(b));
      ASSERT_TRUE(fa && fb);
      const double s = Similarity(*fa, *fb);
      if (story.at(a.corpus_line) == story.at(b.corpus_line))
        EXPECT_GE(s, kSameStorySimilarity) << a.title << " | " << b.title;
      else
        EXPECT_LT(s, kSameStorySimilarity) << a.title << " | " << b.title;
    }
}

TEST(NearDuplicate, AccentsCaseAndBoilerplateBarelyMove_AShortNoticeGetsNone) {
  const std::string seed =
      pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  const auto f = MakeFingerprint(seed);
  ASSERT_TRUE(f);
  // What a republishing outlet does: a rubric before the title, its credit after.
  const auto copy = MakeFingerprint("TIN DOANH NGHIỆP | " + seed + "\n\nNguồn: Báo Đầu tư");
  ASSERT_TRUE(copy);
  EXPECT_GE(Similarity(*f, *copy), 0.8);
  // Typed without accents, shouted: the same shingles once folded.
  const auto folded = MakeFingerprint("NIC GENAI FUND VA AWS TO CHUC " + seed);
  ASSERT_TRUE(folded);
  EXPECT_GE(Similarity(*f, *folded), 0.8);
  const auto english = MakeFingerprint(
      pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.en.txt"));
  ASSERT_TRUE(english);
  EXPECT_LT(Similarity(*f, *english), 0.2);

  EXPECT_FALSE(MakeFingerprint("Mời độc giả đặt câu hỏi tại đây."));
  EXPECT_FALSE(MakeFingerprint(""));
}

TEST(NearDuplicate, BandKeysAndBytesRoundTrip) {
  const std::string seed =
      pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.en.txt");
  const auto f = MakeFingerprint(seed);
  ASSERT_TRUE(f);
  const auto again = Fingerprint::FromBytes(f->ToBytes());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->slots, f->slots);
  EXPECT_EQ(Similarity(*f, *again), 1.0);
  for (std::int64_t key : BandKeys(*f)) {
    EXPECT_GE(key, 0);
    EXPECT_LT(key, std::int64_t{1} << 31);
  }
  EXPECT_EQ(BandKeys(*f), BandKeys(*again));
  EXPECT_FALSE(Fingerprint::FromBytes("short"));
}

std::map<std::string, std::string> ReadCorpus(const std::string& file, const char* key, const char* title_key,
                                              const char* text_key) {
  std::ifstream in(pw::testing::SharedDir() / "corpus/articles/vi" / file);
  std::map<std::string, std::string> docs;
  for (std::string line; std::getline(in, line);) {
    const json::value v = json::parse(line);
    docs[std::string(v.at(key).as_string())] =
        std::string(v.at(title_key).as_string()) + "\n\n" + std::string(v.at(text_key).as_string());
  }
  return docs;
}

// Real pickups: Baomoi aggregates Vietnamese outlets, and its 2017 slice in
// ../shared/corpus/articles/vi/magizbox-baomoi-2017-business-slice (no
// licence: read, not copied) carries some stories twice, from two sources.
TEST(NearDuplicate, VietnamesePickupsInTheCorpusAreOneStory) {
  PW_REQUIRE_SHARED();
  const auto docs = ReadCorpus("magizbox-baomoi-2017-business-slice/baomoi_business_slice.jsonl", "id", "title", "text");
  ASSERT_FALSE(docs.empty()) << "corpus file missing";
  const std::pair<const char*, const char*> pickups[] = {
      {"21478514", "21479027"},  // "Đề nghị truy tố nguyên Chủ tịch HĐQT Ngân hàng MHB", twice
      {"21494528", "21494739"},  // "Giá vàng hôm nay 9/2: Tăng dữ dội, ...", twice
      {"22708761", "22709062"},  // "Thủ tướng (Nguyễn Xuân Phúc) đến Amsterdam, bắt đầu thăm Hà Lan"
      {"22355150", "22355276"},  // "Phó Thủ tướng Phạm Bình Minh tiếp kiến / yết kiến Nhà vua Tây Ban Nha"
  };
  for (const auto& [a, b] : pickups) {
    const auto fa = MakeFingerprint(docs.at(a)), fb = MakeFingerprint(docs.at(b));
    ASSERT_TRUE(fa && fb) << a << " " << b;
    EXPECT_GE(Similarity(*fa, *fb), kSameStorySimilarity) << a << " " << b;
  }
}

// Faithful copies of real Vietnamese articles (a rubric before the title, a
// credit line after) are found, and different articles are not taken for one
// story. ../shared/corpus/articles/vi/nguyenvulebinh-vietnam-news-2016:
// VnExpress, Dân trí, VTV, Vietbao business and technology news of late 2016.
TEST(NearDuplicate, VietnameseCopiesAreFoundAndDifferentArticlesKeptApart) {
  PW_REQUIRE_SHARED();
  std::ifstream in(pw::testing::SharedDir() / "corpus/articles/vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl");
  ASSERT_TRUE(in) << "corpus file missing";
  std::vector<std::pair<std::string, Fingerprint>> seen;
  std::vector<std::pair<std::string, std::string>> grouped;
  for (std::string line; std::getline(in, line) && seen.size() < 300;) {
    const json::value v = json::parse(line);
    const std::string title(v.at("title").as_string()), body(v.at("content").as_string());
    const auto original = MakeFingerprint(title + "\n\n" + body);
    if (!original) continue;  // too short to tell
    const auto copy = MakeFingerprint("TIN KINH DOANH | " + title + "\n\n" + body + "\n\nNguồn: Báo Mới");
    ASSERT_TRUE(copy);
    EXPECT_GE(Similarity(*original, *copy), kSameStorySimilarity) << title;
    for (const auto& [other_title, other] : seen)
      if (Similarity(*original, other) >= kSameStorySimilarity) grouped.emplace_back(other_title, title);
    seen.emplace_back(title, *original);
  }
  EXPECT_EQ(seen.size(), 300u);
  // Among 300 articles, 44,850 pairs, one is taken for one story, rightly:
  // two Vietbao pieces that both reproduce the Department of Construction's
  // list of the 60 projects licensed for sale.
  const std::vector<std::pair<std::string, std::string>> want = {
      {"Ai có dự định mua căn hộ hay nhà đất ở Sài Gòn, đừng bỏ qua danh sách này",
       "Sở Xây dựng TP.HCM cấp phép cho 60 dự án được"}};
  EXPECT_EQ(grouped, want);
}

}  // namespace
}  // namespace pw::store
