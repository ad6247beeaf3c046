// tests/store/articles.h: article records as the pipeline would hand them to
// the store, built from the bundled seed press item (feeds/demo), with the
// entities and funding extraction finds in it.
#pragma once

#include <string>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/records.h"
#include "test_util.h"

namespace pw::store::testing {

using extract::EntityType;

inline ArticleRecord Article(std::string key, std::string url, std::string title, const std::string& body,
                             std::string published, std::string language = "vi") {
  ArticleRecord a;
  a.item_key = std::move(key);
  a.url = std::move(url);
  a.title = title;
  a.summary = body.substr(0, body.find('\n'));
  a.published = std::move(published);
  a.first_seen = a.published;
  a.extraction.text = title + "\n\n" + body;  // as app::ArticleText builds it
  a.extraction.language = std::move(language);
  return a;
}

// Adds the first mention of `text` after byte `from` as an entity named `name`.
inline void Mention(ArticleRecord& a, EntityType type, const std::string& text, const std::string& name,
                    std::size_t from = 0) {
  const std::size_t at = a.extraction.text.find(text, from);
  ASSERT_NE(at, std::string::npos) << text;
  extract::Entity e;
  e.type = type;
  e.text = text;
  e.name = name;
  e.start = at;
  e.end = at + text.size();
  a.extraction.entities.push_back(e);
}

inline extract::FundingRecord SovicoInvestsInGenAI(std::string evidence) {
  extract::FundingRecord f;
  f.investee = "GenAI Fund";
  f.investors = {"Sovico Group"};
  f.lead_investors = {"Sovico Group"};
  f.round = "strategic";
  f.announced = "2024-11-21";
  f.evidence = std::move(evidence);
  return f;
}

// The seed in Vietnamese: Tập đoàn Sovico invests in Quỹ GenAI.
inline ArticleRecord SovicoArticle(std::string key, std::string url, std::string published = "2024-11-21T02:00:00Z",
                                   std::string title_prefix = "") {
  const std::string body = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  ArticleRecord a = Article(std::move(key), std::move(url),
                            title_prefix + "Sovico đầu tư chiến lược vào Quỹ GenAI", body, std::move(published));
  Mention(a, EntityType::kOrg, "Tập đoàn Sovico", "Sovico Group");
  Mention(a, EntityType::kOrg, "Quỹ GenAI", "GenAI Fund");
  Mention(a, EntityType::kOrg, "GenAI Fund", "GenAI Fund");
  Mention(a, EntityType::kLoc, "Đông Nam Á", "Đông Nam Á");
  a.extraction.funding = {SovicoInvestsInGenAI("Tập đoàn Sovico ... đã công bố khoản đầu tư chiến lược vào Quỹ GenAI")};
  extract::Event ev;
  ev.type = "event";
  ev.name = "GenAI Open Innovation";
  ev.date = "2025-Q1";
  ev.location = "Malaysia";
  ev.participants = {"GenAI Fund", "Sovico Group"};
  a.extraction.events = {ev};
  return a;
}

// The seed in English: the same deal, another language.
inline ArticleRecord SovicoArticleEn(std::string key, std::string url, std::string published = "2024-11-21T03:00:00Z") {
  const std::string body = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.en.txt");
  ArticleRecord a = Article(std::move(key), std::move(url), "Sovico Group makes a strategic investment in GenAI Fund",
                            body, std::move(published), "en");
  Mention(a, EntityType::kOrg, "Sovico Group", "Sovico Group");
  Mention(a, EntityType::kOrg, "GenAI Fund", "GenAI Fund");
  a.extraction.funding = {SovicoInvestsInGenAI("Sovico Group ... announced a strategic investment in GenAI Fund")};
  return a;
}

// Makes the insert of an article whose item_key is `item_key` fail with
// SQLite's own error ("failing on purpose"), from a trigger that another
// connection writes into the file at `path`: a batch that fails halfway.
inline void FailInsertsOf(const std::string& path, const std::string& item_key) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  char* sql = sqlite3_mprintf(
      "CREATE TRIGGER fail_on_purpose BEFORE INSERT ON articles WHEN NEW.item_key = %Q "
      "BEGIN SELECT RAISE(ABORT, 'failing on purpose'); END",
      item_key.c_str());
  EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_free(sql);
  sqlite3_close(raw);
}

}  // namespace pw::store::testing
