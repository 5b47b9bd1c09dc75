#include "montecarlo/statistics.h"

#include <algorithm>
#include <cmath>

namespace redline {

Interval WilsonInterval(std::int64_t successes, std::int64_t trials) {
  if (trials <= 0) return {0.0, 1.0};
  const double z = 1.959963984540054;
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double denominator = 1.0 + z * z / n;
  const double centre = (p + z * z / (2 * n)) / denominator;
  const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
  // Clamped to contain p: rounding left a low end of 2e-19 above p = 0.
  return {std::clamp(centre - half, 0.0, p), std::clamp(centre + half, p, 1.0)};
}

Tally::Tally(const Model& model)
    : outcome_count_(model.outcomes.size(), 0),
      pathway_count_(model.outcomes.size()),
      crossed_(model.red_lines.size(), 0),
      enforced_(model.red_lines.size(), 0),
      lapsed_(model.red_lines.size(), 0),
      in_force_(model.red_lines.size(), 0),
      satisfied_(model.red_lines.size(), 0),
      withdrawn_(model.red_lines.size(), 0),
      crossing_step_sum_(model.red_lines.size(), 0),
      highest_rung_(model.rungs.size(), 0),
      terms_package_(model.theatre.bargaining.packages.size(), 0),
      belief_sum_(static_cast<std::size_t>(model.observer_count()) * model.actors.size(), 0.0),
      cost_sum_(model.actors.size(), 0.0) {
  for (const Lever& lever : model.levers) peak_level_.emplace_back(lever.levels.size(), 0);
}

void Tally::Add(const RunRecord& record) {
  ++runs_;
  ++outcome_count_[record.outcome.index];
  ++pathway_count_[record.outcome.index][record.pathway.Key()];
  for (std::size_t r = 0; r < crossed_.size(); ++r) {
    const RedLineStatus status = record.red_lines[r];
    if (status == RedLineStatus::kSatisfied) ++satisfied_[r];
    if (status == RedLineStatus::kWithdrawn) ++withdrawn_[r];
    if (status == RedLineStatus::kIntact || status == RedLineStatus::kPending ||
        status == RedLineStatus::kSatisfied || status == RedLineStatus::kWithdrawn)
      continue;
    ++crossed_[r];
    crossing_step_sum_[r] += record.crossed_step[r];
    if (status == RedLineStatus::kEnforced) ++enforced_[r];
    if (status == RedLineStatus::kLapsed) ++lapsed_[r];
    if (status == RedLineStatus::kInForce) ++in_force_[r];
  }
  if (record.highest_rung < static_cast<int>(highest_rung_.size()))
    ++highest_rung_[record.highest_rung];
  for (std::size_t l = 0; l < peak_level_.size(); ++l) ++peak_level_[l][record.peak_level[l]];
  if (record.first_crossing_step >= 0) {
    ++runs_with_crossing_;
    first_crossing_sum_ += record.first_crossing_step;
  }
  steps_sum_ += record.steps;
  crossings_sum_ += record.crossings;
  incidents_sum_ += record.incidents;
  perceived_sum_ += record.perceived_incidents;
  balance_sum_ += record.final_balance;
  if (record.settled) {
    ++settled_;
    terms_sum_ += record.terms;
    if (record.terms_by >= 0 && record.terms_by < 3) ++terms_by_[record.terms_by];
    if (record.terms_package >= 0 && record.terms_package < static_cast<int>(terms_package_.size()))
      ++terms_package_[record.terms_package];
  }
  for (std::size_t i = 0; i < belief_sum_.size(); ++i) belief_sum_[i] += record.beliefs[i];
  for (std::size_t a = 0; a < cost_sum_.size(); ++a) cost_sum_[a] += record.costs[a];
}

namespace {
template <typename T>
void AddInto(std::vector<T>& into, const std::vector<T>& from) {
  for (std::size_t i = 0; i < into.size(); ++i) into[i] += from[i];
}
}  // namespace

void Tally::Merge(const Tally& other) {
  runs_ += other.runs_;
  AddInto(outcome_count_, other.outcome_count_);
  for (std::size_t o = 0; o < pathway_count_.size(); ++o)
    for (const auto& [key, count] : other.pathway_count_[o]) pathway_count_[o][key] += count;
  AddInto(crossed_, other.crossed_);
  AddInto(enforced_, other.enforced_);
  AddInto(lapsed_, other.lapsed_);
  AddInto(in_force_, other.in_force_);
  AddInto(satisfied_, other.satisfied_);
  AddInto(withdrawn_, other.withdrawn_);
  AddInto(crossing_step_sum_, other.crossing_step_sum_);
  AddInto(highest_rung_, other.highest_rung_);
  for (std::size_t l = 0; l < peak_level_.size(); ++l)
    AddInto(peak_level_[l], other.peak_level_[l]);
  runs_with_crossing_ += other.runs_with_crossing_;
  first_crossing_sum_ += other.first_crossing_sum_;
  steps_sum_ += other.steps_sum_;
  crossings_sum_ += other.crossings_sum_;
  incidents_sum_ += other.incidents_sum_;
  perceived_sum_ += other.perceived_sum_;
  balance_sum_ += other.balance_sum_;
  settled_ += other.settled_;
  terms_sum_ += other.terms_sum_;
  for (int i = 0; i < 3; ++i) terms_by_[i] += other.terms_by_[i];
  for (std::size_t k = 0; k < terms_package_.size(); ++k)
    terms_package_[k] += other.terms_package_[k];
  AddInto(belief_sum_, other.belief_sum_);
  AddInto(cost_sum_, other.cost_sum_);
}

Summary Tally::Finish(std::uint64_t seed) const {
  Summary s;
  s.runs = runs_;
  s.seed = seed;
  const double n = runs_ > 0 ? static_cast<double>(runs_) : 1.0;
  for (std::int64_t count : outcome_count_)
    s.outcomes.push_back({count, static_cast<double>(count) / n, WilsonInterval(count, runs_)});
  for (std::size_t o = 0; o < pathway_count_.size(); ++o) {
    std::vector<PathwayStat> stats;
    for (const auto& [key, count] : pathway_count_[o])
      stats.push_back({Pathway::FromKey(key), count, static_cast<double>(count) / n,
                       WilsonInterval(count, runs_),
                       static_cast<double>(count) / static_cast<double>(outcome_count_[o])});
    // Most frequent first; the map's key order breaks ties (stable sort).
    std::stable_sort(stats.begin(), stats.end(),
                     [](const PathwayStat& x, const PathwayStat& y) { return x.count > y.count; });
    s.pathways.push_back(std::move(stats));
  }
  for (std::size_t r = 0; r < crossed_.size(); ++r) {
    RedLineStat stat;
    stat.crossed = crossed_[r];
    stat.enforced = enforced_[r];
    stat.lapsed = lapsed_[r];
    stat.in_force = in_force_[r];
    stat.satisfied = satisfied_[r];
    stat.withdrawn = withdrawn_[r];
    stat.p_crossed = static_cast<double>(crossed_[r]) / n;
    stat.p_crossed_ci = WilsonInterval(crossed_[r], runs_);
    const std::int64_t decided = crossed_[r] - in_force_[r];
    stat.p_enforced_given_crossed =
        decided > 0 ? static_cast<double>(enforced_[r]) / static_cast<double>(decided) : 0;
    stat.p_enforced_given_crossed_ci = WilsonInterval(enforced_[r], decided);
    stat.mean_crossing_step = crossed_[r] > 0 ? static_cast<double>(crossing_step_sum_[r]) /
                                                    static_cast<double>(crossed_[r])
                                              : 0;
    s.red_lines.push_back(stat);
  }
  s.highest_rung = highest_rung_;
  s.peak_level = peak_level_;
  s.runs_with_crossing = runs_with_crossing_;
  s.mean_first_crossing_step =
      runs_with_crossing_ > 0
          ? static_cast<double>(first_crossing_sum_) / static_cast<double>(runs_with_crossing_)
          : 0;
  s.mean_steps = static_cast<double>(steps_sum_) / n;
  s.mean_final_balance = balance_sum_ / n;
  s.mean_crossings = static_cast<double>(crossings_sum_) / n;
  s.mean_incidents = static_cast<double>(incidents_sum_) / n;
  s.mean_perceived_incidents = static_cast<double>(perceived_sum_) / n;
  s.settled = settled_;
  s.mean_terms = settled_ > 0 ? terms_sum_ / static_cast<double>(settled_) : 0;
  for (int i = 0; i < 3; ++i) s.terms_by[i] = terms_by_[i];
  s.terms_package = terms_package_;
  for (double sum : belief_sum_) s.mean_belief_first_type.push_back(sum / n);
  for (double sum : cost_sum_) s.mean_cost.push_back(sum / n);
  return s;
}

}  // namespace redline
