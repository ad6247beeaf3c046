// presswatch export: incremental export for the ecosystem database
// (docs/export.md). Records on stdout; the last line on stderr is
// "cursor: TOKEN", printed only once every record is written.
#include <iostream>

#include "app/cli.h"
#include "app/export_records.h"
#include "app/progress.h"
#include "common/error.h"
#include "store/store.h"

namespace pw::app {

namespace {

struct ExportFlags {
  PathFlags paths;
  std::string kind, format, after;
};

int RunExport(const ExportFlags& f) {
  const Config config = Resolve(f.paths);
  RequireDatabase(config.db);
  auto db = store::Store::Open(config.db, {.read_only = true});
  const store::ExportKind kind = *store::ExportKindFromName(f.kind);
  const ExportFormat format = f.format == "csv" ? ExportFormat::kCsv : ExportFormat::kNdjson;
  std::ios::sync_with_stdio(false);
  Progress progress("exporting " + f.kind);
  std::int64_t count = 0;
  const auto tick = [&](std::int64_t done, std::int64_t total) {
    count = done;
    progress.Update(done, total);
  };
  const Result<store::ExportCursor> cursor = WriteExport(*db, kind, format, f.after, std::cout, tick);
  progress.Done();
  if (!cursor) throw StartupError(cursor.error().message);
  std::cout.flush();
  // A consumer must not move its cursor past records it did not get.
  if (!std::cout) throw StartupError("cannot write the export to standard output; no cursor given");
  std::cerr << "exported " << Thousands(count) << " " << (kind == store::ExportKind::kFunding ? "deals" : f.kind)
            << " from " << config.db << "\n";
  std::cerr << "cursor: " << cursor->Token() << std::endl;
  return 0;
}

}  // namespace

void AddExportCommand(CLI::App& app, CliState& state) {
  auto f = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Export articles, funding deals, entities or events, only what changed since a cursor");
  cmd->footer(
      "Records go to stdout, one per line; the last line on stderr is 'cursor: TOKEN'.\n"
      "Pass it as --after next time to get only what is new or changed. Formats: docs/export.md.");
  AddPathFlags(cmd, f->paths, true, false, false);
  cmd->add_option("--kind", f->kind, "what to export")
      ->required()
      ->check(CLI::IsMember({"articles", "funding", "entities", "events"}));
  cmd->add_option("--format", f->format, "ndjson (one JSON object per line) or csv")
      ->required()
      ->check(CLI::IsMember({"ndjson", "csv"}));
  cmd->add_option("--after", f->after, "the cursor printed by the previous export of this kind");
  cmd->callback([f, &state] { state.exit_code = RunExport(*f); });
}

}  // namespace pw::app
