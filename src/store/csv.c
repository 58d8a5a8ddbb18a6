/*
 * csv.c — RFC 4180 readers: the small one for the reference data compiled
 * into the binary, and the one for files people bring (csv.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
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

/* The reader for files people bring (csv.h). */

void
lk_csv_reader_init(struct lk_csv_reader *r, const char *text, size_t len, char delim)
{
	memset(r, 0, sizeof *r);
	r->p = text;
	r->end = text + len;
	r->delim = delim;
	r->line = 1;
}

void
lk_csv_reader_free(struct lk_csv_reader *r)
{
	free(r->buf);
	free(r->off);
	free(r->cells);
	r->buf = NULL;
	r->off = NULL;
	r->cells = NULL;
}

static int
put_byte(struct lk_csv_reader *r, char c)
{
	if (r->len + 1 >= r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 1024;
		char *b = realloc(r->buf, cap);
		if (b == NULL)
			return -1;
		r->buf = b;
		r->cap = cap;
	}
	r->buf[r->len++] = c;
	return 0;
}

static int
end_cell(struct lk_csv_reader *r)
{
	if (put_byte(r, '\0') != 0)
		return -1;
	if (r->ncells + 1 >= r->cap_cells) {
		int cap = r->cap_cells ? r->cap_cells * 2 : 32;
		size_t *o = realloc(r->off, (size_t)cap * sizeof *o);
		if (o == NULL)
			return -1;
		r->off = o;
		char **c = realloc(r->cells, (size_t)cap * sizeof *c);
		if (c == NULL)
			return -1;
		r->cells = c;
		r->cap_cells = cap;
	}
	r->ncells++;
	r->off[r->ncells] = r->len;
	return 0;
}

int
lk_csv_read(struct lk_csv_reader *r)
{
	const char *p = r->p, *end = r->end;
	if (p >= end)
		return 0;
	if (r->cap_cells == 0) {
		r->off = malloc(32 * sizeof *r->off);
		r->cells = malloc(32 * sizeof *r->cells);
		if (r->off == NULL || r->cells == NULL)
			goto oom;
		r->cap_cells = 32;
	}
	r->ncells = 0;
	r->len = 0;
	r->off[0] = 0;
	r->rec_line = r->line;
	for (;;) {
		if (p < end && *p == '"') {
			int opened = r->line;
			p++;
			for (;;) {
				if (p >= end) {
					r->error = N_("a quote opened here is never closed");
					r->err_line = opened;
					r->p = end;
					return -1;
				}
				if (*p == '"') {
					if (p + 1 < end && p[1] == '"') {
						if (put_byte(r, '"') != 0)
							goto oom;
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
					r->line++;
				if (put_byte(r, *p++) != 0)
					goto oom;
			}
			if (p < end && *p != r->delim && *p != '\n' && *p != '\r') {
				r->error = N_("text after the closing quote of a cell");
				r->err_line = r->line;
				r->p = end;
				return -1;
			}
		} else {
			while (p < end && *p != r->delim && *p != '\n' && *p != '\r')
				if (put_byte(r, *p++) != 0)
					goto oom;
		}
		if (end_cell(r) != 0)
			goto oom;
		if (p < end && *p == r->delim) {
			p++;
			continue;
		}
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
		r->line++;
		break;
	}
	r->p = p;
	for (int i = 0; i < r->ncells; i++)
		r->cells[i] = r->buf + r->off[i];
	return 1;
oom:
	r->error = N_("out of memory");
	r->err_line = r->line;
	r->p = end;
	return -1;
}

char
lk_csv_sniff(const char *text, size_t len)
{
	long semi = 0, comma = 0;
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ';')
			semi++;
		else if (!quoted && c == ',')
			comma++;
	}
	return comma > semi ? ',' : ';';
}
