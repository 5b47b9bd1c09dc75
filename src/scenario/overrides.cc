#include "scenario/overrides.h"

#include <vector>

#include "core/utf8.h"
#include "scenario/node_reader.h"
#include "scenario/yaml_source.h"

namespace redline::scenario {

namespace {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> segments;
  std::string::size_type start = 0;
  while (true) {
    const std::string::size_type dot = path.find('.', start);
    segments.push_back(path.substr(start, dot == std::string::npos ? dot : dot - start));
    if (dot == std::string::npos) return segments;
    start = dot + 1;
  }
}

std::string Where(const std::string& prefix) {
  return prefix.empty() ? "at the top level" : "under '" + prefix + "'";
}

// The entry of `list` selected by `segment` (an id, else an index); nullptr if none.
YamlNode* SelectEntry(YamlNode& list, const std::string& segment) {
  for (YamlNode& item : list.items) {
    if (EntryId(item) == segment) return &item;
  }
  const bool is_index = !segment.empty() && segment.size() < 10 &&
                        segment.find_first_not_of("0123456789") == std::string::npos;
  if (is_index && std::stoul(segment) < list.items.size()) return &list.items[std::stoul(segment)];
  return nullptr;
}

}  // namespace

Result<Override> ParseOverride(const std::string& argument) {
  const SourceLocation origin{"--set " + argument, 0, 0};
  const std::string::size_type equals = argument.find('=');
  if (equals == std::string::npos) {
    return Diagnostic{origin, "expected PATH=VALUE, e.g. --set channels.hotline.open=0"};
  }
  if (FirstInvalidUtf8(argument)) {
    return Diagnostic{origin, "is not valid UTF-8 text (scenario values are UTF-8)"};
  }
  Override result;
  result.path = argument.substr(0, equals);
  result.origin = origin;
  if (result.path.empty()) return Diagnostic{origin, "the path before '=' is empty"};
  Result<YamlNode> value = ParseYaml(argument.substr(equals + 1), origin.file, false);
  if (!value.ok()) return value.errors();
  result.value = std::move(value).value();
  return result;
}

Status ApplyOverride(YamlNode& root, const Override& override) {
  const std::vector<std::string> segments = SplitPath(override.path);
  const auto fail = [&](const std::string& message) {
    return Status(Diagnostic{override.origin, message});
  };
  YamlNode* node = &root;
  std::string prefix;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& segment = segments[i];
    const bool last = i + 1 == segments.size();
    if (segment.empty()) return fail("path '" + override.path + "' has an empty segment");
    if (node->IsNull() && last) node->kind = YamlNode::Kind::kMapping;
    if (node->IsMapping()) {
      YamlNode* next = node->Find(segment);
      if (next == nullptr && last) {
        node->entries.push_back(YamlEntry{segment, override.origin, override.value});
        return Status();
      }
      if (next == nullptr) {
        return fail("unknown key '" + segment + "' " + Where(prefix) +
                    DidYouMean(segment, node->Keys()));
      }
      node = next;
    } else if (node->IsSequence()) {
      YamlNode* next = SelectEntry(*node, segment);
      if (next == nullptr) {
        std::vector<std::string> ids;
        for (const YamlNode& item : node->items) ids.push_back(EntryId(item));
        return fail("no entry with id '" + segment + "' " + Where(prefix) +
                    DidYouMean(segment, ids));
      }
      node = next;
    } else {
      return fail("'" + prefix + "' is " + node->Describe() + ", which has no '" + segment +
                  "' inside it");
    }
    prefix += (prefix.empty() ? "" : ".") + segment;
  }
  *node = override.value;
  return Status();
}

}  // namespace redline::scenario
