#include "app/feed_poller.h"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/status.hpp>
#include <unordered_set>

#include "app/pipeline.h"

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

namespace {

// The CPU work, each run on the pool by co_spawn.
awaitable<Result<feed::Feed>> ParseOnPool(std::string body, std::string url, std::string content_type,
                                          std::string language) {
  co_return ParseFeed(body, url, content_type, language);
}

awaitable<std::vector<store::ArticleRecord>> ProcessOnPool(std::vector<feed::Item> items,
                                                           std::shared_ptr<const extract::RuleSet> rules,
                                                           std::string language, Timestamp now) {
  std::vector<store::ArticleRecord> records;
  records.reserve(items.size());
  for (const auto& item : items) records.push_back(ProcessItem(item, *rules, language, now));
  co_return records;
}

// "HTTP 503 (Service Unavailable)", the way an operator reads it.
std::string StatusInWords(int status) {
  const auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
  std::string words = "HTTP " + std::to_string(status);
  if (!reason.empty() && reason != "<unknown-status>") words += " (" + std::string(reason) + ")";
  return words;
}

}  // namespace

FeedPoller::FeedPoller(asio::any_io_executor loop, fetch::Fetcher& fetcher, asio::any_io_executor pool,
                       Writer& writer, std::shared_ptr<const extract::RuleSet> rules, PollerOptions options)
    : loop_(std::move(loop)),
      fetcher_(fetcher),
      pool_(std::move(pool)),
      writer_(writer),
      rules_(std::move(rules)),
      options_(std::move(options)) {}

awaitable<PollOutcome> FeedPoller::Poll(FeedTask task, asio::cancellation_slot cancel) {
  const Timestamp now = clock().Now();
  const std::chrono::seconds interval = task.sub.interval.value_or(options_.default_interval);
  PollOutcome outcome;
  outcome.result.url = task.sub.url;
  outcome.state = task.state;
  if (outcome.state.fetch_url.empty()) outcome.state.fetch_url = task.sub.url;
  store::FetchOutcome health;
  health.fetched_at = FormatTimestamp(now);

  // g++ 12 destroys a prvalue passed to a coroutine's by-value parameter
  // twice (STYLE.md, section 5): every argument below is a named value.
  fetch::FetchRequest request{outcome.state.fetch_url, outcome.state.etag, outcome.state.last_modified};
  auto [failure, response] =
      co_await asio::co_spawn(loop_, fetcher_.Fetch(std::move(request)),
                              asio::bind_cancellation_slot(cancel, asio::as_tuple(use_awaitable)));
  if (failure) std::rethrow_exception(failure);  // Fetch does not throw: a bug, caught at the poll's top
  if (!response) {
    if (stopping_) {
      outcome.cancelled = true;
      outcome.result.error = response.error().message;
      co_return outcome;
    }
    Error error = response.error();
    ServerHints no_hints;
    co_return co_await Record(std::move(task), std::move(outcome), std::move(health), std::move(error),
                              no_hints);
  }
  outcome.fetched = true;
  outcome.wire_bytes = response->wire_bytes;
  outcome.fetch_time = response->elapsed;
  outcome.result.status = response->status;
  health.status = response->status;
  ServerHints hints = HintsFrom(*response, now);
  hints.ttl = outcome.state.ttl;
  const bool success = response->status == 304 || (response->status >= 200 && response->status <= 299);
  if (!success) {
    std::string words = StatusInWords(response->status);
    if (hints.retry_after) words += "; retry after " + std::to_string(hints.retry_after->count()) + " s";
    Error error{ErrorKind::kInvalidArgument, std::move(words)};
    co_return co_await Record(std::move(task), std::move(outcome), std::move(health), std::move(error),
                              hints);
  }
  // Learnt only from a good answer, and only when every hop was permanent
  // (the fetcher never follows https -> http, so nothing here downgrades).
  if (!response->permanent_url.empty() && response->permanent_url != outcome.state.fetch_url) {
    outcome.state.fetch_url = response->permanent_url;
    health.moved_to = response->permanent_url;
  }
  if (response->status == 304) {
    // A 304 may carry fresher validators; it never carries a body to parse.
    if (!response->Header("etag").empty()) outcome.state.etag = response->Header("etag");
    if (!response->Header("last-modified").empty())
      outcome.state.last_modified = response->Header("last-modified");
    outcome.result.not_modified = true;
    outcome.state.consecutive_failures = 0;
    outcome.next_poll = NextPollAfterSuccess(now, interval, hints, options_.schedule, Jitter());
    health.next_poll = FormatTimestamp(outcome.next_poll);
    health.etag = outcome.state.etag;
    health.last_modified = outcome.state.last_modified;
    store::FeedUpdate update{task.id, {}, std::move(health)};
    auto saved = co_await writer_.Save(std::move(update));
    if (!saved) outcome.result.error = saved.error().message;
    co_return outcome;
  }

  std::string content_type(response->Header("content-type"));
  std::string etag(response->Header("etag"));
  std::string last_modified(response->Header("last-modified"));
  std::string url = outcome.state.fetch_url;
  std::string language_hint = task.sub.language;
  auto parsed = co_await asio::co_spawn(pool_,
                                        ParseOnPool(std::move(response->body), std::move(url),
                                                    std::move(content_type), std::move(language_hint)),
                                        use_awaitable);
  if (!parsed) {
    Error error = parsed.error();
    co_return co_await Record(std::move(task), std::move(outcome), std::move(health), std::move(error),
                              hints);
  }
  outcome.state.etag = etag;
  outcome.state.last_modified = last_modified;
  outcome.state.ttl = parsed->ttl;
  outcome.state.consecutive_failures = 0;
  hints.ttl = parsed->ttl;
  health.etag = std::move(etag);
  health.last_modified = std::move(last_modified);
  health.title = parsed->title;
  health.site_url = parsed->link;
  health.language = parsed->language.substr(0, 2);

  std::vector<std::string> keys;
  keys.reserve(parsed->items.size());
  for (const auto& item : parsed->items) keys.push_back(item.key);
  auto known = co_await writer_.KnownItemKeys(task.id, std::move(keys));
  if (!known) {
    Error error = known.error();
    co_return co_await Record(std::move(task), std::move(outcome), std::move(health), std::move(error),
                              hints);
  }
  const std::unordered_set<std::string> known_keys(known->begin(), known->end());
  std::vector<feed::Item> fresh;
  for (auto& item : parsed->items)
    if (!known_keys.count(item.key)) fresh.push_back(std::move(item));
  outcome.result.duplicates = static_cast<int>(known->size());

  std::vector<store::ArticleRecord> records;
  if (!fresh.empty()) {
    std::string language = !task.sub.language.empty() ? task.sub.language : parsed->language.substr(0, 2);
    std::shared_ptr<const extract::RuleSet> rules = rules_;  // a SIGHUP may swap rules_ meanwhile
    records = co_await asio::co_spawn(
        pool_, ProcessOnPool(std::move(fresh), std::move(rules), std::move(language), now), use_awaitable);
  }
  outcome.next_poll = NextPollAfterSuccess(now, interval, hints, options_.schedule, Jitter());
  health.next_poll = FormatTimestamp(outcome.next_poll);
  store::FeedUpdate update{task.id, std::move(records), std::move(health)};
  auto saved = co_await writer_.Save(std::move(update));
  if (!saved) {
    outcome.result.error = saved.error().message;
    outcome.error_kind = saved.error().kind;
    co_return outcome;
  }
  outcome.result.new_items = saved->inserted;
  outcome.result.duplicates += saved->duplicates;
  co_return outcome;
}

// A failed poll: backoff, and the failure in the feed's health. Validators
// stay as they were.
awaitable<PollOutcome> FeedPoller::Record(FeedTask task, PollOutcome outcome, store::FetchOutcome health,
                                          Error error, ServerHints hints) {
  const Timestamp now = clock().Now();
  const std::chrono::seconds interval = task.sub.interval.value_or(options_.default_interval);
  outcome.state.consecutive_failures = task.state.consecutive_failures + 1;
  outcome.next_poll = NextPollAfterFailure(now, interval, outcome.state.consecutive_failures, hints,
                                           options_.schedule, Jitter());
  outcome.result.error = error.message;
  outcome.error_kind = error.kind;
  health.error = std::move(error.message);
  health.status = outcome.result.status;
  health.next_poll = FormatTimestamp(outcome.next_poll);
  health.etag.reset();
  health.last_modified.reset();
  health.moved_to.reset();
  outcome.state.fetch_url = task.state.fetch_url.empty() ? task.sub.url : task.state.fetch_url;
  store::FeedUpdate update{task.id, {}, std::move(health)};
  auto saved = co_await writer_.Save(std::move(update));
  if (!saved) outcome.result.error += "; and its health was not recorded: " + saved.error().message;
  co_return outcome;
}

}  // namespace pw::app
