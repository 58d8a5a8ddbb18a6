# An ended job search (docs/rules.md#job-search-end): the due list shows
# nothing overdue (what was held stays), `client show` names the end, and a
# new job-search period brings the items back.
. "$(dirname "$0")/lib.sh"

lk init --area pohjois-karjala >/dev/null
S=$(lk staff add --name "Mäkelä, Liisa" --role caseworker --point joensuun-palvelupiste)
C=$(lk client add --name "Virtanen, Matti" --municipality Joensuu --job-search-start 2025-10-01)
expect 0 "the initial interview held on 6.10.2025 is recorded" lk book --client "$C" --staff "$S" \
	--kind alkuhaastattelu --at "2025-10-06 10:00" --held
expect 0 "the due list while the job search goes on" lk due --tsv "$C"
contains "supplementary discussions are overdue" "$OUT" "$(printf 'taydentava-1/5\t2026-01-06\toverdue')"

expect 0 "the job search ends on 15.2." lk client set "$C" --job-search-end 2026-02-15
expect 0 "the due list after the end" lk due --tsv "$C"
case $OUT in *overdue*|*open*) not_ok "nothing overdue or open once it has ended"; echo "$OUT" | sed 's/^/#   /' ;;
*) ok "nothing overdue or open once it has ended" ;; esac
contains "the held interview stays" "$OUT" "$(printf 'alkuhaastattelu\t2025-10-08\tdone')"
expect 0 "the card" lk client show "$C"
contains "names the end" "$OUT" "15.2.2026"
contains "as the end of the job search" "$OUT" "Job search ended"

expect 0 "a new job-search period from 16.2." lk client set "$C" --job-search-start 2026-02-16
expect 0 "the due list of the new period" lk due --tsv "$C"
contains "its first contact is overdue again (due 23.2.)" "$OUT" \
	"$(printf 'alkuhaastattelu\t2026-02-23\toverdue')"
expect 0 "the card of the new period" lk client show "$C"
case $OUT in *"Job search ended"*) not_ok "the old end is not shown as this period's" ;;
*) ok "the old end is not shown as this period's" ;; esac
done_testing
