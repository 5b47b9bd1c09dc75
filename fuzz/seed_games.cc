// Writes the seed corpus of the Gambit harness into the folder given as argv[1]: every game
// of the crisis-game library with its default parameters (.efg) and a few normal-form games
// (.nfg) in both of the format's bodies. Everything here is written by redline itself.
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "games/game_file.h"
#include "games/library.h"

namespace {

using redline::games::Number;
using redline::games::Outcome;
using redline::games::StrategicPlayer;

bool Save(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

redline::games::AnyGame NormalForm(const std::string& title, std::vector<StrategicPlayer> players,
                                   const std::vector<std::vector<long>>& payoffs,
                                   bool labelled_outcomes) {
  std::vector<Outcome> outcomes;
  std::vector<redline::games::OutcomeId> cells;
  for (std::size_t cell = 0; cell < payoffs.size(); ++cell) {
    Outcome outcome;
    if (labelled_outcomes) outcome.label = "o" + std::to_string(cell + 1);
    for (long value : payoffs[cell]) outcome.payoffs.push_back(Number(value));
    outcomes.push_back(std::move(outcome));
    cells.push_back(static_cast<redline::games::OutcomeId>(cell));
  }
  return *redline::games::NormalFormGame::Create(title, "written by fuzz_seed_games",
                                                 std::move(players), std::move(outcomes),
                                                 std::move(cells));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fuzz_seed_games DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  bool ok = true;
  for (const redline::games::LibraryGame& entry : redline::games::LibraryGames()) {
    auto game = redline::games::MakeLibraryGame(entry.name, {});
    if (!game.ok()) return 1;
    ok &= Save(dir + "/" + entry.name + ".efg",
               redline::games::WriteGame(redline::games::AnyGame(std::move(game).value())));
  }
  const std::vector<StrategicPlayer> two{{"Row", {"Swerve", "Straight"}},
                                         {"Column", {"Swerve", "Straight"}}};
  ok &= Save(dir + "/chicken_payoffs.nfg",
             redline::games::WriteGame(
                 NormalForm("Chicken", two, {{0, 0}, {1, -1}, {-1, 1}, {-10, -10}}, false)));
  ok &= Save(dir + "/chicken_outcomes.nfg",
             redline::games::WriteGame(
                 NormalForm("Chicken", two, {{0, 0}, {1, -1}, {-1, 1}, {-10, -10}}, true)));
  const std::vector<StrategicPlayer> three{
      {"A", {"a1", "a2"}}, {"B", {"b1", "b2", "b3"}}, {"C", {"c1", "c2"}}};
  std::vector<std::vector<long>> payoffs;
  for (long cell = 0; cell < 12; ++cell) payoffs.push_back({cell % 3, -cell, cell % 5 - 2});
  ok &= Save(dir + "/three_players.nfg",
             redline::games::WriteGame(NormalForm("Three players", three, payoffs, false)));
  return ok ? 0 : 1;
}
