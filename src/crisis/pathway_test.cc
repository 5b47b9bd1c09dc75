#include "crisis/pathway.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

TEST(Pathway, ChainsLinksAndMergesRepeats) {
  const Pathway empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(PathwayId(empty), "initial");
  EXPECT_EQ(PathwayLabel(empty), "initial levels");
  const Pathway chain = empty.Then(LinkKind::kIncident)
                            .Then(LinkKind::kAllianceResponse)
                            .Then(LinkKind::kRetaliation)
                            .Then(LinkKind::kRetaliation)
                            .Then(LinkKind::kDesperation);
  EXPECT_EQ(chain.length(), 4);  // two retaliations in a row are one link
  EXPECT_EQ(PathwayId(chain), "perceived_incident>alliance_response>retaliation>desperation");
  EXPECT_EQ(PathwayLabel(chain),
            "perceived incident → alliance response → retaliation → escalation under decisive "
            "defeat");
  EXPECT_EQ(Pathway::FromKey(chain.Key()), chain);
  EXPECT_NE(chain.Key(), empty.Key());
}

TEST(Pathway, DropsTheOldestLinksBeyondItsCapacity) {
  Pathway chain;
  for (int i = 0; i < Pathway::kCapacity + 2; ++i)
    chain = chain.Then(i % 2 ? LinkKind::kCrossing : LinkKind::kEnforcement);
  EXPECT_EQ(chain.length(), Pathway::kCapacity);
  EXPECT_TRUE(chain.truncated());
  EXPECT_EQ(chain.last(), LinkKind::kEnforcement);  // i = 8 is even
  EXPECT_EQ(PathwayId(chain).substr(0, 4), "...>");
  EXPECT_EQ(Pathway::FromKey(chain.Key()), chain);
}

TEST(Pathway, EveryKindHasAnIdAndALabel) {
  for (int k = 1; k <= kLinkKinds; ++k) {
    EXPECT_STRNE(LinkId(static_cast<LinkKind>(k)), "?") << k;
    EXPECT_STRNE(LinkLabel(static_cast<LinkKind>(k)), "?") << k;
  }
}

}  // namespace
}  // namespace redline
