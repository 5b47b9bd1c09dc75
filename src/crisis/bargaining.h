// Settlement as a bargain (docs/model.md §10.2, mechanism B8; Fearon 1995, Powell 2006,
// Slantchev 2003, Kydd 2003). In balance units: an agreement is a balance point s at which the
// war is frozen; side a values it s, side b -s. Each belligerent's reservation is what fighting
// on over its lookahead is worth to it, r = V - c; the agreements both prefer to fighting are
// the s with s >= r_a and -s >= r_b (the bargaining range [r_a, -r_b]).
//
// Two layers: pure arithmetic on doubles (Reservation, CredibleRange, ChooseOffer), and
// Negotiate, which reads a (Model, State) and returns one round of talks' result. Neither
// allocates; both are thread-safe for distinct States.
#pragma once

#include <limits>

#include "crisis/state.h"
#include "model/model.h"

namespace redline {

inline constexpr double kNoCap = std::numeric_limits<double>::infinity();

// r = war_value - cost_rate * horizon * cost_weight / stakes: the war's value minus the costs
// expected over the horizon, converted to balance units by the type's cost weight per unit of
// stakes (stakes below 1e-6 count as 1e-6).
double Reservation(double war_value, double cost_rate, double horizon, double cost_weight,
                   double stakes);

// The terms both sides accept, in side a's share s: [r_a, -r_b], narrowed by a commitment
// problem when `declining` (0 = a, 1 = b, -1 = none) can credibly be promised at most `cap`
// (its share: s <= cap for a, -s <= cap for b). Empty when low > high.
struct BargainingRange {
  double low = 0;
  double high = 0;
  bool empty() const { return low > high; }
};
BargainingRange CredibleRange(double r_a, double r_b, int declining, double cap);

// The proposer's offer under uncertainty about the responder's type (the risk-return
// trade-off). The responder, of type t with probability belief[t] (types with reservation
// reservation[t]), accepts a share y iff min(y, responder_cap) >= reservation[t]. The proposer
// gets min(-y, proposer_cap) if accepted and its reservation otherwise, and offers the y among
// the types' reservations with the highest expected utility (ties: the lowest y); it makes no
// offer when even that leaves it below its reservation (or no type would accept).
struct Offer {
  bool made = false;
  double share = 0;     // y: the responder's share, in its own direction
  double p_accept = 0;  // the proposer's belief that it is accepted
  double expected = 0;  // the proposer's expected utility of the offer
};
Offer ChooseOffer(const double* reservation, const double* belief, int types,
                  double proposer_reservation, double responder_cap, double proposer_cap);

// Who proposed the terms of a settlement.
enum class Proposer : signed char { kNone = -1, kSideA = 0, kSideB = 1, kMediator = 2 };
const char* ToString(Proposer proposer);  // "a", "b", "mediator", ""

// One round of talks (docs/model.md §10.2).
struct TalksResult {
  bool agreed = false;  // an offer both accept was made
  double terms = 0;     // s, side a's share (when agreed)
  Proposer proposer = Proposer::kNone;
  double reservation[2] = {0, 0};  // r_a, r_b from each side's beliefs and true type
  BargainingRange range;           // credible range from the true reservations
  int declining = -1;              // side facing an adverse power shift in its lookahead
};

// The index of the package of `bargaining.packages` that names a settlement at terms s: the first
// with s >= at_least, else the last (the catch-all); -1 if there are no packages.
int TermsPackageOf(const Bargaining& bargaining, double terms);

// The optimism o_i(t) of side i at this step: o_i(0) (1 - narrows)^t / (1 + learning t), the
// mediator's factor only while its channel is open.
double OptimismAt(const Model& model, const State& state, int side);
// The probability of talks this step: sigma(talks + talks_cost (C_a + C_b) [+ mediator.talks
// while its channel is open]).
double TalksProbability(const Model& model, const State& state);
// The round of talks at the current state, with each belligerent's cost rate this step
// (`cost_rate[side]`) and `scratch` for 2 * Model::max_types doubles. Requires both
// belligerents and a bargaining clause. Deterministic: it draws nothing.
TalksResult Negotiate(const Model& model, const State& state, const double cost_rate[2],
                      double* scratch);

}  // namespace redline
