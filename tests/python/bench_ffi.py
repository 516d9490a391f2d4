"""FFI round-trip cost through the generated Python bindings (not a test: run it).

    python3 tests/python/bench_ffi.py [LIBRARY]

LIBRARY defaults to the library beside the generated bindings (debug build);
pass the release build (target/release/libmachi_ffi.so) for shipping figures.
Prints a table of median nanoseconds per call over several rounds.
"""
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

root = Path(__file__).resolve().parents[2]
gen = Path(os.environ.get("MACHI_BINDINGS_DIR",
                          Path(os.environ.get("CARGO_TARGET_DIR", root / "target")) / "bindings" / "python"))
work = Path(tempfile.mkdtemp(prefix="machi-bench-"))
shutil.copy(gen / "machi_ffi.py", work)
lib = Path(sys.argv[1]) if len(sys.argv) > 1 else gen / "libmachi_ffi.so"
shutil.copy(lib, work / "libmachi_ffi.so")
sys.path.insert(0, str(work))

import machi_ffi  # noqa: E402

machi = machi_ffi.Machi.open(str(work / "data"), machi_ffi.MachiConfig(
    device_locales=["en-US"], language_override=None, publisher_key=None, in_memory=False))
station = machi_ffi.GeoPoint(lat=36.7191, lon=140.7107)

cases = [
    ("core_version() — empty call, returns a short string", lambda: machi_ffi.core_version(), 20000),
    ("machi.locale() — object method, small record", lambda: machi.locale(), 20000),
    ("machi.message(id) — Fluent lookup, record of 3 fields", lambda: machi.message("common-cancel", []), 20000),
    ("machi.spot(id) — SQLite read, 20-field record", lambda: machi.spot("hananuki-gorge"), 2000),
    ("machi.shelters_near(p, [], 5)", lambda: machi.shelters_near(station, [], 5), 2000),
]

print(f"library: {lib} ({lib.stat().st_size / 1e6:.1f} MB)")
print(f"{'call':58} {'median ns/call':>15} {'min ns/call':>12}")
for name, fn, n in cases:
    rounds = []
    for _ in range(7):
        t0 = time.perf_counter_ns()
        for _ in range(n):
            fn()
        rounds.append((time.perf_counter_ns() - t0) / n)
    print(f"{name:58} {statistics.median(rounds):15.0f} {min(rounds):12.0f}")

# Python's own call overhead, to subtract by eye.
def noop():
    return "0.1.0"
rounds = []
for _ in range(7):
    t0 = time.perf_counter_ns()
    for _ in range(20000):
        noop()
    rounds.append((time.perf_counter_ns() - t0) / 20000)
print(f"{'(baseline: a pure-Python function call)':58} {statistics.median(rounds):15.0f} {min(rounds):12.0f}")
shutil.rmtree(work, ignore_errors=True)
