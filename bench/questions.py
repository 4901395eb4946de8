"""Dev accuracy of the stance model on claims asked as yes/no questions, as asked and as the service
reads them (``service/pipeline/questions.py``).

Usage: python bench/questions.py [--model models/stance] [--data ../shared/datasets] [--out bench/results]

The dev hypotheses whose first auxiliary follows a short subject ("A man is playing a guitar.")
are turned into the question that asks them ("Is a man playing a guitar?") by moving that
auxiliary to the front; the gold label stays the statement's. The int8 model scores each pair
three ways, as the service does: the statement, the question as asked, and the question as
``read_claim`` rewrites it. Negated auxiliaries are skipped (the service leaves those questions
as written).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from models.stance_data import LABELS, Pair, load_splits  # noqa: E402
from service.pipeline.questions import read_claim  # noqa: E402
from service.pipeline.stance import OnnxStance  # noqa: E402

_AUX = "is|are|was|were|has|have|had|will|would|can|could|should|may|might|must"
_STATEMENT = re.compile(
    rf"^(?P<subject>[A-Za-z][\w'’-]*(?: [\w'’-]+){{0,4}}) (?P<aux>{_AUX}) (?P<rest>(?!not\b).+?)\s*\.?$"
)
_LOWERED = set(
    "a an the this that these those some there it he she they we his her their its our my one two three four five"
    " several many all most both each every no".split()
)


def as_question(statement: str) -> str | None:
    """The yes/no question that asks ``statement``, or None when its subject is not plain."""
    m = _STATEMENT.match(statement.strip())
    if m is None or "," in m["subject"]:
        return None
    first, *others = m["subject"].split(" ")
    subject = " ".join([first.lower() if first.lower() in _LOWERED else first, *others])
    return f"{m['aux'].capitalize()} {subject} {m['rest']}?"


def _plain(sentence: str) -> str:
    return sentence.strip().rstrip(".").rstrip().lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=REPO / "models" / "stance")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    onnx_file = args.model / "onnx" / "model_int8.onnx"
    if not onnx_file.is_file():
        parser.error(f"no int8 export at {onnx_file}")

    _, dev = load_splits(args.data)
    asked: list[tuple[Pair, str]] = []
    for name in sorted(dev):
        for pair in dev[name]:
            question = as_question(pair.hypothesis)
            if question is not None:
                asked.append((pair, question))
    gold = np.array([pair.label for pair, _ in asked])
    model = OnnxStance(args.model, onnx_file)
    forms = {
        "statement": [pair.hypothesis for pair, _ in asked],
        "question as asked": [question for _, question in asked],
        "question as read": [read_claim(question).statement for _, question in asked],
    }
    table = [
        f"| claim form | accuracy | {' | '.join(f'recall {label}' for label in LABELS)} |",
        "|---|---|---|---|---|",
    ]
    restored = sum(
        _plain(read) == _plain(pair.hypothesis)
        for (pair, _), read in zip(asked, forms["question as read"], strict=True)
    )
    rows = {"pairs": len(asked), "restored": restored, "examples": [q for _, q in asked[:5]], "forms": {}}
    for form, hypotheses in forms.items():
        predicted = model.logits([(pair.premise, h) for (pair, _), h in zip(asked, hypotheses, strict=True)]).argmax(1)
        accuracy = float((predicted == gold).mean())
        recall = {label: float((predicted[gold == i] == i).mean()) for i, label in enumerate(LABELS)}
        rows["forms"][form] = {"accuracy": round(accuracy, 4), "recall": {k: round(v, 4) for k, v in recall.items()}}
        table.append(f"| {form} | {accuracy:.4f} | {' | '.join(f'{recall[label]:.4f}' for label in LABELS)} |")
    details = (
        f"{len(asked)} dev pairs whose hypothesis was asked as a question, {restored} of them read back to the"
        f" statement word for word, int8 model `{args.model.name}`, "
    )
    write_results(args.out, "questions", "Claims asked as questions", details, table, rows)


if __name__ == "__main__":
    main()
