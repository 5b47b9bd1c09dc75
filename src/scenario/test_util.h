// Helpers shared by the scenario module's tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/status.h"
#include "model/model.h"

namespace redline::scenario::testing {

inline constexpr const char* kSmallCrisis = "tests/scenarios/small_crisis.yaml";

inline std::string Joined(const Diagnostics& errors) {
  std::string text;
  for (const Diagnostic& error : errors) text += error.ToString() + "\n";
  return text;
}

// The Param named `path`, or a failed expectation.
inline const Distribution& ParameterAt(const Model& model, const std::string& path) {
  for (std::size_t i = 0; i < model.parameter_paths.size(); ++i) {
    if (model.parameter_paths[i] == path) return model.parameters[i];
  }
  ADD_FAILURE() << "no parameter " << path;
  static const Distribution kMissing;
  return kMissing;
}

}  // namespace redline::scenario::testing
