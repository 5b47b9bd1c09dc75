// Small Models built in C++ for the kernel's tests and benchmarks (independent of the YAML
// compiler). ModelBuilder fills a Model field by field with constant parameters;
// CrisisModel() is a compact Russia–Ukraine–NATO crisis with every mechanism switched on, and
// knobs for the property tests of MODEL.md §11. Not for production use.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace redline::testing {

class ModelBuilder {
 public:
  ModelBuilder();

  Param Const(double value);
  Param Dist(const Distribution& distribution);

  RungId Rung(const std::string& id);
  // An actor with one type (prior 1, stakes 1, cost_weight 1), quantal with lambda 1, H 1.
  ActorId Actor(const std::string& id, int favours = kNoSide, int belligerent = kNoSide);
  void Types(ActorId actor, const std::vector<std::vector<double>>& prior_stakes_cost);
  void Quantal(ActorId actor, double lambda, double lookahead);
  void Scripted(ActorId actor, std::vector<ScheduleEntry> schedule, double enforce = 0,
                double vote = 0);
  LeverId ActorLever(const std::string& id, ActorId owner, ActorId target, int max_change = 1);
  LeverId AllianceLever(const std::string& id, AllianceId owner, ActorId target);
  // Appends a level (cost/damage/aid 0, not perceived) and returns it for further settings.
  Level& AddLevel(LeverId lever, const std::string& id, RungId rung);
  void Perceive(LeverId lever, int level, ActorId observer, double weight);

  ConditionId Add(Condition condition);
  ConditionId LeverAtLeast(LeverId lever, int level);
  ConditionId StrikeOn(ActorId actor);
  ConditionId StrikeOnAlliance(AllianceId alliance);
  ConditionId MaxRungAtLeast(RungId rung);
  ConditionId Interference(double threshold);
  ConditionId Winner(int side);
  ConditionId Settled();
  ConditionId Always();

  RedLineId RedLine(const std::string& id, ActorId owner, ConditionId trigger, LeverId response,
                    int response_level, int deadline, double audience_cost, double value);
  AllianceId Alliance(const std::string& id, std::vector<ActorId> members, AllianceRule rule);
  void AllianceResponse(AllianceId alliance, LeverId lever, int proportionate, int total,
                        RungId total_from, double value, double credibility_cost);
  ChannelId Channel(const std::string& id, ActorId a, AllianceId b, double open,
                    double accuracy_open, double accuracy_closed);
  void ThirdParty(const std::string& id);
  OutcomeId Outcome(const std::string& id, ConditionId when);

  Model& model() { return model_; }
  // Adds the catch-all outcome if missing, runs FinalizeModel, returns the Model.
  Model Build();

 private:
  Model model_;
};

struct CrisisOptions {
  double hazard = 0.05;       // per-step incident probability of Russia's supply strikes
  double hotline_open = 1.0;  // P(hotline open)
  double accuracy_open = 0.9;
  double accuracy_closed = 0.2;
  double aid = 1.0;            // aid to Ukraine of the heavy-arms level
  double audience_cost = 1.0;  // Russia's public red line
  AllianceRule rule = AllianceRule::kMajority;
  bool usa_scripted = false;  // usa follows `usa_schedule` instead of quantal choice
  std::vector<ScheduleEntry> usa_schedule;
  bool russia_scripted = false;  // russia follows `russia_schedule`
  std::vector<ScheduleEntry> russia_schedule;
  double russia_enforce = 0.5;   // scripted russia's enforcement probability
  double vote_yes = 0.6;         // scripted members' vote probability
  bool members_scripted = true;  // poland and germany vote with vote_yes
  int horizon = 26;
};

// Actors: russia (a, belligerent, 2 types), ukraine (b, belligerent), usa, poland, germany
// (favour b); NATO = {usa, poland, germany}; third party china.
// Levers: arms (usa -> ukraine aid: none/light/heavy), supply_strikes (russia -> usa:
// none/strikes, interdicts b's aid, hazard on poland at rung limited_strike_nato),
// strike_poland (russia -> poland: none/strike, strikes territory), gas (russia -> poland),
// nato_force (NATO -> russia: none/limited/war).
// Red lines: no_heavy_arms (russia; arms >= heavy; response supply_strikes >= strikes;
// public), no_strike_russia (russia; strike on russia; response strike_poland).
// Outcomes: direct_war, limited_strike, victory_a, victory_b, settlement, still_fighting.
Model CrisisModel(const CrisisOptions& options = {});

}  // namespace redline::testing
