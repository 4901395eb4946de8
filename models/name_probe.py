"""Counterfactual dev pairs that test whether the model notices who a claim is about.

Every dev entailment pair whose hypothesis names someone or something (a name of two or more words,
found by ``service.pipeline.names``) that its premise mentions yields one pair with that name
replaced by a name from another hypothesis of the same set that the premise does not mention:
"Natasha Lyonne was a director of plays" against a passage about José Ferrer. The passage is
silent about the new name, so the gold label is neutral. In news this is a passage about one
minister read as support for a claim about another. The replacement is the next usable name in
the set's order, so the probe is the same on every run. Names are found with the checker's own
rules, so every probe pair carries the "not in passage" reason: the probe measures the model and
what acting on that reason would fix, not how often the checker notices.
"""

from __future__ import annotations

import random

from models.stance_data import LABEL_IDS, Pair
from service.pipeline.names import PassageWords, claim_names


def _long_names(text: str) -> list[str]:
    return [name for name in claim_names(text) if len(name.split()) >= 2 and name in text]


def name_probe_pairs(dev: dict[str, list[Pair]]) -> list[Pair]:
    """Gold-neutral pairs: dev entailment hypotheses with a name the premise mentions swapped for a
    name of the same set that it does not."""
    out: list[Pair] = []
    for name in sorted(dev):
        named = [_long_names(pair.hypothesis) for pair in dev[name]]
        pool = list(dict.fromkeys(n for names in named for n in names))
        for index, (pair, names) in enumerate(zip(dev[name], named, strict=True)):
            if pair.label != LABEL_IDS["entailment"]:
                continue
            words = PassageWords.of(pair.premise)
            shared = [n for n in names if words.mention(n)]
            if not shared:
                continue
            others = pool[index % len(pool) :] + pool[: index % len(pool)]
            other = next((n for n in others if n not in shared and not words.mention(n)), None)
            if other is not None:
                out.append(
                    Pair(pair.premise, pair.hypothesis.replace(shared[0], other), LABEL_IDS["neutral"], pair.source)
                )
    return out


# The source of the pairs ``--swap-names`` adds: the teachers share the error they correct, so they
# do not teach them (models/distill.py).
SWAPPED_NAMES = "swapped_names"


def swapped_name_pairs(train_sets: dict[str, list[Pair]], count: int, seed: int) -> list[Pair]:
    """Up to ``count`` gold-neutral pairs from the train split whose claim names someone the premise
    does not mention, for ``train_stance --swap-names``: the probe's swap, made from training pairs."""
    made = name_probe_pairs(train_sets)
    chosen = random.Random(seed).sample(made, min(count, len(made)))
    return [Pair(p.premise, p.hypothesis, p.label, SWAPPED_NAMES) for p in chosen]
