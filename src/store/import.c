/*
 * import.c — what both register imports share (import-internal.h): the
 * file is UTF-8 text or refused whole, the delimiter comes from the
 * header, the header names known columns, every cell is checked as text,
 * and problems are listed as "line N, column C: what is wrong".
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store/audit.h"
#include "store/csv-write.h"
#include "store/csv.h"
#include "store/import-internal.h"
#include "store/validate.h"

struct lk_import_file {
	struct lk_csv_reader rd;
	int ncols;              /* columns the caller knows */
	const char *const *names;
	int *cell_col;          /* cell index of the header -> column, or -1 */
	int ncells;             /* cells of the header */
	int col_cell[32];       /* column -> cell index, or -1 when absent */
};

/* The file's bytes as UTF-8: counts of valid multi-byte characters and of
 * bytes that are no part of one. */
static void
scan_utf8(const unsigned char *s, size_t len, long *multi, long *bad)
{
	*multi = *bad = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n = (c & 0xE0) == 0xC0 && c >= 0xC2 ? 1 : (c & 0xF0) == 0xE0 ? 2
		         : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 3 : 0;
		bool ok = n > 0 && i + n < len;
		for (size_t k = 1; ok && k <= n; k++)
			ok = (s[i + k] & 0xC0) == 0x80;
		if (!ok) {
			(*bad)++;
			i++;
			continue;
		}
		(*multi)++;
		i += n + 1;
	}
}

static enum lk_status
check_encoding(const char *text, size_t len, struct lk_err *err)
{
	const unsigned char *u = (const unsigned char *)text;
	if ((len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) ||
	    memchr(text, '\0', len))
		return lk_err_set(err, LK_EINPUT, "",
		                  "not UTF-8 but UTF-16 (Excel's \"Unicode text\"); nothing was "
		                  "imported. In Excel: Save as, \"CSV UTF-8 (comma delimited)\"");
	long multi, bad;
	scan_utf8(u, len, &multi, &bad);
	if (bad > 0 && multi == 0)
		return lk_err_set(err, LK_EINPUT, "",
		                  "not UTF-8 but most likely Windows-1252 (Excel's older \"CSV\"); "
		                  "nothing was imported. In Excel: Save as, \"CSV UTF-8 (comma "
		                  "delimited)\"; in LibreOffice: character set Unicode (UTF-8)");
	return LK_OK;   /* a few broken bytes in UTF-8 text: refused cell by cell */
}

void
lk_import_problem(struct lk_import_result *res, int line, const char *column, const char *fmt,
                  ...)
{
	res->problems++;
	if (line != res->last_bad_line) {
		res->bad_rows++;
		res->last_bad_line = line;
	}
	if (res->listed >= LK_IMPORT_LIST)
		return;
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	char *out = res->problem[res->listed++];
	if (column)
		snprintf(out, sizeof res->problem[0], _("line %d, column %s: %s"), line, column, msg);
	else
		snprintf(out, sizeof res->problem[0], _("line %d: %s"), line, msg);
}

bool
lk_import_text(struct lk_import_result *res, int line, const char *column, const char *v,
               size_t max, bool free_text)
{
	struct lk_err e = { 0 };
	if (lk_check_text(column, v, max, &e) != LK_OK) {
		lk_import_problem(res, line, column, "%s", e.msg);
		return false;
	}
	if (free_text && lk_text_has_hetu(v)) {
		lk_import_problem(res, line, column,
		                  "holds something shaped like an identity code; identity codes "
		                  "go only in the hetu column");
		return false;
	}
	return true;
}

/* "Home point" -> "home_point": lower-case ASCII, spaces and '-' as '_',
 * trimmed. */
static void
column_key(const char *s, char *out, size_t size)
{
	while (*s == ' ')
		s++;
	size_t n = 0;
	for (; *s && n + 1 < size; s++)
		out[n++] = *s == ' ' || *s == '-' ? '_' : (char)tolower((unsigned char)*s);
	while (n > 0 && out[n - 1] == '_')
		n--;
	out[n] = '\0';
}

/* Check the encoding, find the delimiter, read and map the header against
 * names (NULL-ended, at most 32). Header problems go to res. LK_OK (maybe
 * with problems), or err (not UTF-8 text, no header). */
static enum lk_status
file_open(struct lk_import_file *f, const char *text, size_t len,
               const char *const *names, struct lk_import_result *res, struct lk_err *err)
{
	memset(f, 0, sizeof *f);
	memset(res, 0, sizeof *res);
	enum lk_status rc = check_encoding(text, len, err);
	if (rc != LK_OK)
		return rc;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	f->names = names;
	while (names[f->ncols])
		f->ncols++;
	for (int i = 0; i < 32; i++)
		f->col_cell[i] = -1;
	lk_csv_reader_init(&f->rd, text, len, lk_csv_sniff(text, len));
	int got = lk_csv_read(&f->rd);
	if (got == 0)
		return lk_err_set(err, LK_EINPUT, "", "the file is empty: the first row names the columns");
	if (got < 0)
		return lk_err_set(err, LK_EINPUT, "", "line %d: %s", f->rd.err_line, _(f->rd.error));
	f->ncells = f->rd.ncells;
	f->cell_col = malloc((size_t)f->ncells * sizeof *f->cell_col);
	if (f->cell_col == NULL)
		return lk_err_set(err, LK_EFAIL, "", "out of memory");
	char known[512] = "";
	for (int c = 0; c < f->ncols; c++) {
		strncat(known, c ? ", " : "", sizeof known - strlen(known) - 1);
		strncat(known, names[c], sizeof known - strlen(known) - 1);
	}
	for (int i = 0; i < f->ncells; i++) {
		char key[64];
		column_key(f->rd.cells[i], key, sizeof key);
		f->cell_col[i] = -1;
		if (key[0] == '\0' && i == f->ncells - 1 && i > 0)
			continue;   /* a trailing delimiter after the last name */
		int c;
		for (c = 0; c < f->ncols && strcmp(names[c], key) != 0; c++)
			;
		char shown[80];
		snprintf(shown, sizeof shown, "%.60s", f->rd.cells[i]);
		if (c == f->ncols) {
			if (!lk_import_text(res, 1, shown, shown, 60, false))
				continue;
			lk_import_problem(res, 1, shown, "unknown column; the columns are: %s", known);
		} else if (f->col_cell[c] >= 0) {
			lk_import_problem(res, 1, names[c], "the column is named twice");
		} else {
			f->col_cell[c] = i;
			f->cell_col[i] = c;
		}
	}
	return LK_OK;
}

static void
file_close(struct lk_import_file *f)
{
	lk_csv_reader_free(&f->rd);
	free(f->cell_col);
	f->cell_col = NULL;
}

/* The next data row (blank rows skipped): 1, 0 at the end, -1 broken
 * quoting (added to res). cells[col] is the row's text of each known
 * column, unguarded, "" when the file lacks the column. */
static int
file_row(struct lk_import_file *f, struct lk_import_result *res, char **cells)
{
	for (;;) {
		int got = lk_csv_read(&f->rd);
		if (got < 0) {
			lk_import_problem(res, f->rd.err_line, NULL, "%s", _(f->rd.error));
			return -1;
		}
		if (got == 0)
			return 0;
		bool blank = true;
		for (int i = 0; i < f->rd.ncells && blank; i++)
			blank = f->rd.cells[i][0] == '\0';
		if (blank)
			continue;
		static char empty[1];
		for (int c = 0; c < f->ncols; c++)
			cells[c] = empty;
		for (int i = 0; i < f->rd.ncells; i++) {
			if (i >= f->ncells) {
				if (f->rd.cells[i][0])
					lk_import_problem(res, f->rd.rec_line, NULL,
					                  "more cells (%d) than the header names (%d)",
					                  f->rd.ncells, f->ncells);
				if (f->rd.cells[i][0])
					break;
				continue;
			}
			if (f->cell_col[i] < 0)
				continue;
			lk_csv_unguard(f->rd.cells[i]);
			cells[f->cell_col[i]] = f->rd.cells[i];
		}
		res->rows++;
		return 1;
	}
}

/* An open-addressing set of strings: the keys a file has already used. */
struct lk_seen {
	size_t cap, n;
	char **key;
	int *line;
};

static void seen_free(struct lk_seen *s);

static struct lk_seen *
seen_new(void)
{
	struct lk_seen *s = calloc(1, sizeof *s);
	if (s == NULL)
		return NULL;
	s->cap = 1024;
	s->key = calloc(s->cap, sizeof *s->key);
	s->line = calloc(s->cap, sizeof *s->line);
	if (s->key == NULL || s->line == NULL) {
		seen_free(s);
		return NULL;
	}
	return s;
}

static void
seen_free(struct lk_seen *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; s->key && i < s->cap; i++)
		free(s->key[i]);
	free(s->key);
	free(s->line);
	free(s);
}

static size_t
hash(const char *k)
{
	size_t h = 5381;
	for (; *k; k++)
		h = h * 33 + (unsigned char)*k;
	return h;
}

static bool
grow(struct lk_seen *s)
{
	struct lk_seen big = { .cap = s->cap * 2 };
	big.key = calloc(big.cap, sizeof *big.key);
	big.line = calloc(big.cap, sizeof *big.line);
	if (big.key == NULL || big.line == NULL) {
		free(big.key);
		free(big.line);
		return false;
	}
	for (size_t i = 0; i < s->cap; i++) {
		if (s->key[i] == NULL)
			continue;
		size_t j = hash(s->key[i]) & (big.cap - 1);
		while (big.key[j])
			j = (j + 1) & (big.cap - 1);
		big.key[j] = s->key[i];
		big.line[j] = s->line[i];
	}
	free(s->key);
	free(s->line);
	s->key = big.key;
	s->line = big.line;
	s->cap = big.cap;
	return true;
}

int
lk_seen_add(struct lk_seen *s, const char *key, int line)
{
	if (s == NULL)
		return 0;
	if ((s->n + 1) * 2 > s->cap && !grow(s))
		return 0;
	size_t j = hash(key) & (s->cap - 1);
	while (s->key[j]) {
		if (strcmp(s->key[j], key) == 0)
			return s->line[j];
		j = (j + 1) & (s->cap - 1);
	}
	s->key[j] = strdup(key);
	s->line[j] = line;
	s->n += s->key[j] != NULL;
	return 0;
}

enum lk_status
lk_import_run(struct lk_store *st, const char *text, size_t len,
              const struct lk_import_kind *kind, const struct lk_import_opts *o,
              struct lk_import_result *res, struct lk_err *err)
{
	struct lk_import_file f;
	enum lk_status rc = file_open(&f, text, len, kind->names, res, err);
	if (rc != LK_OK || res->problems) {
		file_close(&f);
		return rc != LK_OK ? rc : LK_EINPUT;
	}
	void *q = calloc(1, kind->qsize);
	struct lk_seen *seen = seen_new();
	if (q == NULL || seen == NULL) {
		rc = lk_err_set(err, LK_EFAIL, "", "out of memory");
		goto out;
	}
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		goto out;
	if ((rc = kind->prepare(st, q, err)) != LK_OK) {
		lk_store_rollback(st);
		goto out;
	}
	char *cells[32];
	while (rc == LK_OK && file_row(&f, res, cells) > 0)
		rc = kind->row(st, q, o, res, seen, f.rd.rec_line, cells, err);
	kind->finalize(q);
	if (rc == LK_OK && res->problems)
		rc = LK_EINPUT;
	if (rc == LK_OK && !o->dry_run) {
		char detail[160];
		snprintf(detail, sizeof detail,
		         "%s: %ld rows, %ld added, %ld updated (%ld fields), %ld unchanged",
		         kind->what, res->rows, res->added, res->updated, res->fields, res->unchanged);
		rc = lk_audit(st, o->actor, "import", NULL, detail, err);
	}
	if (rc == LK_OK && !o->dry_run)
		rc = lk_store_commit(st, err);
	else
		lk_store_rollback(st);
out:
	free(q);
	seen_free(seen);
	file_close(&f);
	return rc;
}
