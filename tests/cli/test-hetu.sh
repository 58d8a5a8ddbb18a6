# luukku hetu and luukku workdays: the rules of core through the CLI.
. "$(dirname "$0")/lib.sh"

expect 0 "a valid temporary code" "$LUUKKU" hetu --tsv 010594Y9032
same "birth, sex, temporary" "$OUT" "$(printf '1994-05-01\tM\ttemporary')"
expect 0 "the same date with '-' is another valid code" "$LUUKKU" hetu --tsv 010594-9032
same "born 1.5.1994 too, male, temporary" "$OUT" "$(printf '1994-05-01\tM\ttemporary')"
expect 0 "2000s sign A, female" "$LUUKKU" hetu --tsv 290200A9908
same "born 29.2.2000 (a leap day), female (an even individual number), temporary" "$OUT" \
	"$(printf '2000-02-29\tF\ttemporary')"
expect 2 "a wrong check character is refused" "$LUUKKU" hetu 010594Y9033
contains "the message names the field" "$ERR" "--hetu"
expect 2 "29.2.2001 does not exist" "$LUUKKU" hetu 290201A990H
contains "the reason is the date" "$ERR" "date"
expect 2 "a lower-case sign is refused" "$LUUKKU" hetu 010594y9032
expect 2 "too short" "$LUUKKU" hetu 010594Y903

expect 0 "5 business days from Maundy Thursday 2026" "$LUUKKU" workdays 2026-04-02 5
same "Good Friday and Easter Monday skipped" "$OUT" "2026-04-13"
expect 0 "across the new year" "$LUUKKU" workdays 2025-12-31 5
same "1.1. and 6.1. skipped" "$OUT" "2026-01-09"
expect 0 "Midsummer Eve is no business day" "$LUUKKU" workdays 2026-06-18 1
same "Fri 19.6.2026 skipped" "$OUT" "2026-06-22"
expect 2 "an impossible date is refused" "$LUUKKU" workdays 2026-02-30 5
contains "naming the field" "$ERR" "--date"
expect 2 "N must be a number" "$LUUKKU" workdays 2026-02-02 five
contains "naming the field" "$ERR" "--n"
done_testing
