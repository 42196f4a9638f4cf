#!/usr/bin/python3
"""Validates planwatch.plan/1 files against data/schema/planwatch.plan-1.schema.json.

Usage: /usr/bin/python3 tests/schema/validate_plan_json.py FILE... [--schema SCHEMA]

Prints one line per problem, "FILE: PATH: MESSAGE" (PATH as the C++ reader names
it: nodes[3].deadline.month), and exits 1 when any file is invalid, 2 when a file
cannot be read, 0 when all are valid. Run it with /usr/bin/python3: the python3 on
PATH (pyenv) does not see Debian's python3-jsonschema.
"""
import argparse
import decimal
import json
import os
import re
import sys

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "..", "data", "schema", "planwatch.plan-1.schema.json")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def load(path):
    # Decimal, not float: "multipleOf": 0.01 must be exact (1478027.51 / 0.01 is
    # not an integer in binary floating point), and 7.0 must not pass as an integer.
    with open(path, "rb") as f:
        return json.loads(f.read().decode("utf-8"), parse_float=decimal.Decimal)


def join(path, key):
    if isinstance(key, int):
        return f"{path}[{key}]"
    if not IDENTIFIER.match(key):
        return f"{path}[{json.dumps(key, ensure_ascii=False)}]"
    return f"{path}.{key}" if path else key


def path_of(error):
    """The JSON path of an error; for a missing or unknown key, the key's own path."""
    path = ""
    for part in error.absolute_path:
        path = join(path, part)
    instance = error.instance
    if error.validator == "required" and isinstance(instance, dict):
        missing = [k for k in error.validator_value if k not in instance]
        if missing:
            path = join(path, missing[0])
    elif error.validator == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {})
        extra = sorted(k for k in instance if k not in known)
        if extra:
            path = join(path, extra[0])
    elif error.validator == "dependentRequired" and isinstance(instance, dict):
        for key, needed in error.validator_value.items():
            missing = [k for k in needed if key in instance and k not in instance]
            if missing:
                path = join(path, missing[0])
                break
    return path


def errors_of(validator, document):
    """Validation errors, deepest first; each is (path, message)."""
    found = []
    for error in validator.iter_errors(document):
        # anyOf/oneOf/if-then report on the parent; their sub-errors say more.
        leaf = jsonschema.exceptions.best_match([error]) if error.context else error
        found.append((path_of(leaf), leaf.message))
    return sorted(set(found))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    args = parser.parse_args(argv)
    schema = load(args.schema)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    status = 0
    for name in args.files:
        try:
            document = load(name)
        except (OSError, UnicodeDecodeError, ValueError) as e:
            print(f"{name}: cannot read: {e}")
            status = max(status, 2)
            continue
        for path, message in errors_of(validator, document):
            print(f"{name}: {path or '(top level)'}: {message}")
            status = max(status, 1)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
