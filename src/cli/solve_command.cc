// `redline solve FILE [--method M] [--json] [--format gambit] [solver flags]`: loads a Gambit
// game and runs one solver from the registry (games/solvers.h), printing equilibria by label.
// The solver flags (--iterations, --tolerance, --seed, --max-lambda, --lambda-out) are in
// solve_flags.h.
#include <algorithm>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "cli/command.h"
#include "cli/common_options.h"
#include "cli/output_dir.h"
#include "cli/solve_flags.h"
#include "games/game_file.h"
#include "games/solvers.h"

namespace redline::cli {
namespace {

using games::AnyGame;
using games::Equilibrium;
using games::Solution;

struct SolveOptions {
  std::string file;
  std::string method = "enumpure";
  bool json = false;
  std::string format = "text";
  SolveFlags flags;
};

std::string PayoffText(const Equilibrium& eq, int player) {
  return eq.exact_payoffs.empty() ? games::FormatDecimal(eq.expected_payoffs[player])
                                  : games::FormatRational(eq.exact_payoffs[player]);
}

// logit profiles are approximate and far out the branch: printed to round-trip precision so
// that a reader recomputing regret gets the solver's value (6 decimals raise it ~100×).
std::string GambitLine(const Solution& solution, const Equilibrium& eq) {
  return games::FormatGambitLine(eq, solution.method == "logit" ? games::kRoundTripDigits : 6);
}

void PrintText(const AnyGame& game, const Solution& solution, const SolveOptions& options,
               std::ostream& out) {
  out << "game: " << games::DisplayLabel(games::Title(game), "(untitled)") << " (" << options.file
      << ")\n";
  out << "method: " << solution.method << ", " << solution.equilibria.size()
      << (solution.equilibria.size() == 1 ? " equilibrium" : " equilibria");
  if (solution.hit_limit) out << " (stopped at a limit)";
  if (!solution.converged) out << " (not converged)";
  out << "\n";
  for (const std::string& note : solution.notes) out << "note: " << note << "\n";
  for (std::size_t i = 0; i < solution.equilibria.size(); ++i) {
    const Equilibrium& eq = solution.equilibria[i];
    out << "\nequilibrium " << i + 1 << " (NashConv " << games::FormatDecimal(eq.nash_conv, 9)
        << ")\n";
    const auto entries = games::LabelProfile(game, eq);
    int last_player = -1;
    std::string last_infoset;
    for (const auto& entry : entries) {
      if (entry.player != last_player) {
        out << "  " << entry.player_label << ": payoff " << PayoffText(eq, entry.player) << "\n";
        last_player = entry.player;
        last_infoset = "\x01";
      }
      if (!entry.infoset_label.empty() && entry.infoset_label != last_infoset) {
        out << "    at " << entry.infoset_label << ":\n";
        last_infoset = entry.infoset_label;
      }
      out << (entry.infoset_label.empty() ? "    " : "      ") << entry.action_label << " "
          << entry.probability_text << "\n";
    }
  }
}

nlohmann::json ToJson(const AnyGame& game, const Solution& solution, const SolveOptions& options) {
  nlohmann::json root;
  root["file"] = options.file;
  root["title"] = games::Title(game);
  root["method"] = solution.method;
  root["profile_kind"] = solution.kind == games::ProfileKind::kBehavior ? "behavior" : "mixed";
  root["converged"] = solution.converged;
  root["hit_limit"] = solution.hit_limit;
  root["iterations"] = solution.iterations;
  root["notes"] = solution.notes;
  if (!solution.path.empty()) {
    root["path_points"] = solution.path.size();
    root["final_lambda"] = solution.path.back().lambda;
    auto lambdas = [](const std::vector<games::PathPoint>& points) {
      nlohmann::json list = nlohmann::json::array();
      for (const games::PathPoint& point : points) list.push_back(point.lambda);
      return list;
    };
    root["turning_points"] = lambdas(solution.turning_points);
    root["bifurcations"] = lambdas(solution.bifurcations);
  }
  root["equilibria"] = nlohmann::json::array();
  for (const Equilibrium& eq : solution.equilibria) {
    nlohmann::json item;
    item["gambit"] = GambitLine(solution, eq);
    item["nash_conv"] = eq.nash_conv;
    item["payoffs"] = eq.expected_payoffs;
    if (!eq.exact_payoffs.empty()) {
      nlohmann::json exact = nlohmann::json::array();
      for (const auto& v : eq.exact_payoffs) exact.push_back(games::FormatRational(v));
      item["exact_payoffs"] = exact;
    }
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& entry : games::LabelProfile(game, eq)) {
      nlohmann::json e = {{"player", entry.player_label},
                          {"action", entry.action_label},
                          {"probability", entry.probability},
                          {"text", entry.probability_text}};
      if (!entry.infoset_label.empty()) e["infoset"] = entry.infoset_label;
      entries.push_back(e);
    }
    item["profile"] = entries;
    root["equilibria"].push_back(item);
  }
  return root;
}

// Finite payoffs (games/number.h bounds them) give finite results; anything else is reported
// instead of printed as inf or nan.
std::string NonFiniteProblem(const Solution& solution) {
  const auto finite = [](const std::vector<double>& values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
  };
  for (const Equilibrium& eq : solution.equilibria) {
    if (!std::isfinite(eq.nash_conv) || !finite(eq.expected_payoffs) || !finite(eq.profile)) {
      return "the solver's result is not finite (inf or nan); the payoffs are too large or too "
             "far apart for double precision";
    }
  }
  return "";
}

int RunSolve(const SolveOptions& options, Io& io) {
  const games::SolverInfo* solver = games::FindSolver(options.method);
  if (solver == nullptr) {
    io.err << "error: unknown method '" << options.method << "'"
           << DidYouMean(options.method, games::SolverNames()) << "\n";
    return kExitBadInput;
  }
  games::SolverOptions solver_options;
  if (Status checked = CheckSolveFlags(options.flags, *solver, solver_options); !checked.ok()) {
    PrintDiagnostics(checked.errors(), io.err);
    return kExitBadInput;
  }
  Result<AnyGame> game = games::ReadGameFile(options.file);
  if (!game.ok()) {
    for (const Diagnostic& error : game.errors()) io.err << error.ToString() << "\n";
    return kExitBadInput;
  }
  if (Status applies = solver->applies(*game); !applies.ok()) {
    io.err << "error: method '" << solver->name << "' does not apply to " << options.file << ": "
           << applies.errors().front().message << "\n";
    return kExitBadInput;
  }
  std::unique_ptr<OutputFile> lambda_out;
  if (!options.flags.lambda_out.empty()) {
    // Written to a temporary name and renamed once complete: the old file survives a failed
    // solve, and the input game is never the target.
    Result<std::unique_ptr<OutputFile>> opened =
        OutputFile::Open(options.flags.lambda_out, "--lambda-out", {options.file});
    if (!opened.ok()) {
      PrintDiagnostics(opened.errors(), io.err);
      return kExitBadInput;
    }
    lambda_out = std::move(opened).value();
  }
  Result<Solution> solution = solver->solve(*game, solver_options);
  if (!solution.ok()) {
    std::string message = solution.errors().front().message;
    const std::string prefix = solver->name + ": ";
    if (message.starts_with(prefix)) message.erase(0, prefix.size());
    io.err << "error: " << solver->name << ": " << message << "\n";
    return kExitBadInput;
  }
  if (const std::string problem = NonFiniteProblem(*solution); !problem.empty()) {
    io.err << options.file << ": error: " << problem << "\n";
    return kExitBadInput;
  }
  if (lambda_out) {
    WritePathCsv(*game, *solution, lambda_out->stream());
    if (Status written = lambda_out->Commit(); !written.ok()) {
      PrintDiagnostics(written.errors(), io.err);
      return kExitFailure;
    }
  }
  // enummixed on an extensive game: the profiles are over its reduced strategic form.
  const AnyGame& shown = solution->ProfileGame(*game);
  if (options.json) {
    io.out << JsonText(ToJson(shown, *solution, options));
  } else if (options.format == "gambit") {
    for (const Equilibrium& eq : solution->equilibria) io.out << GambitLine(*solution, eq) << "\n";
  } else {
    PrintText(shown, *solution, options, io.out);
  }
  return kExitOk;
}

}  // namespace

CommandAction AddSolveCommand(CLI::App& app) {
  auto options = std::make_shared<SolveOptions>();
  std::string methods;
  for (const auto& info : games::Solvers()) methods += "\n  " + info.name + ": " + info.description;
  CLI::App* sub = app.add_subcommand("solve", "Find equilibria of a Gambit game (.efg or .nfg)");
  sub->add_option("file", options->file, "game file (Gambit .efg or .nfg)")->required();
  sub->add_option("--method,-m", options->method, "solution method (default enumpure):" + methods);
  sub->add_flag("--json", options->json, "print one JSON object");
  sub->add_option("--format", options->format, "text (default) or gambit: one NE,... line each")
      ->check(CLI::IsMember({"text", "gambit"}));
  AddSolveFlags(*sub, options->flags);
  return [options](Io& io) { return RunSolve(*options, io); };
}

}  // namespace redline::cli
