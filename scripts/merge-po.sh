#!/bin/sh
# merge-po.sh — settle a git merge conflict in po/*.po message by message
# (scripts/po3way.py: a translation one side changed and the other left as
# it was takes the change; both changed: ours), then regenerate the
# template and merge it into each catalog (make pot). For merging branches
# that each added or changed translations; never used by the build.
set -e
for po in po/*.po; do
	git show :2:"$po" >"$po.ours" 2>/dev/null || continue
	git show :1:"$po" >"$po.base" 2>/dev/null || : >"$po.base"
	git show :3:"$po" >"$po.theirs"
	python3 scripts/po3way.py "$po.base" "$po.ours" "$po.theirs" "$po"
	rm -f "$po.ours" "$po.theirs" "$po.base"
done
git show :2:po/luukku.pot >po/luukku.pot 2>/dev/null || true
