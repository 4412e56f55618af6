"""The pytest plugin, used as a consumer uses it: pytest run on a small consumer test project.

The project's tests pick the installed package's first schema name and topic, so every tox
environment checks its own package; the example of the consumers' guide runs where WaiverDB's
package is installed.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from fedora_bus_schemas_core import registry, samples
from fedora_bus_schemas_core.pytest_plugin import assert_valid, load

pytest_plugins = ["pytester"]

CONSUMERS_GUIDE = Path(__file__).resolve().parent.parent / "docs" / "consumers.rst"


def _shipping() -> registry.RegisteredSchema:
    """The first installed class that ships samples and whose topic has no other class."""
    for schema in registry.registered().values():
        if samples.load(schema.cls) and registry.classes_for_topic(schema.topic) == [schema.cls]:
            return schema
    pytest.skip("no installed package ships samples")


def _string_path(value: object, depth: int = 3) -> list[str] | None:
    """Keys leading through objects to a string, preferring the shallowest."""
    if not isinstance(value, dict) or depth == 0:
        return None
    plain = [key for key in value if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key)]
    for key in plain:
        if isinstance(value[key], str):
            return [key]
    for key in plain:
        deeper = _string_path(value[key], depth - 1)
        if deeper:
            return [key, *deeper]
    return None


def _nested(path: list[str], leaf: dict) -> dict:
    """A schema that puts ``leaf`` at ``path`` (through objects)."""
    for key in reversed(path):
        leaf = {"properties": {key: leaf}}
    return leaf


def _at(body: object, path: list[str]) -> object:
    for key in path:
        body = body.get(key) if isinstance(body, dict) else None
    return body


def test_a_consumer_project_runs_over_every_sample(pytester: pytest.Pytester) -> None:
    schema = _shipping()
    shipped = samples.load(schema.cls)
    prefixed = f"{schema.cls.topic_prefix}{schema.topic}"
    pytester.makepyfile(
        myconsumer=f"""
        def handle(message):
            assert message.topic == {schema.topic!r}
            return message.summary
        """,
        test_consumer=f"""
        import pytest
        from fedora_bus_schemas_core.pytest_plugin import assert_valid

        from myconsumer import handle

        @pytest.mark.fedora_samples({schema.name!r})
        def test_by_schema_name(fedora_sample):
            assert handle(fedora_sample.message())

        @pytest.mark.fedora_samples({prefixed!r})
        def test_by_prefixed_topic(fedora_sample):
            assert_valid(fedora_sample)

        def test_all_at_once(fedora_samples):
            found = fedora_samples({schema.topic!r})
            assert len(found) == {len(shipped)}
            assert_valid(found)
            assert_valid([sample.message() for sample in found])
        """,
    )
    result = pytester.runpytest_subprocess("-v")
    result.assert_outcomes(passed=2 * len(shipped) + 1)
    result.stdout.fnmatch_lines(
        [f"*test_by_schema_name[[]{schema.name}/{sample.name}[]] PASSED*" for sample in shipped]
    )


def test_a_broken_assumption_names_each_sample_and_json_path(pytester: pytest.Pytester) -> None:
    schema = _shipping()
    shipped = samples.load(schema.cls)
    path = _string_path(shipped[0].body)
    if path is None:
        pytest.skip(f"{schema.name}'s first sample has no string under plain keys")
    contract = _nested(path, {"type": "integer"})
    pytester.makepyfile(
        test_contract=f"""
        from fedora_bus_schemas_core.pytest_plugin import assert_valid

        def test_contract(fedora_samples):
            assert_valid(fedora_samples({schema.name!r}), {contract!r})
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=1)
    broken = [sample for sample in shipped if isinstance(_at(sample.body, path), str)]
    result.stdout.fnmatch_lines(
        [f"E*AssertionError: {len(broken)} of {len(shipped)} checked do not match the given schema:"]
    )
    reported = [line for line in result.stdout.lines if line.startswith("E ") and " sample " in line]
    expected = [
        f"sample {schema.name}/{sample.name}: $.{'.'.join(path)}: {_at(sample.body, path)!r} "
        "is not of type 'integer'"
        for sample in broken
    ]
    assert [line[1:].strip() for line in reported] == expected


def test_assert_valid_passes_the_samples_against_their_own_schema(schema: registry.RegisteredSchema) -> None:
    assert_valid(samples.load(schema.cls))


def test_assert_valid_reports_a_message_that_its_schema_rejects() -> None:
    schema = _shipping()
    message = samples.load(schema.cls)[0].message()
    required = schema.cls.body_schema.get("required") or []
    if not required:
        pytest.skip(f"{schema.name} requires no key")
    del message.body[required[0]]
    with pytest.raises(AssertionError) as raised:
        assert_valid(message)
    assert str(raised.value) == (
        f"1 of 1 checked do not match their own schemas:\n"
        f"  message {schema.name} ({schema.topic}): $: {required[0]!r} is a required property"
    )


def test_a_topic_means_every_schema_name_published_on_it() -> None:
    topics = {schema.topic for schema in registry.registered().values()}
    several = [topic for topic in topics if len(registry.classes_for_topic(topic)) > 1]
    if not several:
        pytest.skip("no installed topic has several schema names")
    topic = sorted(several)[0]
    names = {sample.schema_name for sample in load(topic)}
    assert names == {cls.schema_name for cls in registry.classes_for_topic(topic) if samples.load(cls)}


def _guide_files() -> dict[str, str]:
    """The code blocks of the consumers' guide that name a file, by file name."""
    text = CONSUMERS_GUIDE.read_text(encoding="utf-8")
    blocks = re.finditer(r"^\.\. code-block:: python\n   :caption: (\S+)\n\n((?:(?:   .*)?\n)+)", text, re.M)
    return {match.group(1): textwrap.dedent(match.group(2)) for match in blocks}


def test_the_consumers_guide_example_runs(pytester: pytest.Pytester) -> None:
    pytest.importorskip("fedora_bus_schemas_waiverdb")
    files = _guide_files()
    assert set(files) == {"myconsumer.py", "test_myconsumer.py"}
    for name, text in files.items():
        pytester.path.joinpath(name).write_text(text, encoding="utf-8")
    shipped = samples.load("waiverdb.waiver.new.v1")
    result = pytester.runpytest_subprocess("-v")
    result.assert_outcomes(passed=len(shipped) + 1)

    # The failure the guide shows, had the example assumed a comment is always a string.
    test_file = pytester.path / "test_myconsumer.py"
    lenient = '"comment": {"type": ["string", "null"]}'
    assert lenient in files["test_myconsumer.py"]
    test_file.write_text(files["test_myconsumer.py"].replace(lenient, '"comment": {"type": "string"}'))
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=len(shipped), failed=1)
    shown = CONSUMERS_GUIDE.read_text(encoding="utf-8")
    for line in result.stdout.lines:
        if "sample waiverdb.waiver.new.v1/" in line:
            assert line.lstrip("E ").strip() in shown, f"the guide does not show {line!r}"
    header = re.search(r"\d+ of \d+ checked do not match the given schema:", result.stdout.str())
    assert header, result.stdout.str()
    assert re.search(r"AssertionError: \d+ of \d+ checked do not match the given schema:", shown)
