#include "cli/solve_flags.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace redline::cli {
namespace {

template <typename T>
std::optional<T> ParseWhole(const std::string& text) {
  T value{};
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::optional<double> ParsePositive(const std::string& text) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value) || value <= 0) {
    return std::nullopt;
  }
  return value;
}

Diagnostic FlagError(const std::string& flag, const std::string& message) {
  return Diagnostic{SourceLocation{flag, 0, 0}, message};
}

bool Reads(const games::SolverInfo& solver, const std::string& setting) {
  return std::find(solver.settings.begin(), solver.settings.end(), setting) !=
         solver.settings.end();
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

}  // namespace

void AddSolveFlags(CLI::App& command, SolveFlags& flags) {
  command.add_option("--iterations", flags.iterations,
                     "iteration limit, a whole number >= 1 (enummixed: bases; lcp: sequence-"
                     "form pivots; logit: path steps; cfr, mccfr: iterations)");
  command.add_option("--tolerance", flags.tolerance,
                     "stop when NashConv falls below this number > 0 (cfr, mccfr), or logit "
                     "when the largest regret is below it times the payoff range (default 1e-8)");
  command.add_option("--seed", flags.seed, "random seed, a whole number >= 0 (mccfr)");
  command.add_option("--max-lambda", flags.max_lambda,
                     "trace the logit branch up to this lambda > 0 (default 1e6)");
  command.add_option("--lambda-out", flags.lambda_out,
                     "write the logit branch to this CSV file: lambda, then one column per "
                     "profile entry");
}

Status CheckSolveFlags(const SolveFlags& flags, const games::SolverInfo& solver,
                       games::SolverOptions& options) {
  Diagnostics errors;
  auto applies = [&](const std::string& flag, const std::string& setting) {
    if (Reads(solver, setting)) return true;
    errors.push_back(FlagError(flag, "does not apply to method '" + solver.name + "'"));
    return false;
  };
  if (!flags.iterations.empty() && applies("--iterations", "max_iterations")) {
    const auto value = ParseWhole<std::int64_t>(flags.iterations);
    if (!value || *value < 1 || *value > 2'000'000'000) {
      errors.push_back(FlagError(
          "--iterations", "expected a whole number from 1 to 2e9, got '" + flags.iterations + "'"));
    } else {
      options.max_iterations = *value;
    }
  }
  if (!flags.tolerance.empty() && applies("--tolerance", "tolerance")) {
    const auto value = ParsePositive(flags.tolerance);
    if (!value) {
      errors.push_back(
          FlagError("--tolerance", "expected a number > 0, got '" + flags.tolerance + "'"));
    } else {
      options.tolerance = *value;
    }
  }
  if (!flags.seed.empty() && applies("--seed", "seed")) {
    const auto value = ParseWhole<std::uint64_t>(flags.seed);
    if (!value) {
      errors.push_back(FlagError(
          "--seed", "expected a whole number from 0 to 2^64-1, got '" + flags.seed + "'"));
    } else {
      options.seed = *value;
    }
  }
  if (!flags.max_lambda.empty() && applies("--max-lambda", "max_lambda")) {
    if (!ParsePositive(flags.max_lambda)) {
      errors.push_back(
          FlagError("--max-lambda", "expected a number > 0, got '" + flags.max_lambda + "'"));
    } else {
      options.extra["max_lambda"] = flags.max_lambda;
    }
  }
  // Methods with a λ to trace (logit) return their path in Solution::path.
  if (!flags.lambda_out.empty()) applies("--lambda-out", "max_lambda");
  return Status(std::move(errors));
}

void WritePathCsv(const games::AnyGame& game, const games::Solution& solution, std::ostream& out) {
  out << "lambda";
  games::Equilibrium shape;  // LabelProfile needs a profile of the right length
  if (!solution.path.empty()) {
    shape.profile = solution.path.front().profile;
  } else if (!solution.equilibria.empty()) {
    shape.profile = solution.equilibria.front().profile;
  }
  for (const games::ProfileEntry& entry : games::LabelProfile(game, shape)) {
    std::string name = entry.player_label + ":";
    if (games::IsExtensive(game)) name += entry.infoset_label + ":";
    out << "," << CsvField(name + entry.action_label);
  }
  out << "\n";
  for (const games::PathPoint& point : solution.path) {
    out << Number(point.lambda);
    for (double p : point.profile) out << "," << Number(p);
    out << "\n";
  }
}

}  // namespace redline::cli
