#include "scenario/loader.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "scenario/compiler.h"
#include "scenario/overrides.h"
#include "scenario/variants.h"
#include "scenario/yaml_source.h"

namespace redline::scenario {

namespace {

void Append(Diagnostics& to, const Diagnostics& from) {
  to.insert(to.end(), from.begin(), from.end());
}

std::string HeaderComment(const std::string& source_name, const LoadOptions& options) {
  std::string header = "Resolved scenario from " + source_name + "\n";
  if (!options.variant.empty()) header += "variant: " + options.variant + "\n";
  for (const std::string& argument : options.overrides) header += "--set " + argument + "\n";
  return header;
}

// Compiles every variant on the unmodified tree and appends the problems that the scenario
// as loaded does not already have (in `errors`), marked with the variant's name. Linear in the
// number of variants: each copy leaves out the variants section, and known problems are
// looked up in a set.
void CheckVariants(const YamlNode& root, const std::string& source_name,
                   const std::vector<Variant>& variants, Diagnostics& errors) {
  YamlNode base = root;
  std::erase_if(base.entries, [](const YamlEntry& entry) { return entry.key == "variants"; });
  std::unordered_set<std::string> known;
  for (const Diagnostic& error : errors) known.insert(error.ToString());
  for (const Variant& variant : variants) {
    YamlNode tree = base;
    const std::string suffix = " (with variant '" + variant.name + "')";
    Diagnostics found = ApplyVariant(tree, variant).errors();
    if (found.empty()) {
      Result<Model> compiled = CompileScenario(tree, source_name);
      if (!compiled.ok()) found = compiled.errors();
      for (Diagnostic& error : found) error.message += suffix;
    }
    for (const Diagnostic& error : found) {
      Diagnostic bare = error;
      if (bare.message.ends_with(suffix)) bare.message.resize(bare.message.size() - suffix.size());
      if (known.count(bare.ToString()) != 0 || !known.insert(error.ToString()).second) continue;
      errors.push_back(error);
    }
  }
}

// --set applies after the variant, so a --set inside the variants section could never take
// effect; it is refused rather than silently ignored.
std::optional<Diagnostic> CheckOverrideTarget(const Override& override) {
  if (override.path != "variants" && !override.path.starts_with("variants.")) return {};
  return Diagnostic{override.origin,
                    "--set cannot change the variants section (a variant is applied before "
                    "--set, so the change would be ignored); set the scenario value itself, "
                    "e.g. --set channels.hotline.open=0 together with --variant NAME"};
}

Result<LoadedScenario> LoadTree(YamlNode root, const std::string& source_name,
                                const LoadOptions& options) {
  Diagnostics errors;
  const YamlNode pristine = root;
  Diagnostics variant_section_errors;  // reported after the scenario's own problems
  const std::vector<Variant> variants = ReadVariants(root, variant_section_errors);
  std::vector<Override> overrides;
  for (const std::string& argument : options.overrides) {
    Result<Override> parsed = ParseOverride(argument);
    if (!parsed.ok()) {
      Append(errors, parsed.errors());
    } else if (auto refused = CheckOverrideTarget(*parsed)) {
      errors.push_back(*refused);
    } else {
      overrides.push_back(std::move(parsed).value());
    }
  }
  if (!options.variant.empty()) {
    Result<const Variant*> variant = FindVariant(variants, options.variant);
    if (variant.ok() && *variant != nullptr)
      Append(errors, ApplyVariant(root, **variant).errors());
    else if (!variant.ok())
      Append(errors, variant.errors());
  }
  for (const Override& override : overrides) {
    Append(errors, ApplyOverride(root, override).errors());
  }
  // Problems with the options make the tree meaningless; report them before compiling it.
  if (!errors.empty()) return errors;

  Result<Model> model = CompileScenario(root, source_name);
  if (!model.ok()) Append(errors, model.errors());
  Append(errors, variant_section_errors);
  if (options.check_all_variants) {
    std::vector<Variant> others;
    for (const Variant& variant : variants) {
      if (variant.name != options.variant) others.push_back(variant);
    }
    CheckVariants(pristine, source_name, others, errors);
  }
  if (!errors.empty()) {
    // Problems in the file read best in file order; all come from one file here.
    std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    return errors;
  }

  LoadedScenario loaded;
  loaded.model = std::move(model).value();
  loaded.resolved_yaml = EmitYaml(root, HeaderComment(source_name, options));
  for (const Variant& variant : variants) {
    loaded.variants.push_back(VariantInfo{variant.name, variant.description});
  }
  return loaded;
}

}  // namespace

Result<LoadedScenario> LoadScenario(const std::string& path, const LoadOptions& options) {
  try {
    Result<YamlNode> root = LoadYamlFile(path);
    if (!root.ok()) return root.errors();
    return LoadTree(std::move(root).value(), path, options);
  } catch (const std::exception& e) {  // out of memory, or a bug: still one line, no crash
    return Diagnostic{SourceLocation{path, 0, 0}, std::string("cannot load: ") + e.what()};
  }
}

Result<LoadedScenario> LoadScenarioText(const std::string& text, const std::string& source_name,
                                        const LoadOptions& options) {
  try {
    Result<YamlNode> root = ParseYaml(text, source_name, /*track_positions=*/true);
    if (!root.ok()) return root.errors();
    return LoadTree(std::move(root).value(), source_name, options);
  } catch (const std::exception& e) {
    return Diagnostic{SourceLocation{source_name, 0, 0}, std::string("cannot load: ") + e.what()};
  }
}

}  // namespace redline::scenario
