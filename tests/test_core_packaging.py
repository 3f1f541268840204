"""softlse_core is an installable library: a deployment check of issue 13, item 1.

The wheel built from a copy of the repository holds softlse_core and nothing else, requires
NumPy and nothing else, installs, and imports from another directory; importing
softlse_core loads none of the app's libraries. Building runs pip with build isolation,
which fetches setuptools from the package index (or pip's cache) the first time.
"""

from __future__ import annotations

import email.parser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import softlse_core

ROOT = Path(__file__).resolve().parents[1]
# py.typed: the package's annotations are its types for mypy and pyright (PEP 561)
CORE_FILES = sorted([path.name for path in (ROOT / "softlse_core").glob("*.py")] + ["py.typed"])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by pip from a copy of the whole repository (as a user would build it)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "repository"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "__pycache__", ".hypothesis", "*.egg-info", "build", "dist", "test-artifacts"
        ),
    )
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, source],
        check=True,
        timeout=180,
    )
    (built,) = dist.glob("*.whl")
    return built


def test_wheel_holds_only_softlse_core_and_requires_only_numpy(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata_name,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode())
    top_level = {name.split("/")[0] for name in names}
    assert top_level == {"softlse_core", metadata_name.split("/")[0]}
    packaged = sorted(name.split("/")[1] for name in names if name.startswith("softlse_core/"))
    assert packaged == CORE_FILES
    assert metadata["Name"] == "softlse-core"
    assert metadata.get_all("Requires-Dist") == ["numpy>=1.25"]
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["Version"] == softlse_core.__version__


def test_installed_wheel_works_from_another_directory(wheel: Path, tmp_path: Path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", target, wheel],
        check=True,
        timeout=120,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import softlse_core; print(softlse_core.__file__); "
        "print(softlse_core.softmax([1, 2, 3])); print(float(softlse_core.lse_gap([1, 2, 3], 100)))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    location, probabilities, gap = run.stdout.splitlines()
    assert Path(location).parent == target / "softlse_core"
    assert probabilities == "[0.09003057 0.24472847 0.66524096]"
    assert gap == "3.720075976020836e-46"


def test_importing_the_core_loads_numpy_and_nothing_else(tmp_path: Path):
    """Top-level modules that ``import softlse_core`` adds, other than the standard library."""
    script = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import softlse_core\n"
        "added = {name.split('.')[0] for name in set(sys.modules) - before}\n"
        "standard = set(sys.stdlib_module_names) | set(sys.builtin_module_names)\n"
        "print(' '.join(sorted(added - standard)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    added = set(run.stdout.split())
    assert added == {"numpy", "softlse_core"}
    assert not added & {"streamlit", "plotly", "pandas", "scipy", "softlse_app"}
