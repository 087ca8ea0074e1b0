"""The README names every file a run keeps in the user's cache, and how to clear them: what the
fork server writes there is found by running its imports with a cache folder of the test's."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from paths import ROOT

_IMPORTS = "import pipeline.run.preload, pipeline.run.extract, parsers\npipeline.run.preload._before_first_fork()\n"


def test_the_readme_names_every_file_a_run_keeps_in_the_users_cache(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-c", _IMPORTS], cwd=ROOT, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)},
                   check=True, capture_output=True)
    kinds = sorted({path.name.split("-")[0] for path in (tmp_path / "rapportdata").iterdir()})
    assert kinds  # the fork server keeps something there: else there is nothing to document
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    outside = readme.split("**Outside the output**")[1].split("\n\n")[0]
    assert [kind for kind in kinds if f"`{kind}-*.marshal`" not in outside] == []
    assert "rm -r ~/.cache/rapportdata" in outside
