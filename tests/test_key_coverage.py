"""tools/key_coverage.py counts declared keys correctly, and Pagure's schemas keep declaring its bodies."""

from __future__ import annotations

from importlib import metadata

from key_coverage import Coverage, bodies_of, classes_of, coverage

SCHEMA = {
    "type": "object",
    "properties": {
        "user": {"allOf": [{"$ref": "#/definitions/user"}]},
        "roles": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "loose": {"type": "object", "additionalProperties": {}},
        "either": {"anyOf": [{"$ref": "#/definitions/user"}, {"type": "string"}]},
    },
    "definitions": {"user": {"type": "object", "properties": {"name": {"type": "string"}}}},
}

#: The share of the keys of its samples and upstream bodies each app's schemas must declare.
MINIMUM = {"pagure": 0.9}


def test_declared_keys_follow_refs_maps_and_branches():
    body = {
        "user": {"name": "jsmith", "email": "x"},  # email undeclared
        "roles": {"admin": ["a"], "ticket": []},  # map keys declared by a typed value
        "loose": {"anything": 1},  # an untyped map value declares nothing
        "either": {"name": "jdoe"},  # the object branch applies
        "extra": {"deep": 1},  # undeclared, and so is everything under it
    }
    result = coverage(SCHEMA, body)
    assert sorted(result.missing) == [".extra", ".extra.deep", ".loose.anything", ".user.email"]
    assert (result.declared, result.total) == (8, 12)


def test_installed_apps_declare_the_keys_of_their_bodies():
    for app, minimum in MINIMUM.items():
        distribution = f"fedora-bus-schemas-{app}"
        try:
            metadata.distribution(distribution)
        except metadata.PackageNotFoundError:
            continue
        classes = classes_of(distribution)
        total = Coverage()
        for _, name, body in bodies_of(app, classes, historical=True):
            if name in classes:
                total.add(coverage(classes[name].body_schema, body))
        assert total.total > 10_000, f"{app}: too few bodies measured ({total.total} keys)"
        missing = total.missing.most_common(10)
        assert total.ratio >= minimum, f"{app}: {total.ratio:.1%} of keys declared; undeclared: {missing}"
