#include "app/page_fetcher.h"

#include <algorithm>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstdio>

#include "common/url.h"
#include "text/main_content.h"

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;
using std::chrono::milliseconds;
using Kind = PageOutcome::Kind;

namespace {

awaitable<Result<text::MainContent>> ExtractOnPool(std::string body, std::string url,
                                                   std::string content_type,
                                                   std::shared_ptr<const text::SiteRules> site_rules) {
  text::MainContentOptions options;
  options.url = std::move(url);
  options.content_type = std::move(content_type);
  options.site_rules = site_rules.get();
  co_return text::ExtractMainContent(body, options);
}

// What a server says it sent, as "text/html": lower case, no parameters.
std::string MediaType(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  std::erase_if(type, [](char c) { return c == ' ' || c == '\t'; });
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

// No type at all is read as HTML, as browsers sniff it.
bool IsHtml(std::string_view content_type) {
  const std::string type = MediaType(content_type);
  return type.empty() || type == "text/html" || type == "application/xhtml+xml";
}

std::string Seconds(milliseconds d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gs", static_cast<double>(d.count()) / 1000.0);
  return buf;
}

awaitable<bool> Cancelled() {
  auto state = co_await asio::this_coro::cancellation_state;
  co_return state.cancelled() != asio::cancellation_type::none;
}

// RFC 9309, section 2.3.1: a robots.txt that answered (2xx: its rules; 4xx:
// no rules) rather than one unreachable (5xx, 429, no answer: disallow all).
bool RobotsAnswered(int status) {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status != 429);
}

// An error that our budget or a shutdown caused, not the server: the page
// is tried again later rather than given up.
bool CutShort(const Error& error, bool cancelled, PageFetcher::Steady::time_point deadline) {
  return cancelled || (error.kind == ErrorKind::kTimeout && PageFetcher::Steady::now() >= deadline);
}

}  // namespace

Result<std::shared_ptr<const text::SiteRules>> LoadSiteRules(const std::string& rules_dir) {
  auto rules = text::SiteRules::Load(rules_dir + "/sites");
  if (!rules) return rules.error();
  return std::make_shared<const text::SiteRules>(std::move(*rules));
}

std::string_view PageOutcomeName(Kind kind) {
  switch (kind) {
    case Kind::kFetched:
      return "fetched";
    case Kind::kCached:
      return "cached";
    case Kind::kDisallowed:
      return "disallowed";
    case Kind::kFailed:
      return "failed";
    case Kind::kDeferred:
      return "deferred";
  }
  return "failed";
}

PageFetcher::PageFetcher(asio::any_io_executor loop, fetch::Fetcher& fetcher, asio::any_io_executor pool,
                         std::shared_ptr<const text::SiteRules> site_rules, std::shared_ptr<Log> log,
                         FullTextOptions options)
    : loop_(loop),
      fetcher_(fetcher),
      pool_(std::move(pool)),
      site_rules_(std::move(site_rules)),
      log_(std::move(log)),
      options_(options),
      agent_(fetch::AgentToken(fetcher.options().user_agent)),
      politeness_(loop, std::max(options.host_delay, options.max_crawl_delay)),
      cache_(options.cache_bytes) {}

milliseconds PageFetcher::DelayFor(const fetch::Robots& robots) const {
  const milliseconds crawl_delay =
      std::min(robots.CrawlDelay(agent_).value_or(milliseconds(0)), options_.max_crawl_delay);
  return std::max(options_.host_delay, crawl_delay);
}

awaitable<PageFetcher::RobotsAnswer> PageFetcher::ReadRobots(std::string url, std::string host,
                                                             bool from_public_page,
                                                             Steady::time_point deadline) {
  RobotsAnswer answer;
  const std::string robots_url = ResolveUrl(url, "/robots.txt");
  if (const RobotsCache::Entry* known = robots_.Find(robots_url, Steady::now())) {
    answer.robots = known->robots;
    answer.status = known->status;
    co_return answer;
  }
  auto turn = co_await politeness_.Wait(host, options_.host_delay, deadline);
  if (!turn) {
    answer.reason = turn.error().message;
    co_return answer;
  }
  answer.waited = turn->waited();
  // Another page of the site may have read it while this one waited.
  if (const RobotsCache::Entry* known = robots_.Find(robots_url, Steady::now())) {
    turn->Cancel();
    answer.robots = known->robots;
    answer.status = known->status;
    co_return answer;
  }
  const bool cancelled_before = co_await Cancelled();
  if (cancelled_before) {
    turn->Cancel();
    answer.reason = "cancelled before reading " + robots_url;
    co_return answer;
  }
  fetch::FetchRequest request;
  request.url = robots_url;
  request.from_public_page = from_public_page;
  request.deadline = deadline;
  auto response = co_await fetcher_.Fetch(std::move(request));
  turn->End();
  // co_await stays out of expressions with temporaries (g++ 12, STYLE.md section 5).
  const bool cancelled = co_await Cancelled();
  if (!response && CutShort(response.error(), cancelled, deadline)) {
    answer.reason = "robots.txt not read in time: " + response.error().message;
    co_return answer;
  }
  if (!response && response.error().kind == ErrorKind::kRefused) {
    answer.reason = response.error().message;
    answer.refused = true;
    co_return answer;
  }

  const int status = response ? response->status : 0;
  const bool answered = RobotsAnswered(status);
  auto robots = std::make_shared<const fetch::Robots>(
      fetch::Robots::ForStatus(status, response ? std::string_view(response->body) : std::string_view()));
  const std::chrono::seconds keep = answered ? options_.robots_ttl : options_.robots_retry;
  robots_.Put(robots_url, {robots, status, Steady::now() + keep});
  answer.robots = robots;
  answer.status = status;
  answer.fetched_status = status;
  if (log_) {
    if (answered) {
      const auto crawl_delay = robots->CrawlDelay(agent_);
      log_->Info("robots.txt read", {{"url", robots_url},
                                     {"status", status},
                                     {"agent", agent_},
                                     {"crawl_delay", crawl_delay ? Seconds(*crawl_delay) : "none"},
                                     {"host_delay", Seconds(DelayFor(*robots))},
                                     {"kept", Seconds(keep)}});
    } else {
      const std::string error = response ? fetch::StatusInWords(*response) : response.error().message;
      log_->Warn("robots.txt unreachable: no page of this site is fetched until it answers",
                 {{"url", robots_url}, {"status", status}, {"error", error}, {"retry_in", Seconds(keep)}});
    }
  }
  co_return answer;
}

awaitable<PageOutcome> PageFetcher::Get(std::string url, bool from_public_page, Steady::time_point deadline) {
  // Errors come back as values, cancellation included (see Cancelled()).
  co_await asio::this_coro::throw_if_cancelled(false);
  PageOutcome outcome;
  const std::string key = CanonicalUrl(url);
  if (key.empty()) {
    outcome.reason = "not an http(s) URL: " + url;
    co_return outcome;
  }
  if (auto hit = cache_.Get(key)) {
    outcome.kind = Kind::kCached;
    outcome.page = std::move(hit);
    co_return outcome;
  }

  if (Steady::now() >= deadline) {
    outcome.kind = Kind::kDeferred;
    outcome.reason = "no time left in the poll's budget";
    co_return outcome;
  }
  const std::string host = HostOf(url);
  RobotsAnswer robots = co_await ReadRobots(url, host, from_public_page, deadline);
  outcome.robots_status = robots.fetched_status;
  outcome.waited = robots.waited;
  if (!robots.robots) {
    outcome.kind = robots.refused ? Kind::kFailed : Kind::kDeferred;
    outcome.reason = std::move(robots.reason);
    if (robots.refused && log_) log_->Warn("page not fetched", {{"url", url}, {"error", outcome.reason}});
    co_return outcome;
  }
  if (!robots.robots->Allowed(agent_, url)) {
    outcome.kind = Kind::kDisallowed;
    if (RobotsAnswered(robots.status)) {
      outcome.reason = "robots.txt disallows it for " + agent_;
      if (log_) log_->Info("page not fetched: robots.txt disallows it", {{"url", url}, {"agent", agent_}});
    } else {
      // Logged once, when robots.txt did not answer.
      outcome.reason =
          "robots.txt unreachable (status " + std::to_string(robots.status) + "): the site is not crawled";
    }
    co_return outcome;
  }

  auto turn = co_await politeness_.Wait(host, DelayFor(*robots.robots), deadline);
  if (!turn) {
    outcome.kind = Kind::kDeferred;
    outcome.reason = turn.error().message;
    co_return outcome;
  }
  outcome.waited += turn->waited();
  const bool cancelled_before = co_await Cancelled();
  if (cancelled_before) {
    turn->Cancel();
    outcome.kind = Kind::kDeferred;
    outcome.reason = "cancelled";
    co_return outcome;
  }
  // Another poll may have read it while this one waited its turn.
  if (auto hit = cache_.Get(key)) {
    turn->Cancel();
    outcome.kind = Kind::kCached;
    outcome.page = std::move(hit);
    co_return outcome;
  }

  fetch::FetchRequest request;
  request.url = url;
  request.from_public_page = from_public_page;
  request.deadline = deadline;
  auto response = co_await fetcher_.Fetch(std::move(request));
  turn->End();
  const bool cancelled = co_await Cancelled();
  if (!response) {
    outcome.reason = response.error().message;
    if (CutShort(response.error(), cancelled, deadline)) {
      outcome.kind = Kind::kDeferred;
    } else {
      outcome.kind = Kind::kFailed;
      if (log_) log_->Warn("page not fetched", {{"url", url}, {"error", outcome.reason}});
    }
    co_return outcome;
  }
  outcome.status = response->status;
  std::string content_type(response->Header("content-type"));
  if (response->status < 200 || response->status > 299 || !IsHtml(content_type)) {
    outcome.kind = Kind::kFailed;
    outcome.reason = response->status < 200 || response->status > 299
                         ? fetch::StatusInWords(*response)
                         : "not an HTML page (" + MediaType(content_type) + ")";
    if (log_)
      log_->Warn("page not used", {{"url", url}, {"status", response->status}, {"error", outcome.reason}});
    co_return outcome;
  }

  // Extraction is not cancellable: a shutdown waits the milliseconds it
  // takes rather than losing a page already fetched.
  auto page = std::make_shared<ArticlePage>();
  page->url = response->final_url;
  std::string final_url = response->final_url;
  std::shared_ptr<const text::SiteRules> site_rules = site_rules_;
  auto content =
      co_await asio::co_spawn(pool_,
                              ExtractOnPool(std::move(response->body), std::move(final_url),
                                            std::move(content_type), std::move(site_rules)),
                              asio::bind_cancellation_slot(asio::cancellation_slot(), asio::use_awaitable));
  if (content) page->content = std::move(*content);  // else an empty body: no article, the teaser stays
  outcome.kind = Kind::kFetched;
  outcome.page = page;
  cache_.Put(key, page);
  if (log_)
    log_->Debug("page fetched", {{"url", url},
                                 {"status", outcome.status},
                                 {"bytes", static_cast<std::int64_t>(response->wire_bytes)},
                                 {"paragraphs", static_cast<std::int64_t>(page->content.paragraphs.size())},
                                 {"method", page->content.method},
                                 {"waited", Seconds(outcome.waited)}});
  co_return outcome;
}

}  // namespace pw::app
