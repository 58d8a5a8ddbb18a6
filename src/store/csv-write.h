/*
 * csv-write.h — write RFC 4180 CSV: fields quoted when they hold a comma,
 * a double quote, CR or LF (quotes doubled), records ended by CRLF.
 * The output rule (core/text.h) holds in every cell: control characters,
 * bidi controls and invalid UTF-8 become U+FFFD, and a cell that begins
 * with = + - @ tab or CR (a formula, not a plain number) is written as
 * "'…" (OWASP).
 */
#ifndef LK_CSV_WRITE_H
#define LK_CSV_WRITE_H

#include <stdbool.h>
#include <stdio.h>

/* Write one field, then a comma, or CRLF when `last`. */
void lk_csv_field(FILE *f, const char *s, bool last);

#endif
