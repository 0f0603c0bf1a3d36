"""Check many cases: cached results first, the rest in a process pool, then checks across cases.

Cases are independent, so they are checked in worker processes sized to the machine (each
loads jieba once). A handful of cases is checked in-process: starting workers would cost more
than it saves. A case whose check raises is reported as an internal error in that case and the
run goes on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from caselint.cache import Cache, case_key
from caselint.case import CaseInput
from caselint.crosscase import BatchOptions, check_across
from caselint.crosscase.quota import is_recommended
from caselint.engine import Settings, build_report, check_case
from caselint.model import CaseResult, Report

#: Below this many uncached cases, worker start-up costs more than it saves.
MIN_CASES_FOR_POOL = 4

Progress = Callable[[int, int], None]


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


def _init_worker(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings


def _check_in_worker(case: CaseInput) -> CaseResult:
    assert _worker_settings is not None
    return check_case(case, _worker_settings)


def run_cases(
    inputs: list[CaseInput],
    settings: Settings,
    *,
    jobs: int | None = None,
    cache: Cache | None = None,
    progress: Progress | None = None,
    stats: RunStats | None = None,
) -> list[CaseResult]:
    """Results in input order, from the cache where possible."""
    stats = stats if stats is not None else RunStats()
    stats.cases = len(inputs)
    results: list[CaseResult | None] = [None] * len(inputs)
    keys: list[str | None] = [None] * len(inputs)
    todo: list[int] = []
    for i, case in enumerate(inputs):
        if cache is not None:
            keys[i] = case_key(case, settings)
            cached = cache.get(keys[i]) if keys[i] else None
            if cached is not None:
                results[i] = cached
                stats.cached += 1
                continue
        todo.append(i)
    done = stats.cached
    if progress:
        progress(done, len(inputs))
    workers = min(jobs or available_cpus(), len(todo))
    if workers <= 1 or len(todo) < MIN_CASES_FOR_POOL:
        stats.workers = 1
        for i in todo:
            results[i] = check_case(inputs[i], settings)
            done += 1
            if progress:
                progress(done, len(inputs))
    else:
        stats.workers = workers
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings,)) as pool:
            futures = {pool.submit(_check_in_worker, inputs[i]): i for i in todo}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                done += 1
                if progress:
                    progress(done, len(inputs))
    stats.checked = len(todo)
    if cache is not None:
        for i in todo:
            key = keys[i]
            result = results[i]
            if key and result is not None:
                cache.put(key, result)
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
) -> Report:
    """Check every case, then the checks across cases; a case named alone by an error fails."""
    cases = run_cases(inputs, settings, jobs=jobs, cache=cache, progress=progress, stats=stats)
    if options.shortlist is not None:
        # The report says which cases this run treated as recommended (workbook, pack --batch).
        for case in cases:
            case.metadata["recommended"] = is_recommended(case, options.shortlist)
    across = check_across(cases, settings, options)
    for finding in across:
        if finding.severity == "error" and len(finding.cases) == 1:
            for case in cases:
                if case.id == finding.cases[0]:
                    case.verdict = "fail"
    return build_report(cases, across, settings)


def is_interactive() -> bool:
    """A progress bar only for a person at a terminal, never in CI logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")
