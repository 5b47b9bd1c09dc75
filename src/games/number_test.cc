#include "games/number.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace redline::games {
namespace {

// The value GMP itself reads from "numerator/denominator" (independent of Number::Parse).
mpq_class Gmp(const std::string& fraction) {
  mpq_class value(fraction, 10);
  value.canonicalize();
  return value;
}

void ExpectParses(const std::string& text, const std::string& fraction) {
  SCOPED_TRACE(text);
  const std::optional<Number> number = Number::Parse(text);
  ASSERT_TRUE(number.has_value());
  const mpq_class expected = Gmp(fraction);
  EXPECT_EQ(number->exact(), expected);
  // The double is the one mpq_get_d gives for the exact value, whichever path parsed it.
  EXPECT_EQ(number->real(), expected.get_d());
}

TEST(NumberParse, ReadsEveryLiteralForm) {
  ExpectParses("-3", "-3");
  ExpectParses("+7", "7");
  ExpectParses("0", "0");
  ExpectParses("-0", "0");
  ExpectParses("0.25", "1/4");
  ExpectParses(".5", "1/2");
  ExpectParses("1.", "1");
  ExpectParses("-1/3", "-1/3");
  ExpectParses("4/6", "2/3");
  ExpectParses("2E+2", "200");
  ExpectParses("1.5e-3", "3/2000");
  ExpectParses("007", "7");
  ExpectParses("0/5", "0");
}

TEST(NumberParse, LongLiteralsAreExactToo) {
  // 19 and more digits, and exponents of three digits, take the general (GMP) parser.
  ExpectParses("1234567890123456789", "1234567890123456789");
  ExpectParses("0.1234567890123456789", "1234567890123456789/10000000000000000000");
  ExpectParses("1e100", "1" + std::string(100, '0'));
  ExpectParses("99999999999999999999/3", "33333333333333333333");
  // Beyond 2^53 the double truncates as mpq_get_d does (2^53 + 1 -> 2^53).
  ExpectParses("9007199254740993", "9007199254740993");
  ExpectParses("-9007199254740993", "-9007199254740993");
  // 10^18 overflows the numerator of the fast path at the last exponent step.
  ExpectParses("999999999999999999e1", "9999999999999999990");
  ExpectParses("9e18", "9000000000000000000");
  ExpectParses("1e-18", "1/1000000000000000000");
  ExpectParses("1e-19", "1/10000000000000000000");
}

TEST(NumberParse, RejectsWhatIsNotANumber) {
  for (const char* text :
       {"",     ".",     "-", "+",     "1/0",  "1e",        "1e+", "--1", "+-1", "1/-3",
        "1//2", "1.2.3", "a", "1e1.5", "0x10", "1e9999999", "1 2", "/",   "1/",  "/2"}) {
    EXPECT_FALSE(Number::Parse(text).has_value()) << text;
  }
}

TEST(NumberParse, RandomDecimalsAgreeWithGmp) {
  std::mt19937_64 random(7);
  for (int trial = 0; trial < 20000; ++trial) {
    const int whole_digits = static_cast<int>(random() % 12);
    const int fraction_digits = static_cast<int>(random() % 12);
    std::string whole, fraction;
    for (int i = 0; i < whole_digits; ++i) whole += static_cast<char>('0' + random() % 10);
    for (int i = 0; i < fraction_digits; ++i) fraction += static_cast<char>('0' + random() % 10);
    if (whole.empty() && fraction.empty()) whole = "0";
    const int exponent = static_cast<int>(random() % 41) - 20;
    const bool negative = random() % 2 == 0;
    std::string text = (negative ? "-" : "") + whole;
    if (!fraction.empty() || random() % 3 == 0) text += "." + fraction;
    if (exponent != 0) text += "e" + std::to_string(exponent);
    // Expected: the digits over 10^(fraction digits - exponent), read by GMP.
    std::string digits = whole + fraction;
    const int scale = fraction_digits - exponent;
    std::string expected = (negative ? "-" : "") + digits;
    if (scale >= 0) {
      expected += "/1" + std::string(static_cast<std::size_t>(scale), '0');
    } else {
      expected += std::string(static_cast<std::size_t>(-scale), '0');
    }
    ExpectParses(text, expected);
  }
}

TEST(NumberParse, RandomFractionsAgreeWithGmp) {
  std::mt19937_64 random(11);
  for (int trial = 0; trial < 20000; ++trial) {
    const std::uint64_t top = random() >> (random() % 64);
    const std::uint64_t bottom = (random() >> (random() % 64)) | 1;
    const std::string text = std::to_string(top) + "/" + std::to_string(bottom);
    ExpectParses(text, text);
  }
}

}  // namespace
}  // namespace redline::games
