// presswatch extract: one document in, its extraction as JSON out.
//
// A whole HTML page (a doctype, <html>, <head> or <body>) is read for its
// article with the main-content extractor and the site rules of
// <rules>/sites; a fragment of HTML or plain text is read whole. The page's
// date anchors relative dates when --published is not given. Text that is
// not UTF-8 is read as a feed's bytes are (feed/charset.h: a byte order
// mark, then the legacy charset for stray bytes, with a warning); binary
// data is refused.
#include <boost/json.hpp>
#include <iostream>

#include "app/cli.h"
#include "app/json_out.h"
#include "app/page_fetcher.h"
#include "common/error.h"
#include "common/utf8.h"
#include "extract/extract.h"
#include "feed/charset.h"
#include "feed/dates.h"
#include "text/main_content.h"
#include "text/normalize.h"
#include "text/site_rules.h"

namespace pw::app {

namespace {

struct ExtractFlags {
  PathFlags paths;
  std::string lang = "auto";
  std::string published;
  std::string url;
  std::string input = "-";
  bool json = true;
};

// "page" in the JSON: what the page says about itself, and how its body was found.
boost::json::object PageJson(const text::MainContent& page, const std::string& url) {
  boost::json::object o;
  o["url"] = url;
  o["title"] = page.title;
  boost::json::array authors;
  for (const auto& a : page.authors) authors.emplace_back(a);
  o["authors"] = std::move(authors);
  const auto published = feed::ParseFeedDate(page.published, std::chrono::hours(7));
  o["published"] = published ? boost::json::value(FormatTimestamp(*published)) : boost::json::value(nullptr);
  o["language"] = page.language.empty() ? boost::json::value(nullptr) : boost::json::value(page.language);
  o["method"] = page.method;
  return o;
}

// The document's text as UTF-8 (it may be UTF-16 with a byte order mark,
// or hold bytes of a legacy charset). Throws StartupError for binary data.
std::string DocumentText(const std::string& input, const std::string& name, bool vietnamese) {
  const feed::DecodedText decoded = feed::DecodeFeedBytes(input, {.vietnamese = vietnamese});
  if (LooksBinary(decoded.utf8())) throw StartupError(name + ": binary data, not a text or HTML document");
  if (!decoded.problem.empty())
    std::cerr << "presswatch: warning: " << name << ": " << decoded.problem
              << (vietnamese ? "" : " (a Vietnamese file in windows-1258? give --lang vi)") << "\n";
  return std::string(decoded.utf8());
}

int RunExtract(const ExtractFlags& flags) {
  const Config config = Resolve(flags.paths);
  // Read first: a missing or oversized input fails before the rules load.
  const std::string input = ReadInput(flags.input, config.fetch.max_body_bytes);
  auto rules = extract::RuleSet::Load(config.rules);
  if (!rules) throw StartupError(rules.error().message);
  extract::ExtractOptions options;
  if (flags.lang != "auto") options.language = text::LanguageFromCode(flags.lang);
  if (!flags.published.empty()) {
    auto t = ParseTimestamp(flags.published);
    if (!t) throw StartupError("--published: '" + flags.published + "' is not a date (use YYYY-MM-DD)");
    options.published = std::chrono::floor<std::chrono::days>(*t);
  }

  std::string text;
  std::optional<text::MainContent> page;
  if (text::LooksLikeHtmlPage(input)) {
    auto site_rules = LoadSiteRules(config.rules);
    if (!site_rules) throw StartupError(site_rules.error().message);
    auto content = text::ExtractMainContent(input, {.url = flags.url, .site_rules = site_rules->get()});
    // A page without an article (a home page, an error page) is read whole.
    if (content && !content->paragraphs.empty()) {
      text = text::NormalizeText(content->Text());
      // Vietnamese outlets write local times without a zone: +07:00.
      if (!options.published)
        if (auto t = feed::ParseFeedDate(content->published, std::chrono::hours(7)))
          options.published = std::chrono::floor<std::chrono::days>(*t);
      page = std::move(*content);
    }
  }
  if (!page) {
    text = text::NormalizeDocument(
        DocumentText(input, InputName(flags.input), options.language == text::Language::kVietnamese));
  }

  const extract::Extraction x = extract::Extract(**rules, text, options);
  boost::json::value out = ExtractionJson(x);
  if (!flags.url.empty()) {
    text::MainContent none;
    none.method = "none (not a whole HTML page, or no article found)";
    out.as_object()["page"] = PageJson(page ? *page : none, flags.url);
  }
  std::cout << Pretty(out);
  return 0;
}

}  // namespace

void AddExtractCommand(CLI::App& app, CliState& state) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract entities, funding and events from one document (text, HTML, or a whole page) as JSON");
  cmd->footer(
      "A whole HTML page is read for its article (the main-content extractor and the site rules of\n"
      "RULES/sites); its date anchors relative dates unless --published is given.");
  AddPathFlags(cmd, flags->paths, false, false, true);
  cmd->add_option("--lang", flags->lang, "language of the document")
      ->check(CLI::IsMember({"auto", "vi", "en"}))
      ->capture_default_str();
  // JSON is extract's only output; --json is accepted so that scripts written
  // like the other commands' work.
  cmd->add_flag("--json", flags->json, "print JSON (the default and only output)");
  cmd->add_option("--published", flags->published,
                  "the document's date (YYYY-MM-DD): anchors relative dates, dates funding");
  cmd->add_option("--url", flags->url,
                  "the address a page was fetched from: picks the outlet's site rule, and adds \"page\" "
                  "(title, authors, published, language, how the body was found) to the JSON");
  cmd->add_option("input", flags->input, "FILE, or - for standard input")->capture_default_str();
  cmd->callback([flags, &state] { state.exit_code = RunExtract(*flags); });
}

}  // namespace pw::app
