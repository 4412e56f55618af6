"""Release guards, run in CI: no package changes unreleased, no released schema breaks consumers.

For every package of the repository with a release tag (``<distribution>-v<version>``):

- **versions**: if its files changed since its last release tag, its version must be newer than
  the tagged one and the change must be in its changelog (a towncrier fragment in ``changes/``, or
  a section for the new version in ``CHANGELOG.md``);
- **schemas**: every schema the tag shipped must still exist and accept every body it accepted
  then. Compatibility is decided by jsoncompat on both schemas with every declared object closed
  (``additionalProperties: false`` where unset): so adding an optional key, widening a type or an
  enum is compatible; adding a required key, narrowing a type or an enum, or dropping a declared
  key is not. A breaking change is a new class and schema name (``...V2``); the old one stays,
  deprecated.

    python tools/release_checks.py [REPOSITORY]
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.version import Version

VERSION_PATTERN = re.compile(r'^__version__ = "([^"]+)"', re.MULTILINE)


@dataclass(frozen=True)
class Package:
    folder: Path
    distribution: str

    @property
    def module_dir(self) -> Path:
        return next((self.folder / "src").iterdir())

    @property
    def version(self) -> Version:
        return Version(_version_in((self.module_dir / "__init__.py").read_text(encoding="utf-8")))

    @property
    def tag_prefix(self) -> str:
        return f"{self.distribution}-v"


def packages(root: Path) -> list[Package]:
    """Every package folder of the repository (a folder with a pyproject.toml and a src/)."""
    found = []
    for project in sorted(root.glob("*/pyproject.toml")):
        if (project.parent / "src").is_dir():
            name = tomllib.loads(project.read_text(encoding="utf-8"))["project"]["name"]
            found.append(Package(project.parent, name))
    return found


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def last_release(root: Path, package: Package) -> tuple[str, Version] | None:
    """The newest release tag of ``package`` and its version, or None before the first release."""
    tags = [
        (tag, Version(tag.removeprefix(package.tag_prefix)))
        for tag in git(root, "tag", "--list", f"{package.tag_prefix}*").split()
    ]
    return max(tags, key=lambda item: item[1]) if tags else None


def check_version(root: Path, package: Package, tag: str, released: Version) -> list[str]:
    folder = package.folder.relative_to(root).as_posix()
    changed = git(root, "diff", "--name-only", tag, "--", folder).split()
    changed += git(root, "ls-files", "--others", "--exclude-standard", "--", folder).split()
    if not changed:
        return []
    problems = []
    if package.version <= released:
        problems.append(
            f"{package.distribution}: {len(changed)} file(s) changed since {tag} "
            f"(e.g. {changed[0]}) but the version is still {package.version}: bump it"
        )
    fragments = [path for path in (package.folder / "changes").glob("*.md") if path.name != "README.md"]
    changelog = (package.folder / "CHANGELOG.md").read_text(encoding="utf-8")
    if not fragments and f"## {package.version} " not in changelog:
        problems.append(
            f"{package.distribution}: changed since {tag} but no changelog entry "
            f"(add a fragment to {folder}/changes/ or a section for {package.version})"
        )
    return problems


def check_schemas(root: Path, package: Package, tag: str) -> list[str]:
    schemas = package.module_dir / "schemas"
    released = git(
        root, "ls-tree", "-r", "--name-only", tag, "--", schemas.relative_to(root).as_posix()
    ).split()
    problems = []
    for path in released:
        name = Path(path).name.removesuffix(".json")
        current = root / path
        if not current.is_file():
            problems.append(f"{package.distribution}: schema {name} was released in {tag} and is gone")
            continue
        old = json.loads(git(root, "show", f"{tag}:{path}"))
        new = json.loads(current.read_text(encoding="utf-8"))
        if not accepts_all_of(old, new):
            problems.append(
                f"{package.distribution}: schema {name} no longer accepts every body it accepted "
                f"in {tag}; make the change a new class and schema name and deprecate this one"
            )
    return problems


def accepts_all_of(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """True when ``new`` accepts every body ``old`` accepts, keys ``old`` did not declare aside."""
    import jsoncompat

    return jsoncompat.check_compat(json.dumps(_comparable(old)), json.dumps(_comparable(new)), "deserializer")


def _comparable(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema as jsoncompat compares it best: local ``$ref`` inlined (the collection's schemas
    are not recursive), single-member ``allOf`` merged, no ``$schema``/``$id`` (it speaks
    2020-12), and every declared object closed."""
    definitions = schema.get("definitions", {})

    def rewrite(node: Any) -> Any:
        if isinstance(node, list):
            return [rewrite(value) for value in node]
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/definitions/"):
            return rewrite(definitions[node["$ref"].removeprefix("#/definitions/")])
        result = {
            key: rewrite(value) for key, value in node.items() if key not in ("$schema", "$id", "definitions")
        }
        members = result.get("allOf")
        if isinstance(members, list) and len(members) == 1 and isinstance(members[0], dict):
            # {"description", "type", "allOf": [{"$ref"}]}: the collection's way to document a
            # reference, merged into one node (jsoncompat does not compare inside allOf).
            del result["allOf"]
            result = {**members[0], **result}
        if isinstance(result.get("properties"), dict):
            result.setdefault("additionalProperties", False)
        return result

    return rewrite(schema)


def check_repository(root: Path) -> list[str]:
    """Every problem in the repository, as one line each; prints what was checked."""
    problems = []
    for package in packages(root):
        release = last_release(root, package)
        if release is None:
            print(f"{package.distribution} {package.version}: not released yet, nothing to compare")
            continue
        tag, version = release
        found = check_version(root, package, tag, version) + check_schemas(root, package, tag)
        print(f"{package.distribution} {package.version}: compared with {tag}: {len(found)} problem(s)")
        problems += found
    return problems


def _version_in(text: str) -> str:
    match = VERSION_PATTERN.search(text)
    if not match:
        raise ValueError("no __version__ in the package's __init__.py")
    return match.group(1)


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else ".").resolve()
    problems = check_repository(root)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
