#include "report/narrative.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

#include "core/rng.h"
#include "crisis/state.h"
#include "report/format.h"
#include "report/reproduce.h"

namespace redline::report {

namespace {

// A belief change smaller than this is not worth a sentence.
constexpr double kBeliefMoved = 0.05;
// At most this many belief changes per step (the largest), then "and k more".
constexpr std::size_t kBeliefsShown = 3;

const std::string& ShortOrLabel(const std::string& short_label, const std::string& label) {
  return short_label.empty() ? label : short_label;
}

std::string StepRange(int first, int last) {
  return first == last ? fmt::format("Step {}", first) : fmt::format("Steps {}–{}", first, last);
}

}  // namespace

NarrativeWriter::NarrativeWriter(const Model& model)
    : model_(model),
      has_war_(!model.theatre.id.empty()),
      held_back_(model.red_lines.size(), -1),
      move_cause_(model.levers.size(), -1),
      struck_(model.levers.size(), -1),
      struck_before_(model.levers.size(), -1) {}

std::string NarrativeWriter::ActorName(ActorId actor) const {
  if (!actor.valid()) return "an alliance";
  const Actor& a = model_.actors[actor.index];
  return ShortOrLabel(a.short_label, a.label);
}

std::string NarrativeWriter::AllianceName(int alliance) const {
  const Alliance& a = model_.alliances[alliance];
  return ShortOrLabel(a.short_label, a.label);
}

std::string NarrativeWriter::ObserverName(int third_party) const {
  const ThirdParty& t = model_.third_parties[third_party];
  return ShortOrLabel(t.short_label, t.label);
}

std::string NarrativeWriter::LeverName(LeverId lever) const {
  const Lever& l = model_.levers[lever.index];
  return ShortOrLabel(l.short_label, l.label);
}

std::string NarrativeWriter::RedLineName(RedLineId red_line) const {
  const RedLine& r = model_.red_lines[red_line.index];
  return ShortOrLabel(r.short_label, r.label);
}

double NarrativeWriter::FirstTypeBelief(const State& state, int observer, int actor) const {
  return state.Belief(observer, ActorId(actor), 0);
}

void NarrativeWriter::Introduce(const State& state, const RunInfo& info, std::int64_t run) {
  text_ +=
      fmt::format("Run {}, seed {}. Reproduce: `{}`\n\n", run, info.seed, ReplayCommand(info, run));
  for (std::size_t a = 0; a < model_.actors.size(); ++a) {
    const Actor& actor = model_.actors[a];
    if (actor.types.size() < 2) continue;
    text_ += fmt::format("- {} is privately *{}*.\n", ActorName(ActorId(static_cast<int>(a))),
                         actor.types[state.type[a].index].id);
  }
  for (std::size_t c = 0; c < model_.channels.size(); ++c) {
    const Channel& channel = model_.channels[c];
    text_ += fmt::format("- The channel *{}* is {} in this run.\n", channel.label,
                         state.channel_open[c] ? "open" : "closed");
  }
  if (has_war_) {
    const double band = state.Value(model_.theatre.decisive_band);
    text_ +=
        fmt::format("- The war balance starts at {:+.2f} (positive favours {}, negative {}{}).\n",
                    state.balance, model_.theatre.side_labels[0], model_.theatre.side_labels[1],
                    band > 0 ? fmt::format("; ±{:.2f} is decisive", band) : "");
  }
}

void NarrativeWriter::OnStepBegin(const State& state) {
  sentences_.clear();
  std::fill(held_back_.begin(), held_back_.end(), -1);
  std::fill(move_cause_.begin(), move_cause_.end(), -1);
  struck_before_.swap(struck_);
  std::fill(struck_.begin(), struck_.end(), -1);
  continuing_.clear();
  const int actors = static_cast<int>(model_.actors.size());
  belief_from_.assign(static_cast<std::size_t>(model_.observer_count() * actors), 0.0);
  for (int o = 0; o < model_.observer_count(); ++o)
    for (int a = 0; a < actors; ++a) belief_from_[o * actors + a] = FirstTypeBelief(state, o, a);
  balance_from_ = state.balance;
  settle_probability_ = -1;
}

void NarrativeWriter::OnLeverMoved(const State&, LeverId lever, int from, int to, ActorId actor,
                                   MoveCause cause) {
  move_cause_[lever.index] = static_cast<int>(cause);
  const Lever& l = model_.levers[lever.index];
  std::string who = ActorName(actor);
  if (!actor.valid() && l.owner.alliance.valid()) who = AllianceName(l.owner.alliance.index);
  std::string why;
  if (cause == MoveCause::kEnforcement) why = " to enforce its red line";
  if (cause == MoveCause::kAlliance) why = " after its deliberation";
  if (cause == MoveCause::kConsequence) why = " as a consequence of that act";
  if (cause == MoveCause::kOrder) why = ", as ordered earlier";
  if (to > from && l.levels[to].act) {  // an act (docs/model.md §3.2)
    Say(fmt::format("{} carried out the act **{}** on *{}* (rung: {}){}.", who, l.levels[to].id,
                    LeverName(lever), model_.rungs[l.levels[to].rung.index].label, why));
    return;
  }
  Say(fmt::format("{} {} *{}* from {} to **{}** (rung: {}){}.", who,
                  to > from ? "raised" : "lowered", LeverName(lever), l.levels[from].id,
                  l.levels[to].id, model_.rungs[l.levels[to].rung.index].label, why));
}

void NarrativeWriter::OnOrder(const State& state, LeverId lever, int level, int lead) {
  const Lever& l = model_.levers[lever.index];
  Say(fmt::format("{} ordered *{}* to **{}**, to take effect at step {}.", ActorName(l.owner.actor),
                  LeverName(lever), l.levels[level].id, state.step + lead));
}

void NarrativeWriter::OnDemandSatisfied(const State&, RedLineId red_line) {
  const RedLine& r = model_.red_lines[red_line.index];
  Say(
      fmt::format("{}'s demand *{}* was **satisfied**: its terms were met before the deadline, "
                  "and the line is closed.",
                  ActorName(r.owner), RedLineName(red_line)));
}

void NarrativeWriter::OnRedLineWithdrawn(const State& state, RedLineId red_line) {
  const RedLine& r = model_.red_lines[red_line.index];
  const double* forecast = &state.withdraw_forecast[2 * red_line.index];
  Say(fmt::format(
      "{} **withdrew** its red line *{}* before it was tested (it judged it would be crossed "
      "with probability {} a step as it stood, {} without it).",
      ActorName(r.owner), RedLineName(red_line), Probability(forecast[0]),
      Probability(forecast[1])));
}

void NarrativeWriter::OnEnforceDecision(const State& state, RedLineId red_line, bool enforce,
                                        double probability) {
  if (enforce) return;  // the enforcing move and the enforcement itself are reported
  const RedLine& r = model_.red_lines[red_line.index];
  held_back_[red_line.index] = static_cast<int>(sentences_.size());
  Say(
      fmt::format("{} held back from enforcing *{}* this step (it enforces with probability {} "
                  "per step until step {}).",
                  ActorName(r.owner), RedLineName(red_line), Probability(probability),
                  state.crossed_step[red_line.index] + std::max(1, r.deadline)));
}

void NarrativeWriter::OnIncident(const State&, LeverId lever, int /*hazard*/, ActorId victim,
                                 RungId rung, bool perceived_deliberate) {
  Say(
      fmt::format("Accident: *{}* caused an incident on {}'s territory ({}); {} perceived it as "
                  "**{}**.",
                  LeverName(lever), ActorName(victim), model_.rungs[rung.index].label,
                  ActorName(victim), perceived_deliberate ? "deliberate" : "an accident"));
}

void NarrativeWriter::OnStrike(const State&, LeverId lever, ActorId target, RungId rung) {
  struck_[lever.index] = target.index;
  if (struck_before_[lever.index] == target.index) {
    continuing_.push_back(fmt::format("*{}* on {}", LeverName(lever), ActorName(target)));
    return;
  }
  Say(fmt::format("*{}* struck {}'s territory ({}).", LeverName(lever), ActorName(target),
                  model_.rungs[rung.index].label));
}

void NarrativeWriter::OnRedLineCrossed(const State& state, RedLineId red_line) {
  const RedLine& r = model_.red_lines[red_line.index];
  const std::string owner = ActorName(r.owner);
  const bool is_public = r.audience == Audience::kPublic;
  // An ambiguous threshold was private until now: name the one the line had (§7.5).
  std::string threshold;
  if (r.threshold_ambiguous()) {
    const Condition& c = model_.conditions[state.TriggerOf(model_, red_line).index];
    switch (c.kind) {
      case ConditionKind::kLeverAtLeast:
        threshold = fmt::format("*{}* at **{}**", LeverName(c.lever),
                                model_.levers[c.lever.index].levels[c.level].id);
        break;
      case ConditionKind::kInterferenceAtLeast:
        threshold = fmt::format("interference of **{:.2f}**", state.Value(c.threshold));
        break;
      default:
        threshold = fmt::format("rung **{}**", model_.rungs[c.rung.index].label);
        break;
    }
    threshold = fmt::format(" at its undisclosed threshold, {}", threshold);
  }
  if (state.red_line_status[red_line.index] == RedLineStatus::kInForce) {
    Say(
        fmt::format("{}'s {} red line *{}* was **crossed**{} while its response was already in "
                    "force (no enforcement decision).",
                    owner, is_public ? "public" : "private", RedLineName(red_line), threshold));
    return;
  }
  Say(
      fmt::format("{}'s {} red line *{}* was **crossed**{}; unless {} enforces it by step {}, it "
                  "lapses{}.",
                  owner, is_public ? "public" : "private", RedLineName(red_line), threshold, owner,
                  state.step + std::max(1, r.deadline),
                  is_public ? fmt::format(" and {} pays an audience cost of {:.2f}", owner,
                                          state.Value(r.audience_cost))
                            : ""));
}

void NarrativeWriter::OnRedLineEnforced(const State& state, RedLineId red_line) {
  const RedLine& r = model_.red_lines[red_line.index];
  const Lever& response = model_.levers[r.response_lever.index];
  const int cause = move_cause_[r.response_lever.index];
  if (cause == static_cast<int>(MoveCause::kEnforcement)) {
    // An ambiguous line's response was private until now: name the one taken (§7.4).
    Say(fmt::format(
        "{} **enforced** its red line *{}*{}.", ActorName(r.owner), RedLineName(red_line),
        r.ambiguous() ? fmt::format(": its undisclosed response was **{}** on *{}*",
                                    response.levels[state.response_level[red_line.index]].id,
                                    LeverName(r.response_lever))
                      : std::string()));
    return;
  }
  // The owner's ordinary move reached the threatened response: that is the enforcement, so the
  // enforcement decision it declined in the same step is not told (it would contradict this).
  if (held_back_[red_line.index] >= 0) sentences_[held_back_[red_line.index]].clear();
  if (cause == static_cast<int>(MoveCause::kDecision)) {
    Say(
        fmt::format("{} **enforced** its red line *{}*: its own move put *{}* at the threatened "
                    "**{}**.",
                    ActorName(r.owner), RedLineName(red_line), LeverName(r.response_lever),
                    response.levels[state.response_level[red_line.index]].id));
  } else {
    Say(
        fmt::format("{}'s red line *{}* counts as **enforced**: *{}* was already at the "
                    "threatened **{}** or above.",
                    ActorName(r.owner), RedLineName(red_line), LeverName(r.response_lever),
                    response.levels[state.response_level[red_line.index]].id));
  }
}

void NarrativeWriter::OnRedLineLapsed(const State& state, RedLineId red_line) {
  const RedLine& r = model_.red_lines[red_line.index];
  std::string cost;
  if (r.audience == Audience::kPublic)
    cost = fmt::format(" and paid an audience cost of {:.2f}", state.Value(r.audience_cost));
  Say(fmt::format("{}'s red line *{}* **lapsed** unenforced; {} lost credibility{}.",
                  ActorName(r.owner), RedLineName(red_line), ActorName(r.owner), cost));
}

void NarrativeWriter::OnVote(const State&, AllianceId alliance, ActorId member, bool yes,
                             double probability) {
  Say(fmt::format("In {}'s deliberation, {} voted **{}** (P(yes) = {:.2f}).",
                  AllianceName(alliance.index), ActorName(member), yes ? "yes" : "no",
                  probability));
}

void NarrativeWriter::OnAllianceDecision(const State&, AllianceId alliance, bool respond,
                                         int level) {
  const Alliance& a = model_.alliances[alliance.index];
  if (respond) {
    const Lever& lever = model_.levers[a.response_lever.index];
    Say(fmt::format("{} decided to respond: **{}**.", AllianceName(alliance.index),
                    lever.levels[level].id));
  } else {
    Say(fmt::format("{} decided **not** to respond.", AllianceName(alliance.index)));
  }
}

void NarrativeWriter::OnSettlementChance(const State&, double probability) {
  settle_probability_ = probability;
}

void NarrativeWriter::OnSettlement(const State& state) {
  const char* by = state.terms_by == 0   ? model_.theatre.side_labels[0].c_str()
                   : state.terms_by == 1 ? model_.theatre.side_labels[1].c_str()
                                         : "the mediator";
  const auto& packages = model_.theatre.bargaining.packages;
  // A named package (war.bargaining.terms): "they settled on terms +1.20: <its label>".
  const std::string terms =
      state.terms_package >= 0 && state.terms_package < static_cast<int>(packages.size())
          ? fmt::format(": they settled on terms {:+.2f}: {}", state.terms,
                        packages[state.terms_package].label)
          : fmt::format(" at terms s = {:+.2f}", state.terms);
  Say(fmt::format(
      "The belligerents reached a **negotiated settlement**{} ({} proposed; range [{:+.2f}, "
      "{:+.2f}]; its probability this step was {}).",
      terms, by, state.terms_range[0], state.terms_range[1], Probability(settle_probability_)));
}

void NarrativeWriter::OnDecisiveResult(const State& state, int side) {
  Say(fmt::format("The war ended in a **decisive result** for {} (balance {:+.2f}).",
                  model_.theatre.side_labels[side], state.balance));
}

std::string NarrativeWriter::CostsSoFar(const State& state) const {
  std::vector<int> shown;
  for (ActorId b : model_.belligerents)
    if (b.valid()) shown.push_back(b.index);
  if (shown.size() < 2) {  // no war between two actors: whoever has paid anything, largest first
    shown.clear();
    for (int a = 0; a < static_cast<int>(model_.actors.size()); ++a)
      if (state.cost[a] != 0) shown.push_back(a);
    std::stable_sort(shown.begin(), shown.end(),
                     [&](int x, int y) { return state.cost[x] > state.cost[y]; });
    if (shown.size() > kBeliefsShown) shown.resize(kBeliefsShown);
  }
  if (shown.empty()) return "";
  std::string text = "costs so far: ";
  for (std::size_t i = 0; i < shown.size(); ++i)
    text += fmt::format("{}{} {:.2f}", i ? ", " : "", ActorName(ActorId(shown[i])),
                        state.cost[shown[i]]);
  return text;
}

std::string NarrativeWriter::BeliefsMoved(const State& state) const {
  struct Move {
    int observer, actor;
    double from, to;
  };
  std::vector<Move> moved;
  const int actors = static_cast<int>(model_.actors.size());
  for (int o = 0; o < model_.observer_count(); ++o) {
    for (int a = 0; a < actors; ++a) {
      if (o == a || model_.actors[a].types.size() < 2) continue;
      const double from = belief_from_[o * actors + a];
      const double to = FirstTypeBelief(state, o, a);
      if (std::fabs(to - from) >= kBeliefMoved) moved.push_back({o, a, from, to});
    }
  }
  if (moved.empty()) return "";
  std::stable_sort(moved.begin(), moved.end(), [](const Move& x, const Move& y) {
    return std::fabs(x.to - x.from) > std::fabs(y.to - y.from);
  });
  std::string text = "beliefs moved: ";
  for (std::size_t i = 0; i < std::min(moved.size(), kBeliefsShown); ++i) {
    const Move& m = moved[i];
    const std::string observer =
        m.observer < actors ? ActorName(ActorId(m.observer)) : ObserverName(m.observer - actors);
    text +=
        fmt::format("{}{}'s belief that {} is *{}* {:.2f} → {:.2f}", i ? ", " : "", observer,
                    ActorName(ActorId(m.actor)), model_.actors[m.actor].types[0].id, m.from, m.to);
  }
  if (moved.size() > kBeliefsShown)
    text += fmt::format(" (and {} more)", moved.size() - kBeliefsShown);
  return text;
}

std::string NarrativeWriter::Explanation(const State& state) const {
  std::vector<std::string> parts;
  if (has_war_)
    parts.push_back(fmt::format("balance {:+.2f} ({:+.2f} this step)", state.balance,
                                state.balance - balance_from_));
  if (std::string costs = CostsSoFar(state); !costs.empty()) parts.push_back(costs);
  if (std::string beliefs = BeliefsMoved(state); !beliefs.empty()) parts.push_back(beliefs);
  if (settle_probability_ >= 0)
    parts.push_back("settlement probability " + Probability(settle_probability_));
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? "; " : "") + parts[i];
  return text;
}

void NarrativeWriter::FlushQuiet() {
  if (quiet_.first < 0) return;
  std::string detail;
  if (!quiet_.continuing.empty()) detail += "; strikes went on: " + quiet_.continuing;
  if (has_war_)
    detail += fmt::format("; balance {:+.2f} → {:+.2f}", quiet_.balance_from, quiet_.balance_to);
  if (quiet_.settle_max >= 0) {
    detail +=
        quiet_.settle_min == quiet_.settle_max
            ? fmt::format("; settlement probability {} per step", Probability(quiet_.settle_min))
            : fmt::format("; settlement probability {}–{} per step", Probability(quiet_.settle_min),
                          Probability(quiet_.settle_max));
  }
  text_ += fmt::format("\n**{}.** No change{}.\n", StepRange(quiet_.first, quiet_.last), detail);
  quiet_ = QuietSteps{};
}

void NarrativeWriter::OnStepEnd(const State& state) {
  const int step = state.step - 1;  // the kernel has already counted the step
  const bool eventful = std::any_of(sentences_.begin(), sentences_.end(),
                                    [](const std::string& s) { return !s.empty(); });
  std::string continuing;
  for (std::size_t i = 0; i < continuing_.size(); ++i)
    continuing += (i ? ", " : "") + continuing_[i];
  if (!eventful) {
    if (quiet_.first < 0) {
      quiet_.first = step;
      quiet_.balance_from = balance_from_;
      quiet_.continuing = continuing;  // unchanged through the span: a strike stops by a move
    }
    quiet_.last = step;
    quiet_.balance_to = state.balance;
    if (settle_probability_ >= 0) {
      quiet_.settle_min = std::min(quiet_.settle_min, settle_probability_);
      quiet_.settle_max = std::max(quiet_.settle_max, settle_probability_);
    }
    return;
  }
  FlushQuiet();
  text_ += fmt::format("\n**Step {}.**\n", step);
  for (const std::string& sentence : sentences_)
    if (!sentence.empty()) text_ += "- " + sentence + "\n";
  if (!continuing.empty()) text_ += "- Strikes went on: " + continuing + ".\n";
  if (std::string why = Explanation(state); !why.empty()) text_ += "- *Why:* " + why + ".\n";
}

void NarrativeWriter::OnOutcome(const State& state, OutcomeId outcome) {
  FlushQuiet();
  const std::string steps = state.step == 1 ? "1 step (step 0)"
                            : state.step > 1
                                ? fmt::format("{} steps (0–{})", state.step, state.step - 1)
                                : "0 steps";
  text_ +=
      fmt::format("\nOutcome after {}: **{}**.\n", steps, model_.outcomes[outcome.index].label);
  // The causal chain to the highest rung (docs/model.md §11.1).
  const Rung& rung = model_.rungs[state.highest_rung];
  text_ += fmt::format("Pathway to the highest rung ({}): {}.\n",
                       rung.label.empty() ? rung.id : rung.label, PathwayLabel(state.pathway));
}

std::string NarrateRun(const Simulator& simulator, const RunInfo& info, std::int64_t run) {
  const Model& model = simulator.model();
  State state;
  state.Allocate(model);
  const RunRng rng(info.seed, static_cast<std::uint64_t>(run));
  NarrativeWriter writer(model);
  simulator.Reset(state, rng);
  writer.Introduce(state, info, run);
  if (model.horizon <= 0) state.done = true;
  while (!state.done) simulator.Step(state, rng, &writer);
  writer.OnOutcome(state, simulator.ClassifyOutcome(state));
  return writer.text();
}

void WriteNarratives(const Simulator& simulator, const RunInfo& info,
                     const std::vector<std::int64_t>& first_run, std::ostream& out) {
  const Model& model = simulator.model();
  out << fmt::format(
      "# Narratives: {}\n\nFor each outcome, the first run (seed {}) that ended in it, step by "
      "step. Steps are numbered from 0; `redline replay` with the run's reproduce line prints "
      "the same narrative.\n",
      model.name, info.seed);
  for (std::size_t o = 0; o < model.outcomes.size(); ++o) {
    out << fmt::format("\n## {}\n\n", model.outcomes[o].label);
    if (first_run[o] < 0) {
      out << "No run ended in this outcome.\n";
      continue;
    }
    out << NarrateRun(simulator, info, first_run[o]);
  }
}

}  // namespace redline::report
