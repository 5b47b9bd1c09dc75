// Internal to logit: the QRE equations, their Jacobian, and a dense linear solver.
#pragma once

#include <vector>

#include "games/normal_form.h"

namespace redline::games {

using DenseMatrix = std::vector<std::vector<double>>;

// F(w, λ) and its Jacobian [F_w | F_λ] (rows × (entries + 1)) at log-profile w.
void EvaluateLogitSystem(const NormalFormGame& game, const std::vector<double>& w, double lambda,
                         std::vector<double>& f, DenseMatrix& jacobian);

// Solves a x = b in place (partial pivoting); false when singular.
bool SolveDense(DenseMatrix a, std::vector<double>& b);

}  // namespace redline::games
