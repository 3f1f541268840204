"""Page "Vector lab" (sheet question a): a typed vector's softmax under offset, scale and λ,
its lse read-outs, temperature sweep, simplex path and the textbook formula's overflow."""
