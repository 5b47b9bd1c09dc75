#include "games/number.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <utility>

namespace redline::games {
namespace {

constexpr long kMaxExponent = 4000;

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

mpz_class PowerOfTen(long exponent) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), 10, static_cast<unsigned long>(exponent));
  return result;
}

// "12.5e-3" -> the mantissa "12.5" and the exponent -3 (0 without one). nullopt when the
// exponent is not an optional sign and 1 to `max_digits` digits.
std::optional<std::pair<std::string_view, long>> SplitExponent(std::string_view text,
                                                               std::size_t max_digits) {
  const auto e = text.find_first_of("eE");
  if (e == std::string_view::npos) return std::pair{text, 0L};
  std::string_view digits = text.substr(e + 1);
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  if (!AllDigits(digits) || digits.size() > max_digits) return std::nullopt;
  long exponent = 0;
  for (char c : digits) exponent = exponent * 10 + (c - '0');
  return std::pair{text.substr(0, e), negative ? -exponent : exponent};
}

// "12.5" -> "12" and "5"; no point: the whole text and "".
std::pair<std::string_view, std::string_view> SplitPoint(std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return {text, {}};
  return {text.substr(0, dot), text.substr(dot + 1)};
}

// "12.5e-3" (sign already removed) -> exact value.
std::optional<mpq_class> ParseDecimal(std::string_view text) {
  const auto split = SplitExponent(text, 6);
  if (!split || split->second > kMaxExponent || split->second < -kMaxExponent) return std::nullopt;
  long exponent = split->second;
  const auto [integer_part, fraction_part] = SplitPoint(split->first);
  if (integer_part.empty() && fraction_part.empty()) return std::nullopt;
  if (!integer_part.empty() && !AllDigits(integer_part)) return std::nullopt;
  if (!fraction_part.empty() && !AllDigits(fraction_part)) return std::nullopt;
  std::string digits = std::string(integer_part) + std::string(fraction_part);
  mpz_class numerator(digits, 10);
  exponent -= static_cast<long>(fraction_part.size());
  mpq_class value;
  if (exponent >= 0) {
    value = mpq_class(numerator * PowerOfTen(exponent));
  } else {
    value = mpq_class(numerator, PowerOfTen(-exponent));
  }
  value.canonicalize();
  return value;
}

// Up to 18 decimal digits (the whole of `text`) as an integer; nullopt otherwise.
std::optional<std::int64_t> SmallDigits(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The common literals ("-3", "0.25", "1/3", "2e2") whose numerator and denominator fit in
// 64 bits, without GMP's string conversions: numerator / denominator, reduced. nullopt
// leaves the literal to the general parser (which also reports malformed ones).
std::optional<std::pair<std::int64_t, std::int64_t>> SmallRational(std::string_view text) {
  std::int64_t numerator = 0, denominator = 1;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    auto top = SmallDigits(text.substr(0, slash));
    auto bottom = SmallDigits(text.substr(slash + 1));
    if (!top || !bottom || *bottom == 0) return std::nullopt;
    numerator = *top;
    denominator = *bottom;
  } else {
    const auto split = SplitExponent(text, 2);
    if (!split) return std::nullopt;
    long exponent = split->second;
    const auto [integer_part, fraction_part] = SplitPoint(split->first);
    if (integer_part.size() + fraction_part.size() > 18) return std::nullopt;
    std::optional<std::int64_t> whole =
        integer_part.empty() ? std::optional<std::int64_t>(0) : SmallDigits(integer_part);
    std::optional<std::int64_t> part =
        fraction_part.empty() ? std::optional<std::int64_t>(0) : SmallDigits(fraction_part);
    if (!whole || !part || (integer_part.empty() && fraction_part.empty())) return std::nullopt;
    numerator = *whole;
    for (std::size_t i = 0; i < fraction_part.size(); ++i) numerator *= 10;
    numerator += *part;
    exponent -= static_cast<long>(fraction_part.size());
    for (; exponent > 0; --exponent) {
      if (__builtin_mul_overflow(numerator, std::int64_t{10}, &numerator)) return std::nullopt;
    }
    for (; exponent < 0; ++exponent) {
      if (denominator > std::numeric_limits<std::int64_t>::max() / 10) return std::nullopt;
      denominator *= 10;
    }
  }
  const std::int64_t divisor = std::gcd(numerator, denominator);
  return std::pair{numerator / divisor, denominator / divisor};
}

}  // namespace

std::optional<Number> Number::Parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (auto small = SmallRational(text)) {
    Number number;
    const auto [numerator, denominator] = *small;
    mpq_set_si(number.exact_.get_mpq_t(), negative ? -numerator : numerator,
               static_cast<unsigned long>(denominator));
    // Exactly the double exact().get_d() gives (which truncates): a quotient of integers
    // below 2^53 is exact only when the denominator is 1.
    constexpr std::int64_t kExactInDouble = std::int64_t{1} << 53;
    number.real_ = denominator == 1 && numerator <= kExactInDouble
                       ? static_cast<double>(negative ? -numerator : numerator)
                       : number.exact_.get_d();
    return number;
  }
  mpq_class value;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    std::string_view top = text.substr(0, slash);
    std::string_view bottom = text.substr(slash + 1);
    if (!AllDigits(top) || !AllDigits(bottom)) return std::nullopt;
    mpz_class denominator(std::string(bottom), 10);
    if (denominator == 0) return std::nullopt;
    value = mpq_class(mpz_class(std::string(top), 10), denominator);
    value.canonicalize();
  } else {
    auto decimal = ParseDecimal(text);
    if (!decimal) return std::nullopt;
    value = *decimal;
  }
  if (negative) value = -value;
  return Number(value);
}

std::string Number::ToString() const { return FormatRational(exact_); }

std::string FormatRational(const mpq_class& value) {
  mpq_class canonical = value;
  canonical.canonicalize();
  if (canonical.get_den() == 1) return canonical.get_num().get_str();
  return canonical.get_num().get_str() + "/" + canonical.get_den().get_str();
}

std::string FormatDecimal(double value, int decimals) {
  if (std::isnan(value)) return "nan";
  if (value == 0.0) value = 0.0;  // no "-0.000000"
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') text.erase(0, 1);
  return text;
}

}  // namespace redline::games
