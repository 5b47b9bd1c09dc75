// Reading YAML text into a YamlNode tree, and writing a tree back as YAML text.
//
// Everything that can go wrong with the input (a missing file, a directory, binary data, an
// empty file, a YAML syntax error, several documents in one file) is returned as a
// Diagnostic naming the file and, when known, the line and column. No yaml-cpp exception
// escapes these functions.
#pragma once

#include <string>

#include "core/status.h"
#include "scenario/yaml_tree.h"

namespace redline::scenario {

// The largest scenario file accepted (bytes); bigger files are reported, not read.
inline constexpr std::size_t kMaxScenarioBytes = 16 * 1024 * 1024;

// Reads `path` as UTF-8 text. Errors: no such file, a directory, not a regular file, too
// large, unreadable, empty, not text (NUL or invalid UTF-8, reported at its line/column).
Result<std::string> ReadTextFile(const std::string& path);

// Parses one YAML document. With `track_positions`, every node's location is
// `source_name`:LINE:COL (1-based); without, every node is located at `source_name` alone
// (used for --set values). A document with no content is returned as a null node.
Result<YamlNode> ParseYaml(const std::string& text, const std::string& source_name,
                           bool track_positions);

// ReadTextFile + ParseYaml, and the root must be a mapping with at least one key.
Result<YamlNode> LoadYamlFile(const std::string& path);

// Writes `root` as block-style YAML (short all-scalar collections in flow style), preceded by
// `header_comment` lines (each prefixed with "# ") if given.
std::string EmitYaml(const YamlNode& root, const std::string& header_comment = "");

}  // namespace redline::scenario
