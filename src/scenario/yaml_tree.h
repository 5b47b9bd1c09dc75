// A YAML document as a plain, editable tree that remembers where every node came from.
//
// yaml-cpp's nodes are converted once into YamlNode so that overrides (--set, variants) can
// replace subtrees and still say where each value came from: a node read from a file carries
// FILE:LINE:COL; a node that came from a --set flag carries the flag's text as its `file`
// and line 0, so its diagnostics read "--set PATH=VALUE: error: ...".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace redline::scenario {

struct YamlEntry;

struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMapping };

  Kind kind = Kind::kNull;
  std::string text;                // scalars: the text as written
  bool quoted = false;             // scalars written quoted or as a block: always strings
  std::vector<YamlNode> items;     // sequences
  std::vector<YamlEntry> entries;  // mappings, in document order (duplicates kept)
  SourceLocation where;

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMapping() const { return kind == Kind::kMapping; }

  // The value of the first entry named `key` of a mapping; nullptr if absent or not a mapping.
  const YamlNode* Find(std::string_view key) const;
  YamlNode* Find(std::string_view key);

  // Keys of a mapping, in order.
  std::vector<std::string> Keys() const;

  // How the node reads in an error message: "a list", "a mapping", "nothing", "'text'".
  std::string Describe() const;
};

struct YamlEntry {
  std::string key;
  SourceLocation key_where;
  YamlNode value;
};

// The id of a list entry: the text of its `id` scalar, or "" if it has none.
std::string EntryId(const YamlNode& entry);

}  // namespace redline::scenario
