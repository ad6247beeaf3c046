// The presswatch binary as users run it: exit codes, one-line errors, JSON.
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "test_util.h"
#include "text_variants.h"

namespace pw::app {
namespace {

namespace json = boost::json;

struct CommandRun {
  int status;
  std::string out;  // stdout
  std::string err;  // stderr
};

CommandRun Presswatch(const std::string& args, const std::string& input = "") {
  pw::testing::TempDir tmp;
  const std::string err_file = tmp.File("err");
  const std::string in_file = tmp.File("in");
  pw::testing::WriteFile(in_file, input);
  const std::string cmd = "cd " + pw::testing::SourceDir().string() + " && " + PW_BINARY + " " + args + " <" +
                          in_file + " 2>" + err_file;
  CommandRun r{};
  FILE* pipe = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = pw::testing::ReadFile(err_file);
  return r;
}

TEST(Cli, HelpWorksForEveryCommand) {
  for (const char* cmd : {"", "serve", "poll", "extract", "feed", "search", "funding", "coverage", "entities", "feeds",
                          "rules", "rules check", "export"}) {
    const CommandRun r = Presswatch(std::string(cmd) + " --help");
    EXPECT_EQ(r.status, 0) << cmd << r.err;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd;
  }
}

TEST(Cli, AnUnknownCommandIsNamedWithTheCommandsThereAre) {
  const CommandRun r = Presswatch("fundings --investor sovico");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("'fundings' is not a command (the commands: serve, poll,"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("funding"), std::string::npos) << r.err;
  EXPECT_EQ(Presswatch("--version").status, 0);  // flags before a command are CLI11's to read
}

// A mistyped flag is named, even where a required argument is missing too:
// "feed --bogus" said "source is required" and left the user to guess.
TEST(Cli, AnUnknownFlagIsNamedBeforeAMissingArgument) {
  CommandRun r = Presswatch("feed --bogus");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("The following argument was not expected: --bogus"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("required"), std::string::npos) << r.err;
  r = Presswatch("feed");  // nothing left over: what is missing is the answer
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("source is required"), std::string::npos) << r.err;
}

TEST(Cli, ExtractPrintsTheSeedRecordsAsJson) {
  const CommandRun r = Presswatch("extract --json --published 2024-11-21 feeds/demo/genai-open-innovation.vi.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  const json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("language"), "vi");
  const auto& f = v.at("funding").at(0);
  EXPECT_EQ(f.at("investee"), "GenAI Fund");
  EXPECT_EQ(f.at("investors").at(0), "Sovico Group");
  EXPECT_EQ(f.at("round"), "strategic");
  EXPECT_TRUE(f.at("amount").is_null());
  EXPECT_EQ(f.at("announced"), "2024-11-21");
  EXPECT_EQ(v.at("events").at(0).at("date"), "2025-Q1");
}

TEST(Cli, ExtractReadsStandardInputAndHtml) {
  const CommandRun r = Presswatch("extract --lang en -", "<p>Configu raises a <b>$3M</b> pre-seed round.</p>");
  ASSERT_EQ(r.status, 0) << r.err;
  const json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("text"), "Configu raises a $3M pre-seed round.");
  EXPECT_EQ(v.at("funding").at(0).at("amount").as_int64(), 3000000);
}

// A document is read whatever its bytes: UTF-16 by its byte order mark,
// stray bytes of a legacy charset with a warning (windows-1258 with --lang
// vi); binary data and endless input are refused in one line.
TEST(Cli, ExtractReadsUtf16AndLegacyBytesAndRefusesBinaryAndEndlessInput) {
  pw::testing::TempDir dir;
  std::string utf16 = "\xFF\xFE";  // UTF-16LE, by its byte order mark
  for (char c : std::string("Configu raises a $3M pre-seed round.")) utf16 += std::string{c, '\0'};
  pw::testing::WriteFile(dir.path() / "utf16.txt", utf16);
  CommandRun r = Presswatch("extract --lang en " + dir.File("utf16.txt"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("text"), "Configu raises a $3M pre-seed round.");

  // "Tập đoàn Sovico đầu tư 100 tỷ đồng vào Công ty ABC." in windows-1258.
  pw::testing::WriteFile(dir.path() / "vi1258.txt",
                         "T\xE2\xF2p \xF0o\xE0n Sovico \xF0\xE2\xCCu t\xFD 100 ty\xD2 \xF0\xF4\xCCng v\xE0o C\xF4ng ty ABC.");
  r = Presswatch("extract --lang vi " + dir.File("vi1258.txt"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("text"), "Tập đoàn Sovico đầu tư 100 tỷ đồng vào Công ty ABC.");
  EXPECT_NE(r.err.find("warning: " + dir.File("vi1258.txt") + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("windows-1258"), std::string::npos) << r.err;

  pw::testing::WriteFile(dir.path() / "junk.bin", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16));
  r = Presswatch("extract " + dir.File("junk.bin"));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "presswatch: " + dir.File("junk.bin") + ": binary data, not a text or HTML document\n");

  r = Presswatch("extract /dev/zero");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "presswatch: /dev/zero: over the size cap of 10485760 bytes (fetch.max_body_bytes in the config)\n");
}

TEST(Cli, ErrorsAreOneLineWithTheFileAtFault) {
  pw::testing::TempDir dir;
  pw::testing::WriteFile(dir.path() / "bad.opml", "<opml><body>\n<outline xmlUrl=\"https://a.vn/\" pw:interval=\"x\"\n");
  CommandRun r = Presswatch("poll --once --feeds " + dir.File("bad.opml") + " --db " + dir.File("x.db"));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind("presswatch: " + dir.File("bad.opml") + ":", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;

  r = Presswatch("funding --db " + dir.File("missing.db"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no such database"), std::string::npos) << r.err;

  r = Presswatch("extract /nonexistent/file.txt");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("/nonexistent/file.txt: cannot open"), std::string::npos) << r.err;

  // A usage error (CLI11's) is one line too.
  for (const char* args :
       {"search --no-such-flag x", "funding --limit 0", "coverage", "funding --investor -", "funding --min-amount -1",
        "funding --currency XXXX", "funding --since 2024-02-01 --until 2024-01-01", "funding --round SEED"}) {
    r = Presswatch(args);
    EXPECT_NE(r.status, 0) << args;
    EXPECT_EQ(r.err.rfind("presswatch: ", 0), 0u) << args << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
  }
  EXPECT_NE(r.err.find("pre-seed"), std::string::npos) << "the rounds there are: " << r.err;
  // The store's words for a query it cannot answer, before any database is opened.
  r = Presswatch("funding --db " + dir.File("missing.db") + " --min-amount 5 --max-amount 1.5");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "presswatch: min-amount (5) is above max-amount (1.5)\n");
  r = Presswatch("funding --db " + dir.File("missing.db") + " --currency dollars");
  EXPECT_EQ(r.err, "presswatch: currency 'dollars' is not an ISO 4217 code (three letters: USD, VND, SGD)\n");

  r = Presswatch("poll --feeds feeds/demo.opml");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--once"), std::string::npos) << r.err;
}

TEST(Cli, RulesCheckReportsFileAndLine) {
  pw::testing::TempDir dir;
  pw::testing::WriteFile(dir.path() / "x.rules", "MONEY m: (\\d+\n");
  CommandRun r = Presswatch("rules check --rules " + dir.path().string());
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind(dir.File("x.rules") + ":1: missing )", 0), 0u) << r.err;
  r = Presswatch("rules check");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("all good"), std::string::npos);
}

TEST(Cli, FeedPrintsTheContractJson) {
  const CommandRun r = Presswatch("feed --json feeds/demo/genai.vi.xml");
  ASSERT_EQ(r.status, 0) << r.err;
  const json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("title"), "Tin đổi mới sáng tạo (demo)");
  EXPECT_FALSE(v.at("illformed").as_bool());
  EXPECT_TRUE(v.at("error").is_null());
  const auto& item = v.at("items").at(0);
  EXPECT_EQ(item.at("published"), "2024-11-21T02:00:00Z");
  for (const char* key : {"key", "title", "link", "updated", "authors", "categories", "summary", "content", "enclosures"})
    EXPECT_TRUE(item.as_object().contains(key)) << key;
}

TEST(Cli, ExtractGivesTheSameTextAndRecordsForEveryShapeOfAnItem) {
  // Issue 5: one press item given as NFC, as NFD with the tone marks of the
  // other style, as mojibake, and as an HTML page: byte-identical output.
  const std::string seed = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  const CommandRun nfc = Presswatch("extract --published 2024-11-21 -", seed);
  ASSERT_EQ(nfc.status, 0) << nfc.err;
  const json::value want = json::parse(nfc.out);
  const std::string text(want.at("text").as_string());
  ASSERT_GE(want.at("entities").as_array().size(), 10u);
  ASSERT_EQ(want.at("funding").at(0).at("investee"), "GenAI Fund");
  for (const json::value& e : want.at("entities").as_array()) {  // offsets into the text, in bytes
    const auto start = static_cast<size_t>(e.at("start").as_int64()), end = static_cast<size_t>(e.at("end").as_int64());
    EXPECT_EQ(text.substr(start, end - start), e.at("text").as_string()) << json::serialize(e);
  }
  const std::vector<std::pair<std::string, std::string>> shapes = {
      {"NFD, other tone style", pw::testing::Nfd(pw::testing::OtherToneStyle(seed))},
      {"mojibake", pw::testing::Mojibake(seed)},
      {"HTML page", pw::testing::AsHtmlPage(seed)},
  };
  for (const auto& [name, input] : shapes) {
    ASSERT_NE(input, seed) << name;
    const CommandRun r = Presswatch("extract --published 2024-11-21 -", input);
    ASSERT_EQ(r.status, 0) << name << ": " << r.err;
    EXPECT_TRUE(r.out == nfc.out) << name << " gives another extraction:\n" << r.out.substr(0, 600);
  }
}

TEST(Cli, ExtractReadsTheArticleOfAWholePageWithItsSiteRule) {
  // The seed laid out as a page whose article has VnExpress's class: with the
  // page's address, the vnexpress site rule finds the body; the records are
  // the seed's, and "page" says how the body was found.
  const std::string seed = pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  const CommandRun plain = Presswatch("extract --published 2024-11-21 -", seed);
  ASSERT_EQ(plain.status, 0) << plain.err;
  const CommandRun r = Presswatch("extract --published 2024-11-21 --url https://vnexpress.net/genai-4811111.html -",
                                  pw::testing::AsHtmlPage(seed));
  ASSERT_EQ(r.status, 0) << r.err;
  json::value v = json::parse(r.out);
  const json::value page = v.at("page");
  EXPECT_EQ(page.at("method"), "site:vnexpress");
  EXPECT_EQ(page.at("url"), "https://vnexpress.net/genai-4811111.html");
  EXPECT_EQ(page.at("language"), "vi");
  v.as_object().erase("page");
  EXPECT_EQ(v, json::parse(plain.out));
}

TEST(Cli, ExtractDatesAPageByItsMetadataWhenNoDateIsGiven) {
  const std::string page =
      "<!DOCTYPE html><html lang=\"vi\"><head><meta property=\"article:published_time\" "
      "content=\"2024-11-21T09:00:00+07:00\"><title>Sovico - Báo X</title></head><body><article>"
      "<p>Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI, quỹ đầu tư mạo hiểm đầu tiên tại "
      "ASEAN tập trung vào AI tạo sinh.</p></article></body></html>";
  const CommandRun r = Presswatch("extract --url https://baox.vn/a.htm -", page);
  ASSERT_EQ(r.status, 0) << r.err;
  const json::value v = json::parse(r.out);
  EXPECT_EQ(v.at("page").at("published"), "2024-11-21T02:00:00Z");
  EXPECT_EQ(v.at("page").at("method"), "generic");
  ASSERT_FALSE(v.at("funding").as_array().empty()) << r.out;
  EXPECT_EQ(v.at("funding").at(0).at("investee"), "GenAI Fund");
  EXPECT_EQ(v.at("funding").at(0).at("announced"), "2024-11-21");
}

TEST(Cli, RulesCheckReportsSiteRuleErrorsWithFileAndLine) {
  pw::testing::TempDir dir;
  std::filesystem::copy(pw::testing::SourceDir() / "rules", dir.path() / "rules",
                        std::filesystem::copy_options::recursive);
  pw::testing::WriteFile(dir.path() / "rules/sites/bad.site", "site bad\nhost: bad.vn\nbody: div..x\n");
  const CommandRun r = Presswatch("rules check --rules " + (dir.path() / "rules").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind((dir.path() / "rules/sites/bad.site").string() + ":3: body: column 5:", 0), 0u) << r.err;
}

// The last line of stderr: "cursor: TOKEN" -> TOKEN.
std::string CursorOf(const std::string& err) {
  const size_t at = err.rfind("cursor: ");
  if (at == std::string::npos) return "";
  std::string token = err.substr(at + 8);
  while (!token.empty() && token.back() == '\n') token.pop_back();
  return token;
}

std::vector<json::value> JsonLines(const std::string& out) {
  std::vector<json::value> lines;
  for (size_t at = 0; at < out.size();) {
    const size_t nl = out.find('\n', at);
    lines.push_back(json::parse(out.substr(at, nl - at)));
    at = nl == std::string::npos ? out.size() : nl + 1;
  }
  return lines;
}

// The three users on the demo feeds: the analyst's funding in CSV, the
// communications team's coverage and alert, the ecosystem database's export.
class CliOnDemo : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("pw.db");
    pw::testing::WriteFile(dir_.path() / "c.toml", "[watchlist]\nentities = [\"Quy GenAI\"]\n[alerts]\nfile = \"" +
                                                       dir_.File("alerts.ndjson") + "\"\n");
    const CommandRun poll = Presswatch("poll --once --feeds feeds/demo.opml --db " + db_ + " --config " + dir_.File("c.toml"));
    ASSERT_EQ(poll.status, 0) << poll.err;
    EXPECT_NE(poll.err.find("alerts: 2 new; 2 appended to"), std::string::npos) << poll.err;
  }
  pw::testing::TempDir dir_;
  std::string db_;
};

TEST_F(CliOnDemo, FundingWithoutAccentsToCsvOneRowPerDeal) {
  const CommandRun r = Presswatch("funding --db " + db_ + " --investor \"tap doan sovico\" --csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("announced,investee,investors,lead_investors,amount,currency,round,", 0), 0u) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;  // the header and one deal
  EXPECT_NE(r.out.find("2024-11-21,GenAI Fund,Sovico Group,Sovico Group,,,strategic,"), std::string::npos) << r.out;
  const CommandRun each = Presswatch("funding --db " + db_ + " --investor sovico --each-report --json");
  ASSERT_EQ(each.status, 0) << each.err;
  const json::value rows = json::parse(each.out);
  ASSERT_EQ(rows.as_array().size(), 2u);  // the Vietnamese report and the English one
  for (const auto& row : rows.as_array()) {
    for (const char* key : {"investee", "investors", "lead_investors", "amount", "currency", "round", "announced",
                            "evidence", "article_url", "article_title", "source", "language", "published"})
      EXPECT_TRUE(row.as_object().contains(key)) << key;
    EXPECT_EQ(row.at("reports"), 2);
  }
}

// The table's snippet shows the words searched for, though they are far
// into the text (the cell is cut at its end).
TEST_F(CliOnDemo, SearchTableShowsTheMatchedWords) {
  const CommandRun r = Presswatch("search \"dau tu chien luoc\" --db " + db_);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Sovico \u0111\u1ea7u t\u01b0 chi\u1ebfn l\u01b0\u1ee3c"), std::string::npos) << r.out;
}

// A --source no feed has is named as such; one a feed has, with no match
// there, is only an empty answer.
TEST_F(CliOnDemo, SearchNamesASourceNoFeedHas) {
  CommandRun r = Presswatch("search sovico --source Innovation --db " + db_);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err,
            "presswatch: no feed has the title or URL 'Innovation' (presswatch feeds lists them; --source takes one "
            "whole)\nno articles match 'sovico' in 'Innovation'\n");
  r = Presswatch("search nothingmatchesthis --source \"Innovation Wire (demo)\" --db " + db_);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "no articles match 'nothingmatchesthis' in 'Innovation Wire (demo)'\n");
}

TEST_F(CliOnDemo, CoverageCountsStoriesAndTheAlertIsInTheFile) {
  const CommandRun r = Presswatch("coverage --db " + db_ + " --entity \"quy genai\" --since 2024-11-18");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("GenAI Fund: 2 articles, 2 stories (since 2024-11-18)", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("SOURCE"), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << r.err;
  const CommandRun unknown = Presswatch("coverage --db " + db_ + " --entity \"Nobody Inc\"");
  ASSERT_EQ(unknown.status, 0) << unknown.err;
  EXPECT_EQ(unknown.out.rfind("Nobody Inc: 0 articles, 0 stories", 0), 0u) << unknown.out;
  EXPECT_EQ(unknown.err, "presswatch: no organisation, person or place is known as 'Nobody Inc' (presswatch entities "
                         "lists them)\n");
  const CommandRun j = Presswatch("coverage --db " + db_ + " --entity \"GenAI Fund\" --json");
  ASSERT_EQ(j.status, 0) << j.err;
  const json::value v = json::parse(j.out);
  EXPECT_EQ(v.at("total"), 2);
  EXPECT_EQ(v.at("stories"), 2);
  EXPECT_TRUE(v.at("stories_by_source").is_object());
  const auto alerts = JsonLines(pw::testing::ReadFile(dir_.path() / "alerts.ndjson"));
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[0].at("entity"), "GenAI Fund");
  EXPECT_EQ(alerts[0].at("watch"), "Quy GenAI");
}

TEST_F(CliOnDemo, ExportHandsOutOnlyWhatIsNewSinceTheCursor) {
  CommandRun r = Presswatch("export --db " + db_ + " --kind funding --format ndjson");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto deals = JsonLines(r.out);
  ASSERT_EQ(deals.size(), 5u);  // GenAI Fund (vi and en: one), Configu, SoSoValue, Babylon twice (two rounds)
  const std::string cursor = CursorOf(r.err);
  EXPECT_EQ(cursor.rfind("funding:", 0), 0u) << r.err;
  EXPECT_EQ(r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1).rfind("cursor: ", 0), 0u) << "the last line";
  r = Presswatch("export --db " + db_ + " --kind funding --format ndjson --after " + cursor);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(CursorOf(r.err), cursor);

  r = Presswatch("export --db " + db_ + " --kind articles --format csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("id,seq,url,canonical_url,title,", 0), 0u);
  r = Presswatch("export --db " + db_ + " --kind articles --format ndjson --after " + cursor);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("is for --kind funding, not articles"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("cursor: "), std::string::npos) << "no cursor after a failure";
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  r = Presswatch("export --db " + db_ + " --kind articles --format csv --after nonsense");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cursor 'nonsense' is not a presswatch cursor"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << "a refused export writes no CSV header: " << r.out;
  r = Presswatch("export --db " + db_ + " --kind deals --format ndjson");
  EXPECT_NE(r.status, 0);
}

// An export whose reader has gone ("export ... | head"): a failure, exit
// status 1 and no cursor (docs/export.md), not a death by SIGPIPE. The pipe's
// read end is closed before the command starts, so its first write fails.
TEST_F(CliOnDemo, AnExportToAPipeWithNoReaderFailsWithoutACursor) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  close(fds[0]);
  const std::string err_file = dir_.File("export.err");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const std::string binary = PW_BINARY;
  std::vector<std::string> args = {binary, "export", "--db", db_, "--kind", "articles", "--format", "ndjson"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  EXPECT_EQ(WEXITSTATUS(status), 1);
  const std::string err = pw::testing::ReadFile(err_file);
  EXPECT_NE(err.find("presswatch: cannot write the export to standard output; no cursor given"), std::string::npos)
      << err;
  EXPECT_EQ(err.find("cursor: "), std::string::npos) << err;
}

}  // namespace
}  // namespace pw::app
