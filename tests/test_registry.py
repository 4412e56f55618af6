"""Every installed class is registered the way fedora-messaging and consumers expect."""

from __future__ import annotations

import importlib
import re
from importlib import metadata

from fedora_messaging import message as fm_message
from fedora_messaging.message import SEVERITIES

from fedora_bus_schemas_core import conflicts, registry
from fedora_bus_schemas_core.message import SchemaMessage

from .conftest import SCHEMAS


def test_the_collection_is_installed():
    assert SCHEMAS, "no package of the collection is installed"


def test_entry_point_resolves_through_fedora_messaging(schema):
    assert fm_message.get_class(schema.name) is schema.cls
    assert fm_message.get_name(schema.cls) == schema.name


def test_schema_name_matches_the_class(schema):
    assert schema.cls.schema_name == schema.name
    assert schema.cls.topic, "a class without a topic is missing from fedora-messaging's schema lists"
    assert not schema.cls.topic.startswith(("org.", "io.")), "topics are bare; the prefix is config"


def test_headers_name_the_distribution(schema):
    message = schema.cls(body={})
    headers = message._headers
    assert headers["fedora_messaging_schema"] == schema.name
    expected = re.sub(r"[-_.]+", "_", schema.distribution).lower()
    assert headers["fedora_messaging_schema_package"] == expected


def test_class_metadata(schema):
    cls = schema.cls
    assert cls.severity in SEVERITIES
    assert isinstance(cls.app_name, str) and cls.app_name
    assert isinstance(cls.app_icon, str) and cls.app_icon.startswith("https://")
    assert cls.__doc__ and cls.__doc__.strip(), "the docstring is the topic's one-line description"


def test_deprecated_classes_name_their_replacement(schema):
    cls = schema.cls
    if cls.deprecated:
        replacement = registry.registered().get(cls.replaced_by or "")
        assert replacement and not replacement.cls.deprecated
        still_sent = any(
            other.cls.topic == cls.topic and not other.cls.deprecated
            for other in registry.registered().values()
        )
        if still_sent:  # a new version of the topic; a retired topic names the one that took over
            assert replacement.cls.topic == cls.topic
    else:
        assert cls.replaced_by is None


def test_every_class_in_the_package_is_registered(schema):
    """A class written but not added to the entry points would be invisible to consumers."""
    module = importlib.import_module(schema.cls.__module__)
    registered = {entry.cls for entry in SCHEMAS}
    for value in vars(module).values():
        ours = isinstance(value, type) and issubclass(value, SchemaMessage) and value.schema_name
        if ours and value.__module__ == module.__name__:
            assert value in registered, f"{value.__name__} is not in the fedora.messages entry points"


def test_no_schema_name_is_registered_twice():
    assert conflicts.conflicts() == {}


def test_distribution_of_each_schema_is_installed(schema):
    assert metadata.version(schema.distribution) == schema.version
