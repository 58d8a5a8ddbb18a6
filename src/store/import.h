/*
 * import.h — the area's register in from CSV files: clients from the
 * national client information system's spreadsheets, staff from the
 * municipality's HR lists (`luukku import clients|staff`, docs/luukku.1).
 *
 * The file is what a person in a Finnish office has: UTF-8 with or without
 * a BOM, ';' or ',' between cells (found from the header), CRLF or LF,
 * RFC 4180 quoting, dates d.m.yyyy or yyyy-mm-dd. A file that is not
 * UTF-8 — most likely Windows-1252, Excel's old "CSV" — is refused whole
 * with how to save it as UTF-8: it is not converted, because Windows-1252,
 * ISO 8859-15 and the DOS code pages cannot be told apart from the bytes,
 * and a name converted wrongly is a wrong record of a person that nobody
 * would notice, where the refusal costs one "Save as".
 *
 * The first row names the columns, in any order; an unknown or repeated
 * column is refused. All or nothing: every row is checked, and when any
 * is bad the result lists the problems (up to LK_IMPORT_LIST, then counts
 * them) as "line N, column C: what is wrong" and nothing is written;
 * otherwise the whole file is one write transaction, captured for sync
 * like any other, with one audit row (who, how many rows). A dry run does
 * the same work and rolls it back, so it reports the same summary.
 * A cell left empty leaves the field as it is; a cell with the same value
 * changes nothing, so the same file imported twice adds and changes
 * nothing. The export's formula guard (csv-write.h) is undone on every
 * cell.
 */
#ifndef LK_IMPORT_H
#define LK_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

#define LK_IMPORT_LIST 50

struct lk_import_opts {
	bool dry_run;
	bool allow_without_hetu;  /* clients: a row without an identity code adds a client */
	const char *actor;        /* the staff member importing, for the audit trail */
};

struct lk_import_result {
	long rows;                /* data rows (blank rows are skipped) */
	long added, updated, unchanged;
	long fields;              /* fields changed in the updated rows */
	long problems, bad_rows;  /* in all */
	int listed;
	int last_bad_line;
	char problem[LK_IMPORT_LIST][320];   /* "line N, column C: …", translated */
};

/* LK_OK: the file was good and was written (or, dry run, would be).
 * LK_EINPUT with res->problems > 0: bad rows, listed in res, nothing
 * written. Else the error in err (a file that is not UTF-8 text: LK_EINPUT
 * with res->problems == 0). */
enum lk_status lk_import_clients(struct lk_store *st, const char *text, size_t len,
                                 const struct lk_import_opts *o, struct lk_import_result *res,
                                 struct lk_err *err);
enum lk_status lk_import_staff(struct lk_store *st, const char *text, size_t len,
                               const struct lk_import_opts *o, struct lk_import_result *res,
                               struct lk_err *err);

#endif
