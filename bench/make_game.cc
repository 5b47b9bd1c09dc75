// Writes the generated games of the logit comparison (bench/gambit_compare_logit.sh) as
// Gambit files on stdout, deterministic for given arguments:
//
//   make_game bimatrix N          random N × N bimatrix game, payoffs 0..99 (the same
//                                 generator as games_bench's RandomBimatrix)
//   make_game tree DEPTH SEED     random two-player imperfect-information tree with perfect
//                                 recall: chance deals each player a private signal (2 each),
//                                 then the players alternate for DEPTH moves with 2 or 3
//                                 actions; each move is seen by the other player or hidden
//                                 (chosen per depth), so an infoset is the mover's own signal,
//                                 own past moves and the moves they saw. Leaves pay 0..99.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

struct Lcg {
  std::uint64_t state;
  int Next(int bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
  }
};

void Bimatrix(int n) {
  Lcg random{0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(n)};
  std::printf("NFG 1 R \"random %dx%d\" { \"1\" \"2\" } { %d %d }\n\n", n, n, n, n);
  for (int cell = 0; cell < n * n; ++cell) {
    std::printf("%d %d ", random.Next(100), random.Next(100));
  }
  std::printf("\n");
}

class Tree {
 public:
  Tree(int depth, std::uint64_t seed) : depth_(depth), random_{seed * 2654435761ULL + 12345} {
    for (int d = 0; d < depth; ++d) {
      actions_.push_back(2 + random_.Next(2));
      seen_.push_back(random_.Next(3) != 0);  // two moves in three are observed
    }
  }

  void Write() {
    std::printf("EFG 2 R \"random tree, depth %d\" { \"1\" \"2\" }\n\"\"\n\n", depth_);
    std::printf("c \"\" 1 \"signals\" { \"s11\" 1/4 \"s12\" 1/4 \"s21\" 1/4 \"s22\" 1/4 } 0\n");
    for (int s = 0; s < 4; ++s) Node(0, {std::to_string(s / 2), std::to_string(s % 2)});
  }

 private:
  // views[p]: what player p knows so far (own signal, own moves, moves seen).
  void Node(int d, std::vector<std::string> views) {
    if (d == depth_) {
      std::printf("t \"\" %d \"\" { %d, %d }\n", ++outcomes_, random_.Next(100), random_.Next(100));
      return;
    }
    const int mover = d % 2;
    const std::string key = std::to_string(d) + "|" + views[mover];
    auto [it, added] = infosets_[mover].emplace(key, static_cast<int>(infosets_[mover].size()) + 1);
    std::printf("p \"\" %d %d", mover + 1, it->second);
    if (added) {
      std::printf(" \"\" {");
      for (int a = 0; a < actions_[d]; ++a) std::printf(" \"%c%d\"", 'a' + a, d);
      std::printf(" }");
    }
    std::printf(" 0\n");
    for (int a = 0; a < actions_[d]; ++a) {
      std::vector<std::string> next = views;
      const std::string move = "," + std::to_string(d) + ":" + std::to_string(a);
      next[mover] += move;
      if (seen_[d]) next[1 - mover] += move;
      Node(d + 1, next);
    }
  }

  int depth_;
  Lcg random_;
  std::vector<int> actions_;
  std::vector<bool> seen_;
  std::map<std::string, int> infosets_[2];
  int outcomes_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const std::string kind = argc > 1 ? argv[1] : "";
  if (kind == "bimatrix" && argc == 3) {
    Bimatrix(std::atoi(argv[2]));
    return 0;
  }
  if (kind == "tree" && argc == 4) {
    Tree(std::atoi(argv[2]), std::strtoull(argv[3], nullptr, 10)).Write();
    return 0;
  }
  std::fprintf(stderr, "usage: make_game bimatrix N | make_game tree DEPTH SEED\n");
  return 2;
}
