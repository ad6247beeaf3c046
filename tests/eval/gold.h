// tests/eval/gold.h: the hand annotations of tests/data/eval/articles.gold,
// and the article texts they describe (read from ../shared/corpus/articles).
//
// The file format (tests/data/eval/README.md is the manual):
//   @ ID SPLIT LANG SOURCE LINE CHARS PUBLISHED | title excerpt
//   F investee|alias | investor ; investor | lead ; lead | AMOUNT CUR | round
//   ORG name|alias ; name ; ...
//   PER ...            LOC ...
// "-" stands for none (no leads, undisclosed amount, no round, no date).
//
// Reading the article: SOURCE is relative to corpus/articles. A JSONL source
// names its 1-based LINE; the text is the record's title, a blank line, and
// the first CHARS code points of its body ("text" or "content", CR removed).
// A .txt source (Dan tri, LINE 0) is the first non-header line as title and
// the other lines as body.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pw::eval {

struct GoldName {
  std::vector<std::string> aliases;  // the first is the display name
};

struct GoldFunding {
  GoldName investee;
  std::vector<GoldName> investors;
  std::vector<GoldName> leads;
  std::optional<double> amount;
  std::string currency;
  std::string round;  // "" when not stated
};

struct GoldArticle {
  std::string id, split, language, source;
  int line = 0;
  std::size_t chars = 0;
  std::string published;  // YYYY-MM-DD or ""
  std::string title_excerpt;
  std::vector<GoldFunding> funding;
  std::vector<GoldName> orgs, pers, locs;
  int file_line = 0;  // where the block starts in the gold file
};

// Parses the gold file; errors are "file:line: message" and parsing goes on.
std::vector<GoldArticle> ReadGold(const std::filesystem::path& file, std::vector<std::string>& errors);

// The article ids a file lists, one a line ("#" starts a comment; blank
// lines skipped), for scoring only those articles; nullopt with `error` set
// when the file cannot be read or lists none.
std::optional<std::set<std::string>> ReadIds(const std::filesystem::path& file, std::string& error);

// The article's text as the annotation saw it, or nullopt with `error` set.
std::optional<std::string> ArticleText(const std::filesystem::path& articles_dir, const GoldArticle& article,
                                       std::string& error);

}  // namespace pw::eval
