"""Student's t 95% critical values: a short table and an expansion, so no statistics package."""

from __future__ import annotations

# Two-sided 95% critical values of Student's t for 1-30 degrees of freedom.
_T975 = (
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
    2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
    2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
)  # fmt: skip
Z975 = 1.959963984540054  # the normal 97.5th percentile


def t_critical(df: int) -> float:
    """The 97.5th percentile of t with ``df`` degrees of freedom.

    A table up to 30; above it the Cornish-Fisher expansion around the normal
    quantile, accurate to about 1e-4 there.
    """
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if df <= len(_T975):
        return _T975[df - 1]
    z = Z975
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )


__all__ = ["Z975", "t_critical"]
