"""The claim-verification pipeline: clean -> split -> embed -> index -> retrieve -> stance -> aggregate.

Plain Python: nothing here imports Flask, so the CLI, the API and scripts share it unchanged.
"""

from __future__ import annotations

from service.pipeline.runtime import Pipeline

__all__ = ["Pipeline"]
