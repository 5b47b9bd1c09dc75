#include "core/status.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

TEST(Diagnostic, FormatsLocation) {
  EXPECT_EQ((Diagnostic{{"a.yaml", 3, 5}, "bad"}).ToString(), "a.yaml:3:5: error: bad");
  EXPECT_EQ((Diagnostic{{"a.yaml", 0, 0}, "bad"}).ToString(), "a.yaml: error: bad");
  EXPECT_EQ((Diagnostic{{}, "bad"}).ToString(), "error: bad");
}

TEST(DidYouMean, SuggestsCloseWordsOnly) {
  EXPECT_EQ(ClosestMatch("levres", {"levers", "actors"}), "levers");
  EXPECT_EQ(ClosestMatch("zzzzzz", {"levers", "actors"}), "");
  EXPECT_EQ(DidYouMean("actor", {"actors"}), "; did you mean 'actors'?");
}

TEST(Result, HoldsValueOrErrors) {
  Result<int> good = 3;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  Result<int> bad = Diagnostic{{}, "no"};
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.errors().size(), 1u);
}

}  // namespace
}  // namespace redline
