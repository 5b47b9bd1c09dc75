#include "testing/test_models.h"

#include <utility>

#include "model/finalize.h"

namespace redline::testing {

ModelBuilder::ModelBuilder() {
  model_.name = "test";
  Theatre& t = model_.theatre;
  t.initial_balance = Const(0);
  t.power[0] = Const(1);
  t.power[1] = Const(1);
  t.drift = Const(0);
  t.noise = Const(0);
  t.decisive_band = Const(0);
  t.side_labels[0] = "a";
  t.side_labels[1] = "b";
}

Param ModelBuilder::Const(double value) { return Dist(Distribution::Constant(value)); }

Param ModelBuilder::Dist(const Distribution& distribution) {
  model_.parameters.push_back(distribution);
  model_.parameter_paths.push_back("p" + std::to_string(model_.parameters.size() - 1));
  return Param{static_cast<std::int32_t>(model_.parameters.size() - 1)};
}

RungId ModelBuilder::Rung(const std::string& id) {
  model_.rungs.push_back({id, id});
  return RungId(static_cast<int>(model_.rungs.size()) - 1);
}

ActorId ModelBuilder::Actor(const std::string& id, int favours, int belligerent) {
  redline::Actor actor;
  actor.id = actor.label = id;
  actor.favours = favours;
  actor.belligerent = belligerent;
  actor.coercion_value = Const(0);
  actor.types.push_back({"only", Const(1), Const(1), Const(1)});
  actor.decision.kind = DecisionKind::kQuantal;
  actor.decision.lambda = Const(1);
  actor.decision.lookahead = Const(1);
  actor.decision.enforce_probability = Const(0);
  actor.decision.vote_probability = Const(0);
  model_.actors.push_back(std::move(actor));
  return ActorId(static_cast<int>(model_.actors.size()) - 1);
}

void ModelBuilder::Types(ActorId actor, const std::vector<std::vector<double>>& types) {
  auto& list = model_.actors[actor.index].types;
  list.clear();
  for (std::size_t t = 0; t < types.size(); ++t)
    list.push_back(
        {"t" + std::to_string(t), Const(types[t][0]), Const(types[t][1]), Const(types[t][2])});
}

void ModelBuilder::Quantal(ActorId actor, double lambda, double lookahead) {
  DecisionSpec& d = model_.actors[actor.index].decision;
  d.kind = DecisionKind::kQuantal;
  d.lambda = Const(lambda);
  d.lookahead = Const(lookahead);
}

void ModelBuilder::Scripted(ActorId actor, std::vector<ScheduleEntry> schedule, double enforce,
                            double vote) {
  DecisionSpec& d = model_.actors[actor.index].decision;
  d.kind = DecisionKind::kScripted;
  d.schedule = std::move(schedule);
  d.enforce_probability = Const(enforce);
  d.vote_probability = Const(vote);
}

LeverId ModelBuilder::ActorLever(const std::string& id, ActorId owner, ActorId target,
                                 int max_change) {
  redline::Lever lever;
  lever.id = lever.label = id;
  lever.owner.actor = owner;
  lever.target = target;
  lever.max_change = max_change;
  model_.levers.push_back(std::move(lever));
  return LeverId(static_cast<int>(model_.levers.size()) - 1);
}

LeverId ModelBuilder::AllianceLever(const std::string& id, AllianceId owner, ActorId target) {
  redline::Lever lever;
  lever.id = lever.label = id;
  lever.owner.alliance = owner;
  lever.target = target;
  model_.levers.push_back(std::move(lever));
  return LeverId(static_cast<int>(model_.levers.size()) - 1);
}

Level& ModelBuilder::AddLevel(LeverId lever, const std::string& id, RungId rung) {
  Level level;
  level.id = id;
  level.rung = rung;
  level.cost = Const(0);
  level.damage = Const(0);
  level.aid = Const(0);
  level.interdiction = Const(0);
  auto& levels = model_.levers[lever.index].levels;
  levels.push_back(std::move(level));
  return levels.back();
}

void ModelBuilder::Perceive(LeverId lever, int level, ActorId observer, double weight) {
  Param w = Const(weight);
  // Each observer at most once per level, as the scenario compiler guarantees (the kernel's
  // belief updates rely on it): a second call replaces the weight.
  for (Perception& p : model_.levers[lever.index].levels[level].perceived)
    if (p.observer.index == observer.index) {
      p.weight = w;
      return;
    }
  model_.levers[lever.index].levels[level].perceived.push_back({ObserverId(observer.index), w});
}

ConditionId ModelBuilder::Add(Condition condition) {
  model_.conditions.push_back(std::move(condition));
  return ConditionId(static_cast<int>(model_.conditions.size()) - 1);
}

ConditionId ModelBuilder::LeverAtLeast(LeverId lever, int level) {
  Condition c;
  c.kind = ConditionKind::kLeverAtLeast;
  c.lever = lever;
  c.level = level;
  return Add(c);
}

ConditionId ModelBuilder::StrikeOn(ActorId actor) {
  Condition c;
  c.kind = ConditionKind::kStrikeOn;
  c.actor = actor;
  return Add(c);
}

ConditionId ModelBuilder::StrikeOnAlliance(AllianceId alliance) {
  Condition c;
  c.kind = ConditionKind::kStrikeOn;
  c.alliance = alliance;
  return Add(c);
}

ConditionId ModelBuilder::MaxRungAtLeast(RungId rung) {
  Condition c;
  c.kind = ConditionKind::kMaxRungAtLeast;
  c.rung = rung;
  return Add(c);
}

ConditionId ModelBuilder::Interference(double threshold) {
  Condition c;
  c.kind = ConditionKind::kInterferenceAtLeast;
  c.threshold = Const(threshold);
  return Add(c);
}

ConditionId ModelBuilder::Winner(int side) {
  Condition c;
  c.kind = ConditionKind::kWinner;
  c.side = side;
  return Add(c);
}

ConditionId ModelBuilder::Settled() {
  Condition c;
  c.kind = ConditionKind::kSettled;
  return Add(c);
}

ConditionId ModelBuilder::Always() { return Add(Condition{}); }

RedLineId ModelBuilder::RedLine(const std::string& id, ActorId owner, ConditionId trigger,
                                LeverId response, int response_level, int deadline,
                                double audience_cost, double value) {
  redline::RedLine line;
  line.id = line.label = id;
  line.owner = owner;
  line.trigger = trigger;
  line.response_lever = response;
  line.response_level = response_level;
  line.deadline = deadline;
  line.audience_cost = Const(audience_cost);
  line.value = Const(value);
  model_.red_lines.push_back(std::move(line));
  return RedLineId(static_cast<int>(model_.red_lines.size()) - 1);
}

AllianceId ModelBuilder::Alliance(const std::string& id, std::vector<ActorId> members,
                                  AllianceRule rule) {
  redline::Alliance alliance;
  alliance.id = alliance.label = id;
  alliance.rule = rule;
  for (std::size_t i = 0; i < members.size(); ++i) alliance.weights.push_back(Const(1));
  alliance.members = std::move(members);
  alliance.threshold = Const(0.5);
  alliance.leader = alliance.members.empty() ? ActorId() : alliance.members[0];
  alliance.value = Const(0);
  alliance.credibility_cost = Const(0);
  model_.alliances.push_back(std::move(alliance));
  return AllianceId(static_cast<int>(model_.alliances.size()) - 1);
}

void ModelBuilder::AllianceResponse(AllianceId alliance, LeverId lever, int proportionate,
                                    int total, RungId total_from, double value,
                                    double credibility_cost) {
  redline::Alliance& a = model_.alliances[alliance.index];
  a.response_lever = lever;
  a.proportionate_level = proportionate;
  a.total_level = total;
  a.total_from = total_from;
  a.value = Const(value);
  a.credibility_cost = Const(credibility_cost);
}

ChannelId ModelBuilder::Channel(const std::string& id, ActorId a, AllianceId b, double open,
                                double accuracy_open, double accuracy_closed) {
  redline::Channel channel;
  channel.id = channel.label = id;
  channel.ends[0].actor = a;
  channel.ends[1].alliance = b;
  channel.open_probability = Const(open);
  channel.accuracy_open = Const(accuracy_open);
  channel.accuracy_closed = Const(accuracy_closed);
  model_.channels.push_back(std::move(channel));
  return ChannelId(static_cast<int>(model_.channels.size()) - 1);
}

void ModelBuilder::ThirdParty(const std::string& id) {
  model_.third_parties.push_back({id, id, ""});
}

OutcomeId ModelBuilder::Outcome(const std::string& id, ConditionId when) {
  model_.outcomes.push_back({id, id, when});
  return OutcomeId(static_cast<int>(model_.outcomes.size()) - 1);
}

Model ModelBuilder::Build() {
  if (model_.outcomes.empty() ||
      model_.conditions[model_.outcomes.back().when.index].kind != ConditionKind::kAlways)
    Outcome("other", Always());
  FinalizeModel(model_);
  return model_;
}

}  // namespace redline::testing
