"""fedmsg-era Pagure bodies (2015-2018) still give sensible summaries, urls and names."""

from __future__ import annotations

import json
from pathlib import Path

from fedora_bus_schemas_core import class_for_topic

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "historical" / "pagure.jsonl"


def corpus() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def message_for(record):
    cls = class_for_topic(record["topic"])
    assert cls is not None, record["topic"]
    return cls(body=record["body"])


def test_every_topic_of_the_corpus_has_a_class_and_a_sensible_summary():
    for record in corpus():
        message = message_for(record)
        summary = message.summary
        assert "Someone" not in summary and "a project" not in summary, (record["topic"], summary)
        assert not summary.startswith(("None", "pagure ")), summary
        assert message.url is None or message.url.startswith("https://")


def first(topic: str) -> dict:
    return next(record for record in corpus() if record["topic"] == topic)


def test_old_pull_request_comment():
    message = message_for(first("pagure.pull-request.comment.added"))
    assert message.summary.startswith(message.body["agent"] + " commented on pull-request #")


def test_old_legacy_request_assignment_without_pullrequest_key():
    message = message_for(first("pagure.request.assigned.added"))
    assert "pullrequest" not in message.body
    assert message.summary == "pingou took pull-request #3246 on pagure: WIP: Add comment reactions"


def test_old_issue_comment_edited_without_project():
    records = [record for record in corpus() if record["topic"] == "pagure.issue.comment.edited"]
    summaries = [message_for(record).summary for record in records]
    assert summaries == [
        "adamwill edited a comment on issue #5: Don't use `-` characters in metadata values",
        "churchyard edited a comment on issue #541 on design: New Fedora Loves Python Brochure",
    ]


def test_old_dependency_removed_single_number():
    message = message_for(first("pagure.issue.dependency.removed"))
    assert message.body["removed_dependency"] == 2
    assert "removed issue #2 from the dependencies of issue #" in message.summary


def test_old_git_receive_one_commit_per_message():
    record = next(r for r in corpus() if r["topic"] == "pagure.git.receive" and "commit" in r["body"])
    message = message_for(record)
    assert " pushed a commit to the " in message.summary
