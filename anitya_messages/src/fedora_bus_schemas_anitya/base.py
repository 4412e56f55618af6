"""What every Anitya message shares: the envelope, the agent, the project and its mappings.

Anitya sends every message as ``{"project": ..., "distro": ..., "message": ...}``: the project
and the distribution concerned (or null), and a ``message`` object whose keys depend on the event.
fedmsg-era version updates had no ``message`` object and carried its keys at the top level; the
helpers here read those bodies too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fedora_messaging.schema_utils import libravatar_url

from fedora_bus_schemas_core import SchemaMessage, urls
from fedora_bus_schemas_core.access import (
    dig,
    integer,
    items,
    mapping,
    optional_text,
    text,
    texts,
    unique_sorted,
)
from fedora_bus_schemas_core.pages import ANITYA_URL, anitya_project_url
from fedora_bus_schemas_core.text import join_words, plural

DISTROS_URL = ANITYA_URL + "distros/"
FLAGS_URL = ANITYA_URL + "flags"

#: The agent Anitya names itself when its own version checks and clean-ups act.
ANITYA_AGENT = "anitya"
#: The distribution whose mappings are Fedora packages (Anitya compares names without case).
FEDORA = "fedora"
#: fedmsg-era agents: Fedora OpenID URLs such as ``http://ralph.id.fedoraproject.org/``.
OPENID = r"^https?://(?P<name>[\w.-]+)\.id\.fedoraproject\.org/?$"
FEDORA_EMAIL = "@fedoraproject.org"

#: How many versions a sentence names before it counts them.
VERSIONS_NAMED = 5


def agent_label(agent: str) -> str:
    """The agent as people know them: Fedora OpenID URLs (fedmsg era) and ``<name>@fedoraproject.org``
    addresses shortened to the Fedora account name; anything else as it is."""
    found = re.match(OPENID, agent)
    if found:
        return found.group("name")
    if agent.lower().endswith(FEDORA_EMAIL) and len(agent) > len(FEDORA_EMAIL):
        return agent[: -len(FEDORA_EMAIL)]
    return agent


def fedora_username(agent: str) -> str | None:
    """The Fedora account an agent stands for, or None.

    Anitya's own agent (``anitya``) and e-mail addresses outside fedoraproject.org (Google
    logins, API v2 tokens of non-Fedora logins) are not Fedora account names.
    """
    name = agent_label(agent)
    if not name or name == ANITYA_AGENT or "@" in name or any(char.isspace() for char in name):
        return None
    return name


def names(values: list[str | None]) -> list[str]:
    """Sorted unique non-empty names, without ``"None"`` (a stringified null, never a real name).

    A generic helper that belongs in ``fedora_bus_schemas_core.access`` next to ``unique_sorted``.
    """
    return [name for name in unique_sorted(values) if name != "None"]


def is_fedora(distro: str) -> bool:
    return distro.strip().lower() == FEDORA


def mapping_pairs(values: Any) -> list[tuple[str, str]]:
    """``(distro, package_name)`` of each well-formed mapping in a list, in order."""
    pairs = []
    for value in values if isinstance(values, list) else []:
        distro, package = text(value, "distro"), text(value, "package_name")
        if distro and package:
            pairs.append((distro, package))
    return pairs


def distro_url(name: str) -> str | None:
    """The page of a distribution on release-monitoring.org (the projects mapped to it)."""
    page = urls.join(ANITYA_URL + "distro", name)
    return page + "/" if page else None


def shown(value: Any) -> str:
    """A setting's value as ``__str__`` lists it."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class AnityaMessage(SchemaMessage):
    """Base of every Anitya message: the envelope, the agent, the mappings and the packages.

    Topics are bare (``anitya.project.add``); Anitya publishes them in production with the
    ``org.release-monitoring.prod.`` prefix (:attr:`topic_prefix`), not Fedora's
    ``org.fedoraproject.prod.``.
    """

    app_name = "anitya"
    app_icon = "https://apps.fedoraproject.org/img/icons/anitya.png"
    topic_prefix = "org.release-monitoring.prod."

    # The envelope, read defensively.

    def _message(self) -> Mapping[str, Any]:
        """The ``message`` object; fedmsg-era bodies without one carry its keys at the top level."""
        if isinstance(dig(self.body, "message"), Mapping):
            return mapping(self.body, "message")
        return self.body if isinstance(self.body, Mapping) else {}

    def _agent(self) -> str:
        return text(self._message(), "agent")

    def _who(self) -> str:
        """The agent as a sentence names them."""
        agent = self._agent()
        if agent == ANITYA_AGENT:
            return "Anitya"
        return agent_label(agent) if agent else "Someone"

    def _project(self) -> Mapping[str, Any]:
        """The project object: the top-level one, else the one inside ``message`` (version updates)."""
        return mapping(self.body, "project") or mapping(self._message(), "project")

    def _project_name(self) -> str:
        message = self._message()
        return text(self._project(), "name") or text(message, "project") or text(message, "project", "name")

    def _project_id(self) -> int | None:
        project_id = integer(self._project(), "id")
        return project_id if project_id is None or project_id >= 0 else None

    def _project_label(self) -> str:
        """``the project requests``, or ``a project`` when the body does not name it."""
        name = self._project_name()
        return f"the project {name}" if name else "a project"

    def _mapping_pairs(self) -> list[tuple[str, str]]:
        """The project's distribution mappings the body lists, without repeats, in order.

        Anitya lists them in ``message.packages`` (version updates, flags); fedmsg-era flags had
        them at the top level, and the detailed project form carries them in ``project.packages``.
        Mapping messages add the mapping they are about.
        """
        found = (
            mapping_pairs(dig(self._message(), "packages"))
            + mapping_pairs(dig(self.body, "packages"))
            + mapping_pairs(dig(self._project(), "packages"))
            + self._mapping_of_event()
        )
        return list(dict.fromkeys(found))

    def _mapping_of_event(self) -> list[tuple[str, str]]:
        """The mapping a mapping message creates or edits."""
        return []

    def _former_mappings(self) -> list[tuple[str, str]]:
        """Mappings the event replaced (the old package name of an edited mapping)."""
        return []

    # Properties consumers filter on.

    @property
    def agent_name(self) -> str | None:
        """Who caused the event: ``message.agent``, Fedora OpenID URLs and fedoraproject.org
        addresses shortened to the account name.

        It is an Anitya user name (a Fedora account name, a GitHub login, or the e-mail address
        of a Google login), the e-mail address of an API token's owner, or ``anitya`` for Anitya's
        own checks and clean-ups.
        """
        return agent_label(self._agent()) or None

    @property
    def agent_avatar(self) -> str | None:
        """The agent's libravatar (by e-mail for e-mail agents), Anitya's icon for Anitya itself."""
        agent = self.agent_name
        if not agent:
            return None
        if agent == ANITYA_AGENT:
            return self.app_icon
        if "@" in agent:
            return libravatar_url(email=urls.encodable(agent))
        return urls.avatar(agent)

    @property
    def usernames(self) -> list[str]:
        """The agent's Fedora account name, when the agent is a person with one.

        People who log in to Anitya with their Fedora account act under that name in the web
        interface and as ``<name>@fedoraproject.org`` through API v2. Anitya itself and other
        e-mail addresses (Google logins, API tokens of non-Fedora logins) are left out; a GitHub
        login is indistinguishable from a Fedora account name and is kept.
        """
        return names([fedora_username(self._agent())])

    @property
    def packages(self) -> list[str]:
        """Fedora package names the event concerns: the project's mappings to the Fedora distribution.

        Mappings to other distributions are left out, as Fedora's notification rules filter on
        Fedora package names (the ``fedora_messaging_rpm_<name>`` headers); :attr:`mappings` lists
        them all. An edited Fedora mapping gives both its old and its new name.
        """
        pairs = self._mapping_pairs() + self._former_mappings()
        return names([package for distro, package in pairs if is_fedora(distro)])

    @property
    def mappings(self) -> list[dict[str, str]]:
        """Every well-formed distribution mapping the message lists, as ``{"distro", "package_name"}``."""
        return [{"distro": distro, "package_name": package} for distro, package in self._mapping_pairs()]

    @property
    def distros(self) -> list[str]:
        """Names of the distributions the project is mapped to, per :attr:`mappings`, sorted."""
        return sorted({distro for distro, _ in self._mapping_pairs()})

    @property
    def url(self) -> str | None:
        """The project's page on release-monitoring.org."""
        return anitya_project_url(self._project_id())

    # What __str__ lists.

    def _mapping_details(self) -> str:
        return ", ".join(f"{package} ({distro})" for distro, package in self._mapping_pairs())

    def _project_details(self) -> list[tuple[str, str]]:
        project = self._project()
        return [
            ("Project", self._project_name()),
            ("Ecosystem", text(project, "ecosystem")),
            ("Backend", text(project, "backend")),
            ("Homepage", text(project, "homepage")),
            ("Latest version", text(project, "version")),
        ]

    def details(self) -> list[tuple[str, str]]:
        return [
            *self._project_details(),
            ("Packages", self._mapping_details()),
            ("Agent", self.agent_name or ""),
        ]


class ProjectMessage(AnityaMessage):
    """Base of the messages about one project: accessors for its fields, as upstream's class has."""

    @property
    def project_backend(self) -> str:
        """The backend that retrieves the project's versions (``PyPI``, ``GitHub``, ``custom``...)."""
        return text(self._project(), "backend")

    @property
    def project_ecosystem(self) -> str:
        """The project's ecosystem (``pypi``, ``crates.io``, ``npm``...; the homepage otherwise)."""
        return text(self._project(), "ecosystem")

    @property
    def project_homepage(self) -> str:
        return text(self._project(), "homepage")

    @property
    def project_id(self) -> int | None:
        """Anitya's id of the project."""
        return self._project_id()

    @property
    def project_name(self) -> str:
        return self._project_name()

    @property
    def project_version(self) -> str | None:
        """The project's latest version, or None before its first successful check."""
        return optional_text(self._project(), "version")

    @property
    def project_versions(self) -> list[str]:
        """Every known version of the project, newest first."""
        return texts(items(self._project(), "versions"))

    @property
    def project_url(self) -> str | None:
        """The project's page, https://release-monitoring.org/project/<id>/."""
        return self.url


def counted_versions(versions: list[str], what: str = "version") -> str:
    """``version 1.0``, ``versions 1.0 and 1.1``, ``7 versions``."""
    if len(versions) == 1:
        return f"{what} {versions[0]}"
    if len(versions) <= VERSIONS_NAMED:
        return f"{what}s {join_words(versions)}"
    return plural(len(versions), what)
