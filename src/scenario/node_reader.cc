#include "scenario/node_reader.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace redline::scenario {

void AddError(Diagnostics& errors, const SourceLocation& where, const std::string& path,
              const std::string& message) {
  errors.push_back(Diagnostic{where, path.empty() ? message : path + ": " + message});
}

MapReader::MapReader(const YamlNode& node, std::string path, const schema::Keys& allowed,
                     Diagnostics& errors)
    : node_(node), path_(std::move(path)), errors_(errors) {
  if (!node.IsMapping()) {
    AddError(errors, node.where, path_, "expected a mapping of keys, got " + node.Describe());
    return;
  }
  ok_ = true;
  for (std::size_t i = 0; i < node.entries.size(); ++i) {
    const YamlEntry& entry = node.entries[i];
    bool known = false;
    for (const std::string& key : allowed) known = known || key == entry.key;
    if (!known) {
      // {label: A, B} reads as two keys: "label: A" and "B" with no value.
      const bool stray_text = entry.value.IsNull() && entry.key.find(' ') != std::string::npos;
      AddError(errors, entry.key_where, path_,
               "unknown key '" + entry.key + "'" + DidYouMean(entry.key, allowed) +
                   (stray_text ? " (a comma inside {...} starts a new key; put text that "
                                 "contains commas or ': ' in quotes)"
                               : ""));
      continue;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (node.entries[j].key != entry.key) continue;
      AddError(errors, entry.key_where, path_,
               "key '" + entry.key + "' is given twice (first at line " +
                   std::to_string(node.entries[j].key_where.line) + ")");
      break;
    }
  }
}

const YamlNode* MapReader::Optional(const std::string& key) const {
  const YamlNode* value = node_.Find(key);
  return value == nullptr || value->IsNull() ? nullptr : value;
}

const YamlNode* MapReader::Required(const std::string& key) const {
  const YamlNode* value = Optional(key);
  if (value == nullptr && ok_) {
    AddError(errors_, node_.where, path_, "missing required key '" + key + "'");
  }
  return value;
}

std::optional<std::string> ReadString(const YamlNode& node, const std::string& path,
                                      Diagnostics& errors) {
  if (node.IsScalar()) return node.text;
  AddError(errors, node.where, path, "expected a text value, got " + node.Describe());
  return std::nullopt;
}

std::optional<std::string> ReadId(const YamlNode& node, const std::string& path,
                                  Diagnostics& errors) {
  std::optional<std::string> id = ReadString(node, path, errors);
  if (!id) return std::nullopt;
  bool valid = !id->empty();
  for (char c : *id) {
    valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
  }
  if (!valid) {
    AddError(errors, node.where, path,
             "'" + *id + "' is not a valid id (use letters, digits, '_' and '-')");
    return std::nullopt;
  }
  return id;
}

std::optional<double> ParseNumber(const std::string& text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  if (digits.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> ReadNumber(const YamlNode& node, const std::string& path,
                                 Diagnostics& errors) {
  if (node.IsScalar() && !node.quoted) {
    if (std::optional<double> value = ParseNumber(node.text)) {
      if (std::fabs(*value) <= kMaxScenarioMagnitude) return value;
      AddError(errors, node.where, path,
               "got " + node.text +
                   ", beyond the magnitude 1e9 a scenario number may have "
                   "(so that every sum and product a run computes stays finite)");
      return std::nullopt;
    }
    const std::string_view text = node.text;
    const bool overflow = !text.empty() &&
                          text.find_first_not_of("+-.0123456789eE") == std::string_view::npos &&
                          text.find_first_of("0123456789") != std::string_view::npos;
    if (overflow) {  // digits that from_chars could not hold: out of a double's range
      AddError(errors, node.where, path,
               "got " + node.Describe() + ", which is not a finite number within 1e9");
      return std::nullopt;
    }
  }
  std::string got = node.Describe();
  if (node.IsScalar() && node.quoted) got = "the quoted text " + got;
  AddError(errors, node.where, path, "expected a number, got " + got);
  return std::nullopt;
}

std::optional<int> ReadInt(const YamlNode& node, const std::string& path, int minimum,
                           Diagnostics& errors) {
  return ReadInt(node, path, minimum, 1'000'000'000, errors);
}

std::optional<int> ReadInt(const YamlNode& node, const std::string& path, int minimum, int maximum,
                           Diagnostics& errors) {
  std::optional<double> value = ReadNumber(node, path, errors);
  if (!value) return std::nullopt;
  if (*value != std::floor(*value) || std::fabs(*value) > 1e9) {
    AddError(errors, node.where, path, "expected a whole number, got " + node.text);
    return std::nullopt;
  }
  if (*value < minimum) {
    AddError(errors, node.where, path,
             "must be at least " + std::to_string(minimum) + ", got " + node.text);
    return std::nullopt;
  }
  if (*value > maximum) {
    AddError(errors, node.where, path,
             "must be at most " + std::to_string(maximum) + ", got " + node.text);
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<bool> ReadBool(const YamlNode& node, const std::string& path, Diagnostics& errors) {
  if (node.IsScalar() && !node.quoted) {
    if (node.text == "true" || node.text == "True" || node.text == "TRUE") return true;
    if (node.text == "false" || node.text == "False" || node.text == "FALSE") return false;
  }
  AddError(errors, node.where, path, "expected true or false, got " + node.Describe());
  return std::nullopt;
}

std::string JoinChoices(const std::vector<std::string>& choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i];
  }
  return out;
}

std::optional<int> ReadChoice(const YamlNode& node, const std::string& path,
                              const std::vector<std::string>& choices, const std::string& what,
                              Diagnostics& errors) {
  if (!node.IsScalar()) {
    AddError(errors, node.where, path,
             "expected " + what + " (" + JoinChoices(choices) + "), got " + node.Describe());
    return std::nullopt;
  }
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i] == node.text) return static_cast<int>(i);
  }
  AddError(errors, node.where, path,
           "unknown " + what + " '" + node.text + "'; expected " + JoinChoices(choices) +
               DidYouMean(node.text, choices));
  return std::nullopt;
}

bool ExpectList(const YamlNode& node, const std::string& path, const std::string& what,
                Diagnostics& errors) {
  if (node.IsSequence()) return true;
  AddError(errors, node.where, path, "expected a list of " + what + ", got " + node.Describe());
  return false;
}

}  // namespace redline::scenario
