#include "scenario/yaml_source.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>

namespace redline::scenario {

namespace {

// Guards against alias expansion blowing up ("billion laughs"): aliases are copied.
constexpr std::size_t kMaxNodes = 200'000;

Diagnostic FileError(const std::string& path, std::string message) {
  return Diagnostic{SourceLocation{path, 0, 0}, std::move(message)};
}

// Length of the UTF-8 sequence starting at `text[i]`, or 0 if it is not valid UTF-8.
std::size_t Utf8SequenceLength(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  if (lead < 0x80) return lead == 0 ? 0 : 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4;
  else
    return 0;
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// The first byte that makes `text` not a text file (NUL or invalid UTF-8), as a diagnostic.
std::optional<Diagnostic> CheckText(const std::string& path, const std::string& text) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[i]));
      return Diagnostic{SourceLocation{path, line, column},
                        std::string("not a text file: byte ") + byte +
                            " is not valid UTF-8 text (is this a scenario file?)"};
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

class Converter {
 public:
  Converter(std::string source_name, bool track_positions)
      : source_name_(std::move(source_name)), track_positions_(track_positions) {}

  // Returns false (and sets `error`) if the tree is too large or has a non-scalar key.
  bool Convert(const YAML::Node& in, YamlNode& out) {
    if (++count_ > kMaxNodes) {
      return Fail(in.Mark(), "the document expands to more than " + std::to_string(kMaxNodes) +
                                 " nodes (through aliases?)");
    }
    out.where = Locate(in.Mark());
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = YamlNode::Kind::kNull;
        return true;
      case YAML::NodeType::Scalar:
        out.kind = YamlNode::Kind::kScalar;
        out.text = in.Scalar();
        out.quoted = in.Tag() != "?";
        return true;
      case YAML::NodeType::Sequence:
        out.kind = YamlNode::Kind::kSequence;
        for (const YAML::Node& item : in) {
          if (!Convert(item, out.items.emplace_back())) return false;
        }
        return true;
      case YAML::NodeType::Map:
        out.kind = YamlNode::Kind::kMapping;
        for (const auto& pair : in) {
          if (!pair.first.IsScalar()) {
            return Fail(pair.first.Mark(),
                        "a mapping key must be a plain name, not " +
                            std::string(pair.first.IsNull() ? "empty" : "a collection"));
          }
          YamlEntry& entry = out.entries.emplace_back();
          entry.key = pair.first.Scalar();
          entry.key_where = Locate(pair.first.Mark());
          if (!Convert(pair.second, entry.value)) return false;
        }
        return true;
    }
    return true;
  }

  const Diagnostic& error() const { return error_; }

  SourceLocation Locate(const YAML::Mark& mark) const {
    if (!track_positions_ || mark.is_null()) return SourceLocation{source_name_, 0, 0};
    return SourceLocation{source_name_, mark.line + 1, mark.column + 1};
  }

 private:
  bool Fail(const YAML::Mark& mark, std::string message) {
    error_ = Diagnostic{Locate(mark), std::move(message)};
    return false;
  }

  std::string source_name_;
  bool track_positions_;
  std::size_t count_ = 0;
  Diagnostic error_;
};

}  // namespace

Result<std::string> ReadTextFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return FileError(path, "no such file");
  if (fs::is_directory(status)) return FileError(path, "is a directory, not a scenario file");
  if (!fs::is_regular_file(status)) return FileError(path, "is not a regular file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return FileError(path, "cannot be read: " + ec.message());
  if (size > kMaxScenarioBytes) {
    return FileError(path, "is too large for a scenario file (" + std::to_string(size) +
                               " bytes; the limit is " + std::to_string(kMaxScenarioBytes) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileError(path, "cannot be opened for reading");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return FileError(path, "cannot be read");
  if (text.empty())
    return FileError(path,
                     "is empty; a scenario file needs at least 'scenario', "
                     "'ladder', 'actors' and 'outcomes'");
  if (auto problem = CheckText(path, text)) return *problem;
  return text;
}

Result<YamlNode> ParseYaml(const std::string& text, const std::string& source_name,
                           bool track_positions) {
  Converter converter(source_name, track_positions);
  try {
    std::vector<YAML::Node> documents = YAML::LoadAll(text);
    if (documents.size() > 1) {
      return Diagnostic{converter.Locate(documents[1].Mark()),
                        "a scenario is one YAML document, but a second one starts here "
                        "(remove the '---')"};
    }
    YamlNode root;
    if (documents.empty()) {
      root.where = SourceLocation{source_name, 0, 0};
      return root;
    }
    if (!converter.Convert(documents[0], root)) return converter.error();
    return root;
  } catch (const YAML::ParserException& e) {
    return Diagnostic{converter.Locate(e.mark), "YAML syntax error: " + e.msg};
  } catch (const YAML::Exception& e) {
    return Diagnostic{converter.Locate(e.mark), "cannot read YAML: " + e.msg};
  } catch (const std::exception& e) {
    return Diagnostic{SourceLocation{source_name, 0, 0},
                      std::string("cannot read YAML: ") + e.what()};
  }
}

Result<YamlNode> LoadYamlFile(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text.ok()) return text.errors();
  Result<YamlNode> root = ParseYaml(*text, path, /*track_positions=*/true);
  if (!root.ok()) return root;
  if (root->IsNull() || (root->IsMapping() && root->entries.empty())) {
    return FileError(path, "holds no YAML content (only comments or blank lines)");
  }
  if (!root->IsMapping()) {
    return Diagnostic{root->where,
                      "the top level of a scenario must be a mapping of sections "
                      "(scenario, ladder, actors, ...), not " +
                          root->Describe()};
  }
  return root;
}

}  // namespace redline::scenario
