"""``validate()`` raises exactly what fedora-messaging's ``Message.validate`` raises."""

from __future__ import annotations

import jsonschema
from fedora_messaging.message import Message

from .schema_walk import mutations


def outcome(validate, message):
    """What a validate call did, in comparable form."""
    try:
        validate(message)
    except jsonschema.ValidationError as error:
        return ("invalid", error.message, list(error.path), list(error.schema_path), error.validator)
    return ("valid",)


#: fedora-messaging's own validate() costs milliseconds: compare it on this many mutations per sample,
#: spread evenly over all of them (test_samples.py rejects every mutation with ours).
COMPARED_MUTATIONS = 40


def test_samples_and_their_mutations_agree_with_fedora_messaging(sample):
    found = [body for _, body in mutations(sample.cls.body_schema, sample.body)]
    step = max(1, len(found) // COMPARED_MUTATIONS)
    for body in [sample.body, *found[::step]]:
        message = sample.cls(body=body)
        assert outcome(type(message).validate, message) == outcome(Message.validate, message)


def test_invalid_headers_raise_like_fedora_messaging(schema):
    message = schema.cls(body={}, headers={"fedora_messaging_severity": 99})
    message._headers["fedora_messaging_severity"] = 99
    mine, theirs = outcome(type(message).validate, message), outcome(Message.validate, message)
    assert mine == theirs and mine[0] == "invalid"
