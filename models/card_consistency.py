"""The model card's consistency-check sections (models/README.md): the dev ablation of each kind of
reason, the counterfactual probe, and the negation and missing-name counts, all read from the
release's ``dev_report.json``."""

from __future__ import annotations

from typing import Any

from models.evaluate_stance import MIN_PROBE_FIXED, MIN_PROBE_PAIRS, NAME_SHARE, SHARE_SWEEPS, default_adjust_mode
from models.stance_data import LABELS
from service.pipeline.consistency import (
    ADJUST_SHARES,
    DIRECTION_MISMATCH,
    NEGATION,
    NUMBER_MISMATCH,
    OTHER_PERSON,
    ROLES_SWAPPED,
)
from service.pipeline.direction import SUBJECT_STEMS
from service.pipeline.negation import SCOPE_WORDS


def consistency_sections(report: dict[str, Any]) -> list[str]:
    ablation = report["consistency_ablation"]
    overall = ablation["overall"]
    return [
        *_mismatch_ablation(overall),
        "",
        *_negation_ablation(overall),
        "",
        *_direction_ablation(overall),
        "",
        *_roles_ablation(overall),
        "",
        *_mismatch_probe(overall, report["mismatch_probe"]),
        "",
        *_name_ablation(ablation, report["name_probe"]),
    ]


def best_share(overall: dict[str, int], prefix: str) -> float:
    """The share of ``SHARE_SWEEPS[prefix]`` that gets the most dev pairs right (the smallest on a tie)."""
    return max(SHARE_SWEEPS[prefix], key=lambda share: (overall[f"{prefix}_share_{share}"], -share))


def _sweep(overall: dict[str, int], prefix: str) -> str:
    return ", ".join(f"{share:.0%}: {overall[f'{prefix}_share_{share}']}" for share in SHARE_SWEEPS[prefix])


def _per_label(overall: dict[str, int], prefix: str) -> str:
    return ", ".join(f"{overall[f'{prefix}_{label}']} {label}" for label in LABELS)


def _mismatch_ablation(overall: dict[str, int]) -> list[str]:
    pairs = overall["pairs"]
    return [
        f"Number/date mismatches flagged {overall['flagged']} of {pairs} dev pairs. Dev accuracy without"
        f" adjusting: {overall['plain']}/{pairs}; acting on every kind (`all`): {overall['adjusted']}/{pairs}; on"
        f" number mismatches alone (moving {ADJUST_SHARES[NUMBER_MISMATCH]:.0%} of entailment to contradiction on"
        f" a flagged pair): {overall['numbers_only']}/{pairs}; on date (year, month or day) mismatches alone:"
        f" {overall['dates_only']}/{pairs}; on direction mismatches alone"
        f" ({ADJUST_SHARES[DIRECTION_MISMATCH]:.0%}): {overall['direction_only']}/{pairs}; on swapped roles alone"
        f" ({ADJUST_SHARES[ROLES_SWAPPED]:.0%}): {overall['roles_only']}/{pairs}; on negation alone"
        f" ({ADJUST_SHARES[NEGATION]:.0%}): {overall['negation_only']}/{pairs}.",
    ]


def _negation_ablation(overall: dict[str, int]) -> list[str]:
    return _swept_ablation(
        overall,
        "negation",
        f'A passage that negates the claim in its own words ("{NEGATION}": a cue such as "not", "never",'
        ' "refused to" or "denied", followed in its clause by two of the claim\'s content words, one of them'
        f" among its first {SCOPE_WORDS} content words, while the claim has none; or a phrase it sets aside"
        ' with "rather than" or "instead of" whose every content word is the claim\'s;'
        " `service/pipeline/negation.py`)",
        f"Acting on negation moves {ADJUST_SHARES[NEGATION]:.0%}, the best of these: a denial is weaker"
        " evidence than a changed number, so it only tips pairs the model is unsure of.",
    )


def _direction_ablation(overall: dict[str, int]) -> list[str]:
    return _swept_ablation(
        overall,
        "direction",
        f'A passage that says the claim\'s subject went the other way ("{DIRECTION_MISMATCH}": "fell" against'
        ' "rose", "lowest" against "highest", "down from" or "unchanged" against "rose", "short" against "long",'
        ' "smallest" against "largest", "acquitted" or "not'
        f' guilty" against "convicted", said of one of the last {SUBJECT_STEMS} content words before both words,'
        " or for verbs with an object and adjectives of what follows them, or for a change after a figure's comma"
        ' of what the figure counts; "lost" against "won" and "overturned", "struck down" or "rejected" against'
        ' "upheld" or "approved" only of one object ("lost its first challenge", "the ban was upheld"); neither'
        " negated nor a forecast; `service/pipeline/direction.py`)",
        f"Acting on a direction mismatch moves {ADJUST_SHARES[DIRECTION_MISMATCH]:.0%}, the best of these (the"
        " smallest on a tie): the words may still be said of different things, so it tips pairs the model is"
        " unsure of and leaves confident ones.",
    )


def _roles_ablation(overall: dict[str, int]) -> list[str]:
    return [
        f'A passage that gives the claim\'s action with its two names the other way round ("{ROLES_SWAPPED}":'
        ' "City beat Rovers" against "Rovers beat City", "Rovers were beaten by City" too; a name, a verb in the'
        ' past tense (or agreed, planned or to come: "has agreed to buy", "will face") and a name, the verb'
        ' neither negated nor one whose two sides do the same, such as "met";'
        f" `service/pipeline/roles.py`) flagged {_per_label(overall, 'roles')} dev pairs: the dev sets"
        " hardly ever reverse who did what to whom, so the probe below judges it, and it moves"
        f" {ADJUST_SHARES[ROLES_SWAPPED]:.0%} of entailment, as a changed number does.",
    ]


def _swept_ablation(overall: dict[str, int], prefix: str, flag: str, choice: str) -> list[str]:
    """A reason whose share is swept: what it flags per gold label, the sweep, and the share chosen."""
    return [
        f"{flag} flagged {_per_label(overall, prefix)} dev pairs. Dev pairs right when that share of entailment"
        f" moves to contradiction on them (plain: {overall['plain']}): {_sweep(overall, prefix)}. {choice}",
    ]


def _mismatch_probe(overall: dict[str, int], probe: dict[str, Any]) -> list[str]:
    mode = default_adjust_mode(overall, probe)
    return [
        "The dev sets rarely give a wrong number, so they show what acting on mismatches costs more than",
        "what it fixes. A counterfactual probe (`models/mismatch_probe.py`) supplies that case: each dev",
        "entailment pair whose hypothesis repeats a number or year of its premise, with that number changed",
        "by one in the hypothesis (unless it is a bound or a rough value: 'more than 30'), or the month of a",
        "date ('May 27', or 'in May') moved on by one, or a word of direction it shares with its premise",
        "turned to its opposite ('rose' to 'fell'; gold contradiction). For `roles`, each dev premise (of a",
        "set whose entailment means truth) with a clause in which a name acts on another name, and as claim",
        "that clause with the names traded ('Conway endorsed Ted Cruz' to 'Ted Cruz endorsed Conway.'). For",
        "`negation` the pair is turned around: the passage is the hypothesis negated after its first",
        "auxiliary ('is not playing'), the claim is the premise (up to 40 words; sets whose entailment is",
        "stance or likelihood left out).",
        "Some changed-number pairs are not contradictions, and the checker leaves them unflagged: a number",
        "that ends a title ('Scream 3 is a slasher film.' against 'Scream 2 is a 1997 slasher film') names",
        "another thing, and 'top 21' is implied by 'top 20'.",
        "Kinds `years` and `months` test the `dates` mode, the others the mode of their name:",
        "",
        "| kind | probe pairs | flagged by the checker | read as entailment | right without adjusting"
        " | right acting on that kind |",
        "|---|---|---|---|---|---|",
        *(
            f"| {kind} | {row['pairs']} | {row['flagged']} | {row['read_as_entailment']} | {row['plain']}"
            f" | {row['adjusted']} |"
            for kind, row in probe.items()
        ),
        "",
        f"`CLAIMSCOPE_CONSISTENCY_ADJUST` defaults to **{mode}** accordingly: a kind of reason is acted on",
        "when acting on it alone costs no dev pair above and fixes at least"
        f" {MIN_PROBE_FIXED:.0%} of the probe pairs that test it and that the model reads as entailment"
        " (acting moves entailment, so a pair read as neutral stays wrong whatever it does); a probe of"
        f" fewer than {MIN_PROBE_PAIRS} pairs is too small to judge, so such a kind must gain dev pairs"
        " instead. The reasons are always reported on each cited passage.",
    ]


def _name_ablation(ablation: dict[str, Any], probe: dict[str, int]) -> list[str]:
    """The missing-name reason per gold label, which sets gain or lose if it moved entailment to
    neutral, and what the swapped-name probe shows."""
    overall = ablation["overall"]
    per_label = _per_label(overall, "names_missing")
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
