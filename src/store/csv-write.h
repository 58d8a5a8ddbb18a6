/*
 * csv-write.h — write RFC 4180 CSV: fields quoted when they hold a comma,
 * a double quote, CR or LF (quotes doubled), records ended by CRLF.
 */
#ifndef LK_CSV_WRITE_H
#define LK_CSV_WRITE_H

#include <stdbool.h>
#include <stdio.h>

/* Write one field, then a comma, or CRLF when `last`. */
void lk_csv_field(FILE *f, const char *s, bool last);

#endif
