"""Where the tests find their inputs: the seeds shipped in data/raw, the gold copied into
tests/gold, and the rendered fixtures of ../shared (absent outside the project's workspace)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"
