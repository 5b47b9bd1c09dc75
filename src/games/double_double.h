// Double-double arithmetic: a value is the unevaluated sum hi + lo of two doubles with
// |lo| <= ulp(hi) / 2, about 106 bits of precision at a few times the cost of a double
// operation (Dekker 1971, "A floating-point technique for extending the available
// precision"; the add, multiply and divide follow Hida, Li & Bailey's QD library
// description, 2001). Used by the floating-point LCP tableau (lcp_float.h) as the step
// between doubles and GMP floats. Needs IEEE double arithmetic without value-changing
// optimisations (no -ffast-math); contraction into fused multiply-adds is harmless here,
// as every product Dekker's split forms is exact.
#pragma once

#include <gmpxx.h>

namespace redline::games {

struct DoubleDouble {
  double hi = 0;
  double lo = 0;

  DoubleDouble() = default;
  DoubleDouble(double value) : hi(value) {}  // NOLINT: implicit, like a double
  DoubleDouble(double high, double low) : hi(high), lo(low) {}

  // The nearest double-double to a rational (to within about 2^-106 relative).
  static DoubleDouble FromRational(const mpq_class& v) {
    mpf_class f(0, 192);
    mpf_set_q(f.get_mpf_t(), v.get_mpq_t());
    const double high = f.get_d();
    f -= high;
    return {high, f.get_d()};
  }
  double ToDouble() const { return hi + lo; }
};

namespace double_double_detail {

// s + e == a + b exactly.
inline DoubleDouble TwoSum(double a, double b) {
  const double s = a + b;
  const double v = s - a;
  return {s, (a - (s - v)) + (b - v)};
}
// As TwoSum when |a| >= |b|.
inline DoubleDouble QuickTwoSum(double a, double b) {
  const double s = a + b;
  return {s, b - (s - a)};
}
inline void Split(double a, double& high, double& low) {
  const double t = 134217729.0 * a;  // 2^27 + 1
  high = t - (t - a);
  low = a - high;
}
// p + e == a * b exactly.
inline DoubleDouble TwoProduct(double a, double b) {
  const double p = a * b;
  double ah, al, bh, bl;
  Split(a, ah, al);
  Split(b, bh, bl);
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

}  // namespace double_double_detail

inline DoubleDouble operator+(const DoubleDouble& a, const DoubleDouble& b) {
  using namespace double_double_detail;
  DoubleDouble s = TwoSum(a.hi, b.hi);
  const DoubleDouble t = TwoSum(a.lo, b.lo);
  s = QuickTwoSum(s.hi, s.lo + t.hi);
  return QuickTwoSum(s.hi, s.lo + t.lo);
}
inline DoubleDouble operator-(const DoubleDouble& a) { return {-a.hi, -a.lo}; }
inline DoubleDouble operator-(const DoubleDouble& a, const DoubleDouble& b) { return a + (-b); }
inline DoubleDouble operator*(const DoubleDouble& a, const DoubleDouble& b) {
  using namespace double_double_detail;
  const DoubleDouble p = TwoProduct(a.hi, b.hi);
  return QuickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}
inline DoubleDouble operator/(const DoubleDouble& a, const DoubleDouble& b) {
  using namespace double_double_detail;
  const double q1 = a.hi / b.hi;
  DoubleDouble r = a - b * DoubleDouble(q1);
  const double q2 = r.hi / b.hi;
  r = r - b * DoubleDouble(q2);
  const double q3 = r.hi / b.hi;
  return QuickTwoSum(q1, q2) + DoubleDouble(q3);
}
inline DoubleDouble& operator+=(DoubleDouble& a, const DoubleDouble& b) { return a = a + b; }
inline DoubleDouble& operator-=(DoubleDouble& a, const DoubleDouble& b) { return a = a - b; }
inline DoubleDouble& operator*=(DoubleDouble& a, const DoubleDouble& b) { return a = a * b; }
inline DoubleDouble& operator/=(DoubleDouble& a, const DoubleDouble& b) { return a = a / b; }

inline bool operator<(const DoubleDouble& a, const DoubleDouble& b) {
  return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}
inline bool operator>(const DoubleDouble& a, const DoubleDouble& b) { return b < a; }
inline bool operator<=(const DoubleDouble& a, const DoubleDouble& b) { return !(b < a); }
inline bool operator>=(const DoubleDouble& a, const DoubleDouble& b) { return !(a < b); }
inline bool operator==(const DoubleDouble& a, const DoubleDouble& b) {
  return a.hi == b.hi && a.lo == b.lo;
}

inline DoubleDouble Abs(const DoubleDouble& a) { return a.hi < 0 ? -a : a; }

}  // namespace redline::games
