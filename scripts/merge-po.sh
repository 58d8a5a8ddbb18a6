#!/bin/sh
# merge-po.sh — settle a git merge conflict in po/*.po by taking the union
# of both sides' messages (ours first), then regenerate the template and
# merge it into each catalog (make pot). For merging branches that each
# added translations; never used by the build.
set -e
for po in po/*.po; do
	git show :2:"$po" >"$po.ours" 2>/dev/null || continue
	git show :3:"$po" >"$po.theirs"
	msgcat --use-first -o "$po" "$po.ours" "$po.theirs"
	rm -f "$po.ours" "$po.theirs"
done
git show :2:po/luukku.pot >po/luukku.pot 2>/dev/null || true
