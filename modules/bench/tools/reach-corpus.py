#!/usr/bin/env python3
"""Generates report folders for `wirewatch replay` from a corpus of ninjs reports, to measure what a story's reach
costs.

  copies    N reports that are copies of the corpus's stories, each carried under its own uri by one of --outlets
            outlets and published a little later than the last (--spacing seconds): a major event carried by
            hundreds of outlets. Every copy of a story describes the same event, so the copies consolidate into
            as many incidents as the corpus has events. A story's later versions stay versions of its copy.
  distinct  N reports that are the corpus repeated, copy i published 7*i days before the original, as
            PipelineBenchmark.generate does: relative dates ("on Saturday") move with the dateline, so most copies
            are events of their own.

Usage (from the repository root):
  python3 modules/bench/tools/reach-corpus.py copies   modules/extract/src/test/resources/corpus/dev 20000 /tmp/reach-copies
  python3 modules/bench/tools/reach-corpus.py distinct modules/extract/src/test/resources/corpus/dev 20000 /tmp/reach-distinct
  ./wirewatch replay /tmp/reach-copies > /dev/null
"""
import argparse
import datetime
import json
import pathlib
import sys


def parse_time(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def format_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def shifted(report, field, delta):
    if report.get(field):
        report[field] = format_time(parse_time(report[field]) + delta)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("mode", choices=["copies", "distinct"])
    p.add_argument("corpus", type=pathlib.Path, help="folder of ninjs reports (gold files and READMEs skipped)")
    p.add_argument("reports", type=int, help="how many reports to write")
    p.add_argument("out", type=pathlib.Path, help="folder to write them to (created; must be empty)")
    p.add_argument("--outlets", type=int, default=400, help="copies: how many outlets carry the stories")
    p.add_argument("--spacing", type=int, default=15, help="copies: seconds between two copies of a story")
    args = p.parse_args()

    files = sorted(f for f in args.corpus.glob("*.json") if not f.name.endswith(".gold.json"))
    if not files:
        sys.exit(f"{args.corpus}: no ninjs reports (*.json other than *.gold.json) found")
    base = []
    for f in files:
        try:
            base.append((f.stem, json.loads(f.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as e:
            sys.exit(f"{f}: not a readable JSON report: {e}")
    args.out.mkdir(parents=True, exist_ok=True)
    if any(args.out.iterdir()):
        sys.exit(f"{args.out}: not empty")

    for n in range(args.reports):
        copy, which = divmod(n, len(base))
        stem, original = base[which]
        report = json.loads(json.dumps(original))
        if args.mode == "copies":
            outlet = copy % args.outlets
            report["uri"] = f"{original['uri']}:outlet-{copy}"
            report["copyrightholder"] = f"Outlet {outlet:03d}"
            delta = datetime.timedelta(seconds=args.spacing * copy)
        else:
            report["uri"] = f"{original['uri']}:copy-{copy}"
            delta = datetime.timedelta(days=-7 * copy)
        shifted(report, "firstcreated", delta)
        shifted(report, "versioncreated", delta)
        (args.out / f"{n:06d}_{stem}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    print(f"{args.reports} reports ({args.mode}) from {len(base)} in {args.corpus} written to {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
