#include "games/library.h"

#include <gtest/gtest.h>

#include "games/library_games.h"
#include "games/spe.h"

namespace redline::games {
namespace {

TEST(DeterrenceTest, ClosedFormAndSolverAgreeOnAGrid) {
  int challenged = 0, deterred = 0;
  for (double prior : {0.0, 0.1, 0.25, 0.5, 0.5000000001, 0.75, 1.0}) {
    for (double audience : {0.0, 0.6, 1.0, 2.0}) {
      for (double war_cost : {0.5, 1.0, 3.0}) {
        DeterrenceParams params;
        params.prior_resolute = prior;
        params.audience_cost = audience;
        params.challenger_war_cost = war_cost;
        const DeterrencePbe closed = SolveDeterrenceClosedForm(params);
        Result<DeterrencePbe> solved = SolveDeterrence(params);
        ASSERT_TRUE(solved.ok()) << solved.errors()[0].ToString();
        EXPECT_NEAR(solved->challenge, closed.challenge, 1e-12) << prior << " " << audience;
        EXPECT_NEAR(solved->resist_resolute, closed.resist_resolute, 1e-12);
        EXPECT_NEAR(solved->resist_irresolute, closed.resist_irresolute, 1e-12);
        (closed.challenge > 0.5 ? challenged : deterred)++;
      }
    }
  }
  EXPECT_GT(challenged, 10);  // the grid covers both regimes
  EXPECT_GT(deterred, 10);
}

TEST(DeterrenceTest, CutoffInThePriorWhenOnlyTheResoluteTypeResists) {
  DeterrenceParams params;           // gain 1, war cost 1: cutoff p* = 1/2
  params.challenger_war_cost = 3.0;  // p* = 1/4
  params.prior_resolute = 0.24;
  EXPECT_EQ(SolveDeterrenceClosedForm(params).challenge, 1.0);
  params.prior_resolute = 0.26;
  EXPECT_EQ(SolveDeterrenceClosedForm(params).challenge, 0.0);
  params.prior_resolute = 0.25;  // indifferent: status quo
  EXPECT_EQ(SolveDeterrenceClosedForm(params).challenge, 0.0);
  EXPECT_EQ(SolveDeterrence(params)->challenge, 0.0);
  const DeterrencePbe pbe = SolveDeterrenceClosedForm(params);
  EXPECT_EQ(pbe.resist_resolute, 1.0);
  EXPECT_EQ(pbe.resist_irresolute, 0.0);
}

TEST(DeterrenceTest, AudienceCostMakesTheIrresoluteTypeResistAndDeters) {
  DeterrenceParams params;
  params.prior_resolute = 0.1;
  EXPECT_EQ(SolveDeterrenceClosedForm(params).challenge, 1.0);
  params.audience_cost = 1.5;  // stake + audience = 2.5 >= irresolute war cost 2
  const DeterrencePbe pbe = SolveDeterrenceClosedForm(params);
  EXPECT_EQ(pbe.resist_irresolute, 1.0);
  EXPECT_EQ(pbe.challenge, 0.0);
  EXPECT_EQ(pbe.ResistGivenChallenge(), 1.0);
}

TEST(DeterrenceTest, InvalidParamsAreReported) {
  DeterrenceParams params;
  params.prior_resolute = 1.5;
  params.challenger_gain = -1;
  Status status = ValidateDeterrenceParams(params);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.errors().size(), 2u);
  EXPECT_FALSE(SolveDeterrence(params).ok());
}

TEST(LibraryTest, EveryGameBuildsWithDefaults) {
  for (const std::string& name : LibraryGameNames()) {
    Result<ExtensiveGame> game = MakeLibraryGame(name, {});
    ASSERT_TRUE(game.ok()) << name << ": " << game.errors()[0].ToString();
    EXPECT_EQ(game->num_players(), 2);
  }
}

TEST(LibraryTest, UnknownNamesAndBadValuesAreDiagnosed) {
  Result<ExtensiveGame> game = MakeLibraryGame("deterence", {});
  ASSERT_FALSE(game.ok());
  EXPECT_NE(game.errors()[0].message.find("did you mean 'deterrence'"), std::string::npos);
  game = MakeLibraryGame("deterrence", {{"prior_resolut", "0.3"}, {"audience_cost", "-1"}});
  ASSERT_FALSE(game.ok());
  ASSERT_EQ(game.errors().size(), 2u);
  EXPECT_NE(game.errors()[0].message.find("did you mean 'prior_resolute'"), std::string::npos);
  EXPECT_NE(game.errors()[1].message.find(">= 0"), std::string::npos);
  game = MakeLibraryGame("chicken", {{"gain", "abc"}});
  EXPECT_FALSE(game.ok());
  game = MakeLibraryGame("chicken", {{"crash_cost", "1/2"}});  // below humiliation 1
  EXPECT_FALSE(game.ok());
  game = MakeLibraryGame("brinkmanship", {{"risk_levels", "2.5"}});
  EXPECT_FALSE(game.ok());
}

TEST(LibraryTest, BrinkmanshipClosedFormMatchesBackwardInduction) {
  for (double prior : {0.0, 0.2, 0.5, 0.9}) {
    for (int levels : {2, 5, 11}) {
      for (double max_risk : {0.3, 1.0}) {
        BrinkmanshipParams params;
        params.prior_committed = prior;
        params.risk_levels = levels;
        params.max_risk = max_risk;
        Result<ExtensiveGame> game = BuildBrinkmanshipGame(params);
        ASSERT_TRUE(game.ok());
        Result<Solution> spe = SolveSubgamePerfect(*game);
        ASSERT_TRUE(spe.ok());
        const BrinkmanshipSpe closed = SolveBrinkmanshipClosedForm(params);
        const InfosetId defender = game->players()[1].infosets[0];
        const std::vector<double>& profile = spe->equilibria[0].profile;
        EXPECT_EQ(profile[game->action_index(defender, closed.risk_index)], 1.0)
            << prior << " " << levels << " " << max_risk;
      }
    }
  }
}

TEST(LibraryTest, RiskTakingClosedFormMatchesBackwardInduction) {
  for (int rounds : {1, 2, 3, 4, 7}) {
    for (double rho : {0.0, 0.1, 0.3}) {
      for (double stalemate : {0.0, 0.9}) {
        RiskTakingParams params;
        params.rounds = rounds;
        params.disaster_probability = rho;
        params.stalemate = stalemate;
        params.disaster_cost = 2.0;
        Result<ExtensiveGame> game = BuildRiskTakingGame(params);
        ASSERT_TRUE(game.ok());
        Result<Solution> spe = SolveSubgamePerfect(*game);
        ASSERT_TRUE(spe.ok());
        const RiskTakingSpe closed = SolveRiskTakingClosedForm(params);
        EXPECT_NEAR(spe->equilibria[0].expected_payoffs[0], closed.first_player_value, 1e-12);
        EXPECT_NEAR(spe->equilibria[0].expected_payoffs[1], closed.second_player_value, 1e-12);
      }
    }
  }
}

TEST(LibraryTest, RiskTakingParityRuleWithoutStalemateValue) {
  // With stalemate 0 the last mover quits and firmness alternates back from the horizon.
  for (int rounds : {1, 2, 3, 4, 5, 6}) {
    RiskTakingParams params;
    params.rounds = rounds;
    params.disaster_probability = 0.1;  // (1 - rho) prize = 0.9 > rho D = 0.5
    const RiskTakingSpe closed = SolveRiskTakingClosedForm(params);
    for (int t = 1; t <= rounds; ++t) {
      EXPECT_EQ(closed.stand_firm[t - 1], (rounds - t) % 2 == 1 ? 1.0 : 0.0) << rounds << " " << t;
    }
    EXPECT_NEAR(closed.disaster_probability, rounds % 2 == 0 ? 0.1 : 0.0, 1e-15);
  }
}

}  // namespace
}  // namespace redline::games
