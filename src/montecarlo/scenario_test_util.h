// Test-only helpers shared by the Monte Carlo property tests: load a scenario file (with
// overrides and a variant) into a Model, and find levers and outcomes by id. A failed load or
// an unknown id fails the calling test.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/model.h"
#include "scenario/loader.h"

namespace redline::testing_util {

inline Model LoadModel(const std::string& path, const std::vector<std::string>& overrides = {},
                       const std::string& variant = "") {
  scenario::LoadOptions options;
  options.overrides = overrides;
  options.variant = variant;
  options.check_all_variants = false;
  auto loaded = scenario::LoadScenario(path, options);
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.errors().front().ToString());
  return loaded.ok() ? std::move(loaded).value().model : Model{};
}

inline int LeverIndex(const Model& model, const std::string& id) {
  for (std::size_t i = 0; i < model.levers.size(); ++i)
    if (model.levers[i].id == id) return static_cast<int>(i);
  ADD_FAILURE() << "no lever " << id;
  return 0;
}

inline int OutcomeIndex(const Model& model, const std::string& id) {
  for (std::size_t i = 0; i < model.outcomes.size(); ++i)
    if (model.outcomes[i].id == id) return static_cast<int>(i);
  ADD_FAILURE() << "no outcome " << id;
  return 0;
}

}  // namespace redline::testing_util
