#include "report/narrative.h"

#include <fmt/format.h>

#include <ostream>

#include "core/rng.h"
#include "crisis/state.h"

namespace redline::report {

namespace {
const char* SideName(const Model& model, int side) {
  return model.theatre.side_labels[side].empty() ? (side == 0 ? "side a" : "side b")
                                                 : model.theatre.side_labels[side].c_str();
}
}  // namespace

std::string NarrativeWriter::ActorName(ActorId actor) const {
  if (!actor.valid()) return "an alliance";
  const Actor& a = model_.actors[actor.index];
  return a.label.empty() ? a.id : a.label;
}

std::string NarrativeWriter::LeverName(LeverId lever) const {
  const Lever& l = model_.levers[lever.index];
  return l.label.empty() ? l.id : l.label;
}

void NarrativeWriter::Say(const State& state, const std::string& sentence) {
  if (heading_step_ != state.step) {
    heading_step_ = state.step;
    text_ += fmt::format("\n**Step {}.**\n", state.step + 1);
  }
  text_ += "- " + sentence + "\n";
}

void NarrativeWriter::Introduce(const State& state, std::int64_t run) {
  text_ += fmt::format("Run {} (reproduce with `--seed` and this run index).\n\n", run);
  for (std::size_t a = 0; a < model_.actors.size(); ++a) {
    const Actor& actor = model_.actors[a];
    if (actor.types.size() < 2) continue;
    text_ += fmt::format("- {} is privately *{}*.\n", ActorName(ActorId(static_cast<int>(a))),
                         actor.types[state.type[a].index].id);
  }
  for (std::size_t c = 0; c < model_.channels.size(); ++c) {
    const Channel& channel = model_.channels[c];
    text_ += fmt::format("- The channel *{}* is {} in this run.\n",
                         channel.label.empty() ? channel.id : channel.label,
                         state.channel_open[c] ? "open" : "closed");
  }
}

void NarrativeWriter::OnStepBegin(const State&) {}

void NarrativeWriter::OnLeverMoved(const State& state, LeverId lever, int from, int to,
                                   ActorId actor, MoveCause cause) {
  const Lever& l = model_.levers[lever.index];
  const std::string& from_id = l.levels[from].id;
  const std::string& to_id = l.levels[to].id;
  std::string who = ActorName(actor);
  if (!actor.valid() && l.owner.alliance.valid()) {
    const Alliance& alliance = model_.alliances[l.owner.alliance.index];
    who = alliance.label.empty() ? alliance.id : alliance.label;
  }
  const char* verb = to > from ? "raised" : "lowered";
  std::string why;
  if (cause == MoveCause::kEnforcement) why = " to enforce its red line";
  if (cause == MoveCause::kAlliance) why = " after its deliberation";
  Say(state, fmt::format("{} {} *{}* from {} to **{}** (rung: {}){}.", who, verb, LeverName(lever),
                         from_id, to_id, model_.rungs[l.levels[to].rung.index].label, why));
}

void NarrativeWriter::OnEnforceDecision(const State& state, RedLineId red_line, bool enforce,
                                        double probability) {
  if (enforce) return;  // the enforcement itself is reported
  const RedLine& r = model_.red_lines[red_line.index];
  Say(state, fmt::format("{} held back from enforcing *{}* (it enforced with probability {:.2f} "
                         "this step).",
                         ActorName(r.owner), r.label.empty() ? r.id : r.label, probability));
}

void NarrativeWriter::OnIncident(const State& state, LeverId lever, int /*hazard*/, ActorId victim,
                                 RungId rung, bool perceived_deliberate) {
  Say(state, fmt::format("Accident: *{}* caused an incident on {}'s territory ({}); {} perceived "
                         "it as **{}**.",
                         LeverName(lever), ActorName(victim), model_.rungs[rung.index].label,
                         ActorName(victim), perceived_deliberate ? "deliberate" : "an accident"));
}

void NarrativeWriter::OnStrike(const State& state, LeverId lever, ActorId target, RungId rung) {
  Say(state, fmt::format("*{}* struck {}'s territory ({}).", LeverName(lever), ActorName(target),
                         model_.rungs[rung.index].label));
}

void NarrativeWriter::OnRedLineCrossed(const State& state, RedLineId red_line) {
  const RedLine& r = model_.red_lines[red_line.index];
  if (state.red_line_status[red_line.index] == RedLineStatus::kInForce) {
    Say(state,
        fmt::format("{}'s {} red line *{}* was **crossed** while its response was already in force "
                    "(no enforcement decision).",
                    ActorName(r.owner), r.audience == Audience::kPublic ? "public" : "private",
                    r.label.empty() ? r.id : r.label));
    return;
  }
  Say(state, fmt::format("{}'s {} red line *{}* was **crossed**; its deadline is {} step(s).",
                         ActorName(r.owner), r.audience == Audience::kPublic ? "public" : "private",
                         r.label.empty() ? r.id : r.label, r.deadline));
}

void NarrativeWriter::OnRedLineEnforced(const State& state, RedLineId red_line) {
  const RedLine& r = model_.red_lines[red_line.index];
  Say(state, fmt::format("{} **enforced** its red line *{}*.", ActorName(r.owner),
                         r.label.empty() ? r.id : r.label));
}

void NarrativeWriter::OnRedLineLapsed(const State& state, RedLineId red_line) {
  const RedLine& r = model_.red_lines[red_line.index];
  std::string cost;
  if (r.audience == Audience::kPublic)
    cost = fmt::format(" and paid an audience cost of {:.2f}", state.Value(r.audience_cost));
  Say(state,
      fmt::format("{}'s red line *{}* **lapsed** unenforced; {} lost credibility{}.",
                  ActorName(r.owner), r.label.empty() ? r.id : r.label, ActorName(r.owner), cost));
}

void NarrativeWriter::OnVote(const State& state, AllianceId alliance, ActorId member, bool yes,
                             double probability) {
  const Alliance& a = model_.alliances[alliance.index];
  Say(state, fmt::format("In {}'s deliberation, {} voted **{}** (P(yes) = {:.2f}).",
                         a.label.empty() ? a.id : a.label, ActorName(member), yes ? "yes" : "no",
                         probability));
}

void NarrativeWriter::OnAllianceDecision(const State& state, AllianceId alliance, bool respond,
                                         int level) {
  const Alliance& a = model_.alliances[alliance.index];
  const std::string name = a.label.empty() ? a.id : a.label;
  if (respond) {
    const Lever& lever = model_.levers[a.response_lever.index];
    Say(state, fmt::format("{} decided to respond: **{}**.", name, lever.levels[level].id));
  } else {
    Say(state, fmt::format("{} decided **not** to respond.", name));
  }
}

void NarrativeWriter::OnSettlement(const State& state) {
  Say(state, "The belligerents reached a **negotiated settlement**.");
}

void NarrativeWriter::OnDecisiveResult(const State& state, int side) {
  Say(state, fmt::format("The war ended in a **decisive result** for {} (balance {:+.2f}).",
                         SideName(model_, side), state.balance));
}

void NarrativeWriter::OnOutcome(const State& state, OutcomeId outcome) {
  const Outcome& o = model_.outcomes[outcome.index];
  text_ += fmt::format("\nOutcome after {} step(s): **{}**.\n", state.step,
                       o.label.empty() ? o.id : o.label);
}

std::string NarrateRun(const Simulator& simulator, std::uint64_t seed, std::int64_t run) {
  const Model& model = simulator.model();
  State state;
  state.Allocate(model);
  const RunRng rng(seed, static_cast<std::uint64_t>(run));
  NarrativeWriter writer(model);
  simulator.Reset(state, rng);
  writer.Introduce(state, run);
  while (!state.done) simulator.Step(state, rng, &writer);
  writer.OnOutcome(state, simulator.ClassifyOutcome(state));
  return writer.text();
}

void WriteNarratives(const Simulator& simulator, std::uint64_t seed,
                     const std::vector<std::int64_t>& first_run, std::ostream& out) {
  const Model& model = simulator.model();
  out << fmt::format(
      "# Narratives: {}\n\nFor each outcome, the first run (seed {}) that ended "
      "in it, step by step.\n",
      model.name, seed);
  for (std::size_t o = 0; o < model.outcomes.size(); ++o) {
    const Outcome& outcome = model.outcomes[o];
    out << fmt::format("\n## {}\n\n", outcome.label.empty() ? outcome.id : outcome.label);
    if (first_run[o] < 0) {
      out << "No run ended in this outcome.\n";
      continue;
    }
    out << NarrateRun(simulator, seed, first_run[o]);
  }
}

}  // namespace redline::report
