"""The committed openapi.yaml is generated from the schemas, valid, and documents every route."""

from __future__ import annotations

import re

import yaml
from click.testing import CliRunner
from flask import Flask
from openapi_spec_validator import validate

from service.api.schemas import CitedPassageSchema
from service.cli import cli
from service.pipeline.consistency import REASON_KINDS
from tests.conftest import REPO


def test_committed_openapi_yaml_matches_the_schemas(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "openapi.yaml"
    result = CliRunner().invoke(cli, ["openapi", "--output", str(out)])
    assert result.exit_code == 0, result.output
    committed = (REPO / "openapi.yaml").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, "openapi.yaml is stale: run `make openapi`"
    nowhere = CliRunner().invoke(cli, ["openapi", "--output", str(tmp_path / "no" / "openapi.yaml")])
    assert nowhere.exit_code == 1 and "cannot write" in nowhere.output and "Traceback" not in nowhere.output


def test_openapi_document_is_valid_and_served(client) -> None:  # type: ignore[no-untyped-def]
    spec = yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
    validate(spec)
    assert client.get("/openapi.json").get_json() == spec
    assert yaml.safe_load(client.get("/openapi.yaml").get_data(as_text=True)) == spec
    page = client.get("/docs").get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in page and "http" not in page.split("<body>")[1]
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_every_v1_route_has_a_documented_success_response(app: Flask) -> None:
    spec = yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/v1"):
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            responses = spec["paths"][path][method.lower()]["responses"]
            assert any(code.startswith("2") for code in responses), (path, method)


def test_the_documented_reasons_name_every_kind_the_checker_gives() -> None:
    described = CitedPassageSchema().fields["reasons"].metadata["description"]
    assert [kind for kind in REASON_KINDS if f"'{kind}:" not in described] == []
