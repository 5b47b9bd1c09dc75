// Dense typed indices into the compiled Model's flat arrays. An Id<Tag> is an index; the
// names live in side tables of the Model. Using distinct types keeps a lever index from
// being passed where an actor index is meant.
#pragma once

#include <compare>
#include <cstdint>

namespace redline {

template <typename Tag>
struct Id {
  std::int32_t index = -1;

  constexpr Id() = default;
  constexpr explicit Id(std::int32_t i) : index(i) {}
  constexpr bool valid() const { return index >= 0; }
  constexpr auto operator<=>(const Id&) const = default;
};

using RungId = Id<struct RungTag>;
using ActorId = Id<struct ActorTag>;
using TypeId = Id<struct TypeTag>;  // index within one actor's types
using LeverId = Id<struct LeverTag>;
using RedLineId = Id<struct RedLineTag>;
using AllianceId = Id<struct AllianceTag>;
using ChannelId = Id<struct ChannelTag>;
using ObserverId = Id<struct ObserverTag>;  // actors first, then third-party observers
using OutcomeId = Id<struct OutcomeTag>;
using ConditionId = Id<struct ConditionTag>;  // node of a condition tree

// A numeric scenario parameter. Its value is fixed per run: sampled once at the start of the
// run from the parameter's distribution (a constant is a degenerate distribution) and read
// from the run's State with State::Value(param).
struct Param {
  std::int32_t index = -1;
};

}  // namespace redline
