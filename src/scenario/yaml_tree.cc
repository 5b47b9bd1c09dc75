#include "scenario/yaml_tree.h"

namespace redline::scenario {

const YamlNode* YamlNode::Find(std::string_view key) const {
  if (kind != Kind::kMapping) return nullptr;
  for (const YamlEntry& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

YamlNode* YamlNode::Find(std::string_view key) {
  return const_cast<YamlNode*>(static_cast<const YamlNode*>(this)->Find(key));
}

std::vector<std::string> YamlNode::Keys() const {
  std::vector<std::string> keys;
  for (const YamlEntry& entry : entries) keys.push_back(entry.key);
  return keys;
}

std::string YamlNode::Describe() const {
  switch (kind) {
    case Kind::kNull:
      return "nothing";
    case Kind::kSequence:
      return "a list";
    case Kind::kMapping:
      return "a mapping";
    case Kind::kScalar:
      break;
  }
  constexpr std::size_t kLongest = 40;
  if (text.size() > kLongest) return "'" + text.substr(0, kLongest) + "...'";
  return "'" + text + "'";
}

std::string EntryId(const YamlNode& entry) {
  const YamlNode* id = entry.Find("id");
  return id != nullptr && id->IsScalar() ? id->text : "";
}

}  // namespace redline::scenario
