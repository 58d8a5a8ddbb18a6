#!/bin/sh
# import.sh LUUKKU [N] — the register import of issue 16 (docs/performance.md,
# "Import and export"): a synthetic Finnish-Excel file of N clients
# (BENCH_IMPORT_CLIENTS, 20 000: BOM, ';', d.m.yyyy, CRLF; identity codes
# from the temporary range 900-999), imported into a fresh desk, then the
# same file again (nothing changes), a dry run, and the export of the
# register. Wall times of the whole command; figures, not pass/fail.
set -e
luukku=$1
n=${2:-${BENCH_IMPORT_CLIENTS:-20000}}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export LUUKKU_NOW=${LUUKKU_NOW:-"2026-03-02 09:00"}
awk -v n="$n" 'BEGIN {
	C = "0123456789ABCDEFHJKLMNPRSTUVWXY"
	split("Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen", S, " ")
	split("Aino Eino Helmi Väinö Ella Onni Lilja Toivo Aada Leevi", G, " ")
	split("Joensuu 167 Kitee Lieksa 426 Nurmes Outokumpu 276 Ilomantsi Juuka", M, " ")
	printf "\357\273\277surname;given_names;hetu;municipality;job_search_start;phone;email;address\r\n"
	for (i = 0; i < n; i++) {
		d = int(i / 100); ind = 900 + i % 100
		dd = 1 + d % 28; mm = 1 + int(d / 28) % 12; yy = 70 + int(d / 336)
		num = (dd * 10000 + mm * 100 + yy) * 1000 + ind
		h = sprintf("%02d%02d%02d-%03d%s", dd, mm, yy, ind, substr(C, num % 31 + 1, 1))
		printf "%s;\"%s %s\";%s;%s;%d.%d.2026;040 %07d;%s.%d@example.fi;Koetie %d\r\n",
			S[1 + i % 10], G[1 + int(i / 10) % 10], G[1 + int(i / 100) % 10], h,
			M[1 + i % 10], 1 + i % 28, 1 + i % 2, i, "asiakas", i, i % 200
	}
}' >"$T/clients.csv"
echo "data: $n clients, $(wc -c <"$T/clients.csv") bytes of CSV"
"$luukku" --db "$T/desk.db" init --area pohjois-karjala >/dev/null
t() {
	what=$1; shift
	t0=$(date +%s%N)
	"$@" >"$T/out" 2>&1 || { cat "$T/out"; exit 1; }
	t1=$(date +%s%N)
	printf '%-40s %6d ms   %s\n' "$what" $(( (t1 - t0) / 1000000 )) "$(head -1 "$T/out" | tr -d '\r' | cut -c1-60)"
}
t "import into an empty desk" "$luukku" --db "$T/desk.db" import clients "$T/clients.csv"
t "the same file again (unchanged)" "$luukku" --db "$T/desk.db" import clients "$T/clients.csv"
t "a dry run of the same file" "$luukku" --db "$T/desk.db" import clients --dry-run "$T/clients.csv"
t "export-register clients" "$luukku" --db "$T/desk.db" export-register clients --out "$T/export.csv"
t "the export imported back (unchanged)" "$luukku" --db "$T/desk.db" import clients "$T/export.csv"
echo "outbox: $(sqlite3 "$T/desk.db" "select count(*) || ' entries, ' || sum(length(changeset)) || ' bytes' from outbox")"
