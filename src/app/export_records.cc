#include "app/export_records.h"

#include <boost/json.hpp>

#include "app/export_csv.h"
#include "app/json_out.h"

namespace pw::app {

namespace {

template <class Record>
std::function<void(const Record&)> Writer(ExportFormat format, std::ostream& out) {
  return [format, &out](const Record& r) {
    if (format == ExportFormat::kCsv) out << ExportCsvRow(r);
    else out << boost::json::serialize(ExportJson(r)) << '\n';
  };
}

}  // namespace

Result<store::ExportCursor> WriteExport(store::Store& db, store::ExportKind kind, ExportFormat format,
                                        const std::string& after, std::ostream& out,
                                        const store::Store::ExportProgress& progress, std::int64_t limit) {
  if (format == ExportFormat::kCsv) out << ExportCsvHeader(kind);
  switch (kind) {
    case store::ExportKind::kArticles:
      return db.ExportArticles(after, Writer<store::ArticleExport>(format, out), progress, limit);
    case store::ExportKind::kFunding:
      return db.ExportFunding(after, Writer<store::DealExport>(format, out), progress, limit);
    case store::ExportKind::kEntities:
      return db.ExportEntities(after, Writer<store::EntityExport>(format, out), progress, limit);
    case store::ExportKind::kEvents:
      return db.ExportEvents(after, Writer<store::EventExport>(format, out), progress, limit);
  }
  return Error::Internal("unknown export kind");
}

}  // namespace pw::app
