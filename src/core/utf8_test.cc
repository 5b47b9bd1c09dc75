#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace redline {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(FirstInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FirstInvalidUtf8("Russia–NATO crisis, ü, 日本, \xF0\x9F\x98\x80"), std::nullopt);
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(FirstInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FirstInvalidUtf8("a\xC3"), 1u);             // truncated sequence
  EXPECT_EQ(FirstInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("x\xED\xA0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("\xE2\x82\x41"), 0u);      // bad continuation
}

}  // namespace
}  // namespace redline
