#include "report/summary_json.h"

namespace redline::report {

namespace {

nlohmann::ordered_json Pair(const Interval& ci) { return {ci.low, ci.high}; }

double Fraction(std::int64_t count, std::int64_t total) {
  return total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0.0;
}

nlohmann::ordered_json BeliefsJson(const Model& model, const Summary& summary) {
  nlohmann::ordered_json beliefs = nlohmann::ordered_json::object();
  const int actors = static_cast<int>(model.actors.size());
  for (int o = 0; o < model.observer_count(); ++o) {
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (int a = 0; a < actors; ++a) {
      if (o == a) continue;  // an actor knows its own type
      row[model.actors[a].id] = summary.mean_belief_first_type[o * actors + a];
    }
    beliefs[model.ObserverName(ObserverId(o))] = row;
  }
  return beliefs;
}

}  // namespace

nlohmann::ordered_json SummaryToJson(const Model& model, const Summary& summary,
                                     const RunInfo& info) {
  nlohmann::ordered_json json;
  json["scenario"] = model.name;
  json["scenario_file"] = info.scenario_file;
  json["variant"] =
      info.variant.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(info.variant);
  json["overrides"] = info.overrides;
  json["runs"] = summary.runs;
  json["seed"] = summary.seed;

  nlohmann::ordered_json outcomes = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < model.outcomes.size(); ++i) {
    const OutcomeStat& stat = summary.outcomes[i];
    // The outcome's probability decomposed by pathway (docs/model.md §11.1), most frequent
    // first; the pathways' p sum to the outcome's p.
    nlohmann::ordered_json pathways = nlohmann::ordered_json::array();
    for (const PathwayStat& path : summary.pathways[i]) {
      nlohmann::ordered_json links = nlohmann::ordered_json::array();
      for (int k = 0; k < path.pathway.length(); ++k) links.push_back(LinkId(path.pathway.at(k)));
      pathways.push_back({{"pathway", PathwayId(path.pathway)},
                          {"label", PathwayLabel(path.pathway)},
                          {"links", links},
                          {"truncated", path.pathway.truncated()},
                          {"p", path.p},
                          {"ci95", Pair(path.ci)},
                          {"count", path.count},
                          {"share_of_outcome", path.share}});
    }
    outcomes[model.outcomes[i].id] = {{"label", model.outcomes[i].label},
                                      {"p", stat.p},
                                      {"ci95", Pair(stat.ci)},
                                      {"count", stat.count},
                                      {"pathways", pathways}};
  }
  json["outcomes"] = outcomes;

  nlohmann::ordered_json red_lines = nlohmann::ordered_json::object();
  for (std::size_t r = 0; r < model.red_lines.size(); ++r) {
    const RedLineStat& stat = summary.red_lines[r];
    red_lines[model.red_lines[r].id] = {
        {"owner", model.actors[model.red_lines[r].owner.index].id},
        {"p_crossed", stat.p_crossed},
        {"p_crossed_ci95", Pair(stat.p_crossed_ci)},
        {"p_enforced_given_crossed", stat.p_enforced_given_crossed},
        {"p_enforced_given_crossed_ci95", Pair(stat.p_enforced_given_crossed_ci)},
        {"crossed", stat.crossed},
        {"enforced", stat.enforced},
        {"lapsed", stat.lapsed},
        {"in_force", stat.in_force},
        {"mean_crossing_step", stat.crossed > 0 ? nlohmann::ordered_json(stat.mean_crossing_step)
                                                : nlohmann::ordered_json(nullptr)}};
    if (model.red_lines[r].is_demand)
      red_lines[model.red_lines[r].id]["satisfied"] = stat.satisfied;
    if (model.red_lines[r].withdrawable)
      red_lines[model.red_lines[r].id]["withdrawn"] = stat.withdrawn;
  }
  json["red_lines"] = red_lines;

  nlohmann::ordered_json max_rung = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < model.rungs.size(); ++k)
    max_rung[model.rungs[k].id] = Fraction(summary.highest_rung[k], summary.runs);
  json["max_rung"] = max_rung;

  json["p_any_crossing"] = Fraction(summary.runs_with_crossing, summary.runs);
  json["mean_first_crossing_step"] = summary.runs_with_crossing > 0
                                         ? nlohmann::ordered_json(summary.mean_first_crossing_step)
                                         : nlohmann::ordered_json(nullptr);
  json["beliefs_in_most_resolute_type"] = BeliefsJson(model, summary);
  json["means"] = {{"steps", summary.mean_steps},
                   {"final_balance", summary.mean_final_balance},
                   {"crossings", summary.mean_crossings},
                   {"incidents", summary.mean_incidents},
                   {"perceived_deliberate_incidents", summary.mean_perceived_incidents}};
  // Settlements (docs/model.md §10.2): mean terms s among settled runs, who proposed them, and
  // the share of settled runs each war.bargaining.terms package names (empty without packages).
  nlohmann::ordered_json packages = nlohmann::ordered_json::object();
  const auto& terms = model.theatre.bargaining.packages;
  for (std::size_t k = 0; k < terms.size() && k < summary.terms_package.size(); ++k)
    packages[terms[k].id] = Fraction(summary.terms_package[k], summary.settled);
  json["settlement"] = {
      {"p", Fraction(summary.settled, summary.runs)},
      {"count", summary.settled},
      {"mean_terms", summary.settled > 0 ? nlohmann::ordered_json(summary.mean_terms)
                                         : nlohmann::ordered_json(nullptr)},
      {"proposed_by",
       {{"a", Fraction(summary.terms_by[0], summary.settled)},
        {"b", Fraction(summary.terms_by[1], summary.settled)},
        {"mediator", Fraction(summary.terms_by[2], summary.settled)}}},
      {"packages", packages}};
  nlohmann::ordered_json costs = nlohmann::ordered_json::object();
  for (std::size_t a = 0; a < model.actors.size(); ++a)
    costs[model.actors[a].id] = summary.mean_cost[a];
  json["mean_costs"] = costs;
  json["elapsed_s"] = info.elapsed_s;
  return json;
}

}  // namespace redline::report
