#!/usr/bin/python3
"""ctest schema_fixtures: every file in valid/ passes validate_plan_json.py, and
every file in invalid/ fails at the path invalid/expected.tsv gives for it."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VALIDATOR = os.path.join(HERE, "validate_plan_json.py")


def run(path):
    done = subprocess.run([sys.executable, VALIDATOR, path], capture_output=True, text=True)
    return done.returncode, done.stdout


def expected_paths():
    with open(os.path.join(HERE, "invalid", "expected.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    return {row[0]: row[1] for row in rows}


def main():
    failures = []
    valid_dir = os.path.join(HERE, "valid")
    for name in sorted(os.listdir(valid_dir)):
        code, out = run(os.path.join(valid_dir, name))
        if code != 0:
            failures.append(f"valid/{name}: expected valid, got exit {code}:\n{out}")
    expected = expected_paths()
    invalid_dir = os.path.join(HERE, "invalid")
    fixtures = sorted(n for n in os.listdir(invalid_dir) if n.endswith(".json"))
    if sorted(expected) != fixtures:
        failures.append(f"invalid/expected.tsv lists {sorted(expected)}, the folder holds {fixtures}")
    for name in fixtures:
        path = os.path.join(invalid_dir, name)
        code, out = run(path)
        want = f"{path}: {expected.get(name)}: "
        if code != 1 or want not in out:
            failures.append(f"invalid/{name}: expected exit 1 naming '{expected.get(name)}', got exit {code}:\n{out}")
    print("\n".join(failures) if failures else f"ok: {len(os.listdir(valid_dir))} valid, {len(fixtures)} invalid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
