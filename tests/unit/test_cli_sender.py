"""The sender of ``owui-chats import`` and ``migrate``: batches stored on threads while the
next are read, started in order, never more at once than asked, the first error raised where
the reading goes on."""

from __future__ import annotations

import threading

import pytest

from owui_chats_client.cli._importer import _Sender


def test_jobs_run_in_order_one_at_a_time_while_the_caller_goes_on() -> None:
    sender = _Sender(workers=1, ahead=1)
    held = threading.Event()
    started = threading.Event()
    done: list[int] = []

    def first() -> None:
        started.set()
        held.wait()
        done.append(1)

    sender.submit(first)
    started.wait()
    sender.submit(lambda: done.append(2))  # queued while the first is in flight: no wait
    assert done == []
    held.set()
    sender.finish()
    assert done == [1, 2]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_never_more_jobs_at_once_than_workers(workers: int) -> None:
    sender = _Sender(workers=workers, ahead=1)
    lock = threading.Lock()
    running = peak = 0
    order: list[int] = []

    def job(number: int) -> None:
        nonlocal running, peak
        with lock:
            order.append(number)
            running += 1
            peak = max(peak, running)
        with lock:
            running -= 1

    for number in range(50):
        sender.submit(lambda number=number: job(number))  # type: ignore[misc]
    sender.finish()
    assert sorted(order) == list(range(50)) and peak <= workers
    if workers == 1:
        assert order == list(range(50))


@pytest.mark.parametrize("error", [RuntimeError("refused"), KeyboardInterrupt()])
def test_the_first_error_stops_the_jobs_not_started_and_is_raised(error: BaseException) -> None:
    sender = _Sender(workers=1, ahead=1)
    done: list[int] = []
    release = threading.Event()

    def failing() -> None:
        release.wait()
        raise error

    sender.submit(failing)
    sender.submit(lambda: done.append(2))  # waiting behind the failing one: never runs
    release.set()
    with pytest.raises(type(error)):
        sender.finish()
    assert done == []


def test_submit_raises_a_job_error_instead_of_queueing() -> None:
    sender = _Sender(workers=1, ahead=1)
    done: list[int] = []

    def failing() -> None:
        raise ValueError("bad batch")

    sender.submit(failing)
    for thread in sender._threads:  # the thread ends once the error is recorded
        thread.join()
    with pytest.raises(ValueError, match="bad batch"):
        sender.submit(lambda: done.append(2))
    sender.stop(wait=True)
    assert done == []
