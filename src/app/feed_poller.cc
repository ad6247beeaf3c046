#include "app/feed_poller.h"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <unordered_set>

#include "app/pipeline.h"
#include "common/url.h"

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

namespace {

// The CPU work, each run on the pool by co_spawn.
struct ParsedFeed {
  Result<feed::Feed> feed = Error::Internal("not parsed");
  std::vector<bool> wants_page;  // per item: its article page is to be fetched
};

awaitable<ParsedFeed> ParseOnPool(std::string body, std::string url, FeedHeaders headers,
                                  std::string language, bool fulltext, std::size_t min_feed_chars,
                                  bool fetches_pages) {
  ParsedFeed parsed;
  parsed.feed = ParseFeed(body, url, headers, language);
  if (parsed.feed) {
    parsed.wants_page.reserve(parsed.feed->items.size());
    for (const auto& item : parsed.feed->items)
      parsed.wants_page.push_back(fetches_pages && WantsPage(item, fulltext, min_feed_chars));
  }
  co_return parsed;
}

awaitable<std::vector<store::ArticleRecord>> ProcessOnPool(
    std::vector<feed::Item> items, std::vector<std::shared_ptr<const ArticlePage>> pages,
    std::shared_ptr<const extract::RuleSet> rules, std::string language, Timestamp now) {
  std::vector<store::ArticleRecord> records;
  records.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    records.push_back(
        ProcessItem(items[i], *rules, language, now, i < pages.size() ? pages[i].get() : nullptr));
  co_return records;
}

void Count(PageCounts& counts, const PageOutcome& outcome) {
  switch (outcome.kind) {
    case PageOutcome::Kind::kFetched:
      ++counts.fetched;
      break;
    case PageOutcome::Kind::kCached:
      ++counts.cached;
      break;
    case PageOutcome::Kind::kDisallowed:
      ++counts.disallowed;
      break;
    case PageOutcome::Kind::kFailed:
      ++counts.failed;
      break;
    case PageOutcome::Kind::kDeferred:
      ++counts.deferred;
      break;
  }
  if (outcome.robots_status) ++counts.robots_fetches;
  counts.waited += outcome.waited;
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
    std::string words = fetch::StatusInWords(*response);
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

  FeedHeaders headers;
  headers.content_type = response->Header("content-type");
  headers.content_location = response->Header("content-location");
  headers.content_language = response->Header("content-language");
  std::string etag(response->Header("etag"));
  std::string last_modified(response->Header("last-modified"));
  std::string url = outcome.state.fetch_url;
  std::string language_hint = task.sub.language;
  const bool from_public_page = response->reached_public;
  const bool fetches_pages = options_.pages != nullptr;
  const std::size_t min_feed_chars = fetches_pages ? options_.pages->options().min_feed_chars : 0;
  ParsedFeed parse_result = co_await asio::co_spawn(
      pool_,
      ParseOnPool(std::move(response->body), std::move(url), std::move(headers), std::move(language_hint),
                  task.sub.fulltext, min_feed_chars, fetches_pages),
      use_awaitable);
  Result<feed::Feed>& parsed = parse_result.feed;
  if (!parsed) {
    Error error = parsed.error();
    co_return co_await Record(std::move(task), std::move(outcome), std::move(health), std::move(error),
                              hints);
  }
  outcome.state.ttl = parsed->ttl;
  outcome.state.consecutive_failures = 0;
  hints.ttl = parsed->ttl;
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
  std::vector<bool> wants_page;
  for (std::size_t i = 0; i < parsed->items.size(); ++i) {
    if (known_keys.count(parsed->items[i].key)) continue;
    fresh.push_back(std::move(parsed->items[i]));
    wants_page.push_back(parse_result.wants_page[i]);
  }
  outcome.result.duplicates = static_cast<int>(known->size());

  std::vector<std::shared_ptr<const ArticlePage>> pages;
  if (std::find(wants_page.begin(), wants_page.end(), true) != wants_page.end()) {
    PagePhase phase = co_await FetchPages(std::move(fresh), std::move(wants_page), from_public_page, cancel);
    fresh = std::move(phase.items);
    pages = std::move(phase.pages);
    outcome.result.duplicates += phase.duplicates;
    outcome.result.pages = phase.counts;
    if (phase.counts.deferred > 0) {
      // The next poll must see the deferred items again: no 304 for it.
      etag.clear();
      last_modified.clear();
    }
    if (options_.log)
      options_.log->Info("article pages",
                         {{"feed", task.sub.url},
                          {"fetched", phase.counts.fetched},
                          {"cached", phase.counts.cached},
                          {"disallowed", phase.counts.disallowed},
                          {"failed", phase.counts.failed},
                          {"deferred", phase.counts.deferred},
                          {"robots_fetches", phase.counts.robots_fetches},
                          {"waited_ms", static_cast<std::int64_t>(phase.counts.waited.count())}});
  }

  std::vector<store::ArticleRecord> records;
  if (!fresh.empty()) {
    std::string language = !task.sub.language.empty() ? task.sub.language : parsed->language.substr(0, 2);
    std::shared_ptr<const extract::RuleSet> rules = rules_;  // a SIGHUP may swap rules_ meanwhile
    records = co_await asio::co_spawn(
        pool_, ProcessOnPool(std::move(fresh), std::move(pages), std::move(rules), std::move(language), now),
        use_awaitable);
  }
  outcome.state.etag = etag;
  outcome.state.last_modified = last_modified;
  health.etag = std::move(etag);
  health.last_modified = std::move(last_modified);
  outcome.next_poll = NextPollAfterSuccess(now, interval, hints, options_.schedule, Jitter());
  health.next_poll = FormatTimestamp(outcome.next_poll);
  store::FetchOutcome health_if_not_saved;
  health_if_not_saved.fetched_at = health.fetched_at;
  health_if_not_saved.status = health.status;
  store::FeedUpdate update{task.id, std::move(records), std::move(health)};
  auto saved = co_await writer_.Save(std::move(update));
  if (!saved) {
    // Nothing of this poll was stored (the batch rolled back: the database
    // is locked, full or read-only). The next poll must fetch these items
    // again, so the validators stay those of the last stored poll (the new
    // ETag would get a 304 and the items would be lost), and the feed backs
    // off as after any failure.
    outcome.state = task.state;
    outcome.result.new_items = 0;
    Error error = saved.error();
    co_return co_await Record(std::move(task), std::move(outcome), std::move(health_if_not_saved),
                              std::move(error), hints);
  }
  outcome.result.new_items = saved->inserted;
  outcome.result.duplicates += saved->duplicates;
  co_return outcome;
}

awaitable<FeedPoller::PagePhase> FeedPoller::FetchPages(std::vector<feed::Item> items,
                                                        std::vector<bool> wants_page, bool from_public_page,
                                                        asio::cancellation_slot cancel) {
  PagePhase phase;
  // Pages of articles another feed stored are never fetched again: those
  // items are duplicates (the store would refuse them anyway).
  std::vector<std::string> urls;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (wants_page[i])
      if (std::string url = CanonicalUrl(items[i].link); !url.empty()) urls.push_back(std::move(url));
  std::unordered_set<std::string> stored;
  auto known = co_await writer_.KnownUrls(std::move(urls));
  if (known) stored.insert(known->begin(), known->end());

  const auto deadline = std::chrono::steady_clock::now() + options_.pages->options().poll_budget;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::shared_ptr<const ArticlePage> page;
    if (wants_page[i]) {
      if (stored.count(CanonicalUrl(items[i].link))) {
        ++phase.duplicates;
        continue;
      }
      if (stopping_ || std::chrono::steady_clock::now() >= deadline) {
        ++phase.counts.deferred;
        continue;
      }
      std::string link = items[i].link;
      auto [failure, got] =
          co_await asio::co_spawn(loop_, options_.pages->Get(std::move(link), from_public_page, deadline),
                                  asio::bind_cancellation_slot(cancel, asio::as_tuple(use_awaitable)));
      if (failure) std::rethrow_exception(failure);  // Get does not throw: a bug, caught at the poll's top
      Count(phase.counts, got);
      if (got.kind == PageOutcome::Kind::kDeferred) continue;
      page = std::move(got.page);
    }
    phase.items.push_back(std::move(items[i]));
    phase.pages.push_back(std::move(page));
  }
  co_return phase;
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
