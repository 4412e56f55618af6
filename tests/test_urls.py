"""Links built from message content are valid URLs to the right page, whatever the names hold.

Generic checks run on every sample of every installed class, with hostile text appended to every
string of the body that is not itself a link; targeted checks follow each app's URL shapes.
"""

from __future__ import annotations

import copy
import re
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from fedora_bus_schemas_core import registry, samples, urls
from fedora_bus_schemas_core.subjects import Subject

#: Appended to names: a space, the characters that end a path segment or a query value, a stray
#: percent sign, a plus (a space in forms) and non-ASCII letters. No ``/``: it is tested per app.
HOSTILE = " a#b?c%d&e=f+g é名"
#: What a valid URL is made of (RFC 3986): unreserved, reserved and ``%`` characters, nothing else.
URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def _hostile(value: Any, suffix: str) -> Any:
    """``value`` with ``suffix`` appended to every string that is not a link."""
    if isinstance(value, dict):
        return {key: _hostile(item, suffix) for key, item in value.items()}
    if isinstance(value, list):
        return [_hostile(item, suffix) for item in value]
    if isinstance(value, str) and not value.startswith(("https://", "http://")):
        return value + suffix
    return value


def assert_valid(url: str) -> None:
    assert URL_CHARACTERS.fullmatch(url), f"not a valid URL: {url!r}"
    assert not re.search("%(?![0-9A-Fa-f]{2})", url), f"stray % in {url!r}"
    parts = urlsplit(url)
    assert parts.scheme == "https" and parts.hostname, url


def test_sample_urls_are_valid(sample):
    message = sample.message()
    for url in (message.url, message.agent_avatar):
        if url is not None:
            assert_valid(url)


def test_hostile_names_stay_inside_their_part_of_the_url(sample):
    """Same site, same path segments (or a page up the same path), same query keys, same fragment."""
    before = sample.message().url
    after = sample.cls(body=_hostile(copy.deepcopy(sample.body), HOSTILE)).url
    if after is None:
        return  # no link is better than a wrong one
    assert_valid(after)
    assert before is not None, f"a link appears only for hostile content: {after}"
    old, new = urlsplit(before), urlsplit(after)
    assert (new.scheme, new.netloc) == (old.scheme, old.netloc)
    old_segments, new_segments = old.path.split("/"), new.path.split("/")
    if len(new_segments) < len(old_segments):  # a fallback to a page higher up the same path
        assert new_segments == old_segments[: len(new_segments)], (before, after)
        return
    assert len(new_segments) == len(old_segments), (before, after)
    for index, was in enumerate(old_segments):
        assert new_segments[index] == was or HOSTILE in unquote(new_segments[index]), (before, after)
    old_query, new_query = parse_qs(old.query), parse_qs(new.query)
    assert new_query.keys() == old_query.keys(), (before, after)
    assert bool(new.fragment) == bool(old.fragment), (before, after)


def test_lone_surrogates_break_no_link(sample):
    """``"\\ud800"`` is valid JSON but not UTF-8: links and avatars must still be built."""
    message = sample.cls(body=_hostile(copy.deepcopy(sample.body), "\ud800"))
    for url in (message.url, message.agent_avatar):
        if url is not None:
            assert_valid(url)


# The core helpers.

NAMES = ["my project", "a#b", "what?", "a/b", "50%", "a&b=c", "café", "名前", "\ud800"]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_is_one_segment(name):
    url = urls.join("https://example.org/things/", name, "edit")
    assert_valid(url)
    assert url.startswith("https://example.org/things/") and url.endswith("/edit")
    segment = url.removeprefix("https://example.org/things/").removesuffix("/edit")
    assert "/" not in segment
    assert unquote(segment) == urls.encodable(name)


@pytest.mark.parametrize("name", NAMES)
def test_a_query_value_stays_one_value(name):
    url = urls.with_query("https://example.org/search", terms=name, type="build")
    assert_valid(url)
    assert parse_qs(urlsplit(url).query) == {"terms": [urls.encodable(name)], "type": ["build"]}


@pytest.mark.parametrize("name", ["", ".", "..", "a/../b", "./a", None, True, 1.5])
def test_what_no_link_can_name_gives_none(name):
    assert urls.join("https://example.org/", "x", name, slashes=True) is None


@pytest.mark.parametrize("base", ["https://example.org/a?b=c", "https://example.org/a#b"])
def test_no_segment_follows_a_query_or_a_fragment(base):
    assert urls.join(base, "x") is None


def test_http_links_only_where_asked():
    assert urls.web("http://x.org/a b") is None
    assert urls.web("http://x.org/a b", schemes=("https", "http")) == "http://x.org/a%20b"


def test_slashes_are_kept_for_path_routes():
    url = urls.join("https://pagure.io/pagure", "commits", "feature/new ui#2", slashes=True)
    assert url == "https://pagure.io/pagure/commits/feature/new%20ui%232"


@pytest.mark.parametrize(
    ("given", "valid"),
    [
        ("https://pagure.io/my repo", "https://pagure.io/my%20repo"),
        ("https://src.fedoraproject.org/rpms/café", "https://src.fedoraproject.org/rpms/caf%C3%A9"),
        ("https://x.org/a%20b?q=1#c", "https://x.org/a%20b?q=1#c"),
        ("https://x.org/100%/#a#b", "https://x.org/100%25/#a%23b"),
        ("https://x.org/\x1b[31m\n", "https://x.org/%1B[31m"),
        ("https://x.org/\ud800/a", "https://x.org/%3F/a"),  # a lone surrogate starts no query
        ("http://x.org/", None),
        ("javascript:alert(1)", None),
        ("https://", None),
        ("https://[::1", None),
        (42, None),
    ],
)
def test_links_from_bodies_are_made_valid(given, valid):
    assert urls.web(given) == valid


# Each app's links.


@pytest.mark.parametrize("name", NAMES)
def test_gating_subject_links(name):
    update = Subject("bodhi_update", f"FEDORA-2024-{name}").url
    assert_valid(update)
    assert unquote(update.rsplit("/", 1)[1]) == urls.encodable(f"FEDORA-2024-{name}")
    build = Subject("koji_build", f"{name}-1.0-1.fc41").url
    assert_valid(build)
    assert parse_qs(urlsplit(build).query)["terms"] == [urls.encodable(f"{name}-1.0-1.fc41")]
    assert Subject("bodhi_update", "..").url is None


def _first(schema: str) -> tuple[type, dict[str, Any]]:
    """The class and a copy of the first sample body of ``schema`` (skipped when not installed)."""
    if schema not in registry.registered():
        pytest.skip(f"no installed package registers {schema}")
    first = samples.load(schema)[0]
    return first.cls, copy.deepcopy(first.body)


def test_bodhi_override_and_update_links():
    cls, body = _first("bodhi.buildroot_override.tag.v1")
    body["override"]["nvr"] = "my package#1?-1.0-1.fc41"
    url = cls(body=body).url
    assert url == "https://bodhi.fedoraproject.org/overrides/my%20package%231%3F-1.0-1.fc41"


def test_anitya_distribution_links():
    cls, body = _first("anitya.distro.add")
    body["distro"]["name"] = "Fedora EPEL/8 #1 é"
    assert cls(body=body).url == "https://release-monitoring.org/distro/Fedora%20EPEL%2F8%20%231%20%C3%A9/"


def test_pagure_branch_and_tag_links():
    cls, body = _first("pagure.git.branch.creation")
    body["branch"] = "feature/new ui#2?é"
    url = cls(body=body).url
    assert_valid(url)
    assert url.endswith("/commits/feature/new%20ui%232%3F%C3%A9")
    body["branch"] = "../../settings"
    assert cls(body=body).url == urls.web(body["repo"]["full_url"])  # the repository, not elsewhere
