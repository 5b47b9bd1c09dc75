#include "scenario/variants.h"

#include <unordered_set>

#include "scenario/node_reader.h"
#include "scenario/schema.h"

namespace redline::scenario {

std::vector<Variant> ReadVariants(const YamlNode& root, Diagnostics& errors) {
  std::vector<Variant> variants;
  const YamlNode* section = root.Find("variants");
  if (section == nullptr || section->IsNull()) return variants;
  if (!section->IsMapping()) {
    AddError(
        errors, section->where, "variants",
        "expected a mapping of variant names to {description, set}, got " + section->Describe());
    return variants;
  }
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < section->entries.size(); ++i) {
    const YamlEntry& entry = section->entries[i];
    const std::string path = "variants." + entry.key;
    if (!seen.insert(entry.key).second) {
      AddError(errors, entry.key_where, path, "variant '" + entry.key + "' is defined twice");
    }
    const YamlNode name_node{YamlNode::Kind::kScalar, entry.key, false, {}, {}, entry.key_where};
    if (!ReadId(name_node, path, errors)) continue;
    MapReader reader(entry.value, path, schema::kVariant, errors);
    if (!reader.ok()) continue;
    Variant variant;
    variant.name = entry.key;
    variant.where = entry.key_where;
    if (const YamlNode* description = reader.Optional("description")) {
      variant.description =
          ReadString(*description, reader.PathOf("description"), errors).value_or("");
    }
    const YamlNode* set = reader.Required("set");
    if (set != nullptr && !set->IsMapping()) {
      AddError(errors, set->where, reader.PathOf("set"),
               "expected a mapping of paths to values, e.g. {channels.hotline.open: 0}, got " +
                   set->Describe());
      set = nullptr;
    }
    if (set != nullptr) {
      for (const YamlEntry& assignment : set->entries) {
        variant.overrides.push_back(
            Override{assignment.key, assignment.value, assignment.key_where});
      }
    }
    variants.push_back(std::move(variant));
  }
  return variants;
}

Result<const Variant*> FindVariant(const std::vector<Variant>& variants, const std::string& name) {
  std::vector<std::string> names;
  for (const Variant& variant : variants) {
    if (variant.name == name) return &variant;
    names.push_back(variant.name);
  }
  if (name == kBaseVariant) return static_cast<const Variant*>(nullptr);
  const std::string known = names.empty() ? " (the scenario defines no variants)"
                                          : " (variants: " + JoinChoices(names) + ")";
  return Diagnostic{SourceLocation{"--variant " + name, 0, 0},
                    "unknown variant '" + name + "'" + DidYouMean(name, names) + known};
}

Status ApplyVariant(YamlNode& root, const Variant& variant) {
  Diagnostics errors;
  for (const Override& override : variant.overrides) {
    Status applied = ApplyOverride(root, override);
    for (const Diagnostic& error : applied.errors()) {
      errors.push_back(Diagnostic{error.where, "variant '" + variant.name + "': " + error.message});
    }
  }
  return Status(std::move(errors));
}

}  // namespace redline::scenario
