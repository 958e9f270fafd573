"""kg's performance suite: ``python -m bench [--quick]`` (or ``make bench [QUICK=1]``).

Every figure is a median over repeated runs with its min–max, and every comparison is a ratio of two
things measured side by side in the same run. Results go to ``bench/results/`` (Markdown + JSON);
``bench/RESULTS.md`` keeps the figures of the last full measured run. See docs/performance.md.
"""
