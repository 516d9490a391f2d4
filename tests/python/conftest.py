"""Makes the generated Python bindings importable (scripts/gen-bindings.sh writes them)
and offers an opened `Machi` on a fresh data directory."""
import os
import sys
from pathlib import Path

import pytest

_root = Path(__file__).resolve().parents[2]
_default = Path(os.environ.get("CARGO_TARGET_DIR", _root / "target")) / "bindings" / "python"
_dir = Path(os.environ.get("MACHI_BINDINGS_DIR", _default))
if not (_dir / "machi_ffi.py").exists():
    raise RuntimeError(f"generated Python bindings not found in {_dir}: run scripts/gen-bindings.sh first")
sys.path.insert(0, str(_dir))

import machi_ffi  # noqa: E402  (path set up above)

TAKAHAGI_STATION = machi_ffi.GeoPoint(lat=36.7191, lon=140.7107)


def skip_missing(why):
    """Skips the calling test because `why` is missing, or fails it when
    MACHI_REQUIRE_DATA=1 (CI: a green run must have run every test)."""
    if os.environ.get("MACHI_REQUIRE_DATA") == "1":
        pytest.fail(f"{why} (MACHI_REQUIRE_DATA=1)")
    pytest.skip(why)


def config(locales=("en-US",), override=None, publisher_key=None):
    """A MachiConfig for a device with `locales`."""
    return machi_ffi.MachiConfig(
        device_locales=list(locales),
        language_override=override,
        publisher_key=publisher_key,
        in_memory=False,
    )


@pytest.fixture
def machi(tmp_path):
    """machi opened on an empty data dir: the embedded town, English UI."""
    return machi_ffi.Machi.open(str(tmp_path), config())
