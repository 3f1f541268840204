"""Benchmark scripts that print measured figures (never timed assertions). Run one with
``python -m benchmarks.<name>``."""
