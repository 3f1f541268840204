"""What every page shares: URL-bound controls and the readers of their query-parameter text,
the navigation list, the plot style, the deep-link guard and the garbage-collector freeze."""
