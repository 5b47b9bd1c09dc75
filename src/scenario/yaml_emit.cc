// EmitYaml (declared in yaml_source.h): a YamlNode tree back to YAML text.
#include <yaml-cpp/yaml.h>

#include <sstream>

#include "scenario/yaml_source.h"

namespace redline::scenario {

namespace {

// Collections of a few scalars read best on one line: {id: x, label: Y}, [a, b].
bool ShortAndFlat(const YamlNode& node) {
  constexpr std::size_t kFlowWidth = 72;
  std::size_t width = 0;
  for (const YamlNode& item : node.items) {
    if (!item.IsScalar() && !item.IsNull()) return false;
    width += item.text.size() + 2;
  }
  for (const YamlEntry& entry : node.entries) {
    if (!entry.value.IsScalar() && !entry.value.IsNull()) return false;
    if (entry.value.text.find('\n') != std::string::npos) return false;
    width += entry.key.size() + entry.value.text.size() + 4;
  }
  return width <= kFlowWidth;
}

void Emit(YAML::Emitter& out, const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      out << YAML::Null;
      return;
    case YamlNode::Kind::kScalar:
      if (node.quoted) {
        if (node.text.find('\n') != std::string::npos)
          out << YAML::Literal;
        else
          out << YAML::DoubleQuoted;
      }
      out << node.text;
      return;
    case YamlNode::Kind::kSequence:
      out << (ShortAndFlat(node) ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
      for (const YamlNode& item : node.items) Emit(out, item);
      out << YAML::EndSeq;
      return;
    case YamlNode::Kind::kMapping:
      out << (ShortAndFlat(node) ? YAML::Flow : YAML::Block) << YAML::BeginMap;
      for (const YamlEntry& entry : node.entries) {
        out << YAML::Key << entry.key << YAML::Value;
        Emit(out, entry.value);
      }
      out << YAML::EndMap;
      return;
  }
}

}  // namespace

std::string EmitYaml(const YamlNode& root, const std::string& header_comment) {
  YAML::Emitter out;
  out.SetIndent(2);
  Emit(out, root);
  std::ostringstream text;
  std::istringstream header(header_comment);
  for (std::string line; std::getline(header, line);) text << "# " << line << "\n";
  text << out.c_str() << "\n";
  return text.str();
}

}  // namespace redline::scenario
