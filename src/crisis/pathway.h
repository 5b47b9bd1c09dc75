// Pathways (model 0.2, B9; docs/model.md §11.1): why a run reached its highest rung, as the
// causal chain of typed links that led there — e.g. perceived incident → alliance response →
// enforcement. A chain is a small fixed-size value (8 bytes) copied from cause to effect, so the
// kernel records it with a few byte writes per event and no allocation: every lever, party, red
// line and alliance attack carries the chain that explains it, and the State keeps the chain of
// the event that raised the highest rung last.
#pragma once

#include <cstdint>
#include <string>

namespace redline {

enum class LinkKind : std::uint8_t {
  kAct = 1,           // a lever raised by its owner's decision, for no reason below
  kCrossing,          // a red line crossed
  kEnforcement,       // a crossed red line enforced by its owner
  kIncident,          // an accident perceived as a deliberate strike
  kAllianceResponse,  // an alliance's deliberation said yes to an attack on a member
  kIndividualAction,  // a member acting alone under Article 5 after the alliance said no
  kRetaliation,       // a raise by an actor struck (perceived deliberately) since its last raise
  kDesperation,       // a raise while the mover's P(decisive defeat) >= war.desperation_threshold
  kPreemption,        // a raise that, but for the others' expected moves this step, the same
                      // draw would not have chosen (the reciprocal fear of surprise attack)
  kConsequence,       // a lever raised because an act caused it (levels[].causes)
};
inline constexpr int kLinkKinds = 10;

// The default of war.desperation_threshold: the mover's probability of a decisive defeat over its
// lookahead (docs/model.md §5.1) at or above which a raise is a desperation link.
inline constexpr double kDesperationThreshold = 0.5;

// "act", "crossing", ... (runs.csv, summary.json) and "act", "red-line crossing", ... (text).
const char* LinkId(LinkKind kind);
const char* LinkLabel(LinkKind kind);

struct Pathway {
  static constexpr int kCapacity = 7;
  std::uint8_t link[kCapacity] = {};
  std::uint8_t size = 0;  // low 7 bits: links held; bit 7: older links were dropped

  int length() const { return size & 0x7f; }
  bool truncated() const { return (size & 0x80) != 0; }
  bool empty() const { return length() == 0; }
  LinkKind at(int i) const { return static_cast<LinkKind>(link[i]); }
  LinkKind last() const { return at(length() - 1); }

  // This chain followed by `kind`. A link of the same kind as the last one adds nothing (two
  // acts in a row are one act); beyond kCapacity links the oldest is dropped.
  Pathway Then(LinkKind kind) const {
    Pathway next = *this;
    const int n = length();
    if (n > 0 && link[n - 1] == static_cast<std::uint8_t>(kind)) return next;
    if (n == kCapacity) {
      for (int i = 1; i < kCapacity; ++i) next.link[i - 1] = link[i];
      next.link[kCapacity - 1] = static_cast<std::uint8_t>(kind);
      next.size = static_cast<std::uint8_t>(kCapacity | 0x80);
      return next;
    }
    next.link[n] = static_cast<std::uint8_t>(kind);
    next.size = static_cast<std::uint8_t>((size & 0x80) | (n + 1));
    return next;
  }

  // A total order on chains, for sorted, thread-count-independent tallies.
  std::uint64_t Key() const {
    std::uint64_t key = size;
    for (int i = 0; i < kCapacity; ++i) key = key << 8 | link[i];
    return key;
  }
  static Pathway FromKey(std::uint64_t key) {
    Pathway p;
    for (int i = kCapacity - 1; i >= 0; --i, key >>= 8) p.link[i] = key & 0xff;
    p.size = key & 0xff;
    return p;
  }
  bool operator==(const Pathway&) const = default;
};

// "perceived_incident>alliance_response>enforcement"; "initial" for the empty chain (the
// highest rung was held from the start); a truncated chain starts with "...>".
std::string PathwayId(const Pathway& pathway);
// The same with labels joined by " → ": "perceived incident → alliance response → enforcement";
// "initial levels" for the empty chain.
std::string PathwayLabel(const Pathway& pathway);

}  // namespace redline
