#include "scenario/yaml_source.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>

#include "core/utf8.h"

namespace redline::scenario {

namespace {

// Bounds what reading a document may cost: values (aliases are copied, so "billion laughs"
// documents are counted as expanded) and nesting depth.
constexpr std::size_t kMaxNodes = 200'000;
constexpr std::size_t kMaxDepth = 64;

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

// Raised inside the event handler to stop the parser as soon as a limit is passed, so memory
// stays bounded while reading (not only after).
struct LimitExceeded {
  YAML::Mark mark;
  std::string message;
};

// Builds a YamlNode tree directly from yaml-cpp's parser events (no YAML::Node in between),
// counting nodes (alias copies included) and nesting depth as it goes.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string source_name, bool track_positions)
      : source_name_(std::move(source_name)), track_positions_(track_positions) {}

  bool started() const { return started_; }
  // Where the document's first node is (yaml-cpp marks an empty document at its start).
  const YAML::Mark& start_mark() const { return start_mark_; }
  // The first problem that does not stop reading (reported only if the YAML is well formed).
  const std::optional<Diagnostic>& deferred() const { return deferred_; }
  YamlNode TakeRoot() { return std::move(root_); }

  SourceLocation Locate(const YAML::Mark& mark) const {
    if (!track_positions_ || mark.is_null()) return SourceLocation{source_name_, 0, 0};
    return SourceLocation{source_name_, mark.line + 1, mark.column + 1};
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    started_ = true;
    start_mark_ = mark;
    first_node_ = true;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.where = Locate(mark);
    Add(mark, std::move(node), anchor, /*is_scalar=*/false);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto found = anchors_.find(anchor);
    if (found == anchors_.end()) throw LimitExceeded{mark, "unknown alias"};
    const std::size_t size = Count(found->second);
    if (size > kMaxNodes - std::min(kMaxNodes, count_)) TooMany(mark);
    count_ += size - 1;  // Add counts one more
    Add(mark, found->second, 0, found->second.IsScalar());
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (FirstInvalidUtf8(value)) {  // a \u escape naming a surrogate, say
      Defer(mark, "this text is not valid UTF-8 once its escapes are read");
    }
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.text = value;
    node.quoted = tag != "?";
    node.where = Locate(mark);
    Add(mark, std::move(node), anchor, /*is_scalar=*/true);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, YamlNode::Kind::kSequence, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, YamlNode::Kind::kMapping, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor = 0;
    bool expecting_key = true;  // mappings: the next event is a key
    std::string key;
    SourceLocation key_where;
  };

  static std::size_t Count(const YamlNode& node) {
    std::size_t n = 1;
    for (const YamlNode& item : node.items) n += Count(item);
    for (const YamlEntry& entry : node.entries) n += Count(entry.value);
    return n;
  }

  [[noreturn]] static void TooMany(const YAML::Mark& mark) {
    throw LimitExceeded{mark, "more than " + std::to_string(kMaxNodes) +
                                  " values (scalars, lists and mappings; an alias counts as a "
                                  "copy): the limit for a scenario"};
  }

  void CountOne(const YAML::Mark& mark) {
    if (first_node_) {
      start_mark_ = mark;
      first_node_ = false;
    }
    if (++count_ > kMaxNodes) TooMany(mark);
  }

  void Defer(const YAML::Mark& mark, std::string message) {
    if (!deferred_) deferred_ = Diagnostic{Locate(mark), std::move(message)};
  }

  void Open(const YAML::Mark& mark, YamlNode::Kind kind, YAML::anchor_t anchor) {
    CountOne(mark);
    if (!stack_.empty() && stack_.back().node.IsMapping() && stack_.back().expecting_key) {
      Defer(mark, "a mapping key must be a plain name, not a collection");
    }
    if (stack_.size() >= kMaxDepth) {
      throw LimitExceeded{mark, "nested more than " + std::to_string(kMaxDepth) +
                                    " levels deep; a scenario is limited to " +
                                    std::to_string(kMaxDepth)};
    }
    Frame& frame = stack_.emplace_back();
    frame.node.kind = kind;
    frame.node.where = Locate(mark);
    frame.anchor = anchor;
  }

  void Close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    Place(std::move(frame.node), frame.anchor);
  }

  // A finished scalar, null or alias copy.
  void Add(const YAML::Mark& mark, YamlNode node, YAML::anchor_t anchor, bool is_scalar) {
    CountOne(mark);
    if (!stack_.empty() && stack_.back().node.IsMapping() && stack_.back().expecting_key) {
      if (!is_scalar) {
        Defer(mark, std::string("a mapping key must be a plain name, not ") +
                        (node.IsNull() ? "empty" : "a collection"));
        node.text.clear();
      }
      Frame& frame = stack_.back();
      frame.key = node.text;
      frame.key_where = node.where;
      frame.expecting_key = false;
      if (anchor != 0) anchors_[anchor] = std::move(node);
      return;
    }
    Place(std::move(node), anchor);
  }

  // Puts a finished value into its parent (or makes it the root).
  void Place(YamlNode node, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = node;
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    if (stack_.back().node.IsMapping() && stack_.back().expecting_key) {  // a collection key
      stack_.back().key.clear();
      stack_.back().key_where = node.where;
      stack_.back().expecting_key = false;
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.IsSequence()) {
      parent.node.items.push_back(std::move(node));
    } else {
      parent.node.entries.push_back(
          YamlEntry{std::move(parent.key), std::move(parent.key_where), std::move(node)});
      parent.expecting_key = true;
    }
  }

  std::string source_name_;
  bool track_positions_;
  std::size_t count_ = 0;
  bool started_ = false;
  bool first_node_ = false;
  YAML::Mark start_mark_;
  std::optional<Diagnostic> deferred_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, YamlNode> anchors_;
  YamlNode root_;
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
  // yaml-cpp's LoadAll loops forever on some inputs (a stray ',' at the top level, upstream
  // issue #1040); the parser is driven here one document at a time instead, at most twice.
  TreeBuilder builder(source_name, track_positions);
  try {
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    YamlNode root;
    root.where = SourceLocation{source_name, 0, 0};
    if (!parser.HandleNextDocument(builder)) return root;
    if (builder.deferred()) return *builder.deferred();
    root = builder.TakeRoot();
    if (root.where.file.empty()) root.where = SourceLocation{source_name, 0, 0};
    // A document that starts where the previous one did means the parser is stuck on text
    // it cannot read (it would return empty documents there forever).
    const auto stuck = [&](const YAML::Mark& at) {
      std::string what = "YAML syntax error: unexpected text";
      const char c =
          at.pos >= 0 && static_cast<std::size_t>(at.pos) < text.size() ? text[at.pos] : 0;
      if (c > ' ' && c < 127) what = std::string("YAML syntax error: unexpected '") + c + "'";
      return Diagnostic{builder.Locate(at), what};
    };
    TreeBuilder second(source_name, track_positions);
    if (!parser.HandleNextDocument(second)) return root;
    if (second.start_mark().pos == builder.start_mark().pos) return stuck(second.start_mark());
    TreeBuilder third(source_name, track_positions);
    if (parser.HandleNextDocument(third) && third.start_mark().pos == second.start_mark().pos) {
      return stuck(second.start_mark());
    }
    return Diagnostic{builder.Locate(second.start_mark()),
                      "a scenario is one YAML document, but a second one starts here "
                      "(remove the '---')"};
    return root;
  } catch (const LimitExceeded& e) {
    return Diagnostic{builder.Locate(e.mark), e.message};
  } catch (const YAML::DeepRecursion& e) {
    return Diagnostic{builder.Locate(e.mark),
                      "nested more than " + std::to_string(kMaxDepth) + " levels deep"};
  } catch (const YAML::ParserException& e) {
    return Diagnostic{builder.Locate(e.mark), "YAML syntax error: " + e.msg};
  } catch (const YAML::Exception& e) {
    return Diagnostic{builder.Locate(e.mark), "cannot read YAML: " + e.msg};
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
