"""The core and the non-GUI command line must work where PySide6 cannot be imported."""

import pkgutil
import subprocess
import sys
import textwrap

import annotator.core


def core_module_names() -> list[str]:
    names = ["annotator.core"]
    for info in pkgutil.walk_packages(annotator.core.__path__, prefix="annotator.core."):
        names.append(info.name)
    return names


def test_core_has_modules_to_check():
    names = core_module_names()
    assert "annotator.core.article" in names
    assert any(name.startswith("annotator.core.readers") for name in names)


def test_core_and_cli_import_without_pyside6():
    modules = core_module_names() + ["annotator.cli", "annotator.cli.extract_command"]
    script = textwrap.dedent(
        f"""
        import importlib, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
                    raise ImportError("PySide6 is blocked in this test")
                return None

        sys.meta_path.insert(0, BlockQt())
        for name in {modules!r}:
            importlib.import_module(name)
        assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 got imported"
        print("imported", len({modules!r}))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stdout


def test_blocker_really_blocks_pyside6():
    script = (
        "import sys\n"
        "class B:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith('PySide6'): raise ImportError('blocked')\n"
        "sys.meta_path.insert(0, B())\n"
        "import PySide6\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode != 0
