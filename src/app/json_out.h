// app/json_out.h: the JSON shapes of ../shared/spec/interface.md, from the
// stages' plain values. Field names and order follow the contract; fields the
// contract does not list are added after them and documented in README.md.
//
// Amounts that are whole numbers print as integers (2500000, not 2.5e6).
// Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "extract/extraction.h"
#include "feed/feed.h"
#include "store/records.h"

namespace pw::app {

boost::json::value ExtractionJson(const extract::Extraction& x);
boost::json::object FundingJson(const extract::FundingRecord& f);
boost::json::value FundingRowsJson(const std::vector<store::FundingRow>& rows);
boost::json::value FeedJson(const feed::Feed& feed);
boost::json::value SearchJson(const std::vector<store::SearchHit>& hits);
boost::json::value CoverageJson(const store::CoverageReport& report);
boost::json::value FeedsJson(const std::vector<store::FeedHealth>& feeds);
boost::json::value EntitiesJson(const std::vector<store::EntityRow>& rows);

// One alert: a line of the alerts file and the body of the webhook's POST
// (README.md, "Alerts").
boost::json::object AlertJson(const store::Alert& alert);

// The records of `presswatch export --format ndjson` (docs/export.md).
boost::json::object ExportJson(const store::ArticleExport& r);
boost::json::object ExportJson(const store::DealExport& r);
boost::json::object ExportJson(const store::EntityExport& r);
boost::json::object ExportJson(const store::EventExport& r);

// A whole number when the value is one, else a double.
boost::json::value Number(double v);

// Two-space indented JSON, UTF-8 kept as is, ending in a newline.
std::string Pretty(const boost::json::value& v);
// The same on one line with no spaces and no newline (NDJSON, the API, alerts).
// Both write doubles in their shortest decimal form ("0.4731", not "4.731E-1").
std::string Compact(const boost::json::value& v);

}  // namespace pw::app
