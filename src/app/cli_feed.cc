// presswatch feed [--json] FILE|URL: parse one feed and print it.
#include <filesystem>
#include <iostream>

#include "app/cli.h"
#include "app/json_out.h"
#include "app/pipeline.h"
#include "app/table.h"
#include "common/error.h"
#include "fetch/fetch.h"

namespace pw::app {

namespace {

struct FeedFlags {
  PathFlags paths;
  bool json = false;
  std::string source;
};

int RunFeed(const FeedFlags& flags) {
  const Config config = Resolve(flags.paths);
  std::string url = flags.source, body;
  FeedHeaders headers;
  if (url.find("://") != std::string::npos) {
    fetch::FetchRequest request;
    request.url = url;
    auto response = fetch::FetchBlocking(std::move(request), config.fetch);
    if (!response) throw StartupError(url + ": " + response.error().message);
    if (response->status < 200 || response->status > 299)
      throw StartupError(url + ": " + fetch::StatusInWords(*response));
    body = std::move(response->body);
    headers.content_type = response->Header("content-type");
    headers.content_location = response->Header("content-location");
    headers.content_language = response->Header("content-language");
    url = response->final_url;
  } else {
    body = ReadInput(flags.source, config.fetch.max_body_bytes);
    std::error_code ec;
    url = flags.source == "-" ? "" : "file://" + std::filesystem::absolute(flags.source, ec).string();
  }
  auto feed = ParseFeed(body, url, headers, "");
  if (!feed) {
    // Name the file as the user wrote it, not our file:// URL.
    std::string message = feed.error().message;
    if (!url.empty() && message.rfind(url, 0) == 0) message = flags.source + message.substr(url.size());
    throw StartupError(message);
  }
  if (flags.json) {
    std::cout << Pretty(FeedJson(*feed));
    return 0;
  }
  std::cout << feed->title << " (" << feed::FormatName(feed->format) << ", " << feed->items.size() << " items"
            << (feed->language.empty() ? "" : ", " + feed->language) << ")\n";
  if (!feed->link.empty()) std::cout << feed->link << "\n";
  if (feed->illformed) std::cout << "ill-formed, recovered: " << feed->error << "\n";
  std::cout << "\n";
  Table table({"PUBLISHED", "TITLE", "LINK"});
  for (const auto& item : feed->items)
    table.Add({item.published ? FormatTimestamp(*item.published) : "-", item.title, item.link});
  std::cout << table.Render(TerminalWidth());
  for (const auto& w : feed->warnings) std::cerr << "warning: " << w << "\n";
  return 0;
}

}  // namespace

void AddFeedCommand(CLI::App& app, CliState& state) {
  auto flags = std::make_shared<FeedFlags>();
  CLI::App* cmd = app.add_subcommand("feed", "Parse one feed (file or URL) and print it");
  cmd->add_flag("--json", flags->json, "print the contract's JSON");
  cmd->add_option("--config", flags->paths.config, "TOML config file (fetch settings)");
  cmd->add_option("source", flags->source, "FILE, URL (http, https, file) or - for standard input")->required();
  cmd->callback([flags, &state] { state.exit_code = RunFeed(*flags); });
}

}  // namespace pw::app
