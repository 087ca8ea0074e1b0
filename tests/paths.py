"""Where the tests find their inputs, all inside the project: the seeds shipped in data/raw, the
gold copied into tests/gold, and the rendered fixtures and broken files in tests/fixtures (see
its README). Big and hostile inputs are made at test time (tests/generated.py, conftest.py)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "gold"
FIXTURES = ROOT / "tests" / "fixtures"
BAD = FIXTURES / "bad"
