"""Check statically that every package runs on Python 3.9, with only a newer interpreter at hand.

The packages support Python 3.9 (RHEL 9 / EPEL 9 hosts), but the machines that test them have
one, newer, interpreter. Two static checks stand in for a 3.9 run:

- mypy type-checks the package sources twice, as Python 3.9 and as Python 3.11: what it reports
  only under 3.9 is code that would fail there (a runtime ``X | Y`` union, an API that
  ``importlib.metadata`` or the standard library gained later...);
- vermin lists the standard-library modules, functions and syntax that need a newer Python.

    python tools/check_py39.py [ROOT]

Exits 1 and lists the findings when either check finds something.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

OLDEST = "3.9"
NEWEST = "3.11"
#: mypy's report lines: ``path:line: error: message  [code]``; notes only explain errors.
ERROR_LINE = re.compile(r"^(?P<where>[^:]+:\d+): error: (?P<message>.*)$")


def package_sources(root: Path) -> list[str]:
    """The import package folders of every ``*_messages`` distribution."""
    return sorted(str(path.parent) for path in root.glob("*_messages/src/*/__init__.py"))


def mypy_errors(sources: list[str], version: str) -> set[str]:
    """mypy's errors on ``sources`` as Python ``version``, one ``path:line: message`` each."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--python-version",
            version,
            "--ignore-missing-imports",
            "--follow-imports=skip",
            "--no-error-summary",
            "--hide-error-context",
            "--no-color-output",
            *sources,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"mypy failed as Python {version}:\n{result.stdout}{result.stderr}")
    return {
        f"{found['where']}: {found['message']}"
        for line in result.stdout.splitlines()
        if (found := ERROR_LINE.match(line))
    }


def vermin_violations(sources: list[str]) -> list[str]:
    """What vermin finds in ``sources`` that needs a Python newer than :data:`OLDEST`."""
    vermin = shutil.which("vermin", path=str(Path(sys.executable).parent)) or "vermin"
    result = subprocess.run(
        [vermin, f"-t={OLDEST}-", "--violations", "--no-tips", *sources],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return []
    return [line for line in result.stdout.splitlines() if line.strip()] or [result.stderr.strip()]


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    sources = package_sources(root)
    if not sources:
        print(f"no package sources under {root}")
        return 2
    only_oldest = sorted(mypy_errors(sources, OLDEST) - mypy_errors(sources, NEWEST))
    violations = vermin_violations(sources)
    for finding in only_oldest:
        print(f"python {OLDEST}: {finding}")
    for violation in violations:
        print(f"vermin: {violation}")
    checked = f"{len(sources)} packages checked for Python {OLDEST}"
    if only_oldest or violations:
        print(f"{checked}: {len(only_oldest)} mypy finding(s), {len(violations)} vermin finding(s)")
        return 1
    print(f"{checked}: nothing found that works on {NEWEST} and not on {OLDEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
