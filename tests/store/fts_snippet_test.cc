// pw_snippet (store/fts_snippet.h) against FTS5's own snippet(), live: one
// SQLite file holds real articles of the corpus, a content-bearing FTS5 table
// of them (the index of DB-search up to format 1) and a contentless one (from
// format 2); every query's snippets of title and text, from both, must be the
// same bytes, for search's window of 24 tokens and for other lengths that
// reach FTS5's corners (one token, a window longer than most titles).
//
// The articles: Vietnamese business news (Baomoi 2017, VnExpress/Dân trí
// 2016) and English press releases (Newsworthy), from ../shared/corpus,
// without the ones of the held-out split of tests/data/eval/articles.gold
// (their text is neither read nor printed).
#include "store/fts_snippet.h"

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "store/snippet.h"
#include "store/sqlite.h"
#include "store/tokenizer.h"
#include "test_util.h"

namespace pw::store {
namespace {

namespace json = boost::json;
using pw::testing::TempDir;

struct CorpusFile {
  const char* path;  // under corpus/articles
  const char* text_key;
  const char* language;
  int articles;  // read from the start, held-out ones skipped
};

constexpr CorpusFile kCorpus[] = {
    {"vi/magizbox-baomoi-2017-business-slice/baomoi_business_slice.jsonl", "text", "vi", 500},
    {"vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl", "content", "vi", 300},
    {"en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl", "text", "en", 500},
};

// "file line" of each held-out article of the extraction set.
std::set<std::pair<std::string, int>> HeldOut() {
  std::set<std::pair<std::string, int>> out;
  std::ifstream in(pw::testing::SourceDir() / "tests/data/eval/articles.gold");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("@ ", 0) != 0) continue;
    std::istringstream fields(line);
    std::string at, id, split, language, file;
    int number = 0;
    fields >> at >> id >> split >> language >> file >> number;
    if (split == "heldout") out.emplace(file, number);
  }
  return out;
}

struct Article {
  std::string title, text, language;
};

std::vector<Article> ReadCorpus() {
  const auto held_out = HeldOut();
  std::vector<Article> out;
  for (const CorpusFile& f : kCorpus) {
    std::ifstream in(pw::testing::SharedDir() / "corpus/articles" / f.path);
    int number = 0, taken = 0;
    for (std::string line; taken < f.articles && std::getline(in, line);) {
      ++number;
      if (held_out.count({f.path, number})) continue;
      const json::value v = json::parse(line);
      out.push_back({std::string(v.at("title").as_string()), std::string(v.at(f.text_key).as_string()), f.language});
      ++taken;
    }
  }
  return out;
}

// The first and last words of some titles and texts (matches at the ends of
// a column), each as a query of its own.
std::vector<std::string> WordsAtTheEnds(const std::vector<Article>& articles) {
  std::vector<std::string> words;
  for (size_t i = 0; i < articles.size(); i += 37) {
    for (const std::string* column : {&articles[i].title, &articles[i].text}) {
      std::vector<std::string> keys;
      ForEachToken(
          *column,
          [](void* out, std::string_view key, int, int) {
            static_cast<std::vector<std::string>*>(out)->emplace_back(key);
            return 0;
          },
          &keys);
      if (keys.empty()) continue;
      words.push_back("\"" + keys.front() + "\"");
      words.push_back("\"" + keys.back() + "\"");
    }
  }
  return words;
}

// FTS5 queries as search writes them (store/queries.cc, FtsQuery): quoted
// words and phrases, prefixes, OR, language filters.
const char* const kQueries[] = {
    "\"dau\" \"tu\"",
    "\"đầu\" \"tư\"",
    "\"đầu tư\"",
    "\"quỹ đầu tư\"",
    "\"quy dau tu\"",
    "\"đồng\"",
    "\"dong\"",
    "\"đ\"*",
    "\"Đà Nẵng\"",
    "\"da nang\"",
    "\"ty\" \"dong\"",
    "\"tỷ đồng\"",
    "\"ngân hàng\"",
    "\"ngan hang nha nuoc\"",
    "\"công nghệ\"",
    "\"cong nghe\"*",
    "\"thị trường\" OR \"chứng khoán\"",
    "\"khởi nghiệp\"",
    "\"startup\"*",
    "\"series a\"",
    "\"series\" \"funding\"",
    "\"fund\"* OR \"invest\"*",
    "\"investment\"",
    "\"capital\"*",
    "\"singapore\" OR \"vietnam\" OR \"indonesia\"",
    "\"usd\"",
    "\"million\"",
    "\"announced\" \"today\"",
    "\"the\"",
    "\"a\" \"the\" \"of\"",
    "\"google\"",
    "\"apple\"",
    "\"2017\"",
    "\"5\"",
    "language : \"vi\" AND (\"dau\" \"tu\")",
    "language : \"en\" AND (\"series\"*)",
};

struct Snippets {
  std::int64_t rowid;
  std::optional<std::string> text, title;
  bool operator==(const Snippets&) const = default;
};

std::vector<Snippets> Read(Statement& s, const std::string& query, int tokens) {
  s.Bind(1, query).Bind(2, tokens);
  std::vector<Snippets> out;
  while (s.Step()) out.push_back({s.Int64(0), s.OptionalText(1), s.OptionalText(2)});
  s.Reset();
  return out;
}

TEST(PwSnippet, IsFts5sSnippetByteForByteOnTheCorpus) {
  PW_REQUIRE_SHARED();
  const std::vector<Article> articles = ReadCorpus();
  ASSERT_GE(articles.size(), 1200u) << "corpus files missing";
  TempDir dir;
  auto db = Database::Open(dir.File("snippets.db"), /*read_only=*/false);
  db->Exec(
      "CREATE TABLE docs(id INTEGER PRIMARY KEY, title TEXT, text TEXT, language TEXT);"
      "CREATE VIRTUAL TABLE with_content USING fts5(title, text, language, tokenize='presswatch');"
      "CREATE VIRTUAL TABLE contentless USING fts5(title, text, language, tokenize='presswatch', content='')");
  {
    Transaction tx(*db);
    for (size_t i = 0; i < articles.size(); ++i) {
      const Article& a = articles[i];
      const auto id = static_cast<std::int64_t>(i + 1);
      db->Prepare("INSERT INTO docs VALUES(?1, ?2, ?3, ?4)").Bind(1, id).Bind(2, a.title).Bind(3, a.text).Bind(4, a.language).Step();
      for (const char* table : {"with_content", "contentless"})
        db->Prepare(std::string("INSERT INTO ") + table + "(rowid, title, text, language) VALUES(?1, ?2, ?3, ?4)")
            .Bind(1, id)
            .Bind(2, a.title)
            .Bind(3, a.text)
            .Bind(4, a.language)
            .Step();
    }
    tx.Commit();
  }
  Statement& fts5 = db->Prepare(
      "SELECT rowid, snippet(with_content, 1, char(2), char(3), '…', ?2), "
      "snippet(with_content, 0, char(2), char(3), '…', ?2) FROM with_content WHERE with_content MATCH ?1 "
      "ORDER BY rowid");
  Statement& ours = db->Prepare(
      "SELECT contentless.rowid, pw_snippet(contentless, 1, d.text, char(2), char(3), '…', ?2), "
      "pw_snippet(contentless, 0, d.title, char(2), char(3), '…', ?2) "
      "FROM contentless JOIN docs d ON d.id = contentless.rowid WHERE contentless MATCH ?1 ORDER BY contentless.rowid");

  std::vector<std::string> queries(std::begin(kQueries), std::end(kQueries));
  for (auto& w : WordsAtTheEnds(articles)) queries.push_back(std::move(w));
  // What the comparison went through, so that it cannot pass on nothing.
  int rows = 0, marked_titles = 0, cut_in_front = 0, to_the_end = 0, long_texts = 0;
  for (const std::string& query : queries) {
    for (const int tokens : {24, 1, 2, 7, 64}) {
      const auto expected = Read(fts5, query, tokens);
      const auto got = Read(ours, query, tokens);
      ASSERT_EQ(got.size(), expected.size()) << query;
      for (size_t i = 0; i < got.size(); ++i) {
        // On a difference: the query, the row and the two snippets (no
        // held-out text is in the table).
        ASSERT_EQ(got[i], expected[i]) << query << " tokens " << tokens << " row " << got[i].rowid << "\n  fts5: "
                                       << expected[i].text.value_or("NULL") << " | "
                                       << expected[i].title.value_or("NULL") << "\n  ours: "
                                       << got[i].text.value_or("NULL") << " | " << got[i].title.value_or("NULL");
        ++rows;
        if (tokens != 24) continue;
        const std::string& text = expected[i].text.value_or("");
        if (expected[i].title.value_or("").find(kMarkOpen) != std::string::npos) ++marked_titles;
        if (text.rfind("…", 0) == 0) ++cut_in_front;
        if (text.size() >= 3 && text.compare(text.size() - 3, 3, "…") != 0) ++to_the_end;
        if (articles[static_cast<size_t>(expected[i].rowid - 1)].text.size() > 8000) ++long_texts;
      }
    }
  }
  EXPECT_GT(rows, 20000);
  EXPECT_GT(marked_titles, 500);
  EXPECT_GT(cut_in_front, 1000);
  EXPECT_GT(to_the_end, 100);
  EXPECT_GT(long_texts, 100);
}

// The pure part, on a text of its own: the window, the marks, the ellipses.
TEST(PwSnippet, ColumnSnippetMarksTheBestWindow) {
  const std::string text = "Một hai ba. Quỹ đầu tư rót vốn vào công ty khởi nghiệp";
  std::vector<TokenSpan> tokens;
  ForEachToken(
      text,
      [](void* out, std::string_view, int start, int end) {
        static_cast<std::vector<TokenSpan>*>(out)->push_back({start, end});
        return 0;
      },
      &tokens);
  ASSERT_EQ(tokens.size(), 13u);
  // "đầu tư" at tokens 4-5, one phrase of two tokens; a window of 4 from the
  // sentence's start (token 3), which scores 100 more than the same match
  // centred.
  const SnippetMarks marks{"[", "]", "…", 4};
  EXPECT_EQ(ColumnSnippet(text, tokens, 13, 1, {{0, 4, 2}}, marks), "…Quỹ [đầu tư] rót…");
  // No match: the column's start.
  EXPECT_EQ(ColumnSnippet(text, tokens, 13, 1, {}, marks), "Một hai ba. Quỹ…");
  // The last words: the window ends the column, no ellipsis after it.
  EXPECT_EQ(ColumnSnippet(text, tokens, 13, 1, {{0, 11, 2}}, marks), "…công ty [khởi nghiệp]");
  // A match past the column's tokens: not the text indexed.
  EXPECT_EQ(ColumnSnippet(text, tokens, 13, 1, {{0, 14, 1}}, marks), std::nullopt);
}

// What search and alerts show: safe HTML, marks, and a headline's paragraph
// break as one space.
TEST(MarkedHtml, EscapesMarksAndJoinsLines) {
  EXPECT_EQ(MarkedHtml("a \x02<b>\x03 c"), "a <mark>&lt;b&gt;</mark> c");
  EXPECT_EQ(MarkedHtml("Quỹ GenAI\n\nBáo cáo\nmới"), "Quỹ GenAI Báo cáo mới");
}

}  // namespace
}  // namespace pw::store
