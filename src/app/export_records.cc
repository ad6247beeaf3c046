#include "app/export_records.h"

#include <boost/json.hpp>

#include "app/export_csv.h"
#include "app/json_out.h"

namespace pw::app {

namespace {

// Writes each record, and the CSV header before the first; Finish() writes
// the header of an export with no record. A refused cursor writes nothing.
class RecordWriter {
 public:
  RecordWriter(store::ExportKind kind, ExportFormat format, std::ostream& out)
      : kind_(kind), format_(format), out_(out) {}

  template <class Record>
  std::function<void(const Record&)> Sink() {
    return [this](const Record& r) {
      // Once a write failed (a reader gone, a full disk), the export only
      // runs to its end: the caller reports the failure and gives no cursor.
      if (!out_) return;
      Finish();
      if (format_ == ExportFormat::kCsv) out_ << ExportCsvRow(r);
      else out_ << Compact(ExportJson(r)) << '\n';
    };
  }

  void Finish() {
    if (format_ == ExportFormat::kCsv && !header_written_) out_ << ExportCsvHeader(kind_);
    header_written_ = true;
  }

 private:
  store::ExportKind kind_;
  ExportFormat format_;
  std::ostream& out_;
  bool header_written_ = false;
};

Result<store::ExportCursor> Export(store::Store& db, store::ExportKind kind, RecordWriter& writer,
                                   const std::string& after, const store::Store::ExportProgress& progress,
                                   std::int64_t limit) {
  switch (kind) {
    case store::ExportKind::kArticles:
      return db.ExportArticles(after, writer.Sink<store::ArticleExport>(), progress, limit);
    case store::ExportKind::kFunding:
      return db.ExportFunding(after, writer.Sink<store::DealExport>(), progress, limit);
    case store::ExportKind::kEntities:
      return db.ExportEntities(after, writer.Sink<store::EntityExport>(), progress, limit);
    case store::ExportKind::kEvents:
      return db.ExportEvents(after, writer.Sink<store::EventExport>(), progress, limit);
  }
  return Error::Internal("unknown export kind");
}

}  // namespace

Result<store::ExportCursor> WriteExport(store::Store& db, store::ExportKind kind, ExportFormat format,
                                        const std::string& after, std::ostream& out,
                                        const store::Store::ExportProgress& progress, std::int64_t limit) {
  RecordWriter writer(kind, format, out);
  auto cursor = Export(db, kind, writer, after, progress, limit);
  if (cursor) writer.Finish();
  return cursor;
}

}  // namespace pw::app
