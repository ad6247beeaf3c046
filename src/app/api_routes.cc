#include "app/api_routes.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cctype>
#include <charconv>
#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <sstream>

#include "app/export_records.h"
#include "app/json_out.h"
#include "common/time.h"
#include "common/utf8.h"
#include "extract/extraction.h"
#include "text/search_key.h"

namespace pw::app {

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

ReadOnlyStores::Lease::~Lease() {
  if (!store_) return;
  std::lock_guard<std::mutex> lock(owner_.mu_);
  owner_.free_.push_back(std::move(store_));
}

ReadOnlyStores::Lease ReadOnlyStores::Acquire() {
  std::unique_ptr<store::Store> store;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      store = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (!store) store = store::Store::Open(path_, {.read_only = true});
  store->LimitQueryTime(query_time_limit_);
  return Lease(*this, std::move(store));
}

namespace {

// The query parameters of one request, checked against those the endpoint
// takes. Every parse error is a message for a 400.
class Params {
 public:
  Params(const ApiRequest& request, std::initializer_list<std::string_view> allowed) {
    const std::set<std::string_view> known(allowed);
    std::set<std::string> seen;
    for (const auto& [name, value] : request.params) {
      // Text only: every message below may quote a name or a value, and a
      // NUL would end a query's text early in SQLite.
      if (!IsText(name)) {
        Fail("a parameter's name is not UTF-8 text");
      } else if (!IsText(value)) {
        Fail(name + ": not UTF-8 text (a control character or bytes that are not UTF-8)");
      } else if (!known.count(name)) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        Fail("unknown parameter '" + name + "' (" + request.path +
             " takes: " + (list.empty() ? "none" : list) + ")");
      } else if (!seen.insert(name).second) {
        Fail(name + ": given twice");
      }
      values_.emplace_back(name, value);
    }
  }

  const std::string& error() const { return error_; }

  // Valid UTF-8 without C0 control characters (tab aside) or DEL.
  static bool IsText(std::string_view s) {
    for (unsigned char c : s)
      if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
    return IsValidUtf8(s);
  }

  std::string Text(std::string_view name) const {
    for (const auto& [n, v] : values_)
      if (n == name) return v;
    return {};
  }

  std::string Required(std::string_view name, std::string_view what) {
    std::string v = Text(name);
    if (v.empty()) Fail(std::string(name) + ": required (" + std::string(what) + ")");
    return v;
  }

  // A name (entity=, investor=): "" when absent; one with no letter or
  // digit names nothing, and would match everything.
  std::string Name(std::string_view name) {
    std::string v = Text(name);
    if (!v.empty() && !text::HasLetterOrDigit(v))
      Fail(std::string(name) + ": '" + v + "' names nothing (give letters or digits)");
    return v;
  }

  std::string OneOf(std::string_view name, std::initializer_list<std::string_view> choices) {
    return OneOf(name, std::span<const std::string_view>(choices.begin(), choices.size()));
  }
  std::string OneOf(std::string_view name, std::span<const std::string_view> choices) {
    std::string v = Text(name);
    if (v.empty()) return v;
    for (auto c : choices)
      if (v == c) return v;
    std::string list;
    for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
    Fail(std::string(name) + ": '" + v + "' is not one of " + list);
    return {};
  }

  // RFC 3339 or a day, as the commands' --since: "" when absent.
  std::string Timestamp(std::string_view name) {
    const std::string v = Text(name);
    if (v.empty()) return v;
    auto t = ParseTimestamp(v);
    if (!t) {
      Fail(std::string(name) + ": '" + v + "' is not a date (use YYYY-MM-DD or RFC 3339)");
      return {};
    }
    return FormatTimestamp(*t);
  }

  // The end of a range, as the commands' --until: a bare day means its last second.
  std::string Until(std::string_view name) {
    const std::string v = Text(name);
    if (v.empty()) return v;
    auto t = ParseTimestamp(v);
    if (!t) {
      Fail(std::string(name) + ": '" + v + "' is not a date (use YYYY-MM-DD or RFC 3339)");
      return {};
    }
    if (v.size() == 10) *t += std::chrono::days(1) - std::chrono::seconds(1);
    return FormatTimestamp(*t);
  }

  // A flag: "?each-report", "=1" or "=true" set it; "=0" or "=false" do not.
  bool Flag(std::string_view name) {
    for (const auto& [n, v] : values_) {
      if (n != name) continue;
      if (v.empty() || v == "1" || v == "true") return true;
      if (v == "0" || v == "false") return false;
      Fail(std::string(name) + ": '" + v + "' must be true or false (or no value)");
    }
    return false;
  }

  std::string Day(std::string_view name) {
    const std::string v = Timestamp(name);
    return v.empty() ? v : v.substr(0, 10);
  }

  int Int(std::string_view name, int fallback, int min, int max) {
    const std::string v = Text(name);
    if (v.empty()) return fallback;
    int n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < min || n > max) {
      Fail(std::string(name) + ": '" + v + "' must be a whole number from " + std::to_string(min) + " to " +
           std::to_string(max));
      return fallback;
    }
    return n;
  }

  std::optional<double> Amount(std::string_view name) {
    const std::string v = Text(name);
    if (v.empty()) return std::nullopt;
    double x = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || end != v.data() + v.size() || x < 0) {
      Fail(std::string(name) + ": '" + v + "' is not an amount");
      return std::nullopt;
    }
    return x;
  }

 private:
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }
  std::vector<std::pair<std::string, std::string>> values_;
  std::string error_;
};

// A bad cursor or query is the client's (400); of the database's failures,
// a busy one and a query stopped at its time limit are a 503 (try again, or
// narrow it), any other a 500.
ApiResponse StoreError(const Error& e) {
  if (e.kind == ErrorKind::kInvalidArgument) return ApiResponse::Error(400, e.message);
  if (e.kind == ErrorKind::kTimeout)
    return ApiResponse::Error(503, e.message + " (narrow it: fewer words, a shorter period, a smaller limit)");
  return ApiResponse::Error(e.kind == ErrorKind::kBusy ? 503 : 500, e.message);
}

template <class T, class Q>
awaitable<Result<T>> RunQuery(ReadOnlyStores* stores, Result<T> (store::Store::*method)(const Q&), Q query) {
  ReadOnlyStores::Lease lease = stores->Acquire();
  co_return ((*lease).*method)(query);
}

awaitable<Result<std::vector<store::FeedHealth>>> RunFeeds(ReadOnlyStores* stores) {
  ReadOnlyStores::Lease lease = stores->Acquire();
  co_return lease->Feeds();
}

// One page of an export, made on the query pool.
struct ExportPage {
  std::string body;
  std::string cursor;
  bool more = false;  // records are left above the cursor
};

awaitable<Result<ExportPage>> RunExport(ReadOnlyStores* stores, store::ExportKind kind, ExportFormat format,
                                        std::string after, std::int64_t limit) {
  ReadOnlyStores::Lease lease = stores->Acquire();
  std::ostringstream body;
  std::int64_t written = 0, total = 0;
  const auto count = [&](std::int64_t done, std::int64_t above_cursor) {
    written = done;
    total = above_cursor;
  };
  auto cursor = WriteExport(*lease, kind, format, after, body, count, limit);
  if (!cursor) co_return cursor.error();
  co_return ExportPage{std::move(body).str(), cursor->Token(), written < total};
}

awaitable<ApiResponse> Healthz(ApiRequest request) {
  Params p(request, {});
  if (!p.error().empty()) co_return ApiResponse::Error(400, p.error());
  co_return ApiResponse::Json(boost::json::object{{"status", "ok"}});
}

awaitable<ApiResponse> MetricsText(const ApiContext& context, ApiRequest request) {
  Params p(request, {});
  if (!p.error().empty()) co_return ApiResponse::Error(400, p.error());
  co_return ApiResponse{200, "text/plain; version=0.0.4; charset=utf-8", context.metrics()};
}

awaitable<ApiResponse> Search(const ApiContext& context, ApiRequest request) {
  Params p(request, {"q", "lang", "since", "source", "limit"});
  store::SearchQuery q;
  q.query = p.Required("q", "the words to search for");
  q.language = p.OneOf("lang", {"vi", "en", "other"});
  q.since = p.Timestamp("since");
  q.source = p.Text("source");
  q.limit = p.Int("limit", 20, 1, 10000);
  if (!p.error().empty()) co_return ApiResponse::Error(400, p.error());
  auto hits = co_await asio::co_spawn(
      context.queries, RunQuery(context.stores, &store::Store::Search, std::move(q)), use_awaitable);
  if (!hits) co_return StoreError(hits.error());
  co_return ApiResponse::Json(SearchJson(*hits));
}

awaitable<ApiResponse> Funding(const ApiContext& context, ApiRequest request) {
  Params p(request, {"investor", "investee", "round", "since", "until", "min-amount", "max-amount",
                     "currency", "each-report", "limit"});
  store::FundingQuery q;
  q.investor = p.Name("investor");
  q.investee = p.Name("investee");
  q.round = p.OneOf("round", extract::kRoundSlugs);
  q.since = p.Day("since");
  q.until = p.Day("until");
  q.min_amount = p.Amount("min-amount");
  q.max_amount = p.Amount("max-amount");
  q.currency = p.Text("currency");
  q.each_report = p.Flag("each-report");
  q.limit = p.Int("limit", 1000, 1, 1000000);
  if (!p.error().empty()) co_return ApiResponse::Error(400, p.error());
  auto rows = co_await asio::co_spawn(
      context.queries, RunQuery(context.stores, &store::Store::Funding, std::move(q)), use_awaitable);
  if (!rows) co_return StoreError(rows.error());
  co_return ApiResponse::Json(FundingRowsJson(*rows));
}

awaitable<ApiResponse> Coverage(const ApiContext& context, ApiRequest request) {
  Params p(request, {"entity", "since", "until", "limit"});
  store::CoverageQuery q;
  q.entity = p.Required("entity", "an organisation or person, accents optional");
  if (!q.entity.empty()) q.entity = p.Name("entity");
  q.since = p.Timestamp("since");
  q.until = p.Until("until");
  q.limit = p.Int("limit", 100, 1, 100000);
  if (!p.error().empty()) co_return ApiResponse::Error(400, p.error());
  auto report = co_await asio::co_spawn(
      context.queries, RunQuery(context.stores, &store::Store::Coverage, std::move(q)), use_awaitable);
  if (!report) co_return StoreError(report.error());
  co_return ApiResponse::Json(CoverageJson(*report));
}

awaitable<ApiResponse> Entities(const ApiContext& context, ApiRequest request) {
  Params p(request, {"type", "top"});
  store::EntitiesQuery q;
  q.type = p.OneOf("type", {"ORG", "PER", "LOC"});
  q.top = p.Int("top", 20, 1, 100000);
  if (!p.error().empty()) co_return ApiResponse::Error(400, p.error());
  auto rows = co_await asio::co_spawn(
      context.queries, RunQuery(context.stores, &store::Store::Entities, std::move(q)), use_awaitable);
  if (!rows) co_return StoreError(rows.error());
  co_return ApiResponse::Json(EntitiesJson(*rows));
}

// `presswatch export` a page at a time: the records in the body, the
// cursor for the next page in Presswatch-Cursor, "Presswatch-More: true"
// while records are left. A page is one snapshot; pages in a row miss
// nothing, since the next starts above the last record given.
awaitable<ApiResponse> Export(const ApiContext& context, ApiRequest request) {
  Params p(request, {"kind", "format", "after", "limit"});
  const std::string kind_name = p.Required("kind", "articles, funding, entities or events");
  p.OneOf("kind", {"articles", "funding", "entities", "events"});
  const ExportFormat format = p.OneOf("format", {"ndjson", "csv"}) == "csv" ? ExportFormat::kCsv : ExportFormat::kNdjson;
  std::string after = p.Text("after");
  const int limit = p.Int("limit", 10000, 1, 100000);
  if (!p.error().empty()) co_return ApiResponse::Error(400, p.error());
  const store::ExportKind kind = *store::ExportKindFromName(kind_name);
  auto page = co_await asio::co_spawn(context.queries,
                                      RunExport(context.stores, kind, format, std::move(after), limit), use_awaitable);
  if (!page) co_return StoreError(page.error());
  ApiResponse response{200, format == ExportFormat::kCsv ? "text/csv; charset=utf-8" : "application/x-ndjson",
                       std::move(page->body)};
  response.headers = {{"Presswatch-Cursor", page->cursor}, {"Presswatch-More", page->more ? "true" : "false"}};
  co_return response;
}

awaitable<ApiResponse> Feeds(const ApiContext& context, ApiRequest request) {
  Params p(request, {});
  if (!p.error().empty()) co_return ApiResponse::Error(400, p.error());
  auto feeds = co_await asio::co_spawn(context.queries, RunFeeds(context.stores), use_awaitable);
  if (!feeds) co_return StoreError(feeds.error());
  co_return ApiResponse::Json(FeedsJson(*feeds));
}

}  // namespace

void AddApiRoutes(ApiServer& server, ApiContext context) {
  server.Handle("/healthz", Healthz);
  server.Handle("/metrics", std::bind_front(MetricsText, context));
  server.Handle("/api/search", std::bind_front(Search, context));
  server.Handle("/api/funding", std::bind_front(Funding, context));
  server.Handle("/api/coverage", std::bind_front(Coverage, context));
  server.Handle("/api/entities", std::bind_front(Entities, context));
  server.Handle("/api/feeds", std::bind_front(Feeds, context));
  server.Handle("/api/export", std::bind_front(Export, context));
}

}  // namespace pw::app
