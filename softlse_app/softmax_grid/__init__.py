"""Page "Softmax and one-hot" (sheet question c): softmax panels on the grid, the one-hot limit
and the gradient field ∇lse = softmax."""
