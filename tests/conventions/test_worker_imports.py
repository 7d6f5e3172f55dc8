"""An app worker loads only what every request may need (issue 19's memory goal: under 300 MB RSS
per worker at full load). Libraries that serve a few requests (a workbook import or export, a
contract's PDF, migrations) are imported by the first request that needs them.
"""

from __future__ import annotations

import json
import subprocess
import sys

#: Each of these costs a worker 10 to 80 MB when imported at start (measured with ru_maxrss).
ON_DEMAND = (
    "alembic",
    "av",
    "boto3",
    "botocore",
    "numpy",
    "openpyxl",
    "pyloudnorm",
    "reportlab",
    "scipy",
    "soundfile",
    "stripe",
    "xlsxwriter",
)

PROBE = """
import json, sys
from bizsuite.app import create_app
create_app()
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_building_the_app_leaves_the_on_demand_libraries_unloaded() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=300
    )
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "litestar" in loaded  # the probe did build the app
    assert loaded.isdisjoint(ON_DEMAND), sorted(loaded & set(ON_DEMAND))
