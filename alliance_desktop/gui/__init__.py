"""Everything Qt: the application, windows, dialogs, widgets, models and controllers."""

import os

# Qt's raster painter hands every fill taller than about a hundred lines to a pool of
# threads and waits for them. On a two-core desktop each hand-over costs a thread's
# wake-up, and a client switch, full of such fills, spent more time waiting for the
# pool than painting: 20 ms against 12 ms painted on the UI thread alone
# (benchmarks/run.py). Set before the first paint, which makes the pool; a value the
# user set stays.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
