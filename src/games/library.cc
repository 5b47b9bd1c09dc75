#include "games/library.h"

#include <cmath>

#include "games/library_games.h"

namespace redline::games {

namespace {

using K = ParameterKind;

std::vector<LibraryGame> MakeLibrary() {
  return {
      {"chicken",
       "2x2 game of chicken: swerve or go straight",
       {{"gain", "1", K::kPositive, "payoff of going straight when the other swerves"},
        {"humiliation", "1", K::kNonNegative, "loss of swerving when the other goes straight"},
        {"crash_cost", "10", K::kPositive, "loss of each driver in a crash (> humiliation)"}},
       BuildChickenFromValues},
      {"deterrence",
       "challenge a defender of private resolve; resist or concede",
       {{"prior_resolute", "1/2", K::kProbability, "prior that the defender is resolute"},
        {"challenger_gain", "1", K::kPositive, "challenger's payoff when the defender concedes"},
        {"challenger_war_cost", "1", K::kPositive, "challenger's loss in a war"},
        {"defender_stake", "1", K::kNonNegative, "defender's loss from conceding"},
        {"audience_cost", "0", K::kNonNegative, "defender's extra loss from conceding"},
        {"resolute_war_cost", "1/2", K::kNonNegative, "resolute defender's loss in a war"},
        {"irresolute_war_cost", "2", K::kNonNegative, "irresolute defender's loss in a war"}},
       BuildDeterrenceFromValues},
      {"audience_cost",
       "public threat, press or back down, fight or cave (Fearon 1994)",
       {{"prior_resolute", "3/10", K::kProbability, "prior that the defender is resolute"},
        {"challenger_gain", "1", K::kPositive, "challenger's payoff when the defender gives in"},
        {"challenger_war_cost", "1", K::kPositive, "challenger's loss in a war"},
        {"defender_gain", "1", K::kPositive, "defender's payoff when the challenger backs down"},
        {"audience_cost", "1/2", K::kNonNegative, "defender's loss from caving after a threat"},
        {"resolute_war_payoff", "1/2", K::kNonNegative, "resolute defender's war payoff"},
        {"irresolute_war_payoff", "-1", K::kNegative, "irresolute defender's war payoff"}},
       BuildAudienceCostFromValues},
      {"brinkmanship",
       "a threat that leaves something to chance (Powell 1990)",
       {{"prior_committed", "3/10", K::kProbability, "prior that the challenger is committed"},
        {"risk_levels", "5", K::kCount, "number of risk levels on the menu (>= 2)"},
        {"max_risk", "1", K::kProbability, "highest risk of disaster on the menu (> 0)"},
        {"challenger_stake", "1", K::kPositive, "challenger's payoff when it prevails"},
        {"committed_disaster_cost", "1", K::kNonNegative, "committed challenger's disaster loss"},
        {"uncommitted_disaster_cost", "4", K::kNonNegative, "uncommitted challenger's loss"},
        {"defender_stake", "1", K::kPositive, "defender's payoff when the challenger withdraws"},
        {"defender_disaster_cost", "2", K::kPositive, "defender's loss in a disaster"}},
       BuildBrinkmanshipFromValues},
      {"risk_taking",
       "alternating rounds of stand firm / quit with a risk of disaster",
       {{"rounds", "4", K::kCount, "horizon: number of moves before a stalemate"},
        {"disaster_probability", "1/10", K::kProbability, "risk of disaster per firm stand"},
        {"prize", "1", K::kPositive, "payoff of the player who does not quit"},
        {"disaster_cost", "5", K::kPositive, "each player's loss in a disaster"},
        {"stalemate", "0", K::kNonNegative, "each player's payoff at the horizon (<= prize)"}},
       BuildRiskTakingFromValues},
  };
}

std::string CheckKind(const GameParameter& parameter, const Number& value) {
  const mpq_class& v = value.exact();
  switch (parameter.kind) {
    case K::kProbability:
      return v >= 0 && v <= 1 ? "" : "must be a probability in [0, 1]";
    case K::kPositive:
      return v > 0 ? "" : "must be > 0";
    case K::kNonNegative:
      return v >= 0 ? "" : "must be >= 0";
    case K::kNegative:
      return v < 0 ? "" : "must be < 0";
    case K::kCount:
      return v.get_den() == 1 && v >= 1 && v <= 1000 ? "" : "must be an integer in [1, 1000]";
  }
  return "";
}

}  // namespace

const std::vector<LibraryGame>& LibraryGames() {
  static const std::vector<LibraryGame> games = MakeLibrary();
  return games;
}

std::vector<std::string> LibraryGameNames() {
  std::vector<std::string> names;
  for (const LibraryGame& game : LibraryGames()) names.push_back(game.name);
  return names;
}

Result<ExtensiveGame> MakeLibraryGame(const std::string& name,
                                      const std::map<std::string, std::string>& overrides) {
  const LibraryGame* game = nullptr;
  for (const LibraryGame& candidate : LibraryGames()) {
    if (candidate.name == name) game = &candidate;
  }
  if (game == nullptr) {
    return SolverError("unknown game '" + name + "'" + DidYouMean(name, LibraryGameNames()) +
                       " (games: chicken, deterrence, audience_cost, brinkmanship, "
                       "risk_taking)");
  }
  Diagnostics errors;
  std::vector<std::string> known;
  for (const GameParameter& parameter : game->parameters) known.push_back(parameter.name);
  for (const auto& [key, text] : overrides) {
    bool found = false;
    for (const std::string& k : known) found = found || k == key;
    if (!found) {
      errors.push_back(SolverError("game '" + name + "' has no parameter '" + key + "'" +
                                   DidYouMean(key, known)));
    }
  }
  ParameterValues values;
  for (const GameParameter& parameter : game->parameters) {
    const auto it = overrides.find(parameter.name);
    const std::string& text = it == overrides.end() ? parameter.default_value : it->second;
    const std::optional<Number> value = Number::Parse(text);
    if (!value) {
      errors.push_back(
          SolverError("parameter '" + parameter.name + "': '" + text + "' is not a number"));
      continue;
    }
    if (!value->InRange()) {
      errors.push_back(SolverError("parameter '" + parameter.name + "' = " + text +
                                   " is beyond the magnitude 1e100 games accept"));
      continue;
    }
    if (std::string problem = CheckKind(parameter, *value); !problem.empty()) {
      errors.push_back(SolverError("parameter '" + parameter.name + "' = " + text + " " + problem));
      continue;
    }
    values.emplace(parameter.name, *value);
  }
  if (!errors.empty()) return errors;
  Result<ExtensiveGame> built = game->build(values);
  if (!built) return built.errors();
  // Labels such as "war" repeat across branches; Gambit 17 needs them unique.
  return WithUniqueLabels(std::move(built).value());
}

Result<ParameterValues> CheckedValues(const std::string& game,
                                      const std::vector<std::pair<std::string, double>>& fields) {
  const LibraryGame* definition = nullptr;
  for (const LibraryGame& candidate : LibraryGames()) {
    if (candidate.name == game) definition = &candidate;
  }
  Diagnostics errors;
  ParameterValues values;
  for (const auto& [name, value] : fields) {
    if (!std::isfinite(value) || std::abs(value) > kMaxGameMagnitude) {
      errors.push_back(SolverError(game + ": parameter '" + name +
                                   "' must be finite, of magnitude at most 1e100"));
      continue;
    }
    const Number exact = ExactNumber(value);
    for (const GameParameter& parameter : definition->parameters) {
      if (parameter.name != name) continue;
      if (std::string problem = CheckKind(parameter, exact); !problem.empty()) {
        errors.push_back(SolverError(game + ": parameter '" + name + "' " + problem));
      }
    }
    values.emplace(name, exact);
  }
  if (!errors.empty()) return errors;
  return values;
}

}  // namespace redline::games
