"""Stance models through the real loading code: a tiny BERT made here (no download), its ONNX
export, label mapping, temperature, and the eval commands' pinned output."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from service.cli import cli
from service.errors import ModelUnavailableError
from service.pipeline.stance import (
    CrossEncoderStance,
    NoStanceModel,
    OnnxStance,
    label_order,
    load_stance_model,
    stance_input,
)
from tests.conftest import REPO, SEEDS, make_pipeline, save_tiny_bert, shipped_stance_model

PAIRS = [
    ("The harbour closed on Tuesday after a storm.", "The harbour is closed."),
    ("Two dogs run across a snowy field.", "Cats sleep indoors."),
    ("Prices rose 3% in May.", "Prices fell in May."),
]


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised 1-layer BERT classifier with labels in a non-default order."""
    out = save_tiny_bert(tmp_path_factory.mktemp("tiny-stance"), ("contradiction", "entailment", "neutral"))
    from models.export_onnx import export

    export(out)
    return out


def test_label_order_maps_names_and_rejects_unknown_labels() -> None:
    assert label_order({0: "contradiction", 1: "entailment", 2: "neutral"}) == [1, 2, 0]
    assert label_order({"0": "SUPPORTS", "1": "NOT_ENOUGH_INFO", "2": "REFUTES"}) == [0, 1, 2]
    with pytest.raises(ModelUnavailableError, match="do not name"):
        label_order({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})


def test_no_stance_model_is_always_neutral() -> None:
    out = NoStanceModel().predict(PAIRS)
    assert out.shape == (3, 3) and (out[:, 1] == 1).all()


def test_cross_encoder_probabilities_in_our_label_order(tiny_model_dir: Path) -> None:
    model = CrossEncoderStance(str(tiny_model_dir))
    probs = model.predict(PAIRS)
    assert probs.shape == (3, 3) and np.allclose(probs.sum(axis=1), 1, atol=1e-5)
    reversed_probs = model.predict(PAIRS[::-1])
    assert np.allclose(reversed_probs[::-1], probs, atol=1e-5), "batching by length keeps input order"
    raw = model._model.predict(PAIRS, convert_to_numpy=True)
    exp = np.exp(raw - raw.max(axis=1, keepdims=True))
    manual = (exp / exp.sum(axis=1, keepdims=True))[:, [1, 2, 0]]
    assert np.allclose(manual, probs, atol=1e-5)


def test_onnx_matches_torch_and_int8_is_close(tiny_model_dir: Path) -> None:
    torch_probs = CrossEncoderStance(str(tiny_model_dir)).predict(PAIRS)
    fp32 = OnnxStance(tiny_model_dir, tiny_model_dir / "onnx" / "model.onnx").predict(PAIRS)
    int8 = OnnxStance(tiny_model_dir, tiny_model_dir / "onnx" / "model_int8.onnx").predict(PAIRS)
    assert np.allclose(torch_probs, fp32, atol=1e-4)
    assert np.abs(torch_probs - int8).max() < 0.1


def test_int8_export_runs_fused_attention_and_embeddings(tiny_model_dir: Path) -> None:
    import onnx

    graph = onnx.load(str(tiny_model_dir / "onnx" / "model_int8.onnx")).graph
    ops = {node.op_type for node in graph.node}
    assert {"QAttention", "QEmbedLayerNormalization", "SkipLayerNormalization"} <= ops, ops
    assert not (tiny_model_dir / "onnx" / "model_fused.onnx").exists(), "the intermediate file is removed"


def test_stance_profile_sums_kernel_time_by_operator(tiny_model_dir: Path) -> None:
    from bench.stance_profile import profile_claims, profiled_model

    model = profiled_model(tiny_model_dir, tiny_model_dir / "onnx" / "model_int8.onnx", batch_size=2, threads=1)
    result = profile_claims(model, [PAIRS], runs=3)
    ops = result["ops"]
    assert {"QAttention", "DynamicQuantizeMatMul"} <= set(ops), ops
    assert ops["QAttention"]["calls_per_claim"] == 2.0, "one layer, three pairs in batches of two"
    assert sum(op["share"] for op in ops.values()) == pytest.approx(1.0, abs=0.01)
    assert 0 < result["kernels_ms_per_claim"] <= result["predict_p50_ms"] * 2


def test_temperature_from_calibration_file(tiny_model_dir: Path, tmp_path: Path) -> None:
    warm = tmp_path / "warm"
    shutil.copytree(tiny_model_dir, warm)
    (warm / "calibration.json").write_text(json.dumps({"temperature": 50.0}))
    flat = CrossEncoderStance(str(warm)).predict(PAIRS)
    sharp = CrossEncoderStance(str(tiny_model_dir)).predict(PAIRS)
    assert flat.max(axis=1).mean() < sharp.max(axis=1).mean()
    assert np.allclose(flat, 1 / 3, atol=0.02)


def test_load_stance_model_choices(tiny_model_dir: Path) -> None:
    assert isinstance(load_stance_model("none"), NoStanceModel)
    assert isinstance(load_stance_model(str(tiny_model_dir)), OnnxStance)
    assert isinstance(load_stance_model(str(tiny_model_dir), runtime="torch"), CrossEncoderStance)
    shipped = REPO / "models" / "stance" / "config.json"
    expected = NoStanceModel if not shipped.exists() else OnnxStance
    assert isinstance(load_stance_model(""), expected)
    with pytest.raises(ModelUnavailableError, match="'/no/such/model': no such folder"):
        load_stance_model("/no/such/model").predict(PAIRS)


@pytest.mark.parametrize("spec", ["/no/such/model", "./models/nli", "models/stance/nope", "~/no-such-model"])
def test_a_model_setting_naming_a_missing_folder_says_so(spec: str) -> None:
    """Left to the hub libraries, a mistyped folder fails as an ill-formed repository id."""
    from service.pipeline.embed import Embedder

    with pytest.raises(ModelUnavailableError, match=f"cannot load embedder {re.escape(repr(spec))}: no such folder"):
        Embedder(spec).encode(["x"])
    with pytest.raises(ModelUnavailableError, match="cannot load stance model .*: no such folder"):
        load_stance_model(spec, runtime="torch").predict(PAIRS)


def test_eval_nli_prints_the_pinned_last_line(tiny_model_dir: Path, tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "nli.jsonl"
    labels = ["entailment", "neutral", "contradiction"]
    data.write_text(
        "".join(
            json.dumps({"premise": p, "hypothesis": h, "label": labels[i]}) + "\n" for i, (p, h) in enumerate(PAIRS)
        ),
        encoding="utf-8",
    )
    from service.settings import Settings

    pipeline = make_pipeline(Settings(data_dir=tmp_path / "d", stance_model=str(tiny_model_dir)), embedder)
    result = CliRunner().invoke(cli, ["eval", "nli", "--data", str(data)], obj={"pipeline": pipeline})
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"accuracy=\d\.\d{4} macro_f1=\d\.\d{4} n=3", result.output.splitlines()[-1])
    assert "confusion" in result.output and "pairs/s" in result.output
    as_json = CliRunner().invoke(cli, ["eval", "nli", "--data", str(data), "--json"], obj={"pipeline": pipeline})
    assert json.loads(as_json.output)["n"] == 3


def test_eval_claims_prints_the_pinned_last_line(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    from service.settings import Settings

    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        json.dumps(
            {
                "id": "c1",
                "claim": "Xi last visited Russia in 2017.",
                "verdict": "refuted",
                "supports": [],
                "contradicts": ["001_da3d475bf2e434d8"],
                "evidence": {"001_da3d475bf2e434d8": "Xi last visited Russia in 2019"},
            }
        )
        + "\n"
    )
    pipeline = make_pipeline(Settings(data_dir=tmp_path / "d", stance_model="none"), embedder)
    result = CliRunner().invoke(
        cli, ["eval", "claims", "--claims", str(claims), "--corpus", str(SEEDS)], obj={"pipeline": pipeline}
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "verdict_acc=0/1 stance_recall=0/1 wrong_stance=0 citations=1/1"


@pytest.mark.parametrize(
    ("command", "line", "message"),
    [
        ("nli", '{"premise": 5, "hypothesis": "A dog.", "label": "neutral"}', "record 1 needs premise and hypothesis"),
        ("nli", '{"premise": "A dog.", "hypothesis": "A cat.", "label": "maybe"}', "record 1 needs a label in"),
        ("nli", "[1, 2]", "data.jsonl:1: expected a JSON object"),
        ("nli", '{"premise": ' + "[" * 100_000 + "]" * 100_000 + "}", "data.jsonl:1: invalid JSON (nested too deeply"),
        ("claims", '{"id": "c1", "claim": "Xi went to Moscow."}', "record 1 needs a verdict in"),
        ("claims", '{"claim": "Xi went.", "verdict": "refuted", "supports": "001"}', "supports must be a list"),
        ("claims", '{"claim": "Xi went.", "verdict": "refuted", "evidence": ["x"]}', "evidence must map source ids"),
        ("nli", "", "data.jsonl holds no records"),
        ("claims", "", "data.jsonl holds no records"),
    ],
)
def test_eval_reports_a_bad_record_instead_of_crashing(  # type: ignore[no-untyped-def]
    tmp_path: Path, embedder, command: str, line: str, message: str
) -> None:
    """Other tools call these commands: a record they cannot score is an error naming it, exit 1."""
    from service.settings import Settings

    data = tmp_path / "data.jsonl"
    data.write_text(line + "\n", encoding="utf-8")
    pipeline = make_pipeline(Settings(data_dir=tmp_path / "d", stance_model="none"), embedder)
    args = ["--data", str(data)] if command == "nli" else ["--claims", str(data), "--corpus", str(SEEDS)]
    result = CliRunner().invoke(cli, ["eval", command, *args], obj={"pipeline": pipeline})
    assert result.exit_code == 1 and message in result.stderr, result.output
    assert "Traceback" not in result.output


LONG_FILLER = (
    "The city council published its annual report on schools, parks and housing. "
    "Teachers said class sizes had grown over the past decade. "
    "A new library opened in the northern district, with a cafe and a children's room. "
    "Residents asked for more buses on weekends and longer opening hours at the pool. "
    "The mayor promised to review the parking rules before the summer festival. "
    "Local businesses reported a busy holiday season despite higher energy costs. "
) * 2  # about 170 tokens: more than the premise limit


@pytest.mark.parametrize("runtime", ["onnx", "torch"])
def test_a_long_premise_loses_its_start_not_the_passage_at_its_end(runtime: str) -> None:
    """The context sentence goes before the passage, so an over-long premise must be cut at its start:
    the passage after the filler is read, the same passage before it is not."""
    model = shipped_stance_model() if runtime == "onnx" else load_stance_model("", runtime="torch")
    if isinstance(model, NoStanceModel):
        pytest.skip("no shipped stance model")
    passage = "The bridge over the river was closed to traffic in May."
    claim = "The bridge was closed in May."
    at_end, at_start = model.predict([(LONG_FILLER + passage, claim), (passage + " " + LONG_FILLER, claim)])
    assert at_end[0] > at_start[0] + 0.1, f"entailment with the passage last {at_end}, first {at_start}"


def test_a_pair_scores_the_same_alone_and_among_other_pairs() -> None:
    """The shipped int8 graph quantises each run's activations on one scale, so batching pairs let a
    pair's neighbours move its score by several points; one pair per run keeps it the pair's own."""
    model = shipped_stance_model()
    if isinstance(model, NoStanceModel):
        pytest.skip("no shipped stance model")
    pair = ("Holt has ruled out any deal with Homeland.", "Homeland won 26 seats.")
    others = [
        (
            "The Social Democrats won Sunday's parliamentary election with 31.4% of the vote, up from 27.9% "
            "four years ago, but fell well short of a majority, official results showed on Monday.",
            "The vote was held on Sunday.",
        ),
        ("Most of the victims were in Kessa.", "The quake struck on Monday."),
    ]
    alone = model.predict([pair])[0]
    assert np.array_equal(model.predict([*others, pair])[-1], alone)
    assert np.array_equal(model.predict([pair, *others[::-1]])[0], alone)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It spent about £1.2 million.", "It spent about £ 1.2 million."),
        ("Costs rose to €4 and ¥300 a unit.", "Costs rose to € 4 and ¥ 300 a unit."),
        # a sum's scale written out, after a currency sign only
        ("A fee of £4.5m, a $2bn deal and €300k.", "A fee of £ 4.5 million, a $2 billion deal and € 300 thousand."),
        ("He ran 4.5m and 10k.", "He ran 4.5m and 10k."),
        # a sign without a figure after it, and the dollar, which the tokenizer splits off itself
        ("Prices in £ and $5 bills.", "Prices in £ and $5 bills."),
        ("  No-break\u00a0spaces  go.", "No-break spaces go."),
    ],
)
def test_stance_input_sets_a_currency_sign_apart_from_its_figure(text: str, expected: str) -> None:
    assert stance_input(text) == expected


@pytest.mark.parametrize("runtime", ["onnx", "torch"])
def test_a_sum_in_pounds_reads_the_same_with_the_sign_or_the_word(runtime: str) -> None:
    """The tokenizer reads "£1.2" as "£1", ".", "2": the model contradicted the claim below (0.60)."""
    model = shipped_stance_model() if runtime == "onnx" else load_stance_model("", runtime="torch")
    if isinstance(model, NoStanceModel):
        pytest.skip("no shipped stance model")
    passage = "The council has spent about £1.2 million on legal fees since the dispute began."
    [row] = model.predict([(passage, "The council has spent about 1.2 million pounds on legal fees.")])
    assert row[0] > 0.8, row
