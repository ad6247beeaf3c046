#include "text/language.h"

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "text/search_key.h"

namespace pw::text {
namespace {

TEST(DetectLanguage, TellsVietnameseEnglishAndOther) {
  EXPECT_EQ(DetectLanguage("Quỹ GenAI công bố khoản đầu tư chiến lược"), Language::kVietnamese);
  EXPECT_EQ(DetectLanguage("Quy GenAI cong bo khoan dau tu chien luoc vao cac startup"), Language::kVietnamese);
  EXPECT_EQ(DetectLanguage("GenAI Fund announced a strategic investment in the company"), Language::kEnglish);
  EXPECT_EQ(DetectLanguage("Perusahaan ini mengumumkan pendanaan untuk memperluas bisnis di Indonesia"),
            Language::kOther);
  EXPECT_EQ(DetectLanguage("Die Bundesregierung hat am Montag neue Regeln beschlossen"), Language::kOther);
  EXPECT_EQ(DetectLanguage("ベトナムのスタートアップが資金を調達"), Language::kOther);
  EXPECT_EQ(DetectLanguage("12345 — 678"), Language::kOther);
  EXPECT_EQ(DetectLanguage(""), Language::kOther);
}

TEST(DetectLanguage, ReadsShortTitles) {
  const std::vector<std::pair<const char*, Language>> cases = {
      {"Venezuela vỡ nợ", Language::kVietnamese},
      {"Hà Nội", Language::kVietnamese},
      {"Tiki gọi vốn 20 triệu USD", Language::kVietnamese},
      {"Thoi su", Language::kVietnamese},                       // a VnExpress channel, typed without marks
      {"Tin moi nhat", Language::kVietnamese},
      {"Grab raises $300M", Language::kEnglish},
      {"Vietnam's Tiki raises $20M in Series E", Language::kEnglish},
      {"Apple", Language::kEnglish},
  };
  for (const auto& [title, want] : cases) EXPECT_EQ(DetectLanguage(title), want) << title;
}

TEST(DetectLanguage, ReadsVietnameseWithoutDiacritics) {
  // The slugs of Dan tri's URLs: Vietnamese as a CMS strips it.
  for (const char* text : {"thieu nien 12 tuoi tu vong vi lam theo thu thach nguy hiem tren tik tok",
                           "can canh ca sau khung bat luc trong viec ha guc linh duong dau bo",
                           "Cong ty co phan dau tu The Gioi Di Dong cong bo ket qua kinh doanh"})
    EXPECT_EQ(DetectLanguage(text), Language::kVietnamese) << text;
  // And the same seed sentence, its marks removed by SearchKey.
  EXPECT_EQ(DetectLanguage(SearchKey("Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI, "
                                     "quỹ đầu tư mạo hiểm đầu tiên tại ASEAN tập trung vào AI tạo sinh.")),
            Language::kVietnamese);
}

TEST(DetectParagraphLanguages, LabelsEachParagraphOfAMixedRelease) {
  const std::string text =
      "HANOI, VIETNAM - GenAI Fund today announced a strategic investment from Sovico Group.\n\n"
      "Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI.\n\n"
      "GenAI Fund\n\n"
      "The fund will back generative AI startups across Southeast Asia.\n";
  const std::vector<ParagraphLanguage> got = DetectParagraphLanguages(text);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].language, Language::kEnglish);
  EXPECT_EQ(got[1].language, Language::kVietnamese);
  EXPECT_EQ(got[2].language, Language::kEnglish);  // a name alone: too little to go on, the document's language
  EXPECT_EQ(DetectLanguage("GenAI Fund\n\nTập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI."),
            Language::kVietnamese);
  EXPECT_EQ(got[3].language, Language::kEnglish);
  EXPECT_EQ(text.substr(got[1].begin, got[1].end - got[1].begin),
            "Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI.");
  EXPECT_EQ(DetectLanguage(text), Language::kEnglish);
  EXPECT_TRUE(DetectParagraphLanguages("\n \n").empty());
}

struct Labelled {
  std::string label, source, kind, text;
};

std::vector<Labelled> ReadLabelled() {
  std::vector<Labelled> rows;
  std::istringstream in(pw::testing::ReadFile(pw::testing::SourceDir() / "tests/data/text/language_paragraphs.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    Labelled r;
    std::istringstream fields(line);
    std::getline(fields, r.label, '\t');
    std::getline(fields, r.source, '\t');
    std::getline(fields, r.kind, '\t');
    std::getline(fields, r.text);
    rows.push_back(r);
  }
  return rows;
}

TEST(DetectLanguage, IsRightOnHandLabelledCorpusParagraphs) {
  // 311 real paragraphs from ../shared/corpus, labelled by hand (the file
  // says how they were drawn); docs/text.md reports the figures.
  const std::vector<Labelled> rows = ReadLabelled();
  ASSERT_GE(rows.size(), 300u);
  std::map<std::string, std::pair<int, int>> by_label;  // label -> {right, total}
  int right = 0;
  for (const Labelled& r : rows) {
    const bool ok = LanguageCode(DetectLanguage(r.text)) == r.label;
    right += ok;
    auto& [label_right, label_total] = by_label[r.label];
    label_right += ok;
    ++label_total;
    if (!ok) std::printf("  missed (%s, %s): %.100s\n", r.label.c_str(), r.source.c_str(), r.text.c_str());
  }
  for (const auto& [label, counts] : by_label)
    std::printf("  %s: %d/%d\n", label.c_str(), counts.first, counts.second);
  std::printf("  all: %d/%zu\n", right, rows.size());
  EXPECT_GE(right, static_cast<int>(rows.size() * 97 / 100));
  EXPECT_EQ(by_label["vi"].first, by_label["vi"].second);  // the feeds' languages: no miss
  EXPECT_EQ(by_label["en"].first, by_label["en"].second);
}

TEST(LanguageCode, RoundTrips) {
  EXPECT_EQ(LanguageCode(Language::kVietnamese), "vi");
  EXPECT_EQ(LanguageFromCode("en-US"), Language::kEnglish);
  EXPECT_EQ(LanguageFromCode(""), Language::kOther);
}

}  // namespace
}  // namespace pw::text
