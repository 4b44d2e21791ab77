#!/usr/bin/env python3
"""Count findings per transform by what `asyncup check` offers for them: a safe fix, an unsafe
fix, or no fix (refused or report-only). Reads `asyncup check --output-format json` on stdin.

    asyncup check --output-format json TREE | python3 scripts/fix_counts.py
"""
import collections
import json
import sys

counts = collections.defaultdict(collections.Counter)
for finding in json.load(sys.stdin):
    fix = finding.get("fix")
    kind = fix["applicability"] if fix else "no fix"
    counts[finding["id"]][kind] += 1

print(f"  {'transform':<30} {'safe':>6} {'unsafe':>7} {'no fix':>7}")
total = collections.Counter()
for transform in sorted(counts):
    row = counts[transform]
    total.update(row)
    print(f"  {transform:<30} {row['safe']:>6} {row['unsafe']:>7} {row['no fix']:>7}")
print(f"  {'total':<30} {total['safe']:>6} {total['unsafe']:>7} {total['no fix']:>7}")
