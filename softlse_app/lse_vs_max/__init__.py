"""Page "LSE vs max" (sheet questions b and d): the lse surface and its gap, their figures and
read-outs."""
