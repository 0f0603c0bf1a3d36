"""Check many cases: cached results first, the rest in a process pool, then checks across cases.

Cases are independent, so they are checked in worker processes sized to the machine. On Linux
the workers are forked from this process once it has built the pack's analysers, so they start
in milliseconds and share them; a case or two is checked in-process, where even that costs more
than it saves. A case whose check raises is reported as an internal error in that case and the
run goes on.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.context
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace

from caselint.cache import Cache, case_key, file_digests
from caselint.cases.case import CaseInput
from caselint.cases.metadata import normalize
from caselint.cases.suppressions import (
    ConfigUse,
    apply_across,
    apply_config_across,
    judge_config,
)
from caselint.core.codes import finding as make_finding
from caselint.core.i18n import Catalog, render
from caselint.core.model import CaseResult, Finding, Report
from caselint.crosscase import BatchOptions, check_across
from caselint.crosscase.quota import is_recommended
from caselint.engine import Settings, apply_settings, build_report, check_case_read
from caselint.text.analysis import analysers

#: Below this many uncached cases, worker start-up costs more than it saves. Forked workers
#: start in ~10 ms; what remains is handing cases over and results back, ~10-20 ms of CPU a
#: case. Where it pays depends on a free core: ``benchmarks/bench_speed.py --break-even``.
MIN_CASES_FOR_POOL = 3

Progress = Callable[[int, int], None]


def _pool_context() -> multiprocessing.context.BaseContext | None:
    """How workers start: forked from this process where that is safe, else from a fork server.

    Forking this process gives a worker the rule pack, the segmenter and the analysers that are
    already in memory (shared copy-on-write); a fork server is a fresh interpreter that must
    import caselint and build them again (~0.5 s before the first case, which made ``--jobs 2``
    slower than ``--jobs 1`` below ~200 cases). Forking is unsafe while another thread runs (a
    lock it holds at the fork stays held in the child; Python 3.12 warns): then, as on any
    Linux without ``fork``, workers come from a fork server that preloads caselint. Windows and
    macOS spawn (their default).
    """
    if not sys.platform.startswith("linux"):
        return None
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["caselint.engine"])
        return context
    return None


@contextlib.contextmanager
def _workers_share(
    settings: Settings, context: multiprocessing.context.BaseContext | None
) -> Iterator[None]:
    """Build what every worker needs once, here, before workers are forked from this process.

    ``gc.freeze`` keeps the inherited objects out of the workers' garbage collections, which
    would otherwise touch (and so copy) every page they live on.
    """
    if context is None or context.get_start_method() != "fork":
        yield
        return
    analysers(settings.pack)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def available_cpus() -> int:
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1  # Python 3.13+
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass
class RunStats:
    cases: int = 0
    cached: int = 0
    checked: int = 0
    workers: int = 1


_worker_settings: Settings | None = None
_worker_debug = False


def _init_worker(settings: Settings, debug: bool = False) -> None:
    global _worker_settings, _worker_debug
    _worker_settings = settings
    _worker_debug = debug


#: What checking a case yields: its result, whether the check ran normally, and the SHA-256 of
#: the bytes each file was checked from (by path).
Outcome = tuple[CaseResult, bool, dict[str, str]]


def _check_in_worker(case: CaseInput) -> Outcome:
    assert _worker_settings is not None
    return check_guarded(case, _worker_settings, _worker_debug)


MESSAGES: Catalog = {
    "internal": {
        "zh": "检查该案例时发生内部错误（{detail}），其他案例照常检查；请报告此问题",
        "en": "internal error while checking this case ({detail}); the other cases were "
        "checked; please report it",
    },
}


def check_guarded(case: CaseInput, settings: Settings, debug: bool = False) -> Outcome:
    """(result, ok, digests): a bug that one odd case triggers fails that case, never the whole
    run (unless ``debug`` asks for the traceback). A failed case is never cached."""
    try:
        result, digests = check_case_read(case, settings, debug=debug)
        return result, True, digests
    except Exception as exc:
        if debug:
            raise
        return _internal_error(case, settings, exc), False, {}


def _internal_error(case: CaseInput, settings: Settings, exc: BaseException) -> CaseResult:
    """The result of a case caselint failed on: an ``internal-error`` finding, verdict fail."""
    message = render(MESSAGES, "internal", settings.lang, detail=repr(exc)[:200])
    metadata = normalize(case.metadata, settings.pack)
    return CaseResult(
        id=case.id,
        files=[str(p) for p in case.files],
        parts={"summary": None, "detailed": None},
        verdict="fail",
        findings=[
            make_finding("internal-error", message, file=str(case.files[0]) if case.files else None)
        ],
        metadata={str(k): str(v) for k, v in metadata.items()},
    )


def _cacheable(result: CaseResult) -> bool:
    """A file that could not be read may read tomorrow (LibreOffice installed, permissions
    fixed, a copy finished on the shared drive): such results are never remembered."""
    return not any(f.rule in ("unreadable-file", "internal-error") for f in result.findings)


def _check_isolated(
    case: CaseInput, settings: Settings, mp_context: multiprocessing.context.BaseContext | None
) -> Outcome:
    """Check one case in a process of its own; if that process dies, the case fails alone."""
    context = mp_context or _pool_context()
    with (
        _workers_share(settings, context),
        ProcessPoolExecutor(
            1, mp_context=context, initializer=_init_worker, initargs=(settings,)
        ) as pool,
    ):
        try:
            return pool.submit(_check_in_worker, case).result()
        except BrokenProcessPool as exc:
            return _internal_error(case, settings, exc), False, {}


def run_cases(
    inputs: list[CaseInput],
    settings: Settings,
    *,
    jobs: int | None = None,
    cache: Cache | None = None,
    progress: Progress | None = None,
    stats: RunStats | None = None,
    mp_context: multiprocessing.context.BaseContext | None = None,
    debug: bool = False,
) -> list[CaseResult]:
    """Results in input order, from the cache where possible.

    ``mp_context`` overrides how workers start (tests fork, to see their monkeypatches);
    ``debug`` lets a failure raise with its traceback instead of failing its case.
    """
    stats = stats if stats is not None else RunStats()
    stats.cases = len(inputs)
    results: list[CaseResult | None] = [None] * len(inputs)
    keys: list[str | None] = [None] * len(inputs)
    todo: list[int] = []
    for i, case in enumerate(inputs):
        if cache is not None:
            keys[i] = case_key(case, settings, file_digests(case))
            cached = cache.get(keys[i]) if keys[i] else None
            if cached is not None:
                results[i] = cached
                stats.cached += 1
                continue
        todo.append(i)
    done = stats.cached
    if progress:
        progress(done, len(inputs))

    def finish(i: int, outcome: Outcome) -> None:
        """Record a case's result; store it in the cache as it arrives (while workers go on
        with other cases) under the key of the bytes checked, and only when those are the
        bytes the lookup read: a draft edited (or reverted) mid-run is never stored."""
        nonlocal done
        results[i], ok, read = outcome
        key = keys[i]
        result = results[i]
        stored = cache is not None and key and ok and _cacheable(result)
        if stored and case_key(inputs[i], settings, read) == key:
            cache.put(key, result)
        done += 1
        if progress:
            progress(done, len(inputs))

    workers = min(jobs or available_cpus(), len(todo))
    if workers <= 1 or len(todo) < MIN_CASES_FOR_POOL:
        stats.workers = 1
        for i in todo:
            finish(i, check_guarded(inputs[i], settings, debug))
    else:
        stats.workers = workers
        context = mp_context or _pool_context()
        with (
            _workers_share(settings, context),
            ProcessPoolExecutor(
                workers, mp_context=context, initializer=_init_worker, initargs=(settings, debug)
            ) as pool,
        ):
            futures = {pool.submit(_check_in_worker, inputs[i]): i for i in todo}
            lost: list[int] = []
            for future in as_completed(futures):
                i = futures[future]
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    lost.append(i)  # a worker died (crashed or killed): retried below
                    continue
                finish(i, outcome)
        # Cases of a dead pool are checked again here, one by one: the one that kills its
        # process again fails alone, every other case still gets its result.
        for i in sorted(lost):
            finish(i, _check_isolated(inputs[i], settings, mp_context))
    stats.checked = len(todo)
    return [r for r in results if r is not None]


def run(
    inputs: list[CaseInput],
    settings: Settings,
    options: BatchOptions,
    *,
    jobs: int | None = None,
    cache: Cache | None = None,
    progress: Progress | None = None,
    stats: RunStats | None = None,
    debug: bool = False,
) -> Report:
    """Check every case, then the checks across cases; a case an error across cases names
    fails, whether it is named alone (a re-submission) or with others (over the quota): one
    verdict per case, the same in every report."""
    cases = run_cases(
        inputs, settings, jobs=jobs, cache=cache, progress=progress, stats=stats, debug=debug
    )
    if settings.province is None:
        cases = _provinces_from_folder(inputs, cases, settings, cache, debug)
    if options.shortlist is not None:
        # The report says which cases this run treated as recommended (workbook, pack --batch).
        for case in cases:
            case.metadata["recommended"] = is_recommended(case, options.shortlist)
    use = _config_use(inputs, settings)
    across = _across(cases, settings, options, use)
    by_id = {case.id: case for case in cases}
    apply_across(
        across,
        [
            (case, by_id[case.id].findings, use.enabled(case.id, settings.enabled))
            for case in inputs
            if case.id in by_id
        ],
        settings.lang,
    )
    if settings.paths is not None:
        apply_config_across(across, use)
        everything = [f for case in cases for f in case.findings] + across
        about_config = judge_config(settings.paths.entries, use, everything, settings.lang)
        across.extend(apply_settings(about_config, settings))
    for finding in across:
        if finding.severity == "error" and finding.active:
            for case in cases:
                if case.id in finding.cases:
                    case.verdict = "fail"
    return build_report(cases, across, settings)


def _config_use(inputs: list[CaseInput], settings: Settings) -> ConfigUse:
    """Each case's rules and config acceptances, as the config's overrides decide them."""
    use = ConfigUse()
    if settings.paths is not None:
        for case in inputs:
            chosen = settings.paths.for_files(case.files)
            use.cases[case.id] = (chosen.enabled, chosen.accepts)
    return use


def _across(
    cases: list[CaseResult], settings: Settings, options: BatchOptions, use: ConfigUse
) -> list[Finding]:
    """The checks across cases; with per-path rules, a finding stands when its rule is checked
    for one of the cases it names (for the run, when it names none)."""
    if not use.cases:
        return check_across(cases, settings, options)
    enabled = settings.enabled.union(*(rules for rules, _ in use.cases.values()))
    found = check_across(cases, replace(settings, enabled=enabled), options)
    return [
        f
        for f in found
        if (f.rule in settings.enabled and not f.cases)
        or any(f.rule in use.cases[c][0] for c in f.cases if c in use.cases)
    ]


_TAKEN = ("option", "folder")


def _stated_province(case: CaseResult) -> str | None:
    sources = case.metadata.get("sources")
    source = sources.get("province") if isinstance(sources, dict) else None
    if isinstance(source, dict) and source.get("kind") in _TAKEN:
        return None
    value = case.metadata.get("province")
    return str(value).strip() if value else None


def _provinces_from_folder(
    inputs: list[CaseInput],
    cases: list[CaseResult],
    settings: Settings,
    cache: Cache | None,
    debug: bool,
) -> list[CaseResult]:
    """Cases that state no province take the one the other cases of their folder agree on:
    they are checked again with it (a hint says so), so the quota counts them."""
    from caselint.crosscase.names import unit_core

    by_root: dict[object, list[int]] = {}
    for i, case_input in enumerate(inputs):
        if case_input.root is not None and i < len(cases):
            by_root.setdefault(case_input.root, []).append(i)
    out = list(cases)
    for members in by_root.values():
        stated = {i: _stated_province(cases[i]) for i in members}
        spellings = [p for p in stated.values() if p]
        if not spellings or len({unit_core(p, [], {}) for p in spellings}) != 1:
            continue
        lacking = [i for i, p in stated.items() if not p and cases[i].id == inputs[i].id]
        if not lacking:
            continue
        agreed = max(spellings, key=len)
        folder = replace(settings, province=agreed, province_source="folder")
        again = run_cases([inputs[i] for i in lacking], folder, jobs=1, cache=cache, debug=debug)
        for i, result in zip(lacking, again, strict=True):
            out[i] = result
    return out


def is_interactive() -> bool:
    """A progress bar only for a person at a terminal, never in CI logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")
