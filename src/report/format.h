// Number formatting shared by the text reports.
#pragma once

#include <string>

namespace redline::report {

// A probability for a table: four decimals, or scientific notation for small non-zero values
// so that a rare outcome does not print as 0.0000.
std::string Probability(double p);

// A signed difference of probabilities, formatted like Probability with a sign.
std::string SignedProbability(double d);

}  // namespace redline::report
