#include "app/feeds_file.h"

#include <filesystem>

#include "app/cli.h"
#include "common/error.h"
#include "fetch/fetch.h"

namespace pw::app {

std::vector<feed::Subscription> LoadFeedsFile(const std::string& path) {
  // An OPML file is bounded as a feed is (the fetcher's default cap).
  const std::string bytes = ReadInput(path, fetch::FetchOptions{}.max_body_bytes);
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(path, ec);
  const std::string base = ec ? std::string() : "file://" + absolute.string();
  auto subscriptions = feed::ParseOpml(bytes, path, base);
  if (!subscriptions) throw StartupError(subscriptions.error().message);
  return std::move(*subscriptions);
}

}  // namespace pw::app
