#include "scenario/parameters.h"

#include <fmt/format.h>

#include <cmath>

#include "scenario/node_reader.h"
#include "scenario/schema.h"

namespace redline::scenario {

namespace {

struct DistributionReader {
  const YamlNode& node;
  const std::string& path;
  Diagnostics& errors;
  bool ok = true;

  double Number(const MapReader& map, const std::string& key, double fallback, bool required) {
    const YamlNode* value = required ? map.Required(key) : map.Optional(key);
    if (value == nullptr) {
      ok = ok && !required;
      return fallback;
    }
    std::optional<double> number = ReadNumber(*value, map.PathOf(key), errors);
    ok = ok && number.has_value();
    return number.value_or(fallback);
  }

  void Fail(const std::string& message) {
    AddError(errors, node.where, path, message);
    ok = false;
  }
};

std::optional<Distribution> ReadDistributionMap(const YamlNode& node, const std::string& path,
                                                Diagnostics& errors) {
  const YamlNode* dist = node.Find("dist");
  if (dist == nullptr) {
    AddError(errors, node.where, path,
             "a distribution needs 'dist' (" + JoinChoices(schema::kDistributionNames) +
                 "); a plain number is a constant");
    return std::nullopt;
  }
  std::optional<int> kind_index =
      ReadChoice(*dist, path + ".dist", schema::kDistributionNames, "distribution", errors);
  if (!kind_index) return std::nullopt;
  static const schema::Keys* kKeys[] = {&schema::kUniform, &schema::kNormal, &schema::kTriangular,
                                        &schema::kBeta, &schema::kBernoulli};
  MapReader map(node, path, *kKeys[*kind_index], errors);
  DistributionReader read{node, path, errors};
  Distribution d;
  switch (*kind_index) {
    case 0:  // uniform
      d.kind = DistributionKind::kUniform;
      d.a = read.Number(map, "low", 0, true);
      d.b = read.Number(map, "high", 0, true);
      if (read.ok && d.a > d.b) read.Fail(fmt::format("uniform low {} is above high {}", d.a, d.b));
      break;
    case 1:  // normal
      d.kind = DistributionKind::kNormal;
      d.a = read.Number(map, "mean", 0, true);
      d.b = read.Number(map, "sd", 1, true);
      d.low = read.Number(map, "low", d.low, false);
      d.high = read.Number(map, "high", d.high, false);
      if (read.ok && d.b <= 0) read.Fail(fmt::format("normal sd must be > 0, got {}", d.b));
      if (read.ok && d.low >= d.high) {
        read.Fail(fmt::format("normal low {} must be below high {}", d.low, d.high));
      }
      break;
    case 2:  // triangular
      d.kind = DistributionKind::kTriangular;
      d.a = read.Number(map, "low", 0, true);
      d.b = read.Number(map, "mode", 0, true);
      d.c = read.Number(map, "high", 0, true);
      if (read.ok && !(d.a <= d.b && d.b <= d.c && d.a < d.c)) {
        read.Fail(
            fmt::format("triangular needs low <= mode <= high and low < high, got "
                        "low {}, mode {}, high {}",
                        d.a, d.b, d.c));
      }
      break;
    case 3:  // beta
      d.kind = DistributionKind::kBeta;
      d.a = read.Number(map, "a", 1, true);
      d.b = read.Number(map, "b", 1, true);
      if (read.ok && (d.a <= 0 || d.b <= 0)) {
        read.Fail(fmt::format("beta a and b must be > 0, got a {}, b {}", d.a, d.b));
      }
      break;
    case 4:  // bernoulli
      d.kind = DistributionKind::kBernoulli;
      d.a = read.Number(map, "p", 0, true);
      if (read.ok && (d.a < 0 || d.a > 1)) {
        read.Fail(fmt::format("bernoulli p must be in [0, 1], got {}", d.a));
      }
      break;
  }
  if (!map.ok() || !read.ok) return std::nullopt;
  return d;
}

}  // namespace

std::optional<Distribution> ReadDistribution(const YamlNode& node, const std::string& path,
                                             Diagnostics& errors) {
  if (node.IsMapping()) return ReadDistributionMap(node, path, errors);
  if (node.IsSequence() || node.IsNull()) {
    AddError(errors, node.where, path,
             "expected a number or a distribution {dist: ...}, got " + node.Describe());
    return std::nullopt;
  }
  std::optional<double> value = ReadNumber(node, path, errors);
  if (!value) return std::nullopt;
  return Distribution::Constant(*value);
}

bool CheckRange(const Distribution& distribution, ParamRange range, const SourceLocation& where,
                const std::string& path, Diagnostics& errors) {
  const double low = distribution.SupportMin();
  const double high = distribution.SupportMax();
  const bool constant = distribution.kind == DistributionKind::kConstant;
  const std::string shown = distribution.ToString();
  const auto fail = [&](const std::string& what, const std::string& hint) {
    const std::string subject = constant ? shown : shown + " (values " + hint + ")";
    AddError(errors, where, path, what + ", got " + subject);
    return false;
  };
  const auto extent = [&](double bound) {
    return std::abs(bound) >= 1e300 ? std::string("unbounded; truncate it with low and high")
                                    : fmt::format("reach {}", bound);
  };
  switch (range) {
    case ParamRange::kAny:
      return true;
    case ParamRange::kNonNegative:
      if (low < 0) return fail("must be >= 0", extent(low));
      return true;
    case ParamRange::kPositive:
      if (low <= 0) return fail("must be > 0", extent(low));
      return true;
    case ParamRange::kAtLeastOne:
      if (low < 1) return fail("must be >= 1", extent(low));
      return true;
    case ParamRange::kProbability:
      if (low < 0) return fail("is a probability and must lie in [0, 1]", extent(low));
      if (high > 1) return fail("is a probability and must lie in [0, 1]", extent(high));
      return true;
  }
  return true;
}

Param ParamCompiler::Compile(const YamlNode* node, const std::string& path, ParamRange range,
                             double fallback) {
  if (node == nullptr || node->IsNull()) return Constant(fallback, path);
  std::optional<Distribution> distribution = ReadDistribution(*node, path, errors_);
  if (!distribution || !CheckRange(*distribution, range, node->where, path, errors_)) {
    return Constant(fallback, path);
  }
  return Add(*distribution, path);
}

Param ParamCompiler::Constant(double value, const std::string& path) {
  return Add(Distribution::Constant(value), path);
}

Param ParamCompiler::Add(const Distribution& distribution, const std::string& path) {
  Param param{static_cast<std::int32_t>(model_.parameters.size())};
  model_.parameters.push_back(distribution);
  model_.parameter_paths.push_back(path);
  return param;
}

}  // namespace redline::scenario
