/*
 * csv-write.h — write RFC 4180 CSV: fields quoted when they hold the
 * delimiter, a double quote, CR or LF (quotes doubled), records ended by
 * CRLF. The output rule (core/text.h) holds in every cell: control
 * characters, bidi controls and invalid UTF-8 become U+FFFD.
 *
 * Formulas (CSV injection, as OWASP advises): a report cell (lk_csv_field)
 * that a spreadsheet would read as a formula — it begins with = + - @ tab
 * or CR and is not a plain number — is written as "'…". The register
 * exports (store/register-export.h) guard every cell that starts with
 * = + - @ TAB or CR — or with apostrophes followed by one of those — with
 * one more apostrophe ("+358 40 1" is written '+358 40 1), and
 * lk_csv_unguard(), which the import applies to every cell, takes exactly
 * that one apostrophe off again, so an export imports back unchanged.
 */
#ifndef LK_CSV_WRITE_H
#define LK_CSV_WRITE_H

#include <stdbool.h>
#include <stdio.h>

/* Write one field, then a comma, or CRLF when `last`. */
void lk_csv_field(FILE *f, const char *s, bool last);
/* Write one guarded cell, then delim, or CRLF when `last`. */
void lk_csv_cell(FILE *f, const char *s, char delim, bool last);
/* Undo the guard in place (see above). */
void lk_csv_unguard(char *s);

#endif
