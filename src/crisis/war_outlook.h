// The expected war outcome an actor sees over its lookahead (docs/model.md §5.1, mechanism B1):
// first-passage probabilities of the balance to the decisive band, and the value of the war's
// prospects for a side. Pure arithmetic on doubles: no Model, no State, no allocation.
//
// The balance moves each step by mu + sigma * eps (mu = drift * net power, eps ~ N(0, 1)) and
// the war ends when |balance| >= band. Over a lookahead of H steps this is approximated by
// Brownian motion with drift mu and volatility sigma, whose first passage to a barrier has a
// closed form; the barrier is moved out by 0.5826 sigma (Broadie, Glasserman and Kou 1997)
// because the kernel checks the band only at the end of each step.
#pragma once

namespace redline {

// Standard normal distribution function and its logarithm (accurate far in the lower tail).
double NormalCdf(double z);
double LogNormalCdf(double z);

// The continuity correction for a barrier checked once per step: beta = -zeta(1/2)/sqrt(2 pi).
inline constexpr double kDiscreteBarrierShift = 0.5825971579390106;

// P(a walk from x with drift mu and volatility sigma per step reaches `barrier` > x within
// `horizon` steps): Phi((x - b + mu H)/(sigma sqrt H)) + exp(2 mu (b - x)/sigma^2)
// Phi((x - b - mu H)/(sigma sqrt H)), with b = barrier + kDiscreteBarrierShift * sigma; the
// product is formed in log space when it could overflow. sigma = 0: 1 if x + mu H >= barrier,
// else 0. x >= barrier: 1. A barrier further than 4.75 sigma sqrt(H) beyond the drift over H
// gives 0 (the probability is then below 1e-5 and neglected).
double UpCrossingProbability(double x, double mu, double sigma, double horizon, double barrier);

// What the war's prospects are worth, over `horizon` steps, for a side.
struct WarProspect {
  double p_up = 0;      // P(balance reaches +band: side a wins decisively)
  double p_down = 0;    // P(balance reaches -band: side b wins decisively)
  double standing = 0;  // clamp(x + mu H, -band, band): where the balance stands otherwise
};

// The decisive probabilities from the single-barrier values, scaled down together so that
// p_up + p_down <= 1 (a path that could reach both barriers is counted once). band <= 0 (no
// decisive band): p_up = p_down = 0 and standing = x + mu H (unclamped).
WarProspect ProspectOf(double x, double mu, double sigma, double horizon, double band);

// The war's value for an actor favouring side a (direction +1) or b (-1), in balance units:
//   dir = +1: band * p_up - defeat * p_down + (1 - p_up - p_down) * standing
//   dir = -1: band * p_down - defeat * p_up - (1 - p_up - p_down) * standing
// A decisive victory is worth the band (the war ends where the balance stands then); a decisive
// defeat costs `defeat` >= band (the theatre's decisive_value). With defeat == band the value
// is dir * E[balance stopped at the band], and the two sides' values sum to 0.
double ProspectValue(const WarProspect& prospect, int direction, double band, double defeat);

// The per-actor view of the war at the start of a step, computed once per decision and reused
// for every candidate move (the quantities that do not depend on the move).
struct WarView {
  double balance = 0;
  double drift = 0;    // V(drift): balance change per unit of net power
  double sigma = 0;    // V(noise)
  double band = 0;     // V(decisive_band)
  double defeat = 0;   // V(decisive_value)
  double horizon = 1;  // H of the deciding actor
  double net_power = 0;
  int direction = 0;  // +1 favours a, -1 favours b, 0 neither
  bool far = true;    // no barrier within reach of the current prospect (see WarValue)
  double value = 0;   // ProspectValue at the current net power (when !far, or once computed)
  // ValueAt the current net power is in `value` (computed when !far; when far, by the first
  // WarValue that needs it, so that the candidates of one decision compute it once).
  mutable bool has_value = false;
  mutable double lazy_value = 0;
  // Per view: kFarSigmas * sigma * sqrt(horizon) and band + kDiscreteBarrierShift * sigma (the
  // reach and the shifted barrier of the far-from-the-band test).
  double reach = 0;
  double shifted_band = 0;
};

WarView MakeWarView(double balance, double drift, double sigma, double band, double defeat,
                    double horizon, double net_power, int direction);

// War(m) = value at net power N + dN minus value at N, for the view's actor. When both net
// powers leave every barrier out of reach (each single-barrier probability below 1e-5, which
// is then neglected, and the standing unclamped) it is exactly the linear term
// direction * drift * dN * H of model 0.1.
double WarValue(const WarView& view, double net_power_change);
// WarValue's common cases without a call: no side (direction 0) or no change in net power.
inline double WarValueOf(const WarView& view, double net_power_change) {
  if (view.direction == 0 || net_power_change == 0.0) return 0.0;
  return WarValue(view, net_power_change);
}

}  // namespace redline
