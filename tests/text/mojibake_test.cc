#include "text/mojibake.h"

#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "text_variants.h"

namespace pw::text {
namespace {

struct Case {
  const char* source;  // where the text was seen
  std::string in;
  std::string want;
};

TEST(RepairMojibake, RepairsWhatTheCorpusHolds) {
  // Short excerpts of real mojibake in ../shared/corpus (paths relative to it).
  const std::vector<Case> cases = {
      {"articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl",
       "As Teemu PÃ¤ivinen, CEO", "As Teemu Päivinen, CEO"},
      {"(same file)", "Radius, HylÃ©, 0G labs", "Radius, Hylé, 0G labs"},
      {"(same file), Latin-1: a C1 control", "Tourism (PROMPERÃ\u009A) is", "Tourism (PROMPERÚ) is"},
      {"(same file)", "Ashkenazy Acquisitionâ\u0080\u0099s portfolio", "Ashkenazy Acquisition’s portfolio"},
      {"(same file)", "While â\u0080\u009Csafeâ\u0080\u009D assets", "While “safe” assets"},
      {"(same file)", "ultralight panelsâ\u0080\u0094designed", "ultralight panels—designed"},
      {"html/htmldate-eval/pages/blogoff.de.i-htm.html.gz", "auf den StraÃŸen Australiens, gehÃ¶re ich",
       "auf den Straßen Australiens, gehöre ich"},
      {"html/htmldate-eval/pages/archive.org.the-pain.net.silkroad.html.gz, encoded twice",
       "den gleichenscheiÃƒÅ¸ fehler, zuspÃƒÂ¤t gemerkt", "den gleichenscheiß fehler, zuspät gemerkt"},
      {"(same page)", "Quests und NPCÂ´s", "Quests und NPC´s"},
      {"html/scrapinghub-article-extraction-benchmark/html/11ea381a....html.gz", "fora da funÃ§Ã£o o valor",
       "fora da função o valor"},
  };
  for (const Case& c : cases) {
    const std::optional<std::string> got = RepairMojibake(c.in);
    ASSERT_TRUE(got.has_value()) << c.source << ": " << c.in;
    EXPECT_EQ(*got, c.want) << c.source;
  }
}

TEST(RepairMojibake, RepairsVietnamese) {
  const std::vector<Case> cases = {
      {"the issue", "Ä‘áº§u tÆ°", "đầu tư"},
      {"NBSP kept (à is C3 A0)", "Quá»¹ Ä‘áº§u tÆ° vÃ\u00A0o AI", "Quỹ đầu tư vào AI"},
      {"undefined cp1252 bytes as C1 controls (ờ is E1 BB 9D, Đ is C4 90)", "ngÆ°á»\u009Di Ä\u0090Ã\u00A0 Náºµng",
       "người Đà Nẵng"},
      {"NFD text, then mojibake (U+0300 is CC 80)", "hoa\u00CC\u0080", "hoa\u0300"},
      {"NBSP turned into a space, inside a word", "thÃ nh phá»‘ vÃ o", "thành phố vào"},
      {"NBSP turned into a space, before a word", "vÃ  cÃ´ng ty", "và công ty"},
      {"BOM read as cp1252", "ï»¿Tin má»›i", "\uFEFFTin mới"},
  };
  for (const Case& c : cases) {
    const std::optional<std::string> got = RepairMojibake(c.in);
    ASSERT_TRUE(got.has_value()) << c.source << ": " << c.in;
    EXPECT_EQ(*got, c.want) << c.source;
  }
}

TEST(RepairMojibake, LeavesCorrectTextAlone) {
  for (const char* text : {
           "đầu tư, SÃO PAULO, 5°C, © 2024, Â is a letter",
           "Lynkan Hypersport hay còn được gọi là “siêu xe Ả rập”",
           "chủ nhiệm 1 CLB bóng đá…” - lời giới thiệu",  // baomoi_business_slice.jsonl: á + … + ” spell U+1154
           "posait une difficulté\u00A0», s'étonne",       // lepoint.fr-terrorisme.html.gz: é NBSP » spell U+983B
           "ADIÓ” and then",                                // Ó” spells U+04D4, alone among ASCII
           "Ã", "Ã ", "Â", "",
           "naïve café, Ωmega, Привет, 中文, ไทย"}) {
    EXPECT_FALSE(RepairMojibake(text).has_value()) << text;
  }
}

// Real text of both languages, one paragraph per line (the corpus' own
// files): Dan tri 2020 (vi) and the 2016 outlets' JSON lines (vi), the
// multilingual newspaper4k texts, and French pages with "é »".
std::vector<std::string> CorrectCorpusLines() {
  std::vector<std::string> lines;
  const auto corpus = pw::testing::SharedDir() / "corpus";
  auto add = [&](const std::string& text) {
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      if (end > begin) lines.emplace_back(text.substr(begin, end - begin));
      begin = end + 1;
    }
  };
  for (int n = 1; n <= 253; ++n) {
    char name[64];
    std::snprintf(name, sizeof name, "news_business_%03d.txt", n);
    add(pw::testing::ReadFile(corpus / "articles/vi/undertheseanlp-dantri-UNC/docs" / name));
  }
  add(pw::testing::ReadFile(corpus / "articles/vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl"));
  for (const char* name : {"arabic_article", "chinese_article", "japanese_article2", "korean_article", "spanish_article",
                           "latvian_article", "hindi_article", "burmese_article", "cnn_article"})
    add(pw::testing::ReadFile(corpus / "html/newspaper4k-testdata/txt" / (std::string(name) + ".txt")));
  return lines;
}

TEST(RepairMojibake, NeverRepairsCorrectCorpusText) {
  PW_REQUIRE_SHARED();
  const std::vector<std::string> lines = CorrectCorpusLines();
  ASSERT_GT(lines.size(), 5000u);
  int repaired = 0;
  for (const std::string& line : lines) {
    if (const auto r = RepairMojibake(line)) {
      ++repaired;
      ADD_FAILURE() << "repaired correct text: " << line.substr(0, 200);
    }
    if (repaired > 5) break;
  }
}

TEST(RepairMojibake, UndoesMojibakeOfCorpusText) {
  PW_REQUIRE_SHARED();
  const std::vector<std::string> lines = CorrectCorpusLines();
  size_t checked = 0;
  for (size_t i = 0; i < lines.size(); i += 7) {  // every 7th line: about a thousand
    const std::string& line = lines[i];
    const std::string once = pw::testing::Mojibake(line);
    if (once == line) continue;  // ASCII
    ++checked;
    ASSERT_TRUE(RepairMojibake(once).value_or("<none>") == line) << line.substr(0, 200);
    ASSERT_TRUE(RepairMojibake(pw::testing::Mojibake(once)).value_or("<none>") == line) << "twice: " << line.substr(0, 200);
    const std::string nfd = pw::testing::Nfd(line);
    ASSERT_TRUE(RepairMojibake(pw::testing::Mojibake(nfd)).value_or("<none>") == nfd) << "NFD: " << line.substr(0, 200);
  }
  EXPECT_GT(checked, 500u);
}

TEST(RepairMojibake, GivesUpOnInputBuiltToKeepItBusy) {
  // Each round turns "Ãƒ" into "Ã" again: after eight rounds this is not text
  // anyone encoded, and it is left as it is (bounded work, idempotent).
  std::string hostile = "Ã";
  for (int i = 0; i < 100000; ++i) hostile += "ƒ";
  EXPECT_FALSE(RepairMojibake(hostile).has_value());
  // Invalid UTF-8 never takes part in a repair.
  EXPECT_EQ(RepairMojibake("\xC3\x83\xFF\xC3\xA9 Ã©").value_or("<none>"), "\xC3\x83\xFF\xC3\xA9 é");
}

}  // namespace
}  // namespace pw::text
