/*
 * csv.h — read RFC 4180 CSV from a string in memory, one record at a time.
 *
 * Two readers. lk_csv_init/lk_csv_next is the small one for the reference
 * data compiled into the binary: comma-separated, fixed buffers, fields
 * longer than them cut. lk_csv_reader is the one for files people bring
 * (the register import, store/import.h): the delimiter chosen by the
 * caller (lk_csv_sniff() finds ';' or ',' from the header), any number
 * of cells of any length, quoted cells holding the delimiter, doubled
 * quotes and line breaks, records ended by CRLF, LF or CR, and the
 * physical line each record starts on, for messages. Broken quoting is
 * an error naming its line, never a guess.
 */
#ifndef LK_CSV_H
#define LK_CSV_H

#include <stddef.h>

#define LK_CSV_MAX_FIELDS 16
#define LK_CSV_FIELD_LEN 256

struct lk_csv {
	const char *p;  /* where the next record starts */
	int nfields;
	char field[LK_CSV_MAX_FIELDS][LK_CSV_FIELD_LEN];
};

void lk_csv_init(struct lk_csv *c, const char *text);
/* Read the next record into c->field; 1 when read, 0 at the end. */
int lk_csv_next(struct lk_csv *c);

struct lk_csv_reader {
	const char *p, *end;
	char delim;
	int line;            /* the physical line p is on, from 1 */
	int rec_line;        /* the line the record last read starts on */
	int ncells;          /* cells of the record last read */
	char **cells;        /* its cells, valid until the next read */
	char *buf;           /* the cells' text, each ended by NUL */
	size_t len, cap;
	size_t *off;
	int cap_cells;
	const char *error;   /* an English msgid when lk_csv_read() gave -1 */
	int err_line;
};

/* Read text[0..len) with the delimiter delim. */
void lk_csv_reader_init(struct lk_csv_reader *r, const char *text, size_t len, char delim);
/* The next record: 1 when read, 0 at the end, -1 when the quoting is
 * broken (r->error, on line r->err_line; reading stops there). */
int lk_csv_read(struct lk_csv_reader *r);
void lk_csv_reader_free(struct lk_csv_reader *r);
/* ';' or ',': whichever the first record holds more of outside quotes
 * (';' on a tie: the Finnish Excel's choice). */
char lk_csv_sniff(const char *text, size_t len);

#endif
