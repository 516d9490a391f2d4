"""Makes the generated Python bindings importable (scripts/gen-bindings.sh writes them)."""
import os
import sys
from pathlib import Path

_root = Path(__file__).resolve().parents[2]
_default = Path(os.environ.get("CARGO_TARGET_DIR", _root / "target")) / "bindings" / "python"
_dir = Path(os.environ.get("MACHI_BINDINGS_DIR", _default))
if not (_dir / "machi_ffi.py").exists():
    raise RuntimeError(f"generated Python bindings not found in {_dir}: run scripts/gen-bindings.sh first")
sys.path.insert(0, str(_dir))
