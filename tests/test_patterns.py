"""The on-disk cache of compiled patterns gives the same patterns as ``re.compile``."""

from __future__ import annotations

import re
import subprocess
import sys

from policylint import patterns

SAMPLES = [
    (r"(?P<amount>\d+)\s+(?:рабоч\w*\s+)?дн(?:я|ей)", re.IGNORECASE),
    (r"(?<!\w)жою\w*[^.;]{0,60}?(?:тала[пб]|бұз|заңсыз)", re.IGNORECASE),
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0),
]


def test_same_pattern_as_re_compile() -> None:
    for source, flags in SAMPLES:
        ours, theirs = patterns.compile(source, flags), re.compile(source, flags)
        assert ours == theirs
        text = "в течение 3 рабочих дней; privacy@bektek.kz; дербес деректерді жою талабы"
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
        assert ours.groupindex == theirs.groupindex


def test_cache_round_trip_between_processes(tmp_path) -> None:
    """A second process builds its patterns from the cache the first one wrote."""
    script = (
        "from policylint import patterns; import re\n"
        "p = patterns.compile(r'(?P<n>\\d+)\\s+сағат', re.I)\n"
        "assert p == re.compile(r'(?P<n>\\d+)\\s+сағат', re.I)\n"
        "assert p.search('72 Сағат ішінде').group('n') == '72'\n"
    )
    env = {"POLICYLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", script], check=True, env=env)
    assert list(tmp_path.glob("patterns-*.pickle"))
