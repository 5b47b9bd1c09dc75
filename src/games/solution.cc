#include "games/solution.h"

#include <charconv>
#include <system_error>
#include <utility>

#include "games/strategy.h"

namespace redline::games {

void Evaluate(const AnyGame& game, Equilibrium& eq) {
  if (const auto* efg = AsExtensive(game)) {
    eq.expected_payoffs = ExpectedPayoffs(*efg, eq.profile);
    if (!eq.exact.empty()) eq.exact_payoffs = ExpectedPayoffs(*efg, eq.exact);
    eq.nash_conv = NashConv(*efg, eq.profile);
  } else {
    const auto& nfg = *AsNormalForm(game);
    eq.expected_payoffs = ExpectedPayoffs(nfg, eq.profile);
    if (!eq.exact.empty()) eq.exact_payoffs = ExpectedPayoffs(nfg, eq.exact);
    eq.nash_conv = NashConv(nfg, eq.profile);
  }
}

Equilibrium MakeExactEquilibrium(const AnyGame& game, std::vector<mpq_class> exact) {
  Equilibrium eq;
  eq.profile = ToDoubles(exact);
  eq.exact = std::move(exact);
  Evaluate(game, eq);
  return eq;
}

Equilibrium MakeEquilibrium(const AnyGame& game, std::vector<double> profile) {
  Equilibrium eq;
  eq.profile = std::move(profile);
  Evaluate(game, eq);
  return eq;
}

namespace {

std::string RoundTrip(double value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : FormatDecimal(value, 17);
}

}  // namespace

std::string FormatGambitLine(const Equilibrium& eq, int decimals) {
  std::string line = "NE";
  for (std::size_t i = 0; i < eq.profile.size(); ++i) {
    line += ',';
    if (!eq.exact.empty()) {
      line += FormatRational(eq.exact[i]);
    } else {
      line += decimals == kRoundTripDigits ? RoundTrip(eq.profile[i])
                                           : FormatDecimal(eq.profile[i], decimals);
    }
  }
  return line;
}

std::string DisplayLabel(const std::string& label, const std::string& fallback) {
  return label.empty() ? fallback : label;
}

std::vector<ProfileEntry> LabelProfile(const AnyGame& game, const Equilibrium& eq) {
  std::vector<ProfileEntry> entries;
  auto add = [&](int player, const std::string& player_label, std::string infoset_label,
                 std::string action_label, int index) {
    ProfileEntry entry;
    entry.player = player;
    entry.player_label = DisplayLabel(player_label, "Player " + std::to_string(player + 1));
    entry.infoset_label = std::move(infoset_label);
    entry.action_label = std::move(action_label);
    entry.probability = eq.profile[index];
    entry.probability_text =
        eq.exact.empty() ? FormatDecimal(eq.profile[index]) : FormatRational(eq.exact[index]);
    entries.push_back(std::move(entry));
  };
  if (const auto* efg = AsExtensive(game)) {
    for (int p = 0; p < efg->num_players(); ++p) {
      const auto& infosets = efg->players()[p].infosets;
      for (std::size_t k = 0; k < infosets.size(); ++k) {
        const Infoset& infoset = efg->infoset(infosets[k]);
        const std::string infoset_label = DisplayLabel(infoset.label, "#" + std::to_string(k + 1));
        for (int a = 0; a < infoset.num_actions(); ++a) {
          add(p, efg->players()[p].label, infoset_label,
              DisplayLabel(infoset.action_labels[a], std::to_string(a + 1)),
              infoset.first_action_index + a);
        }
      }
    }
    return entries;
  }
  const auto& nfg = *AsNormalForm(game);
  for (int p = 0; p < nfg.num_players(); ++p) {
    for (int s = 0; s < nfg.num_strategies(p); ++s) {
      add(p, nfg.players()[p].label, "",
          DisplayLabel(nfg.players()[p].strategy_labels[s], std::to_string(s + 1)),
          nfg.strategy_offset(p) + s);
    }
  }
  return entries;
}

}  // namespace redline::games
