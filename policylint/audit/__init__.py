"""``policylint audit``: many policies — files, folders, URLs — linted in parallel, streamed
to ``results.jsonl``, remembered in an SQLite history and shown as an HTML report.

- ``sources``  what to audit: folders, globs, files, URLs, ``@list.txt``;
- ``fetch``    URLs fetched politely (per-host limits, retries, size and time caps);
- ``records``  one JSON record per input (the lines of ``results.jsonl``);
- ``run``      the run itself: workers (local processes or a Dask cluster), progress,
  resume after an interruption;
- ``history``  the SQLite history and what changed since the last run;
- ``site``     ``index.html``, a page per document, ``findings.csv``, ``summary.json``.
"""
