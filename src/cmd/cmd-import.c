/*
 * cmd-import.c — `luukku import clients|staff FILE [--dry-run]`: read the
 * file, let the store check and write it (store/import.h), print the
 * summary or every problem.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/import.h"

#define MAX_FILE (256L << 20)

/* The whole file (or stdin for "-") in memory; NULL after printing why. */
static char *
read_file(const struct cmd_ctx *ctx, const char *path, size_t *len, int *status)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "luukku %s: %s: %s\n", ctx->name, path, strerror(errno));
		*status = LK_ENOTFOUND;
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (n + 1 >= cap) {
			char *b = cap < (size_t)MAX_FILE ? realloc(buf, cap * 2) : NULL;
			if (b == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = b;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	bool bad = buf == NULL || ferror(f);
	if (f != stdin)
		fclose(f);
	if (bad) {
		free(buf);
		fprintf(stderr, "luukku %s: %s: %s\n", ctx->name, path,
		        _("cannot read the file (at most 256 MB)"));
		*status = LK_EFAIL;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int
exec_import(struct cmd_ctx *ctx, int argc, char **argv, bool clients)
{
	struct lk_import_opts o = { 0 };
	struct cmd_opt opts[] = {
		CMD_FLAG("dry-run", &o.dry_run),
		CMD_FLAG("allow-without-hetu", &o.allow_without_hetu),
		CMD_END,
	};
	if (!clients)
		opts[1] = (struct cmd_opt)CMD_END;
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 1)))
		return status;
	const char *path = argv[optind];
	size_t len;
	char *text = read_file(ctx, path, &len, &status);
	if (text == NULL)
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL) {
		free(text);
		return status;
	}
	o.actor = ctx->staff_id;
	struct lk_import_result *res = calloc(1, sizeof *res);
	struct lk_err err = { 0 };
	enum lk_status rc = res == NULL ? lk_err_set(&err, LK_EFAIL, "", "out of memory")
	                  : clients ? lk_import_clients(st, text, len, &o, res, &err)
	                            : lk_import_staff(st, text, len, &o, res, &err);
	if (rc == LK_OK) {
		printf(_("added %ld, updated %ld (changed fields: %ld), unchanged %ld\n"), res->added,
		       res->updated, res->fields, res->unchanged);
		if (o.dry_run)
			printf("%s\n", _("dry run: nothing was written"));
	} else if (rc == LK_EINPUT && res->problems) {
		for (int i = 0; i < res->listed; i++)
			fprintf(stderr, "luukku %s: %s\n", ctx->name, res->problem[i]);
		if (res->problems > res->listed)
			fprintf(stderr, "luukku %s: %s\n", ctx->name, "…");
		fprintf(stderr, _("luukku %s: %ld problems on %ld of %ld rows (%d listed); nothing was "
		                  "imported\n"),
		        ctx->name, res->problems, res->bad_rows, res->rows, res->listed);
		status = LK_EINPUT;
	} else {
		fprintf(stderr, "luukku %s: %s: %s\n", ctx->name, path, err.msg);
		status = rc;
	}
	free(res);
	free(text);
	lk_store_close(st);
	return status;
}

static int
exec_import_clients(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_import(ctx, argc, argv, true);
}

static int
exec_import_staff(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_import(ctx, argc, argv, false);
}

const struct cmd_entry cmd_import_clients_entry = {
	"import", "clients", "FILE [--dry-run] [--allow-without-hetu]",
	N_("add and update clients from a CSV file (all rows or none)"), exec_import_clients,
};
const struct cmd_entry cmd_import_staff_entry = {
	"import", "staff", "FILE [--dry-run]",
	N_("add and update staff members from a CSV file (all rows or none)"), exec_import_staff,
};
