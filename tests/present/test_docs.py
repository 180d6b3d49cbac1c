"""The docs stay true to the code: every command, setting, record field and dependency is documented."""

from __future__ import annotations

import re
import tomllib

import click

from parley import settings
from parley.present.cli import cli
from parley.present.export import RECORD_FIELDS
from tests.conftest import ROOT

CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
RECORDS_DOC = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "parley"):
    for name, command in group.commands.items():
        yield f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")


def test_every_command_is_documented():
    for command in _commands(cli):
        assert f"`{command}" in CLI_DOC, command


def test_every_setting_is_documented():
    for setting in settings.SETTINGS:
        assert f"`{setting.name}`" in CLI_DOC, setting.name
    for envvar in set(re.findall(r'envvar="(PARLEY_\w+)"', (ROOT / "parley/present/cli.py").read_text())):
        assert f"`{envvar}`" in CLI_DOC, envvar


def test_every_record_field_is_documented():
    for record_type, fields in RECORD_FIELDS.items():
        section = RECORDS_DOC.split(f"## `{record_type}`", 1)[1].split("\n## ", 1)[0]
        for field in fields:
            assert f"| `{field}` |" in section, (record_type, field)


def test_every_dependency_is_explained_in_the_readme():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + [
        d for extra in project["optional-dependencies"].values() for d in extra
    ]
    for requirement in names:
        name = re.split(r"[<>=!\[ ]", requirement, maxsplit=1)[0]
        assert name.lower() in README.lower(), name


def test_every_event_type_is_documented():
    import yaml

    doc = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    for event_type in yaml.safe_load((ROOT / "parley/data/events.yaml").read_text())["types"]:
        assert f"| `{event_type['id']}` |" in doc, event_type["id"]
