// Errors as values. Everything a user can get wrong (a scenario, a flag, an override, a game
// file) is reported as one or more Diagnostic values and returned through Result<T>; nothing
// below src/cli prints, throws to the user or exits.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace redline {

// Where a problem is. `file` may be empty (a command-line flag); line and column are 1-based,
// 0 when unknown.
struct SourceLocation {
  SourceLocation() = default;
  SourceLocation(std::string file_name, int line_number = 0, int column_number = 0)  // NOLINT
      : file(std::move(file_name)), line(line_number), column(column_number) {}

  std::string file;
  int line = 0;
  int column = 0;
};

// One problem, printed as "FILE:LINE:COL: error: MESSAGE" (the parts that are known).
// (Constructors rather than aggregate initialisation: GCC 12 reports false
// -Wmaybe-uninitialized warnings for brace-initialised aggregates holding strings.)
struct Diagnostic {
  Diagnostic() = default;
  Diagnostic(SourceLocation location, std::string text)
      : where(std::move(location)), message(std::move(text)) {}

  SourceLocation where;
  std::string message;

  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

// Either a value or at least one Diagnostic.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}                        // NOLINT: implicit by design
  Result(Diagnostics errors) : data_(std::move(errors)) {}            // NOLINT
  Result(Diagnostic error) : data_(Diagnostics{std::move(error)}) {}  // NOLINT

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Diagnostics& errors() const { return std::get<1>(data_); }

 private:
  std::variant<T, Diagnostics> data_;
};

// A Result with no value: ok, or the problems.
class Status {
 public:
  Status() = default;
  Status(Diagnostics errors) : errors_(std::move(errors)) {}  // NOLINT
  Status(Diagnostic error) : errors_{std::move(error)} {}     // NOLINT

  bool ok() const { return errors_.empty(); }
  explicit operator bool() const { return ok(); }
  const Diagnostics& errors() const { return errors_; }

 private:
  Diagnostics errors_;
};

// "did you mean 'x'?" support: the candidate closest to `word` by edit distance, if it is
// close enough to be a plausible typo; empty otherwise.
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "" — ready to append to a message.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace redline
