#include "scenario/conditions.h"

#include <algorithm>

#include "scenario/node_reader.h"
#include "scenario/schema.h"

namespace redline::scenario {

namespace {

// Triggers are read each step while the war goes on: the end of the war (winner, settled) and
// `always` make no sense there. Outcomes are read once at the end of a run, where there is no
// perceiver for interference.
const schema::Keys kTriggerForms = {"all",
                                    "any",
                                    "not",
                                    "lever",
                                    "interference_at_least",
                                    "strike_on",
                                    "rung_at_least",
                                    "max_rung_at_least",
                                    "red_line_enforced",
                                    "alliance_responded"};
const schema::Keys kOutcomeForms = {"all",
                                    "any",
                                    "not",
                                    "max_rung_at_least",
                                    "winner",
                                    "settled",
                                    "red_line_enforced",
                                    "red_line_withdrawn",
                                    "alliance_responded",
                                    "strike_on",
                                    "lever",
                                    "rung_at_least",
                                    "always"};

bool Contains(const schema::Keys& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

class ConditionCompiler {
 public:
  ConditionCompiler(ConditionContext context, CompileContext& ctx) : context_(context), ctx_(ctx) {}

  ConditionId Compile(const YamlNode& node, const std::string& path) {
    const std::string* form = FindForm(node, path);
    if (form == nullptr) return ConditionId();
    const YamlNode& value = *node.Find(*form);
    const std::string value_path = path + "." + *form;
    Condition condition;
    bool ok = true;
    const ConditionId id(static_cast<int>(ctx_.model.conditions.size()));
    ctx_.model.conditions.emplace_back();  // reserve the parent's slot before its children
    if (*form == "all" || *form == "any") {
      condition.kind = *form == "all" ? ConditionKind::kAll : ConditionKind::kAny;
      ok = Children(value, value_path, condition);
    } else if (*form == "not") {
      condition.kind = ConditionKind::kNot;
      const ConditionId child = Compile(value, value_path);
      ok = child.valid();
      condition.children.push_back(child);
    } else {
      ok = Leaf(*form, node, path, condition);
    }
    if (!ok) return ConditionId();
    ctx_.model.conditions[id.index] = condition;
    return id;
  }

 private:
  // The one form key of `node`, after checking its keys; nullptr (reported) if none is usable.
  const std::string* FindForm(const YamlNode& node, const std::string& path) {
    const schema::Keys& allowed =
        context_ == ConditionContext::kTrigger ? kTriggerForms : kOutcomeForms;
    const std::string where =
        context_ == ConditionContext::kTrigger ? "a red-line trigger" : "an outcome condition";
    if (!node.IsMapping()) {
      ctx_.Error(
          node.where, path,
          "expected a condition mapping such as {" + allowed[3] + ": ...}, got " + node.Describe());
      return nullptr;
    }
    const std::string* form = nullptr;
    bool ok = true;
    for (const YamlEntry& entry : node.entries) {
      const bool is_form = Contains(schema::kConditionForms, entry.key);
      if (!is_form && !Contains(schema::kConditionCompanions, entry.key)) {
        schema::Keys candidates = allowed;
        candidates.insert(candidates.end(), schema::kConditionCompanions.begin(),
                          schema::kConditionCompanions.end());
        ctx_.Error(entry.key_where, path,
                   "unknown condition key '" + entry.key + "'" + DidYouMean(entry.key, candidates));
        ok = false;
      } else if (is_form && !Contains(allowed, entry.key)) {
        ctx_.Error(entry.key_where, path,
                   "'" + entry.key + "' cannot be used in " + where + "; there it can be one of " +
                       JoinChoices(allowed));
        ok = false;
      } else if (is_form && form != nullptr) {
        ctx_.Error(entry.key_where, path,
                   "a condition has one form, but this one has both '" + *form + "' and '" +
                       entry.key + "'; combine them with all: [...] or any: [...]");
        ok = false;
      } else if (is_form) {
        form = &entry.key;
      }
    }
    if (ok && form == nullptr) {
      ctx_.Error(node.where, path, "a condition needs one of " + JoinChoices(allowed));
    }
    return ok ? form : nullptr;
  }

  bool Children(const YamlNode& list, const std::string& path, Condition& condition) {
    if (!ExpectList(list, path, "conditions", ctx_.errors)) return false;
    if (list.items.empty()) {
      ctx_.Error(list.where, path, "needs at least one condition");
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const ConditionId child = Compile(list.items[i], path + "." + std::to_string(i));
      ok = ok && child.valid();
      condition.children.push_back(child);
    }
    return ok;
  }

  // Companion keys: `at_least` goes with `lever`, `by` with `rung_at_least`, nothing else.
  bool Companions(const std::string& form, const YamlNode& node, const std::string& path) {
    bool ok = true;
    for (const YamlEntry& entry : node.entries) {
      const bool expected = (entry.key == "at_least" && form == "lever") ||
                            (entry.key == "by" && form == "rung_at_least");
      if (Contains(schema::kConditionCompanions, entry.key) && !expected) {
        ctx_.Error(entry.key_where, path, "'" + entry.key + "' does not go with '" + form + "'");
        ok = false;
      }
    }
    return ok;
  }

  bool RequireTrue(const YamlNode& value, const std::string& path, const std::string& form) {
    std::optional<bool> flag = ReadBool(value, path, ctx_.errors);
    if (flag && !*flag) {
      ctx_.Error(value.where, path,
                 "only '" + form +
                     ": true' is meaningful; for the opposite "
                     "write not: {" +
                     form + ": true}");
      return false;
    }
    return flag.has_value();
  }

  // settled: PACKAGE — the index of a war.bargaining.terms package (compiled before the
  // outcomes), or -1 (reported).
  int PackageIndex(const YamlNode& value, const std::string& path) {
    const std::vector<TermsPackage>& packages = ctx_.model.theatre.bargaining.packages;
    std::vector<std::string> ids;
    for (std::size_t k = 0; k < packages.size(); ++k) {
      if (packages[k].id == value.text) return static_cast<int>(k);
      if (!packages[k].id.empty() && std::find(ids.begin(), ids.end(), packages[k].id) == ids.end())
        ids.push_back(packages[k].id);
    }
    if (ids.empty()) {
      ctx_.Error(value.where, path,
                 "expected true or the id of a terms package, got '" + value.text +
                     "', but war.bargaining.terms defines no packages");
    } else {
      ctx_.Error(value.where, path,
                 "unknown terms package '" + value.text + "'" + DidYouMean(value.text, ids) +
                     " (war.bargaining.terms: " + JoinChoices(ids) + "; or true: any terms)");
    }
    return -1;
  }

  bool Leaf(const std::string& form, const YamlNode& node, const std::string& path, Condition& c) {
    const YamlNode& value = *node.Find(form);
    const std::string value_path = path + "." + form;
    bool ok = Companions(form, node, path);
    if (form == "lever") {
      c.kind = ConditionKind::kLeverAtLeast;
      const YamlNode* at_least = node.Find("at_least");
      std::optional<LeverId> lever = ctx_.Lever(value, value_path);
      if (at_least == nullptr) {
        ctx_.Error(node.where, path, "'lever' needs 'at_least: LEVEL'");
        return false;
      }
      if (!lever) return false;
      c.lever = *lever;
      std::optional<int> level = ctx_.Level(*lever, *at_least, path + ".at_least");
      c.level = level.value_or(0);
      return ok && level.has_value();
    }
    if (form == "interference_at_least") {
      c.kind = ConditionKind::kInterferenceAtLeast;
      const std::size_t errors_before = ctx_.errors.size();
      c.threshold = ctx_.params.Compile(&value, value_path, ParamRange::kNonNegative, 0);
      return ok && ctx_.errors.size() == errors_before;
    }
    if (form == "strike_on") {
      c.kind = ConditionKind::kStrikeOn;
      std::optional<Party> party = ctx_.ActorOrAlliance(value, value_path);
      if (party) c.actor = party->actor, c.alliance = party->alliance;
      return ok && party.has_value();
    }
    if (form == "rung_at_least" || form == "max_rung_at_least") {
      c.kind =
          form == "rung_at_least" ? ConditionKind::kRungAtLeast : ConditionKind::kMaxRungAtLeast;
      std::optional<RungId> rung = ctx_.Rung(value, value_path);
      if (rung) c.rung = *rung;
      ok = ok && rung.has_value();
      if (form == "rung_at_least") {
        // Without `by`, any lever counts.
        if (const YamlNode* by = node.Find("by")) {
          std::optional<Party> party = ctx_.ActorOrAlliance(*by, path + ".by");
          if (party) c.actor = party->actor, c.alliance = party->alliance;
          ok = ok && party.has_value();
        }
      }
      return ok;
    }
    if (form == "winner") {
      c.kind = ConditionKind::kWinner;
      std::optional<int> side = ctx_.Side(value, value_path, /*allow_none=*/false);
      c.side = side.value_or(kNoSide);
      return ok && side.has_value();
    }
    if (form == "red_line_enforced") {
      c.kind = ConditionKind::kRedLineEnforced;
      std::optional<RedLineId> red_line = ctx_.RedLine(value, value_path);
      if (red_line) c.red_line = *red_line;
      return ok && red_line.has_value();
    }
    if (form == "red_line_withdrawn") {  // outcomes only (docs/model.md §7.6)
      c.kind = ConditionKind::kRedLineWithdrawn;
      std::optional<RedLineId> red_line = ctx_.RedLine(value, value_path);
      if (red_line) c.red_line = *red_line;
      return ok && red_line.has_value();
    }
    if (form == "alliance_responded") {
      c.kind = ConditionKind::kAllianceResponded;
      std::optional<AllianceId> alliance = ctx_.Alliance(value, value_path);
      if (alliance) c.alliance = *alliance;
      return ok && alliance.has_value();
    }
    if (form == "settled" && value.IsScalar() && value.text != "true" && value.text != "false") {
      c.kind = ConditionKind::kSettled;
      c.package = PackageIndex(value, value_path);
      return ok && c.package >= 0;
    }
    c.kind = form == "settled" ? ConditionKind::kSettled : ConditionKind::kAlways;
    return RequireTrue(value, value_path, form) && ok;
  }

  ConditionContext context_;
  CompileContext& ctx_;
};

}  // namespace

ConditionId CompileCondition(const YamlNode& node, const std::string& path,
                             ConditionContext context, CompileContext& ctx) {
  return ConditionCompiler(context, ctx).Compile(node, path);
}

bool IsAlways(const Model& model, ConditionId id) {
  return id.valid() && model.conditions[id.index].kind == ConditionKind::kAlways;
}

}  // namespace redline::scenario
