#include "crisis/bargaining.h"

#include <algorithm>
#include <cmath>

#include "crisis/formulas.h"
#include "crisis/war_outlook.h"

namespace redline {

double Reservation(double war_value, double cost_rate, double horizon, double cost_weight,
                   double stakes) {
  return war_value - cost_rate * horizon * cost_weight / std::max(stakes, 1e-6);
}

BargainingRange CredibleRange(double r_a, double r_b, int declining, double cap) {
  BargainingRange range{r_a, -r_b};
  if (declining == 0) range.high = std::min(range.high, cap);
  if (declining == 1) range.low = std::max(range.low, -cap);
  return range;
}

Offer ChooseOffer(const double* reservation, const double* belief, int types,
                  double proposer_reservation, double responder_cap, double proposer_cap) {
  Offer best;
  for (int c = 0; c < types; ++c) {
    if (!(belief[c] > 0)) continue;
    const double y = reservation[c];
    double p = 0;
    for (int t = 0; t < types; ++t)
      if (std::min(y, responder_cap) >= reservation[t]) p += belief[t];
    if (!(p > 0)) continue;
    const double mine = std::min(-y, proposer_cap);
    const double expected = p * mine + (1.0 - p) * proposer_reservation;
    // An offer worse than fighting for the proposer if accepted is never made.
    if (mine < proposer_reservation) continue;
    if (!best.made || expected > best.expected || (expected == best.expected && y < best.share))
      best = Offer{true, y, p, expected};
  }
  return best;
}

const char* ToString(Proposer proposer) {
  switch (proposer) {
    case Proposer::kSideA:
      return "a";
    case Proposer::kSideB:
      return "b";
    case Proposer::kMediator:
      return "mediator";
    case Proposer::kNone:
      break;
  }
  return "";
}

namespace {

bool MediatorOpen(const Model& model, const State& state) {
  const ChannelId channel = model.theatre.bargaining.mediator;
  return channel.valid() && state.channel_open[channel.index] != 0;
}

// +1 for side a, -1 for side b.
double DirectionOf(int side) { return side == 0 ? 1.0 : -1.0; }

// The war's value for `side` over `horizon` if the per-step drift is `mu`.
double WarValueFor(const Model& model, const State& state, int side, double mu, double horizon) {
  const Theatre& theatre = model.theatre;
  const double band = state.Value(theatre.decisive_band);
  const double defeat = std::max(band, state.Value(theatre.decisive_value));
  const WarProspect prospect =
      ProspectOf(state.balance, mu, state.Value(theatre.noise), horizon, band);
  return ProspectValue(prospect, side == 0 ? 1 : -1, band, defeat);
}

double CostFactor(const Model& model, const State& state, ActorId actor, int type) {
  const ResolveType& t = model.actors[actor.index].types[type];
  return state.Value(t.cost_weight) / std::max(state.Value(t.stakes), 1e-6);
}

// The net change in power toward side a from the scheduled shifts after this step that fall
// within the lookahead of the side each one weakens.
double ShiftAhead(const Model& model, const State& state, const double horizon[2]) {
  double net = 0;
  for (const PowerShift& shift : model.theatre.shifts) {
    if (shift.step <= state.step) continue;
    const double power = state.Value(shift.power);
    const double toward_a = shift.side == 0 ? power : -power;
    const int weakened = toward_a > 0 ? 1 : 0;
    if (shift.step - state.step <= horizon[weakened]) net += toward_a;
  }
  return net;
}

}  // namespace

double OptimismAt(const Model& model, const State& state, int side) {
  const Bargaining& bargaining = model.theatre.bargaining;
  const double initial = state.Value(bargaining.optimism[side]);
  if (initial == 0.0) return 0.0;
  const double t = state.step;
  double optimism = initial / (1.0 + std::max(0.0, state.Value(bargaining.learning)) * t);
  if (MediatorOpen(model, state)) {
    const double narrows = std::clamp(state.Value(bargaining.mediator_narrows), 0.0, 1.0);
    optimism *= std::pow(1.0 - narrows, t);
  }
  return optimism;
}

double TalksProbability(const Model& model, const State& state) {
  const Bargaining& bargaining = model.theatre.bargaining;
  double costs = 0;
  for (int s = 0; s < 2; ++s)
    if (model.belligerents[s].valid()) costs += state.cost[model.belligerents[s].index];
  double logit = state.Value(bargaining.talks) + state.Value(bargaining.talks_cost) * costs;
  if (MediatorOpen(model, state)) logit += state.Value(bargaining.mediator_talks);
  return Logistic(logit);
}

TalksResult Negotiate(const Model& model, const State& state, const double cost_rate[2],
                      double* scratch) {
  const Theatre& theatre = model.theatre;
  const ActorId actor[2] = {model.belligerents[0], model.belligerents[1]};
  const double drift = state.Value(theatre.drift);
  const double mu = drift * NetPower(model, state);
  double horizon[2], optimism[2], value[2];
  TalksResult result;
  for (int s = 0; s < 2; ++s) {
    horizon[s] = std::max(1.0, state.Value(model.actors[actor[s].index].decision.lookahead));
    optimism[s] = OptimismAt(model, state, s);
    value[s] = WarValueFor(model, state, s, mu + DirectionOf(s) * optimism[s], horizon[s]);
    result.reservation[s] =
        value[s] - cost_rate[s] * horizon[s] *
                       CostFactor(model, state, actor[s], state.type[actor[s].index].index);
  }
  // Commitment problem: a deal is renegotiated after a shift, so the declining side can be
  // promised at most what the rising side would leave it then, -r_R(after the shift).
  double cap = kNoCap;
  const double shift = ShiftAhead(model, state, horizon);
  if (shift != 0.0) {
    const int rising = shift > 0 ? 0 : 1;
    result.declining = 1 - rising;
    const double after = WarValueFor(
        model, state, rising,
        drift * (NetPower(model, state) + shift) + DirectionOf(rising) * optimism[rising],
        horizon[rising]);
    cap = -Reservation(
        after, cost_rate[rising], horizon[rising],
        CostFactor(model, state, actor[rising], state.type[actor[rising].index].index), 1.0);
  }
  result.range = CredibleRange(result.reservation[0], result.reservation[1], result.declining, cap);

  const Bargaining& bargaining = theatre.bargaining;
  if (bargaining.mediator_proposes && MediatorOpen(model, state)) {
    if (result.range.empty()) return result;
    result.agreed = true;
    result.terms = 0.5 * (result.range.low + result.range.high);
    result.proposer = Proposer::kMediator;
    return result;
  }

  // The uninformed proposer: a at even steps, b at odd ones. It assumes the responder sees the
  // war as it does (no optimism of the responder's own) and does not know its type.
  const int p = state.step % 2;
  const int q = 1 - p;
  const Actor& responder = model.actors[actor[q].index];
  const int types = static_cast<int>(responder.types.size());
  double* reservation = scratch;
  double* belief = scratch + types;
  const double seen = WarValueFor(model, state, q, mu + DirectionOf(p) * optimism[p], horizon[q]);
  for (int t = 0; t < types; ++t) {
    reservation[t] = seen - cost_rate[q] * horizon[q] * CostFactor(model, state, actor[q], t);
    belief[t] = state.Belief(actor[p].index, actor[q], t);
  }
  const double responder_cap = result.declining == q ? cap : kNoCap;
  const double proposer_cap = result.declining == p ? cap : kNoCap;
  const Offer offer =
      ChooseOffer(reservation, belief, types, result.reservation[p], responder_cap, proposer_cap);
  if (!offer.made) return result;
  if (std::min(offer.share, responder_cap) < result.reservation[q]) return result;  // refused
  result.agreed = true;
  result.terms = q == 0 ? offer.share : -offer.share;
  result.proposer = p == 0 ? Proposer::kSideA : Proposer::kSideB;
  return result;
}

int TermsPackageOf(const Bargaining& bargaining, double terms) {
  const int count = static_cast<int>(bargaining.packages.size());
  for (int k = 0; k + 1 < count; ++k)
    if (terms >= bargaining.packages[k].at_least) return k;
  return count - 1;
}

}  // namespace redline
