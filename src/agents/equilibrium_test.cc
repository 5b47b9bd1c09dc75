// The equilibrium decision model against the deterrence game (MODEL §11 property 7): at many
// belief points and parameter settings its crossing, enforcement and vote probabilities equal
// the PBE computed in closed form and by the tree solver, for deterrence parameters computed
// here by hand from the model's numbers (docs/model.md, "Decision model: equilibrium").
// All numbers are dyadic, so the hand computations are exact in any order of operations.
#include "agents/equilibrium.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "agents/factory.h"
#include "agents/utility.h"
#include "crisis/state.h"
#include "games/library.h"
#include "model/limits.h"
#include "sim/simulator.h"
#include "testing/test_models.h"

namespace redline {
namespace {

using games::DeterrenceParams;
using games::DeterrencePbe;
using testing::ModelBuilder;

// A standoff: challenger C (equilibrium; types {cost weight k_C0, k_C1}, coercion value 1,
// lookahead H_C) can turn its lever `push` on (cost kappa per step, damage delta per step to
// D); D (equilibrium; types resolute {stakes s0, cost weight k0}, irresolute {s1, k1},
// lookahead H_D) has a red line against `push` whose response `hit` costs D rho per step and
// does theta per step of damage to C. Optionally C has a quiet lever `talk` worth `talk` per
// step. No war drift, so only coercion and costs matter.
struct Standoff {
  double prior = 0.5;                       // D's prior of type 0
  double s0 = 1, k0 = 0.5, s1 = 1, k1 = 2;  // D's types
  double k_c0 = 1, k_c1 = 2;                // C's cost weights
  double h_c = 2, h_d = 2;
  double kappa = 0.25, delta = 1, theta = 2.25, rho = 1;
  double value = 1, audience_cost = 1;
  bool public_line = true;
  double talk = 0;  // > 0: C also has a quiet lever worth `talk` coercion per step

  Model Build() const {
    ModelBuilder b;
    const RungId low = b.Rung("low");
    const RungId high = b.Rung("high");
    const ActorId d = b.Actor("defender", 0);
    const ActorId c = b.Actor("challenger", 1);
    b.Types(d, {{prior, s0, k0}, {1 - prior, s1, k1}});
    b.Types(c, {{0.5, 1, k_c0}, {0.5, 1, k_c1}});
    b.Quantal(d, 20, h_d);
    b.Quantal(c, 3, h_c);
    b.model().actors[d.index].decision.kind = DecisionKind::kEquilibrium;
    b.model().actors[c.index].decision.kind = DecisionKind::kEquilibrium;
    b.model().actors[c.index].coercion_value = b.Const(1);
    const LeverId push = b.ActorLever("push", c, d);
    b.AddLevel(push, "off", low);
    Level& on = b.AddLevel(push, "on", high);
    on.cost = b.Const(kappa);
    on.damage = b.Const(delta);
    if (talk > 0) {
      const LeverId quiet = b.ActorLever("talk", c, d);
      b.AddLevel(quiet, "off", low);
      b.AddLevel(quiet, "on", low).damage = b.Const(talk);
    }
    const LeverId hit = b.ActorLever("hit", d, c);
    b.AddLevel(hit, "off", low);
    Level& strike = b.AddLevel(hit, "on", high);
    strike.cost = b.Const(rho);
    strike.damage = b.Const(theta);
    const RedLineId line =
        b.RedLine("line", d, b.LeverAtLeast(push, 1), hit, 1, 2, audience_cost, value);
    b.model().red_lines[line.index].audience = public_line ? Audience::kPublic : Audience::kPrivate;
    b.model().horizon = 10;
    return b.Build();
  }

  // The deterrence game by hand for C's type `type`.
  DeterrenceParams Game(double belief, int type) const {
    const double k_c = type == 0 ? k_c0 : k_c1;
    DeterrenceParams game;
    game.prior_resolute = belief;
    game.challenger_gain = delta * h_c - k_c * kappa * h_c;  // coercion - own cost
    game.challenger_war_cost = k_c * theta * h_c;
    game.defender_stake = 0;
    game.audience_cost = public_line ? audience_cost : 0.0;
    game.resolute_war_cost = std::max(0.0, k0 * rho * h_d - s0 * value);
    game.irresolute_war_cost = std::max(0.0, k1 * rho * h_d - s1 * value);
    return game;
  }
};

constexpr ActorId kDefender(0);
constexpr ActorId kChallenger(1);
constexpr RedLineId kLine(0);

// A compiled standoff with its kernel caches filled, and the challenger's belief set.
struct Scene {
  Model model;
  Simulator simulator;
  State state;
  Scene(const Standoff& standoff, double belief)
      : model(standoff.Build()), simulator(model, MakeDecisionModels(model)) {
    state.Allocate(model);
    simulator.Reset(state, RunRng(7, 0));
    double* row = state.BeliefRow(kChallenger.index, kDefender);
    row[0] = belief;
    row[1] = 1 - belief;
  }
  const DecisionModel& decision(ActorId actor) const { return simulator.decision_model(actor); }

  // P(cross) for each of C's types: the mass on candidates that move `push` on.
  std::vector<double> CrossProbabilities(std::vector<Move> candidates) const {
    std::vector<double> out(2 * candidates.size());
    decision(kChallenger).MoveProbabilities(model, state, kChallenger, candidates, out);
    std::vector<double> cross(2, 0.0);
    for (int t = 0; t < 2; ++t) {
      double total = 0;
      for (std::size_t c = 0; c < candidates.size(); ++c) {
        const double p = out[t * candidates.size() + c];
        total += p;
        if (candidates[c].lever == LeverId(0) && candidates[c].level == 1) cross[t] += p;
      }
      EXPECT_NEAR(total, 1.0, 1e-12);
    }
    return cross;
  }
};

// Both solvers on the hand-made game; they must agree with each other.
DeterrencePbe Solve(const DeterrenceParams& game) {
  const DeterrencePbe closed = games::SolveDeterrenceClosedForm(game);
  Result<DeterrencePbe> tree = games::SolveDeterrence(game);
  EXPECT_TRUE(tree.ok());
  if (tree.ok()) {
    EXPECT_NEAR(tree->challenge, closed.challenge, 1e-9);
    EXPECT_NEAR(tree->resist_resolute, closed.resist_resolute, 1e-9);
    EXPECT_NEAR(tree->resist_irresolute, closed.resist_irresolute, 1e-9);
  }
  return closed;
}

struct Setting {
  std::string name;
  Standoff standoff;
};

// Enforcement regimes of D (net costs of enforcing: c0 = 0.5·1·2 − 1·value = 1 − value,
// c1 = 2·1·2 − 1·value = 4 − value) against the audience cost.
std::vector<Setting> Settings() {
  std::vector<Setting> settings;
  Standoff only_resolute;  // c0 = 0 <= 1 < c1 = 3
  settings.push_back({"only the resolute type enforces", only_resolute});
  Standoff both = only_resolute;  // c1 = 3 <= 3: a tie resists
  both.audience_cost = 3;
  settings.push_back({"both types enforce", both});
  Standoff neither = only_resolute;  // c0 = 1 > 0.5
  neither.value = 0;
  neither.audience_cost = 0.5;
  settings.push_back({"neither type enforces", neither});
  Standoff private_line = only_resolute;  // audience cost ignored: c0 = 0 <= 0 < c1
  private_line.public_line = false;
  private_line.audience_cost = 5;
  settings.push_back({"private line", private_line});
  Standoff eager = only_resolute;  // C gains more, fears less: cutoffs 9/13 and 1/2
  eager.delta = 2.5;
  eager.theta = 1;
  settings.push_back({"cheap threat", eager});
  return settings;
}

// C's type 0: gain 1.5, war cost 4.5, cutoff 0.25; type 1: gain 1, war cost 9, cutoff 0.1
// (in the first four settings). The beliefs straddle and hit both cutoffs.
const double kBeliefs[] = {0.0, 0.05, 0.1, 0.125, 0.2, 0.25, 0.3, 1.0 / 3, 0.5, 0.75, 1.0};

TEST(EquilibriumProperty7, CrossingAndEnforcementEqualTheDeterrencePbe) {
  int challenges = 0, refusals = 0;
  for (const Setting& setting : Settings()) {
    for (double belief : kBeliefs) {
      SCOPED_TRACE(setting.name + ", belief " + std::to_string(belief));
      const Scene scene(setting.standoff, belief);
      const std::vector<double> cross = scene.CrossProbabilities({Move{}, Move{LeverId(0), 1}});
      for (int t = 0; t < 2; ++t) {
        const DeterrencePbe pbe = Solve(setting.standoff.Game(belief, t));
        EXPECT_NEAR(cross[t], pbe.challenge, 1e-9) << "challenger type " << t;
        (pbe.challenge == 1.0 ? challenges : refusals) += 1;
        // The mapping the model uses is the hand-made game, field by field.
        const DeterrenceParams mapped =
            CrossingGame(scene.model, scene.state, kChallenger, TypeId(t), kLine,
                         setting.standoff.Game(belief, t).challenger_gain, setting.standoff.theta);
        const DeterrenceParams by_hand = setting.standoff.Game(belief, t);
        const MoveTerms terms =
            MoveUtilityTerms(scene.model, scene.state, kChallenger, Move{LeverId(0), 1},
                             Lookahead(scene.model, scene.state, kChallenger));
        EXPECT_EQ(ThreatFreeUtility(scene.model, scene.state, kChallenger, TypeId(t), terms),
                  by_hand.challenger_gain);
        EXPECT_EQ(mapped.prior_resolute, by_hand.prior_resolute);
        EXPECT_EQ(mapped.challenger_war_cost, by_hand.challenger_war_cost);
        EXPECT_EQ(mapped.audience_cost, by_hand.audience_cost);
        EXPECT_EQ(mapped.resolute_war_cost, by_hand.resolute_war_cost);
        EXPECT_EQ(mapped.irresolute_war_cost, by_hand.irresolute_war_cost);
        const DeterrencePbe defender = Solve(setting.standoff.Game(belief, 0));
        const double enforce = scene.decision(kDefender).EnforceProbability(
            scene.model, scene.state, kLine, TypeId(t));
        EXPECT_NEAR(enforce, t == 0 ? defender.resist_resolute : defender.resist_irresolute, 1e-9)
            << "defender type " << t;
      }
    }
  }
  // The grid exercises both sides of the cutoffs.
  EXPECT_GT(challenges, 10);
  EXPECT_GT(refusals, 10);
}

TEST(EquilibriumProperty7, ExactlyAtTheCutoffTheChallengerKeepsTheStatusQuo) {
  const Standoff standoff;  // type 0: p* = 1.5 / (1.5 + 4.5) = 0.25 exactly
  EXPECT_EQ(standoff.Game(0.25, 0).challenger_gain / (standoff.Game(0.25, 0).challenger_gain +
                                                      standoff.Game(0.25, 0).challenger_war_cost),
            0.25);
  EXPECT_EQ(Scene(standoff, 0.25).CrossProbabilities({Move{}, Move{LeverId(0), 1}})[0], 0.0);
  EXPECT_EQ(Scene(standoff, 0.2499).CrossProbabilities({Move{}, Move{LeverId(0), 1}})[0], 1.0);
}

TEST(EquilibriumModel, ChallengerGainIsMeasuredAgainstTheBestMoveThatCrossesNothing) {
  Standoff standoff;
  standoff.talk = 0.5;  // talking is worth 0.5·2 = 1 to either type: type 0's gain is 1.5 − 1
  const Scene scene(standoff, 0.1);
  const std::vector<Move> candidates = {Move{}, Move{LeverId(0), 1}, Move{LeverId(1), 1}};
  std::vector<double> out(2 * candidates.size());
  scene.decision(kChallenger)
      .MoveProbabilities(scene.model, scene.state, kChallenger, candidates, out);
  // Type 0: gain 0.5 against war cost 4.5 → cutoff 0.1; at belief 0.1 it does not challenge
  // and chooses between hold (0) and talk (1) by logit with lambda 3.
  DeterrenceParams game = standoff.Game(0.1, 0);
  game.challenger_gain = 0.5;
  EXPECT_EQ(Solve(game).challenge, 0.0);
  EXPECT_EQ(out[1], 0.0);
  EXPECT_NEAR(out[2], std::exp(3.0) / (1 + std::exp(3.0)), 1e-12);
  // Type 1 gains nothing over talking (1 − 1 = 0): no challenge either.
  EXPECT_EQ(out[3 + 1], 0.0);
  // Below the cutoff type 0 challenges with certainty, even though talking is worth more than
  // holding.
  const Scene doubtful(standoff, 0.05);
  doubtful.decision(kChallenger)
      .MoveProbabilities(doubtful.model, doubtful.state, kChallenger, candidates, out);
  EXPECT_EQ(out[1], 1.0);
  EXPECT_EQ(out[0] + out[2], 0.0);
}

TEST(EquilibriumModel, MovesThatCrossNothingAreChosenAsTheQuantalModelChoosesThem) {
  // Once the line is crossed, C's moves cross nothing: its rows are the quantal model's.
  Standoff standoff;
  Scene scene(standoff, 0.5);
  scene.state.level[0] = 1;
  scene.state.red_line_status[kLine.index] = RedLineStatus::kCrossed;
  const std::vector<Move> candidates = {Move{}, Move{LeverId(0), 0}};
  std::vector<double> equilibrium(4), quantal(4);
  scene.decision(kChallenger)
      .MoveProbabilities(scene.model, scene.state, kChallenger, candidates, equilibrium);
  for (int t = 0; t < 2; ++t) {
    const double lookahead = Lookahead(scene.model, scene.state, kChallenger);
    for (int c = 0; c < 2; ++c)
      quantal[t * 2 + c] = TypedUtility(
          scene.model, scene.state, kChallenger, TypeId(t),
          MoveUtilityTerms(scene.model, scene.state, kChallenger, candidates[c], lookahead));
    std::span<double> row(quantal.data() + 2 * t, 2);
    const double lambda = 3;
    const double best = std::max(row[0], row[1]);
    const double z = std::exp(lambda * (row[0] - best)) + std::exp(lambda * (row[1] - best));
    const double p0 = std::exp(lambda * (row[0] - best)) / z;
    EXPECT_NEAR(equilibrium[2 * t], p0, 1e-12);
    EXPECT_NEAR(equilibrium[2 * t + 1], 1 - p0, 1e-12);
  }
  EXPECT_GT(equilibrium[0], 0.5);  // undoing the push costs coercion: mostly hold
}

// Alliance votes: members M (equilibrium) and N share a response lever costing 2 per step
// (1 each); value_A and the credibility cost against c_t = k_t·1·H − s_t·value_A.
TEST(EquilibriumProperty7, VotesEqualTheDeterrencePbeWithTheMemberAsDefender) {
  struct Case {
    double value, credibility_cost;
  };
  for (const Case& k : {Case{1, 0}, Case{1, 2}, Case{1, 3}, Case{0, 0.5}, Case{0.5, 1.5}}) {
    ModelBuilder b;
    const RungId low = b.Rung("low");
    const ActorId attacker = b.Actor("attacker", 0);
    const ActorId m = b.Actor("m", 1);
    const ActorId n = b.Actor("n", 1);
    b.Types(m, {{0.7, 1, 0.5}, {0.3, 1, 2}});
    b.Quantal(m, 1, 2);
    b.model().actors[m.index].decision.kind = DecisionKind::kEquilibrium;
    const AllianceId nato = b.Alliance("nato", {m, n}, AllianceRule::kMajority);
    const LeverId response = b.AllianceLever("response", nato, attacker);
    b.AddLevel(response, "off", low);
    b.AddLevel(response, "on", low).cost = b.Const(2);
    b.AllianceResponse(nato, response, 1, 1, RungId(), k.value, k.credibility_cost);
    const LeverId strike = b.ActorLever("strike", attacker, m);
    b.AddLevel(strike, "off", low);
    b.AddLevel(strike, "on", low).strikes_territory = true;
    const Model model = b.Build();
    const Simulator simulator(model, MakeDecisionModels(model));
    State state;
    state.Allocate(model);
    simulator.Reset(state, RunRng(1, 0));
    EXPECT_EQ(AllianceChallenger(model, nato), attacker);
    DeterrenceParams game;
    game.prior_resolute = 0.7;  // the attacker's belief about m
    game.defender_stake = 0;
    game.audience_cost = k.credibility_cost;
    game.resolute_war_cost = std::max(0.0, 0.5 * 1 * 2 - 1 * k.value);
    game.irresolute_war_cost = std::max(0.0, 2 * 1 * 2 - 1 * k.value);
    const DeterrencePbe pbe = Solve(game);
    for (int t = 0; t < 2; ++t)
      EXPECT_NEAR(simulator.decision_model(m).VoteProbability(model, state, nato, m, TypeId(t)),
                  t == 0 ? pbe.resist_resolute : pbe.resist_irresolute, 1e-9)
          << "value " << k.value << " credibility cost " << k.credibility_cost << " type " << t;
  }
}

TEST(EquilibriumModel, MapsTheChallengerOfARedLineAndItsBelief) {
  const Standoff standoff;
  const Scene scene(standoff, 0.375);
  EXPECT_EQ(RedLineChallenger(scene.model, kLine), kChallenger);
  EXPECT_EQ(EnforcementGame(scene.model, scene.state, kLine, kChallenger).prior_resolute, 0.375);
  // No observer: the defender's prior; one type: resolute for sure.
  EXPECT_EQ(BeliefResolute(scene.model, scene.state, ActorId(), kDefender), 0.5);
}

TEST(EquilibriumModel, LimitsFindMoreThanTwoTypes) {
  Standoff standoff;
  Model model = standoff.Build();
  EXPECT_TRUE(FindLimitViolations(model).empty());
  const DecisionModels ok = MakeDecisionModels(model);
  ASSERT_EQ(ok.size(), model.actors.size());
  EXPECT_TRUE(ok[0]->TypeDependent());
  // A third type for the equilibrium challenger.
  model.actors[kChallenger.index].types.push_back(model.actors[kChallenger.index].types[0]);
  std::vector<LimitViolation> found = FindLimitViolations(model);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, LimitViolation::Kind::kEquilibriumTypes);
  EXPECT_EQ(found[0].actor, kChallenger);
  EXPECT_EQ(found[0].value, 3);
  // The factory only asserts: the scenario compiler refuses such a Model (montecarlo's
  // runnable_test and the validate goldens).
  EXPECT_DEBUG_DEATH(MakeDecisionModels(model), "scenario compiler would refuse");
  // A quantal red-line owner with three types, faced by an equilibrium challenger.
  model.actors[kChallenger.index].types.pop_back();
  model.actors[kDefender.index].decision.kind = DecisionKind::kQuantal;
  model.actors[kDefender.index].types.push_back(model.actors[kDefender.index].types[1]);
  model.max_types = 3;
  found = FindLimitViolations(model);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, LimitViolation::Kind::kRedLineOwnerTypes);
  EXPECT_EQ(found[0].actor, kDefender);
  EXPECT_EQ(found[0].red_line, kLine);
  EXPECT_EQ(found[0].equilibrium_actor, kChallenger);
}

}  // namespace
}  // namespace redline
