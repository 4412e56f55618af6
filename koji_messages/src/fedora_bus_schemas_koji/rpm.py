"""Koji's signing messages: an RPM of a build was signed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fedora_messaging.message import DEBUG

from fedora_bus_schemas_core.access import integer, mapping, optional_text, text

from .base import KojiMessage, nvr_of, opening


class SignV1(KojiMessage):
    """A signature was written for one RPM of a build (one message per RPM and key).

    Koji 1.10 and earlier sent the RPM, with its ``sigkey``, in ``info`` instead of ``rpm``.
    """

    schema_name = "koji_fedoramessaging.rpm.SignV1"
    topic = "buildsys.rpm.sign"
    severity = DEBUG

    @property
    def rpm(self) -> Mapping[str, Any]:
        """The signed RPM (from ``info`` in koji 1.10 and earlier bodies)."""
        return mapping(self.body, "rpm") or mapping(self.body, "info")

    @property
    def build(self) -> Mapping[str, Any]:
        """The build the RPM belongs to (empty when the body does not carry it)."""
        return mapping(self.body, "build")

    @property
    def sigkey(self) -> str:
        """Short id of the signing key, e.g. ``18b8e74c``."""
        return text(self.body, "sigkey") or text(self.body, "info", "sigkey")

    @property
    def sighash(self) -> str:
        return text(self.body, "sighash") or text(self.body, "info", "sighash")

    @property
    def rpm_nvra(self) -> str:
        """``name-version-release.arch`` of the signed RPM (empty when the body lacks a part)."""
        nvr, arch = nvr_of(self.rpm), text(self.rpm, "arch")
        return f"{nvr}.{arch}" if nvr and arch else nvr

    @property
    def name(self) -> str | None:
        """Name of the build's package (the RPM itself may be a subpackage)."""
        return optional_text(self.build, "name") or optional_text(self.build, "package_name")

    @property
    def owner(self) -> str | None:
        """Who built the build."""
        return optional_text(self.build, "owner_name")

    def _package(self) -> str | None:
        return self.name

    @property
    def url(self) -> str | None:
        """The page of the RPM's build on the hub."""
        build_id = integer(self.rpm, "build_id")
        if build_id is None:
            build_id = integer(self.build, "id")
        return self._build_page(build_id, nvr_of(self.build))

    def summarize(self) -> str:
        rpm = self.rpm_nvra or (f"an RPM of {nvr_of(self.build)}" if nvr_of(self.build) else "an RPM")
        key = f" with key {self.sigkey}" if self.sigkey else ""
        return opening(f"{rpm} was signed{key}{self._instance_note()}")

    def details(self) -> list[tuple[str, str]]:
        return [
            ("RPM", self.rpm_nvra),
            ("Build", nvr_of(self.build)),
            ("Key", self.sigkey),
            ("Signature hash", self.sighash),
            ("Owner", self.owner or ""),
        ]
