"""Write actions, behind the operator's token: ingest URLs or uploaded files, merge and split
actors, analyse again. Each calls the job or action the CLI calls (``parley.ingest.job.ingest``,
``parley.lookups.merge_actors``/``split_actor``, ``parley.analyse.analyse``) and answers with
what the CLI prints with ``--json``.

The token is set by the operator (``PARLEY_API_TOKEN`` when ``parley serve`` starts) and sent
as ``Authorization: Bearer <token>``; it is compared in constant time. Without a configured token
every write action answers 403 (off); with one, a request without a token answers 401 and one
with another token 403.
"""

from __future__ import annotations

import dataclasses
import hmac
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Request, Security, UploadFile
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from parley import settings
from parley.extract.registry import ActorRegistry
from parley.lookups import merge_actors, split_actor
from parley.present.api.app import StoreDep
from parley.present.export import as_record
from parley.store import Store

bearer = HTTPBearer(auto_error=False, description="the token the operator set in PARLEY_API_TOKEN")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
) -> None:
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "write actions are off: the operator has set no PARLEY_API_TOKEN")
    if credentials is None:
        raise HTTPException(
            401, "this action needs the token: Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"}
        )
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(403, "wrong token")


router = APIRouter(prefix="/api", tags=["write actions (token)"], dependencies=[Depends(require_token)])


class IngestURLs(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=100, description="http(s) URLs of pages or feeds")


class Merge(BaseModel):
    source: str = Field(description="actor id or unique prefix, merged into target")
    target: str


class Split(BaseModel):
    actor: str = Field(description="actor id or unique prefix")
    name: str = Field(description="one of the actor's names: its mentions become an actor of their own")


class Analyse(BaseModel):
    force: bool = Field(False, description="analyse every article again, not only new ones")


@router.post("/ingest", summary="Ingest http(s) URLs (pages or feeds)")
def ingest_urls(body: IngestURLs, store: StoreDep) -> dict[str, Any]:
    bad = [u for u in body.urls if not re.match(r"^https?://", u, re.I)]
    if bad:
        raise HTTPException(400, f"only http(s) URLs can be ingested here: {', '.join(bad)}")
    return _ingest(store, body.urls)


@router.post("/ingest/upload", summary="Ingest uploaded files (text, HTML, RSS/Atom, JSON Lines)")
def ingest_upload(files: Annotated[list[UploadFile], File()], store: StoreDep) -> dict[str, Any]:
    cap = int(settings.MAX_BYTES.get())
    with tempfile.TemporaryDirectory(prefix="parley-upload-") as tmp:
        for n, upload in enumerate(files):
            data = upload.file.read(cap + 1)
            if len(data) > cap:
                raise HTTPException(413, f"{upload.filename}: over the size cap of {cap} bytes")
            (Path(tmp) / f"{n:03d}-{_safe_name(upload.filename or 'upload.txt')}").write_bytes(data)
        return _ingest(store, [tmp])


@router.post("/actors/merge", summary="Merge one actor into another (kept across re-analysis)")
def merge(body: Merge, request: Request, store: StoreDep) -> list[dict[str, Any]]:
    now = merge_actors(store, body.source, body.target, _registry(request))
    return [as_record("actor", a) for a in now]


@router.post("/actors/split", summary="Split the mentions written NAME out of an actor")
def split(body: Split, request: Request, store: StoreDep) -> list[dict[str, Any]]:
    now = split_actor(store, body.actor, body.name, _registry(request))
    return [as_record("actor", a) for a in now]


@router.post("/analyse", summary="Analyse new articles (or all, with force) and re-resolve the corpus")
def analyse(body: Analyse, request: Request, store: StoreDep) -> dict[str, Any]:
    from parley.analyse import analyse as run_analyse

    report = run_analyse(store, registry=_registry(request), force=body.force)
    return dataclasses.asdict(report)


def _ingest(store: Store, inputs: list[str]) -> dict[str, Any]:
    from parley.ingest.job import ingest

    report = ingest(inputs, store, max_bytes=int(settings.MAX_BYTES.get()))
    return {
        "run": report.run_id,
        "new": [a.id for a in report.new],
        "duplicate": [a.id for a in report.duplicates],
        "failed": [{"origin": f.origin, "reason": f.reason} for f in report.failures],
        "skipped": report.skipped,
    }


def _registry(request: Request) -> ActorRegistry | None:
    path = request.app.state.actors_file
    return ActorRegistry.load(path) if path else None


def _safe_name(name: str) -> str:
    """A file name that stays in the upload folder and keeps its suffix (which picks the reader)."""
    base = Path(name.replace("\\", "/")).name
    return re.sub(r"[^\w.-]+", "_", base).lstrip(".") or "upload.txt"
