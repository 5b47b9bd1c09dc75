#include "crisis/formulas.h"

#include <cstdint>

namespace redline {

double ThreatAt(const Model& model, const State& state, ActorId actor, RedLineId r, int level) {
  const RedLine& line = model.red_lines[r.index];
  const Lever& response = model.levers[line.response_lever.index];
  if (!response.target.valid()) return 0.0;
  if (!model.allied[actor.index * model.actors.size() + response.target.index]) return 0.0;
  return ThreatDamage(model, state, line.response_lever, level,
                      state.Value(model.actors[actor.index].decision.lookahead));
}

double Threat(const Model& model, const State& state, ActorId actor, RedLineId r) {
  const RedLine& line = model.red_lines[r.index];
  if (!line.ambiguous()) return ThreatAt(model, state, actor, r, line.response_level);
  // Ambiguous: the prior mean over the alternatives (what others expect; §7.4).
  double total = 0;
  for (int k = 0; k < static_cast<int>(line.alternatives.size()); ++k)
    total += state.AlternativePrior(r, k) * state.AlternativeThreat(actor, r, k);
  return total;
}

double ProbabilityAllianceResponds(const Model& model, const State& state, AllianceId alliance,
                                   const double* p_yes) {
  const Alliance& a = model.alliances[alliance.index];
  const int n = static_cast<int>(a.members.size());
  switch (a.rule) {
    case AllianceRule::kUnanimity: {
      double p = n > 0 ? 1.0 : 0.0;
      for (int j = 0; j < n; ++j) p *= p_yes[j];
      return p;
    }
    case AllianceRule::kLeader:
      for (int j = 0; j < n; ++j)
        if (a.members[j] == a.leader) return p_yes[j];
      [[fallthrough]];
    case AllianceRule::kWeighted:
      if (a.rule == AllianceRule::kWeighted && n <= 16) {
        double total_weight = 0;
        for (int j = 0; j < n; ++j) total_weight += std::max(0.0, state.Value(a.weights[j]));
        const double threshold = state.Value(a.threshold);
        double p = 0;
        for (std::uint32_t profile = 0; profile < (1u << n); ++profile) {
          double probability = 1, weight = 0;
          for (int j = 0; j < n; ++j) {
            const bool yes = (profile >> j) & 1u;
            probability *= yes ? p_yes[j] : 1.0 - p_yes[j];
            if (yes) weight += std::max(0.0, state.Value(a.weights[j]));
          }
          if (total_weight > 0 && weight / total_weight >= threshold - 1e-12) p += probability;
        }
        return p;
      }
      [[fallthrough]];
    case AllianceRule::kMajority: {
      // count[c] = P(c yes votes so far); at most 64 members tracked exactly.
      double count[65] = {1.0};
      const int m = std::min(n, 64);
      for (int j = 0; j < m; ++j)
        for (int c = j + 1; c >= 0; --c)
          count[c] = count[c] * (1.0 - p_yes[j]) + (c > 0 ? count[c - 1] * p_yes[j] : 0.0);
      double p = 0;
      for (int c = 0; c <= m; ++c)
        if (2 * c > m) p += count[c];
      return p;
    }
  }
  return 0.0;
}

}  // namespace redline
