"""The never-raising body access, NVR parsing and wording helpers."""

from __future__ import annotations

import pytest

from fedora_bus_schemas_core import access
from fedora_bus_schemas_core.nvr import NVR, package_name, parse_nvr
from fedora_bus_schemas_core.subjects import Subject, subject_of
from fedora_bus_schemas_core.text import join_words, plural, truncate

BODY = {"a": {"b": [{"c": "x"}, 3, True, None, " padded "]}, "n": 0}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("a", "b", 0, "c"), "x"),
        (("a", "b", 9), None),
        (("a", "b", -1), " padded "),
        (("n", "x"), None),
        (("a", 0), None),
    ],
)
def test_dig(path, expected):
    assert access.dig(BODY, *path) == expected


def test_typed_accessors_give_defaults_instead_of_raising():
    assert access.text(BODY, "a", "b", 4) == "padded"
    assert access.text(BODY, "a", "b", 1) == "3"
    assert access.text(BODY, "a", "b", 2) == ""
    assert access.optional_text(BODY, "missing") is None
    assert access.integer(BODY, "a", "b", 1) == 3
    assert access.integer(BODY, "a", "b", 2) is None, "booleans are not integers"
    assert access.flag(BODY, "a", "b", 2) is True
    assert access.items(BODY, "a") == []
    assert access.mapping(BODY, "a", "b") == {}
    assert access.unique_sorted(["b", None, "a", "b", " ", 3, "None"]) == ["a", "b"]
    assert access.dig(["not", "a", "dict"], "a") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("kernel-6.1.0-1.fc40", NVR("kernel", "6.1.0", "1.fc40")),
        ("python-requests-2.32.3-1.fc41", NVR("python-requests", "2.32.3", "1.fc41")),
        ("perl-Foo-Bar-1:2.0-3.el9", NVR("perl-Foo-Bar", "2.0", "3.el9", "1")),
        ("kernel", None),
        ("a--b", None),
        ("x-y:z-1", None),
        (None, None),
        (42, None),
    ],
)
def test_parse_nvr(value, expected):
    assert parse_nvr(value) == expected


def test_package_name():
    assert package_name("golang-github-foo-bar-0.1-2.fc40") == "golang-github-foo-bar"
    assert package_name("not-an") is None


def test_truncate_collapses_whitespace_and_cuts_on_a_word():
    assert truncate("a  b\n c") == "a b c"
    assert truncate("one two three four", width=12) == "one two…"
    assert len(truncate("x" * 500)) == 200


def test_wording():
    assert plural(1, "test") == "1 test" and plural(2, "test") == "2 tests"
    assert plural(2, "policy", "policies") == "2 policies"
    assert join_words([]) == "" and join_words(["a"]) == "a"
    assert join_words(["a", "b", "c"]) == "a, b and c"


@pytest.mark.parametrize(
    ("body", "subject", "label"),
    [
        (
            {"subject_type": "koji_build", "subject_identifier": "glibc-2.40-3.fc41"},
            Subject("koji_build", "glibc-2.40-3.fc41"),
            "glibc-2.40-3.fc41",
        ),
        (
            {"subject": [{"type": "bodhi_update", "item": "FEDORA-2024-1"}]},
            Subject("bodhi_update", "FEDORA-2024-1"),
            "update FEDORA-2024-1",
        ),
        (
            {"subject": {"productmd.compose.id": "Fedora-Rawhide-20241105.n.0"}},
            Subject("compose", "Fedora-Rawhide-20241105.n.0"),
            "compose Fedora-Rawhide-20241105.n.0",
        ),
        ({"subject": "not a dict"}, Subject("", ""), "an unnamed subject"),
        ({}, Subject("", ""), "an unnamed subject"),
    ],
)
def test_subjects(body, subject, label):
    assert subject_of(body) == subject
    assert subject_of(body).label == label


def test_subject_links_and_packages():
    build = Subject("koji_build", "glibc-2.40-3.fc41")
    assert build.packages == ["glibc"]
    assert build.url.endswith("terms=glibc-2.40-3.fc41&type=build&match=exact")
    assert (
        Subject("bodhi_update", "FEDORA-2024-1").url
        == "https://bodhi.fedoraproject.org/updates/FEDORA-2024-1"
    )
    assert Subject("compose", "X").url is None and Subject("compose", "X").packages == []
