// app/export_csv.h: the records of `presswatch export --format csv`, one row
// each, under a header row; the columns are documented in docs/export.md.
// Lists are joined by "; " in one field, ids likewise, in the same order.
// Pure; thread-safe.
#pragma once

#include <string>

#include "store/records.h"

namespace pw::app {

std::string ExportCsvHeader(store::ExportKind kind);
std::string ExportCsvRow(const store::ArticleExport& r);
std::string ExportCsvRow(const store::DealExport& r);
std::string ExportCsvRow(const store::EntityExport& r);
std::string ExportCsvRow(const store::EventExport& r);

}  // namespace pw::app
