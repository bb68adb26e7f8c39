"""Quarters, statuses and the derived overdue state."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain import Quarter, Status, is_overdue


def test_quarter_parse_bounds_and_label() -> None:
    q = Quarter.parse("2023q2")
    assert (q.start, q.end) == (date(2023, 4, 1), date(2023, 6, 30))
    assert q.label == "2023年第二季度"
    assert str(q.next()) == "2023Q3" and str(Quarter(2023, 4).next()) == "2024Q1"
    assert Quarter.of(date(2023, 12, 31)) == Quarter(2023, 4)
    with pytest.raises(ValueError, match="季度格式不正确"):
        Quarter.parse("2023-2")


def test_status_labels_round_trip() -> None:
    assert Status.from_label("推进中") is Status.IN_PROGRESS
    assert Status.from_label("done") is Status.DONE
    with pytest.raises(ValueError):
        Status.from_label("差不多")


def test_overdue_is_derived_from_deadline_and_status() -> None:
    today = date(2023, 7, 1)
    assert is_overdue(date(2023, 6, 30), Status.IN_PROGRESS, today)
    assert not is_overdue(date(2023, 6, 30), Status.DONE, today)
    assert not is_overdue(date(2023, 7, 1), Status.NOT_STARTED, today)
    assert not is_overdue(None, Status.NOT_STARTED, today)


def test_warning_lights_follow_supervision_rules() -> None:
    from desktop.domain import Light, warning_light

    today = date(2023, 6, 20)

    def light(deadline: date | None, status: Status = Status.IN_PROGRESS, **kw: bool) -> Light:
        kw.setdefault("long_term", False)
        kw.setdefault("has_progress", True)
        return warning_light(deadline, status, today=today, due_soon_days=15, **kw)

    assert light(date(2023, 6, 19)) is Light.RED
    assert light(date(2023, 6, 19), Status.DONE) is Light.GREEN
    assert light(date(2023, 6, 30)) is Light.YELLOW
    assert light(date(2023, 7, 6)) is Light.GREEN
    assert light(None, long_term=True, has_progress=False) is Light.YELLOW
    assert light(None, long_term=True, has_progress=True) is Light.GREEN


def test_long_running_measure_without_progress_turns_yellow_from_mid_quarter() -> None:
    from desktop.domain import Light, Quarter, warning_light

    q2 = Quarter(2023, 2)  # 1 April - 30 June; the middle day is 16 May

    def light(
        today: date,
        deadline: date | None = None,
        long_term: bool | None = None,
        has_progress: bool = False,
    ) -> Light:
        return warning_light(
            deadline,
            Status.IN_PROGRESS,
            long_term=deadline is None if long_term is None else long_term,
            has_progress=has_progress,
            today=today,
            quarter=q2,
        )

    assert light(date(2023, 5, 15)) is Light.GREEN  # nobody has reported yet
    assert light(date(2023, 5, 16)) is Light.YELLOW
    assert light(date(2023, 9, 1)) is Light.YELLOW  # looking back at a past quarter
    assert light(date(2023, 5, 20), has_progress=True) is Light.GREEN
    # undated (no deadline, not marked 长期坚持) counts as long-running too
    assert light(date(2023, 5, 20), long_term=False) is Light.YELLOW
    # a dated measure far from its deadline is not flagged for a quiet quarter
    assert light(date(2023, 5, 20), deadline=date(2024, 12, 31)) is Light.GREEN
    # done and suspended stay green
    for status in (Status.DONE, Status.SUSPENDED):
        assert (
            warning_light(
                None, status, long_term=True, has_progress=False, today=date(2023, 6, 1), quarter=q2
            )
            is Light.GREEN
        )


def test_file_sizes_read_the_same_everywhere() -> None:
    """Evidence lists in the window, the report annexes and the audit log all say sizes so."""
    from desktop.domain import size_label

    assert size_label(532) == "532 B"
    assert size_label(1843) == "1.8 KB"
    assert size_label(13_002_342) == "12.4 MB"
