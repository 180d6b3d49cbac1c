"""The docs stay true to the code: every command, setting, record field and dependency is documented."""

from __future__ import annotations

import re
import tomllib

import click

from parley import settings
from parley.present.cli import cli
from parley.present.export import record_fields
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


def test_every_option_is_documented_in_its_commands_row():
    """Each command's row in the table names its options; options every command shares (--db,
    --json, --help) are explained once above the table."""
    shared = {"--db", "--json", "--help"}
    for name, command in _walk(cli):
        row = next((line for line in CLI_DOC.splitlines() if line.startswith(f"| `{name}")), None)
        assert row is not None, name
        for param in command.params:
            if isinstance(param, click.Option):
                option = max(param.opts, key=len)
                assert option in shared or option in row, (name, option)
    for option in shared - {"--help"}:
        assert option in CLI_DOC.split("| command |", 1)[0], option


def _walk(group: click.Group, prefix: str = "parley"):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _walk(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_every_setting_is_documented():
    for setting in settings.SETTINGS:
        assert f"`{setting.name}`" in CLI_DOC, setting.name
    for module in (ROOT / "parley/present").glob("*.py"):
        for envvar in set(re.findall(r'envvar="(PARLEY_\w+)"', module.read_text(encoding="utf-8"))):
            assert f"`{envvar}`" in CLI_DOC, (module.name, envvar)


def test_every_record_field_is_documented():
    for record_type, fields in record_fields().items():
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
