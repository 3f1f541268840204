"""The browser benchmark's parts: the in-page probe (``probe.js``, ``probed_page``), finding
and moving widgets (``controls``), the interactions and their fresh-value walks
(``interaction``, ``app_interactions``, ``bare_pages``), the run (``runner``) and its tables
(``report``). The command is ``python benchmarks/browser.py``."""
