"""The learning-rate schedule of a stance training run, and fitting it to a time budget.

A lent GPU gives minutes and a session gives hours, not steps, and a run cut off in the middle of
its schedule never decays its learning rate. So ``train_stance --max-minutes`` times its own pace
and moves the end of the schedule to the steps that fit.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("train_stance")

# A --max-minutes run fits its schedule to the budget every PACE_STEPS steps, at its pace since
# step PACE_FROM: the first steps (CUDA start-up, allocator growth) run several times slower, and
# counting them cut a GPU run to a third of the steps its budget had room for.
PACE_FROM = 50
PACE_STEPS = 200


def linear_schedule(optimizer: Any, warmup: int, plan: dict[str, int]) -> Any:
    """Linear warm-up, then linear decay to zero at ``plan["steps"]``, read at every step: a run
    fitted to its time budget shortens the plan and still ends at a learning rate of zero.
    Same factors as transformers' ``get_linear_schedule_with_warmup``."""
    import torch

    def factor(step: int) -> float:
        if step < warmup:
            return step / max(1, warmup)
        return max(0.0, (plan["steps"] - step) / max(1, plan["steps"] - warmup))

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def steps_that_fit(step: int, steps_per_s: float, seconds_left: float, planned: int) -> int:
    """The last step a run at ``step`` reaches in ``seconds_left`` at its measured pace, with 5%
    slack for the pace to drift; never beyond the plan."""
    return min(planned, step + int(0.95 * steps_per_s * seconds_left))


def fit_to_budget(plan: dict[str, int], step: int, steps_per_s: float, seconds_left: float, most: int) -> None:
    """Move the plan's end to the steps that fit the time left at the measured pace, never past
    ``most`` (the steps asked for). Refitted as the pace settles, so a slow start does not leave
    the budget half used; the schedule's decay follows the end smoothly enough."""
    fitted = steps_that_fit(step, steps_per_s, seconds_left, most)
    if abs(fitted - plan["steps"]) > 0.01 * plan["steps"]:
        log.info("at this pace %d of %d steps fit the time budget: the schedule now ends there", fitted, most)
    plan["steps"] = fitted
