"""The model card's consistency-check sections (models/README.md): the dev ablation of each kind of
reason, the counterfactual probe, and the negation and missing-name counts, all read from the
release's ``dev_report.json``."""

from __future__ import annotations

from typing import Any

from models.evaluate_stance import MIN_PROBE_FIXED, NAME_SHARE, NEGATION_SHARES, default_adjust_mode
from models.stance_data import LABELS
from service.pipeline.consistency import ADJUST_SHARES, NEGATION, NUMBER_MISMATCH, OTHER_PERSON
from service.pipeline.negation import SCOPE_WORDS


def consistency_sections(report: dict[str, Any]) -> list[str]:
    ablation = report["consistency_ablation"]
    overall = ablation["overall"]
    return [
        *_mismatch_ablation(overall),
        "",
        *_negation_ablation(overall),
        "",
        *_mismatch_probe(overall, report["mismatch_probe"]),
        "",
        *_name_ablation(ablation, report["name_probe"]),
    ]


def best_negation_share(overall: dict[str, int]) -> float:
    """The share of ``NEGATION_SHARES`` that gets the most dev pairs right (the smallest on a tie)."""
    return max(NEGATION_SHARES, key=lambda share: (overall[f"negation_share_{share}"], -share))


def _mismatch_ablation(overall: dict[str, int]) -> list[str]:
    pairs = overall["pairs"]
    return [
        f"Number/date mismatches flagged {overall['flagged']} of {pairs} dev pairs. Dev accuracy without"
        f" adjusting: {overall['plain']}/{pairs}; acting on every kind (`all`): {overall['adjusted']}/{pairs}; on"
        f" number mismatches alone (moving {ADJUST_SHARES[NUMBER_MISMATCH]:.0%} of entailment to contradiction on"
        f" a flagged pair): {overall['numbers_only']}/{pairs}; on date (year, month or day) mismatches alone:"
        f" {overall['dates_only']}/{pairs}; on negation alone ({ADJUST_SHARES[NEGATION]:.0%}):"
        f" {overall['negation_only']}/{pairs}.",
    ]


def _negation_ablation(overall: dict[str, int]) -> list[str]:
    per_label = ", ".join(f"{overall[f'negation_{label}']} {label}" for label in LABELS)
    sweep = ", ".join(f"{share:.0%}: {overall[f'negation_share_{share}']}" for share in NEGATION_SHARES)
    return [
        f'A passage that negates the claim in its own words ("{NEGATION}": a cue such as "not", "never",'
        ' "refused to" or "denied", followed in its clause by two of the claim\'s content words, one of them'
        f" among its first {SCOPE_WORDS} content words, while the claim has none; `service/pipeline/negation.py`)"
        f" flagged {per_label} dev pairs. Dev pairs right"
        f" when that share of entailment moves to contradiction on them (plain: {overall['plain']}): {sweep}."
        f" Acting on negation moves {ADJUST_SHARES[NEGATION]:.0%}, the best of these: a denial is weaker"
        " evidence than a changed number, so it only tips pairs the model is unsure of.",
    ]


def _mismatch_probe(overall: dict[str, int], probe: dict[str, Any]) -> list[str]:
    mode = default_adjust_mode(overall, probe)
    return [
        "The dev sets rarely give a wrong number, so they show what acting on mismatches costs more than",
        "what it fixes. A counterfactual probe (`models/mismatch_probe.py`) supplies that case: each dev",
        "entailment pair whose hypothesis repeats a number or year of its premise, with that number changed",
        "by one in the hypothesis (unless it is a bound or a rough value: 'more than 30'), or the month of a",
        "date moved on by one (gold contradiction). For `negation` the pair is turned around: the passage is",
        "the hypothesis negated after its first auxiliary ('is not playing'), the claim is the premise (up",
        "to 40 words; sets whose entailment is stance or likelihood left out). Kinds `years` and `months`",
        "test the `dates` mode, the others the mode of their name:",
        "",
        "| kind | probe pairs | flagged by the checker | right without adjusting | right acting on that kind |",
        "|---|---|---|---|---|",
        *(
            f"| {kind} | {row['pairs']} | {row['flagged']} | {row['plain']} | {row['adjusted']} |"
            for kind, row in probe.items()
        ),
        "",
        f"`CLAIMSCOPE_CONSISTENCY_ADJUST` defaults to **{mode}** accordingly: a kind of reason is acted on",
        "when acting on it alone costs no dev pair above and fixes at least"
        f" {MIN_PROBE_FIXED:.0%} of the probe pairs that test it. The reasons are always reported on each"
        " cited passage.",
    ]


def _name_ablation(ablation: dict[str, Any], probe: dict[str, int]) -> list[str]:
    """The missing-name reason per gold label, which sets gain or lose if it moved entailment to
    neutral, and what the swapped-name probe shows."""
    overall = ablation["overall"]
    per_label = ", ".join(f"{overall[f'names_missing_{label}']} {label}" for label in LABELS)
    changed = {
        name: counts["names_to_neutral"] - counts["plain"]
        for name, counts in sorted(ablation.items())
        if name != "overall" and counts["names_to_neutral"] != counts["plain"]
    }
    by_set = ", ".join(f"{name} {delta:+d}" for name, delta in changed.items()) or "none"
    return [
        f"A claim name missing from the passage flagged {per_label} dev pairs. Moving"
        f" {round(NAME_SHARE * 100)}% of entailment to neutral on those pairs would get"
        f" {overall['names_to_neutral']}/{overall['pairs']} right (plain: {overall['plain']}); by set: {by_set}.",
        f'A passage gave the claim\'s role to someone else ("{OTHER_PERSON}") in'
        f" {overall['names_other_person']} of them.",
        f"A swapped-name probe (`models/name_probe.py`: {probe['pairs']} dev entailment pairs whose claim's name"
        " is replaced by another name of the set that the passage does not mention, gold neutral) shows how"
        f" little the model looks at who a claim is about: it reads {probe['read_as_entailment']} of them as"
        f" entailment, {probe['read_as_neutral']} as neutral and {probe['read_as_contradiction']} as"
        f" contradiction. Moving {round(NAME_SHARE * 100)}% of entailment to neutral on the"
        f" {probe['flagged']} the checker flags would make {probe['names_to_neutral']} right.",
        "Missing names are reported on each passage and never change its stance"
        + (
            ": moving entailment to neutral on them helps some sets and costs others, so no setting does it."
            if any(delta < 0 for delta in changed.values())
            else "; moving entailment to neutral on them costs no set here, so a setting to do it is worth adding."
        ),
    ]
