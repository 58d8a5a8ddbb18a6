/*
 * csv.c — a small RFC 4180 reader for the reference data compiled into
 * the binary.
 */
#include <string.h>

#include "store/csv.h"

void
lk_csv_init(struct lk_csv *c, const char *text)
{
	memset(c, 0, sizeof *c);
	c->p = text;
}

int
lk_csv_next(struct lk_csv *c)
{
	const char *p = c->p;
	if (p == NULL || *p == '\0')
		return 0;
	c->nfields = 0;
	for (;;) {
		char *out = c->field[c->nfields < LK_CSV_MAX_FIELDS ? c->nfields : LK_CSV_MAX_FIELDS - 1];
		size_t n = 0;
		if (*p == '"') {
			p++;
			while (*p) {
				if (*p == '"' && p[1] == '"') {
					p += 2;
					if (n + 1 < LK_CSV_FIELD_LEN)
						out[n++] = '"';
				} else if (*p == '"') {
					p++;
					break;
				} else {
					if (n + 1 < LK_CSV_FIELD_LEN)
						out[n++] = *p;
					p++;
				}
			}
		}
		while (*p && *p != ',' && *p != '\n' && *p != '\r') {
			if (n + 1 < LK_CSV_FIELD_LEN)
				out[n++] = *p;
			p++;
		}
		out[n] = '\0';
		if (c->nfields < LK_CSV_MAX_FIELDS)
			c->nfields++;
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '\r')
			p++;
		if (*p == '\n')
			p++;
		break;
	}
	c->p = p;
	return 1;
}
