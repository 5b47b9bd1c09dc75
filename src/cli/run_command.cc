// `redline run FILE [--runs N] [--seed S] [--threads K] [--set PATH=VALUE]... [--variant NAME]
//  [--json] [--out DIR]`
#include <chrono>
#include <memory>
#include <ostream>

#include "agents/factory.h"
#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/output_dir.h"
#include "cli/progress_bar.h"
#include "montecarlo/runner.h"
#include "report/narrative.h"
#include "report/runs_csv.h"
#include "report/summary_json.h"
#include "report/summary_text.h"
#include "sim/simulator.h"

namespace redline::cli {

namespace {

struct RunFlags : SimulationFlags {
  std::string variant;
  std::string out_dir;
};

// The sink behind --out: runs.csv rows and the first run of each outcome.
struct OutSink {
  std::unique_ptr<OutputDir> files;
  std::unique_ptr<report::RunsCsvWriter> writer;
  std::vector<std::int64_t> first_run;
};

int Execute(RunFlags& flags, Io& io) {
  if (Status status = CheckSimulationFlags(flags); !status.ok()) {
    PrintDiagnostics(status.errors(), io.err);
    return kExitBadInput;
  }
  scenario::LoadOptions load_options;
  load_options.overrides = flags.overrides;
  load_options.variant = flags.variant;
  auto loaded = LoadOrReport(flags.file, load_options, io.err);
  if (!loaded) return kExitBadInput;
  const Model& model = loaded->model;

  const Simulator simulator(model, MakeDecisionModels(model));

  std::unique_ptr<OutSink> sink;
  if (!flags.out_dir.empty()) {
    Result<std::unique_ptr<OutputDir>> files = OutputDir::Open(
        flags.out_dir, {"summary.json", "scenario.yaml", "runs.csv", "narratives.md"},
        {flags.file});
    if (!files.ok()) {
      PrintDiagnostics(files.errors(), io.err);
      return kExitBadInput;
    }
    sink = std::make_unique<OutSink>();
    sink->files = std::move(files).value();
    sink->writer = std::make_unique<report::RunsCsvWriter>(model, sink->files->Stream("runs.csv"));
    sink->first_run.assign(model.outcomes.size(), -1);
  }

  ProgressBar bar(io.err, io.err_is_terminal, static_cast<std::uint64_t>(flags.run_count));
  RunOptions options;
  options.runs = flags.run_count;
  options.seed = flags.seed_value;
  options.threads = flags.thread_count;
  options.progress = [&bar](std::int64_t done, std::int64_t) {
    bar.Update(static_cast<std::uint64_t>(done));
  };
  if (sink) {
    options.record_sink = [&sink](const RunRecord& record) {
      sink->writer->Write(record);
      std::int64_t& first = sink->first_run[record.outcome.index];
      if (first < 0) first = record.index;
    };
  }

  const auto start = std::chrono::steady_clock::now();
  const Summary summary = RunMonteCarlo(model, options);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  bar.Finish();

  report::RunInfo info{flags.file,      flags.variant,    flags.overrides,
                       flags.run_count, flags.seed_value, elapsed};
  const auto json = report::SummaryToJson(model, summary, info);
  if (flags.json) {
    io.out << JsonText(json);
  } else {
    report::WriteSummaryText(model, summary, info, io.out);
  }
  if (io.err_is_terminal) {
    io.err << flags.run_count << " runs in " << elapsed << " s ("
           << static_cast<std::int64_t>(flags.run_count / std::max(elapsed, 1e-9)) << " runs/s, "
           << flags.thread_count << " threads)\n";
  }

  if (sink) {
    report::WriteNarratives(simulator, info, sink->first_run, sink->files->Stream("narratives.md"));
    sink->files->Write("summary.json", JsonText(json));
    sink->files->Write("scenario.yaml", loaded->resolved_yaml);
    if (Status written = sink->files->Commit(); !written.ok()) {
      PrintDiagnostics(written.errors(), io.err);
      return kExitFailure;
    }
    io.err << "wrote " << sink->files->Describe() << "\n";
  }
  return kExitOk;
}

}  // namespace

CommandAction AddRunCommand(CLI::App& app) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* command = app.add_subcommand("run", "Run a scenario many times and summarise");
  AddSimulationFlags(*command, *flags);
  command->add_option("--variant", flags->variant, "Apply a named variant of the scenario")
      ->check(NonEmpty());
  command
      ->add_option("--out", flags->out_dir,
                   "Write summary.json, scenario.yaml, runs.csv and narratives.md to DIR")
      ->check(NonEmpty());
  return [flags](Io& io) { return Execute(*flags, io); };
}

}  // namespace redline::cli
