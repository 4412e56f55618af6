"""The pytest plugin comes with the core, and reports misuse clearly (no app package needed).

Each test runs pytest in a subprocess on a throw-away project, as a consumer would.
"""

from __future__ import annotations

from importlib import metadata

import pytest

from fedora_bus_schemas_core import pytest_plugin

pytest_plugins = ["pytester"]


def test_installing_the_core_registers_the_plugin() -> None:
    points = {
        point.name: point.value
        for point in metadata.distribution("fedora-bus-schemas-core").entry_points
        if point.group == "pytest11"
    }
    assert points == {"fedora_bus_schemas": pytest_plugin.__name__}


def test_pytest_lists_the_marker(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.fedora_samples(*names): run the test once per sample*"])


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("-p", "no:fedora_bus_schemas", "--markers")
    assert "fedora_samples" not in result.stdout.str()


def test_a_name_nothing_installs_fails_that_test_alone(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.fedora_samples("no.such.topic")
        def test_unknown(fedora_sample):
            pass

        @pytest.mark.fedora_samples()
        def test_nothing_named(fedora_sample):
            pass

        def test_fixture_without_the_marker(fedora_sample):
            pass

        def test_unaffected():
            pass
        """
    )
    result = pytester.runpytest_subprocess("-rE")
    result.assert_outcomes(passed=1, errors=3)
    result.stdout.fnmatch_lines(
        [
            "*@pytest.mark.fedora_samples('no.such.topic'): no installed package registers the schema "
            "name or topic 'no.such.topic'; `fedora-bus-schemas list` shows the installed ones",
            "*@pytest.mark.fedora_samples(): give at least one schema name, topic or class",
            "*the 'fedora_sample' argument is given by @pytest.mark.fedora_samples(<schema name or topic>)",
        ],
        consecutive=False,
    )


def test_the_marker_on_a_test_without_the_argument_is_a_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.fedora_samples("no.such.topic")
        def test_forgot_the_argument():
            pass
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*needs the test to take a 'fedora_sample' argument*"])


def test_assert_valid_refuses_what_it_cannot_check() -> None:
    with pytest.raises(TypeError, match="not a bare body"):
        pytest_plugin.assert_valid({"id": 1})
    with pytest.raises(TypeError, match="not int"):
        pytest_plugin.assert_valid(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not str"):
        pytest_plugin.assert_valid(["a body?"])  # type: ignore[list-item]
