/*
 * csv.h — read RFC 4180 CSV from a string in memory, one record at a time.
 * Quoted fields, doubled quotes and commas inside quotes are understood.
 * Never allocates; fields longer than the caller's buffers are cut.
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

#endif
