#include "crisis/pathway.h"

namespace redline {

const char* LinkId(LinkKind kind) {
  switch (kind) {
    case LinkKind::kAct:
      return "act";
    case LinkKind::kCrossing:
      return "crossing";
    case LinkKind::kEnforcement:
      return "enforcement";
    case LinkKind::kIncident:
      return "perceived_incident";
    case LinkKind::kAllianceResponse:
      return "alliance_response";
    case LinkKind::kIndividualAction:
      return "individual_action";
    case LinkKind::kRetaliation:
      return "retaliation";
    case LinkKind::kDesperation:
      return "desperation";
    case LinkKind::kPreemption:
      return "preemption";
    case LinkKind::kConsequence:
      return "consequence";
  }
  return "?";
}

const char* LinkLabel(LinkKind kind) {
  switch (kind) {
    case LinkKind::kAct:
      return "act";
    case LinkKind::kCrossing:
      return "red-line crossing";
    case LinkKind::kEnforcement:
      return "enforcement";
    case LinkKind::kIncident:
      return "perceived incident";
    case LinkKind::kAllianceResponse:
      return "alliance response";
    case LinkKind::kIndividualAction:
      return "individual action";
    case LinkKind::kRetaliation:
      return "retaliation";
    case LinkKind::kDesperation:
      return "escalation under decisive defeat";
    case LinkKind::kPreemption:
      return "pre-emption";
    case LinkKind::kConsequence:
      return "consequence of an act";
  }
  return "?";
}

namespace {

template <typename Name>
std::string Join(const Pathway& pathway, const char* empty, const char* separator,
                 const char* ellipsis, Name name) {
  if (pathway.empty()) return empty;
  std::string out;
  if (pathway.truncated()) {
    out += ellipsis;
    out += separator;
  }
  for (int i = 0; i < pathway.length(); ++i) {
    if (i > 0) out += separator;
    out += name(pathway.at(i));
  }
  return out;
}

}  // namespace

std::string PathwayId(const Pathway& pathway) {
  return Join(pathway, "initial", ">", "...", LinkId);
}

std::string PathwayLabel(const Pathway& pathway) {
  return Join(pathway, "initial levels", " → ", "…", LinkLabel);
}

}  // namespace redline
