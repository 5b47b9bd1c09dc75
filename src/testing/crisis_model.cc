// The compact crisis used by the kernel's property tests and the benchmark (see test_models.h).
#include "testing/test_models.h"

namespace redline::testing {

Model CrisisModel(const CrisisOptions& o) {
  ModelBuilder b;
  const RungId diplomacy = b.Rung("diplomacy");
  const RungId economic = b.Rung("economic");
  const RungId arms = b.Rung("arms_supply");
  const RungId theatre_strikes = b.Rung("strikes_in_theatre");
  const RungId limited_nato = b.Rung("limited_strike_nato");
  const RungId direct_war = b.Rung("direct_war");
  const RungId nuclear = b.Rung("nuclear");

  const ActorId russia = b.Actor("russia", 0, 0);
  const ActorId ukraine = b.Actor("ukraine", 1, 1);
  const ActorId usa = b.Actor("usa", 1);
  const ActorId poland = b.Actor("poland", 1);
  const ActorId germany = b.Actor("germany", 1);
  b.ThirdParty("china");
  b.Types(russia, {{0.5, 10, 0.5}, {0.5, 3, 1.5}});
  b.Types(usa, {{0.6, 5, 0.5}, {0.4, 2, 1.0}});
  b.Types(poland, {{0.5, 4, 0.5}, {0.5, 1, 1.0}});
  b.Types(germany, {{0.5, 3, 0.5}, {0.5, 1, 1.5}});
  b.model().actors[russia.index].coercion_value = b.Const(0.2);
  b.Quantal(russia, 1.0, 3);
  b.Quantal(usa, 1.0, 3);
  b.Scripted(ukraine, {});
  if (o.members_scripted) {
    b.Scripted(poland, {}, 0, o.vote_yes);
    b.Scripted(germany, {}, 0, o.vote_yes);
  } else {
    b.Quantal(poland, 1.0, 3);
    b.Quantal(germany, 1.0, 3);
  }
  if (o.usa_scripted) b.Scripted(usa, o.usa_schedule, 0, o.vote_yes);
  if (o.russia_scripted) b.Scripted(russia, o.russia_schedule, o.russia_enforce, 0);
  const AllianceId nato = b.Alliance("nato", {usa, poland, germany}, o.rule);

  const LeverId arms_lever = b.ActorLever("arms", usa, ukraine);
  b.AddLevel(arms_lever, "none", diplomacy);
  Level& light = b.AddLevel(arms_lever, "light", arms);
  light.cost = b.Const(0.2);
  light.aid = b.Const(0.5 * o.aid);
  light.aid_side = 1;
  Level& heavy = b.AddLevel(arms_lever, "heavy", arms);
  heavy.cost = b.Const(0.5);
  heavy.aid = b.Const(o.aid);
  heavy.aid_side = 1;
  b.Perceive(arms_lever, 1, russia, 0.5);
  b.Perceive(arms_lever, 2, russia, 1.0);
  b.Perceive(arms_lever, 2, ActorId(5), 0.5);  // china (observer 5)

  const LeverId supply = b.ActorLever("supply_strikes", russia, usa);
  b.AddLevel(supply, "none", diplomacy);
  Level& strikes = b.AddLevel(supply, "strikes", theatre_strikes);
  strikes.cost = b.Const(0.3);
  strikes.damage = b.Const(0.5);
  strikes.interdiction = b.Const(0.5);
  strikes.hazards.push_back({b.Const(o.hazard), poland, limited_nato});
  for (ActorId observer : {usa, poland, germany, ActorId(5)}) b.Perceive(supply, 1, observer, 1.0);

  const LeverId strike_poland = b.ActorLever("strike_poland", russia, poland);
  b.AddLevel(strike_poland, "none", diplomacy);
  Level& strike = b.AddLevel(strike_poland, "strike", limited_nato);
  strike.cost = b.Const(1.0);
  strike.damage = b.Const(2.0);
  strike.strikes_territory = true;
  for (ActorId observer : {usa, poland, germany, ActorId(5)})
    b.Perceive(strike_poland, 1, observer, 1.0);

  const LeverId gas = b.ActorLever("gas", russia, poland);
  b.AddLevel(gas, "flowing", diplomacy);
  Level& cut = b.AddLevel(gas, "cut", economic);
  cut.cost = b.Const(0.1);
  cut.damage = b.Const(0.5);
  b.Perceive(gas, 1, poland, 1.0);

  const LeverId force = b.AllianceLever("nato_force", nato, russia);
  b.AddLevel(force, "none", diplomacy);
  Level& limited = b.AddLevel(force, "limited", direct_war);
  limited.cost = b.Const(1.0);
  limited.damage = b.Const(2.0);
  limited.strikes_territory = true;
  Level& war = b.AddLevel(force, "war", direct_war);
  war.cost = b.Const(3.0);
  war.damage = b.Const(5.0);
  war.strikes_territory = true;
  b.Perceive(force, 1, russia, 1.0);
  b.Perceive(force, 2, russia, 1.0);
  b.AllianceResponse(nato, force, 1, 2, nuclear, 1.0, 1.0);

  b.RedLine("no_heavy_arms", russia, b.LeverAtLeast(arms_lever, 2), supply, 1, 3, o.audience_cost,
            1.0);
  b.RedLine("no_strike_russia", russia, b.StrikeOn(russia), strike_poland, 1, 1, 0.0, 2.0);
  b.model().red_lines[0].audience = Audience::kPublic;
  b.model().red_lines[1].audience = Audience::kPrivate;

  b.Channel("hotline", russia, nato, o.hotline_open, o.accuracy_open, o.accuracy_closed);

  Theatre& t = b.model().theatre;
  t.drift = b.Const(0.1);
  t.noise = b.Const(0.3);
  t.decisive_band = b.Const(3.0);
  t.has_bargaining = true;
  t.bargaining.talks = b.Const(-5.0);
  t.bargaining.talks_cost = b.Const(0.01);

  b.Outcome("direct_war", b.MaxRungAtLeast(direct_war));
  b.Outcome("limited_strike", b.MaxRungAtLeast(limited_nato));
  b.Outcome("victory_a", b.Winner(0));
  b.Outcome("victory_b", b.Winner(1));
  b.Outcome("settlement", b.Settled());
  b.Outcome("still_fighting", b.Always());
  b.model().horizon = o.horizon;
  (void)economic;
  return b.Build();
}

}  // namespace redline::testing
