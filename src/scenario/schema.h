// The keys each part of a scenario file may hold. Every mapping the compiler reads is checked
// against one of these lists: an unknown key is an error with a did-you-mean suggestion.
// docs/scenario-format.md documents every key listed here.
#pragma once

#include <string>
#include <vector>

namespace redline::scenario::schema {

using Keys = std::vector<std::string>;

inline const Keys kTopLevel = {"scenario", "ladder",    "thresholds", "actors",
                               "levers",   "red_lines", "alliances",  "channels",
                               "war",      "observers", "outcomes",   "variants"};
inline const Keys kScenario = {"name", "description", "horizon"};
inline const Keys kHorizon = {"steps", "stop_at"};
inline const Keys kRung = {"id", "label"};

inline const Keys kActor = {"id",      "label",     "short_label",    "favours", "belligerent",
                            "nuclear", "territory", "coercion_value", "types",   "decision"};
inline const Keys kType = {"prior", "stakes", "cost_weight"};
inline const Keys kDecision = {"model", "lambda",         "lookahead",      "schedule",  "enforce",
                               "vote",  "switching_cost", "cost_tolerance", "reputation"};
inline const Keys kScheduleEntry = {"step", "lever", "level"};

inline const Keys kLever = {"id",     "label",   "short_label", "owner",
                            "target", "initial", "max_change",  "levels"};
inline const Keys kLevel = {"id",           "rung",      "cost",          "damage",
                            "aid",          "aid_to",    "interdiction",  "strikes",
                            "perceived_by", "hazards",   "audience_cost", "act",
                            "earliest",     "lead_time", "causes"};
inline const Keys kHazard = {"probability", "victim", "rung", "damage", "when", "blamed"};

inline const Keys kRedLine = {
    "id",      "label",    "short_label", "owner",  "audience", "audience_cost", "value",
    "trigger", "response", "deadline",    "demand", "within",   "ambiguous",     "withdrawal"};
inline const Keys kRedLineResponse = {"lever", "level"};
inline const Keys kAmbiguous = {"response", "threshold"};
inline const Keys kWithdrawal = {"audience_cost"};
inline const Keys kAmbiguousAlternative = {"level", "prior"};
inline const Keys kAmbiguousThreshold = {"at", "prior"};

inline const Keys kAlliance = {
    "id",        "label",  "short_label", "members",          "rule",     "weights",
    "threshold", "leader", "value",       "credibility_cost", "response", "individual_response"};
inline const Keys kIndividualResponse = {"lever", "level"};
inline const Keys kAllianceResponse = {"lever", "proportionate", "total", "total_from"};

inline const Keys kChannel = {"id", "label", "between", "open", "accuracy_open", "accuracy_closed"};

// `settlement` is model 0.1's settlement hazard, replaced by `bargaining`: accepted as a key
// only to be reported with how to rewrite it.
inline const Keys kWar = {"id",         "sides",         "initial_balance", "drift",
                          "noise",      "decisive_band", "decisive_value",  "desperation_threshold",
                          "bargaining", "shifts",        "settlement"};
inline const Keys kWarSides = {"a", "b"};
inline const Keys kWarSide = {"label", "power"};
inline const Keys kBargaining = {"talks",    "talks_cost", "optimism",
                                 "learning", "mediator",   "terms"};
inline const Keys kTermsPackage = {"id", "label", "at_least"};
inline const Keys kOptimism = {"a", "b"};
inline const Keys kMediator = {"channel", "talks", "narrows", "proposes"};
inline const Keys kPowerShift = {"step", "side", "power"};

inline const Keys kObserver = {"id", "label", "short_label"};
inline const Keys kOutcome = {"id", "label", "when"};

inline const Keys kVariant = {"description", "set"};

// Distributions: the `dist` names and the keys each one takes (besides `dist`).
inline const Keys kDistributionNames = {"uniform", "normal", "triangular", "beta", "bernoulli"};
inline const Keys kUniform = {"dist", "low", "high"};
inline const Keys kNormal = {"dist", "mean", "sd", "low", "high"};
inline const Keys kTriangular = {"dist", "low", "mode", "high"};
inline const Keys kBeta = {"dist", "a", "b"};
inline const Keys kBernoulli = {"dist", "p"};

// Conditions: the key that names a condition's form, and the companion keys some forms take.
inline const Keys kConditionForms = {"all",
                                     "any",
                                     "not",
                                     "lever",
                                     "interference_at_least",
                                     "strike_on",
                                     "rung_at_least",
                                     "max_rung_at_least",
                                     "winner",
                                     "settled",
                                     "red_line_enforced",
                                     "red_line_withdrawn",
                                     "alliance_responded",
                                     "always"};
inline const Keys kConditionCompanions = {"at_least", "by"};

}  // namespace redline::scenario::schema
