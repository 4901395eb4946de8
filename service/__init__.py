"""claimscope: a self-hosted claim-verification service.

Importing this package does no work: models, the database and the FAISS index are opened on
first use by ``service.pipeline.Pipeline``.
"""

from __future__ import annotations

__version__ = "0.1.0"
