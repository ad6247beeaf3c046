// app/export_records.h: one export (docs/export.md) written out as NDJSON or
// CSV: `presswatch export` writes it to stdout, the daemon's /api/export a
// page of it to a response body. One way to write records, for both.
//
//   std::ostringstream body;
//   auto cursor = WriteExport(db, store::ExportKind::kFunding, ExportFormat::kCsv,
//                             after, body, {}, /*limit=*/10000);
//   if (cursor) ... cursor->Token() ...
//
// I/O: reads the store, writes `out`. Errors: those of Store::Export*
// (kInvalidArgument for a bad cursor: then nothing is written). The CSV
// header row comes first, even when no record follows. Not thread-safe
// beyond the Store's own rules.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "common/error.h"
#include "store/store.h"

namespace pw::app {

enum class ExportFormat { kNdjson, kCsv };

Result<store::ExportCursor> WriteExport(store::Store& db, store::ExportKind kind, ExportFormat format,
                                        const std::string& after, std::ostream& out,
                                        const store::Store::ExportProgress& progress = {}, std::int64_t limit = 0);

}  // namespace pw::app
