// Numbers in games: every payoff and chance probability is kept twice, as an exact rational
// (GMP's mpq_class) and as a double for fast arithmetic. Parsed from the literal forms
// Gambit's files use: integers ("-3"), decimals ("0.25", ".5", "1."), fractions ("1/3"),
// and exponents ("1.5e-3", "2E+2").
#pragma once

#include <gmpxx.h>

#include <optional>
#include <string>
#include <string_view>

namespace redline::games {

// The largest magnitude a game accepts for a payoff, probability or parameter. Expected
// payoffs, regrets and logit exponents are sums and products of these, so the bound keeps
// every double a solver computes finite (1e300 would not: sums of a few overflow).
inline constexpr double kMaxGameMagnitude = 1e100;

class Number {
 public:
  Number() : exact_(0), real_(0.0) {}
  explicit Number(const mpq_class& exact) : exact_(exact), real_(exact.get_d()) {
    exact_.canonicalize();
    real_ = exact_.get_d();
  }
  explicit Number(long integer) : exact_(integer), real_(static_cast<double>(integer)) {}
  Number(const Number&) = default;
  Number& operator=(const Number&) = default;
  // mpq_class's move is not declared noexcept (it re-initialises the source, which may
  // allocate), so vectors of numbers would copy every rational when they grow. GMP aborts
  // when an allocation fails rather than throwing, so these cannot throw.
  Number(Number&&) noexcept = default;
  Number& operator=(Number&&) noexcept = default;

  // Parses one numeric literal (the whole of `text`). Returns nullopt when `text` is not a
  // number, has a zero denominator, or an exponent beyond +-4000 (guards against inputs
  // such as "1e999999999" that would need gigabytes to represent exactly).
  static std::optional<Number> Parse(std::string_view text);

  const mpq_class& exact() const { return exact_; }
  // Whether |value| <= kMaxGameMagnitude (so that it and its sums stay finite as doubles).
  bool InRange() const { return real_ >= -kMaxGameMagnitude && real_ <= kMaxGameMagnitude; }
  double real() const { return real_; }

  // Exact text that Parse() reads back to the same value: "3", "-1/2".
  std::string ToString() const;

  friend bool operator==(const Number& a, const Number& b) { return a.exact_ == b.exact_; }

 private:
  mpq_class exact_;
  double real_;
};

// "3", "-1/2": the canonical exact form Gambit prints for rationals.
std::string FormatRational(const mpq_class& value);

// A double as Gambit's tools print floating-point profiles: fixed with `decimals` places.
std::string FormatDecimal(double value, int decimals = 6);

}  // namespace redline::games
