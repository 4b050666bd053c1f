#!/usr/bin/env python3
"""Validate stage outputs (JSON Lines) against the JSON Schemas in schema/.

usage: check_schemas.py [--schemas DIR] NAME=FILE [NAME=FILE ...]

NAME is a schema of DIR (clean, segment, extract, paper, rejects, result: DIR/NAME.schema.json), FILE a
JSON Lines file that must validate against it, every line. Each schema must be given at least
one record. To show that a schema does constrain, the first record of each schema is also
broken three ways (a required key removed, a required key given an object, and, where the
schema is closed, an unknown key added) and each broken copy must be rejected.
Exit status 1 on the first problem. Needs the `jsonschema` package.
"""
import argparse
import copy
import json
import sys

from jsonschema import Draft202012Validator


def load_schema(directory, name):
    with open(f"{directory}/{name}.schema.json", encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema), schema


def mutants(record, schema):
    """Copies of a valid record that the schema must reject."""
    required = schema.get("required", [])
    if required:
        key = required[0]
        gone = copy.deepcopy(record)
        del gone[key]
        yield f"without '{key}'", gone
        wrong = copy.deepcopy(record)
        wrong[required[-1]] = {"not": "this type"}
        yield f"'{required[-1]}' given an object", wrong
    if schema.get("additionalProperties") is False:
        extra = copy.deepcopy(record)
        extra["zz_unknown_key"] = 1
        yield "with an unknown key", extra


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schemas", default="schema")
    ap.add_argument("pairs", nargs="+", metavar="NAME=FILE")
    args = ap.parse_args()
    validators, counts, first = {}, {}, {}
    failed = False
    for pair in args.pairs:
        name, _, path = pair.partition("=")
        if name not in validators:
            validators[name] = load_schema(args.schemas, name)
            counts[name] = 0
        validator, schema = validators[name]
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                record = json.loads(line)
                errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
                for e in errors[:3]:
                    where = "/".join(str(p) for p in e.absolute_path) or "(record)"
                    print(f"{path}:{n}: {name} schema: {where}: {e.message}", file=sys.stderr)
                failed = failed or bool(errors)
                counts[name] += 1
                first.setdefault(name, record)
    for name, (validator, schema) in validators.items():
        if counts[name] == 0:
            print(f"check_schemas: no {name} records to validate", file=sys.stderr)
            failed = True
            continue
        for what, broken in mutants(first[name], schema):
            if validator.is_valid(broken):
                print(f"check_schemas: the {name} schema accepts a record {what}", file=sys.stderr)
                failed = True
    if failed:
        sys.exit(1)
    print("schemas valid: " + ", ".join(f"{name} {counts[name]} records" for name in validators)
          + "; broken copies rejected")


if __name__ == "__main__":
    main()
