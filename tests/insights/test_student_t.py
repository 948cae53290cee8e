"""Student's t critical values without a statistics package."""

import pytest

from alliance_desktop.insights.student_t import Z975, t_critical


def test_t_critical_values():
    assert t_critical(1) == 12.7062
    assert t_critical(30) == 2.0423
    assert t_critical(60) == pytest.approx(2.0003, abs=2e-4)
    assert t_critical(10_000) == pytest.approx(Z975, abs=1e-3)
    with pytest.raises(ValueError):
        t_critical(0)
