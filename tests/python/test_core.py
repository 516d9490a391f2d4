"""The core library loads and answers through the generated Python bindings."""
import re

import machi_ffi


def test_core_version_is_semver():
    assert re.fullmatch(r"\d+\.\d+\.\d+", machi_ffi.core_version())
