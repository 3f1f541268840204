"""Streamlit-side helpers shared by the pages: URL-bound controls and their query-parameter notes.

The math and the figures live in :mod:`softlse_core`; nothing here computes.
"""
