#include "text/sentences.h"

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "test_util.h"
#include "text/normalize.h"

namespace pw::text {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SplitSentences, KeepsAbbreviationsOfBothLanguagesInside) {
  EXPECT_EQ(Sentences("Ông A, Th.S kinh tế tại TP.HCM, nói vậy. Mr. Tan của Acme Pte. Ltd. đồng ý."),
            (std::vector<std::string>{"Ông A, Th.S kinh tế tại TP.HCM, nói vậy.", "Mr. Tan của Acme Pte. Ltd. đồng ý."}));
  EXPECT_EQ(Sentences("The U.S. fund led it. Dr. Lee said so."),
            (std::vector<std::string>{"The U.S. fund led it.", "Dr. Lee said so."}));
}

struct Case {
  const char* source;
  const char* text;
  std::vector<std::string> want;
};

TEST(SplitSentences, SplitsRealSentencesOfTheCorpus) {
  // Short excerpts of ../shared/corpus (Dan tri 2020; press releases, CC0).
  const std::vector<Case> cases = {
      {"dantri news_business_078.txt:24: TP.HCM with the sentence's period",
       "Các KCN mới đều nằm ở các thị trường lân cận TP.HCM. Thị trường nhà xưởng xây sẵn sẽ tiếp tục sôi động.",
       {"Các KCN mới đều nằm ở các thị trường lân cận TP.HCM.", "Thị trường nhà xưởng xây sẵn sẽ tiếp tục sôi động."}},
      {"dantri news_business_005.txt:6: PGS.TS before a name",
       "Tại Hà Nội, PGS.TS Nguyễn Trúc Lê, Hiệu trưởng Trường Đại học kinh tế cho rằng, giáo dục tài chính là cần thiết.",
       {"Tại Hà Nội, PGS.TS Nguyễn Trúc Lê, Hiệu trưởng Trường Đại học kinh tế cho rằng, giáo dục tài chính là cần thiết."}},
      {"the same, written PGS.TS. with a period", "PGS.TS. Nguyễn Trúc Lê nhận định. Ông nói thêm.",
       {"PGS.TS. Nguyễn Trúc Lê nhận định.", "Ông nói thêm."}},
      {"dantri news_business_238.txt:5: Inc. ending a sentence",
       "Lớn nhất là vụ niêm yết 1,6 tỷ USD của RLX Technology Inc. Tiếp đó là đợt huy động 947 triệu USD của Tuya Inc.",
       {"Lớn nhất là vụ niêm yết 1,6 tỷ USD của RLX Technology Inc.", "Tiếp đó là đợt huy động 947 triệu USD của Tuya Inc."}},
      {"press release 299: Co., Ltd. ending a sentence",
       "One standout player is Robot Anno (Shenzhen) Co., Ltd. This company has been leading the charge since 2017.",
       {"One standout player is Robot Anno (Shenzhen) Co., Ltd.", "This company has been leading the charge since 2017."}},
      {"press release 1228: Pte. Ltd. inside a sentence",
       "It will acquire a 19% stake in GPL Remittance Pte. Ltd., a Singapore-based cross-border payment institution.",
       {"It will acquire a 19% stake in GPL Remittance Pte. Ltd., a Singapore-based cross-border payment institution."}},
      {"press release 125: No. before numbers",
       "Capchase moved up from the No. 2 spot on our 2023 list to No. 1 this year. It raised $1.1 billion.",
       {"Capchase moved up from the No. 2 spot on our 2023 list to No. 1 this year.", "It raised $1.1 billion."}},
      {"press release 20: Mr. before a name", "The company, led by Mr. Christopher Jason, has improved its infrastructure.",
       {"The company, led by Mr. Christopher Jason, has improved its infrastructure."}},
      {"press release 66: U.S. inside a sentence",
       "Recently the Secretary of the U.S. Department of Energy visited New Mexico with two U.S. Senators.",
       {"Recently the Secretary of the U.S. Department of Energy visited New Mexico with two U.S. Senators."}},
      {"U.S. ending a sentence", "The fund invests in the U.S. The round was led by Acme Inc. and Beta Co.",
       {"The fund invests in the U.S.", "The round was led by Acme Inc. and Beta Co."}},
      {"press release 24: Dr. before a name", "Dr. Ken Anderson, founder of the Anderson Center, has been named.",
       {"Dr. Ken Anderson, founder of the Anderson Center, has been named."}},
      {"a quote that ends in an ellipsis, then lower case", "“… và công nghệ…”, ông Đỗ Tiến Thịnh cho biết. Tuy nhiên, cần hợp tác.",
       {"“… và công nghệ…”, ông Đỗ Tiến Thịnh cho biết.", "Tuy nhiên, cần hợp tác."}},
  };
  for (const Case& c : cases) EXPECT_EQ(Sentences(c.text), c.want) << c.source;
}

TEST(SplitSentences, BreaksAtParagraphsAndTrimsSpaces) {
  EXPECT_EQ(Sentences("  Tiêu đề không dấu chấm\n\nCâu một. Câu hai!  "),
            (std::vector<std::string>{"Tiêu đề không dấu chấm", "Câu một.", "Câu hai!"}));
  EXPECT_EQ(Sentences("Acme Inc.\n\nThe end."), (std::vector<std::string>{"Acme Inc.", "The end."}));
  EXPECT_TRUE(SplitSentences("").empty());
}

// IcuSentenceBreaks asks ICU only at terminators and separators; it must
// give every break of ICU's full pass, on every text of the corpus, as read
// and as normalized for extraction.
TEST(IcuSentenceBreaks, EqualsIcusFullPassOnEveryCorpusArticle) {
  PW_REQUIRE_SHARED();
  namespace fs = std::filesystem;
  std::vector<std::string> texts;
  for (const auto& entry : fs::recursive_directory_iterator(pw::testing::SharedDir() / "corpus/articles")) {
    if (!entry.is_regular_file()) continue;
    const std::string content = pw::testing::ReadFile(entry.path());
    if (entry.path().extension() != ".jsonl") {
      texts.push_back(content);
      continue;
    }
    std::string_view rest = content;
    while (!rest.empty()) {
      const std::string_view line = rest.substr(0, rest.find('\n'));
      rest.remove_prefix(std::min(rest.size(), line.size() + 1));
      boost::system::error_code ec;
      const boost::json::value record = boost::json::parse(line, ec);
      if (ec || !record.is_object()) continue;
      for (const char* field : {"title", "text", "content"})
        if (const auto* v = record.as_object().if_contains(field); v && v->is_string())
          texts.emplace_back(v->as_string());
    }
  }
  ASSERT_GT(texts.size(), 1000u);
  size_t bytes = 0;
  for (const std::string& raw : texts) {
    for (const std::string& text : {raw, NormalizeDocument(raw)}) {
      bytes += text.size();
      ASSERT_EQ(IcuSentenceBreaks(text), IcuSentenceBreaksByFullScan(text)) << text.substr(0, 200);
    }
  }
  EXPECT_GT(bytes, 10'000'000u);
}

// The same over random text made of the pieces that decide a break:
// terminators of several scripts, closing and opening punctuation, spaces,
// separators, digits, letters of each case, combining marks and format
// characters, abbreviations.
TEST(IcuSentenceBreaks, EqualsIcusFullPassOnRandomText) {
  const std::vector<std::string> pieces = {
      "a", "z", "B", "Q", "Đ", "ệ", "ông", "Ông", "中", "1", "9", ".", ".", ".", "!", "?", "…", "‼", "。", "！", "．",
      "․", "?!", "...", " ", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\"",
      "'", "“", "”", "‘", "’", ")", "(", "]", "»", "«", ",", ";", ":", "-", "—", "\u0301", "\u00AD", "\u200B",
      "\u200D", "Mr.", "U.S.", "e.g.", "TP.HCM", "1.000", "Inc.", "x.com", "\xC3", "\x80"};
  std::mt19937 random(20261126);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1), count(0, 40);
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    for (size_t n = count(random); n > 0; --n) text += pieces[piece(random)];
    ASSERT_EQ(IcuSentenceBreaks(text), IcuSentenceBreaksByFullScan(text)) << "round " << round << ": " << text;
  }
}

}  // namespace
}  // namespace pw::text
