#include "text/tone_marks.h"

#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "text_variants.h"

namespace pw::text {
namespace {

struct ClusterCase {
  const char* cluster;               // after the onset; docs/text.md has the same table
  const char* canonical;             // the word as VnExpress writes it
  std::vector<const char*> others;   // the same word with the mark elsewhere
};

// Every vowel cluster of Vietnamese spelling, open and closed, with the
// onsets qu and gi; real words where the cluster has one.
const std::vector<ClusterCase>& Clusters() {
  static const std::vector<ClusterCase> cases = {
      // One vowel: nowhere else to go.
      {"a", "bá", {}}, {"ă", "bắc", {}}, {"â", "cấp", {}}, {"e", "mẹ", {}}, {"ê", "lễ", {}},
      {"i", "kì", {}}, {"o", "có", {}}, {"ô", "cột", {}}, {"ơ", "mới", {}}, {"u", "củ", {}},
      {"ư", "từ", {}}, {"y", "kỹ", {}},
      // Two vowels, open: the first (hòa, thúy, khỏe: the form this project keeps).
      {"ai", "mái", {"maí"}}, {"ao", "cháo", {"chaó"}}, {"au", "cháu", {"chaú"}},
      {"ay", "máy", {"maý"}}, {"eo", "kéo", {"keó"}}, {"ia", "mía", {"miá"}},
      {"iu", "dịu", {"diụ"}}, {"oa", "hòa", {"hoà"}}, {"oe", "khỏe", {"khoẻ"}},
      {"oi", "nói", {"noí"}}, {"ua", "mùa", {"muà"}}, {"ui", "túi", {"tuí"}},
      {"uy", "thúy", {"thuý"}},
      // Two vowels with a vowel of its own shape: on it.
      {"âu", "cầu", {"câù"}}, {"ây", "mấy", {"mâý"}}, {"êu", "nếu", {"nêú"}},
      {"ôi", "tối", {"tôí"}}, {"ơi", "mới", {}}, {"ưa", "cửa", {"cưả"}}, {"ưi", "gửi", {"gưỉ"}},
      {"ưu", "cứu", {"cưú"}}, {"uê", "thuế", {"thúê"}}, {"uơ", "thuở", {"thủơ"}},
      {"iê", "tiền", {"tìên"}}, {"yê", "yến", {"ýên"}}, {"uô", "muốn", {"múôn"}},
      {"uâ", "tuấn", {"túân"}}, {"oă", "hoặc", {"họăc"}}, {"ươ", "được", {"đựơc"}},
      // Two vowels and a final consonant: the last vowel.
      {"oa+n", "hoàn", {"hòan"}}, {"oe+t", "khoét", {"khóet"}}, {"uy+nh", "huỳnh", {"hùynh"}},
      {"oo+c", "soóc", {"sóoc"}}, {"uy+t", "huýt", {"húyt"}},
      // Three vowels: the middle one, or the one of its own shape.
      {"iêu", "nhiều", {"nhìêu", "nhiêù"}}, {"yêu", "yếu", {"ýêu", "yêú"}},
      {"oai", "ngoài", {"ngòai", "ngoaì"}}, {"oao", "ngoáo", {"ngóao", "ngoaó"}},
      {"oay", "xoáy", {"xóay", "xoaý"}}, {"oeo", "ngoẹo", {"ngọeo", "ngoeọ"}},
      {"uây", "khuấy", {"khúây", "khuâý"}}, {"uôi", "muối", {"múôi", "muôí"}},
      {"ươi", "người", {"ngừơi", "ngươì"}}, {"ươu", "rượu", {"rựơu", "rươụ"}},
      {"uya", "khuýa", {"khúya", "khuyá"}}, {"uyê", "chuyện", {"chụyên", "chuỵên"}},
      {"uyu", "khuỷu", {"khủyu", "khuyủ"}},
      // qu and gi are onsets: their u and i never take the mark.
      {"qu+a", "quá", {"qúa"}}, {"qu+y", "quý", {"qúy"}}, {"qu+y+nh", "quỳnh", {"qùynh"}},
      {"qu+ê", "quế", {"qúê"}}, {"qu+yê+t", "quyết", {"qúyêt", "quýêt"}},
      {"gi+a", "già", {"gìa"}}, {"gi+ư", "giữ", {"gĩư"}}, {"gi+ươ+ng", "giường", {"gìương"}},
      {"gi+n (i is the vowel)", "gìn", {}},
  };
  return cases;
}

TEST(CanonicalizeToneMarks, PutsTheMarkInOnePlaceForEveryVowelCluster) {
  for (const ClusterCase& c : Clusters()) {
    EXPECT_EQ(CanonicalizeToneMarks(c.canonical), c.canonical) << c.cluster;
    for (const char* other : c.others)
      EXPECT_EQ(CanonicalizeToneMarks(other), c.canonical) << c.cluster << ": " << other;
  }
}

TEST(CanonicalizeToneMarks, KeepsCaseLetterByLetter) {
  EXPECT_EQ(CanonicalizeToneMarks("HOÀ"), "HÒA");
  EXPECT_EQ(CanonicalizeToneMarks("Thuý Kiều"), "Thúy Kiều");
  EXPECT_EQ(CanonicalizeToneMarks("KHOẺ"), "KHỎE");
  EXPECT_EQ(CanonicalizeToneMarks("Uỷ ban"), "Ủy ban");
  EXPECT_EQ(CanonicalizeToneMarks("NGƯỜI"), "NGƯỜI");
}

TEST(CanonicalizeToneMarks, RewritesOnlyTheWordsThatChange) {
  EXPECT_EQ(CanonicalizeToneMarks("Công ty Thuỷ sản Hoà Bình khoẻ mạnh, tối ưu hoá 92%."),
            "Công ty Thủy sản Hòa Bình khỏe mạnh, tối ưu hóa 92%.");
  EXPECT_EQ(CanonicalizeToneMarks("Hoà\nthuý\thoà"), "Hòa\nthúy\thòa");
  EXPECT_EQ(CanonicalizeToneMarks(""), "");
}

TEST(CanonicalizeToneMarks, LeavesWordsThatAreNotVietnameseSyllablesAlone) {
  for (const char* word : {"café", "José", "résumé", "Noël", "où", "Pokémon", "São Paulo", "naïve", "déjà vu",
                           "TP.HCM", "hoàf", "GenAI", "x\u0301oa", "hoa\u0300\u0301"})
    EXPECT_EQ(CanonicalizeToneMarks(word), word) << word;
}

TEST(CanonicalizeToneMarks, IsIdempotent) {
  for (const ClusterCase& c : Clusters())
    for (const char* other : c.others) {
      const std::string once = CanonicalizeToneMarks(other);
      EXPECT_EQ(CanonicalizeToneMarks(once), once) << other;
    }
}

TEST(CanonicalizeToneMarks, MeetsTheOtherStyleOnRealText) {
  PW_REQUIRE_SHARED();
  // Dan tri business articles (2020): NFC text in the hòa style, so moving
  // the marks of oa/oe/uy away and back must give the text unchanged.
  int changed = 0;
  for (int n = 1; n <= 60; ++n) {
    char name[64];
    std::snprintf(name, sizeof name, "news_business_%03d.txt", n);
    const std::string text = pw::testing::ReadFile(pw::testing::SharedDir() /
                                                   "corpus/articles/vi/undertheseanlp-dantri-UNC/docs" / name);
    ASSERT_FALSE(text.empty()) << name;
    const std::string other = pw::testing::OtherToneStyle(text);
    changed += other != text;
    EXPECT_EQ(CanonicalizeToneMarks(other), CanonicalizeToneMarks(text)) << name;
  }
  EXPECT_GT(changed, 10);  // the corpus does have oa/oe/uy words to move
}

TEST(IsVietnameseSyllable, AcceptsSyllablesWithOrWithoutDiacritics) {
  for (const char* word : {"nghiêng", "Quỳnh", "duoc", "nguoi", "DUOC", "giường", "a", "ươn", "khuya", "the", "an"})
    EXPECT_TRUE(IsVietnameseSyllable(word)) << word;
  for (const char* word : {"company", "and", "José", "hoaf", "strategic", "ngh", "", "hòá", "Straße", "ai1"})
    EXPECT_FALSE(IsVietnameseSyllable(word)) << word;
}

}  // namespace
}  // namespace pw::text
