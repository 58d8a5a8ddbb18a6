/*
 * cmd-export-register.c — `luukku export-register clients|staff|
 * appointments|visits [--from DATE] [--to DATE] [--out FILE]`: the register
 * as CSV for Excel and for the area's monthly figures (store/
 * register-export.h). Not `luukku export`, which is one client's right of
 * access. The file is UTF-8 with a BOM, ';' between cells, CRLF, every
 * cell guarded against spreadsheet formulas (store/csv-write.h), written
 * whole or not at all; each export is audited (who, which, how many rows).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/csv-write.h"
#include "store/register-export.h"

static int
write_row(const char *const *cells, int n, void *ctx)
{
	for (int i = 0; i < n; i++)
		lk_csv_cell(ctx, cells[i], ';', i == n - 1);
	return 0;
}

static int
exec_export_register(struct cmd_ctx *ctx, int argc, char **argv, enum lk_register which,
                     const char *what)
{
	lk_date from = LK_NO_DATE, to = LK_NO_DATE;
	const char *path = NULL;
	struct cmd_opt opts[] = {
		CMD_STRING("out", &path),
		CMD_DATE("from", &from),
		CMD_DATE("to", &to),
		CMD_END,
	};
	if (which == LK_REG_CLIENTS || which == LK_REG_STAFF)
		opts[1] = (struct cmd_opt)CMD_END;
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	struct lk_err err = { 0 };
	long rows = 0;
	if (mem == NULL) {
		lk_store_close(st);
		fprintf(stderr, "luukku %s: %s\n", ctx->name, _("out of memory"));
		return LK_EFAIL;
	}
	fputs("\xEF\xBB\xBF", mem);
	enum lk_status rc = lk_register_export(st, which, from, to, write_row, mem, &rows, &err);
	fclose(mem);
	struct cmd_out o = { .path = path };
	if (rc != LK_OK) {
		status = cmd_fail(ctx, &err);
	} else if (!(status = cmd_out_stage(ctx, &o, buf, len))) {
		/* Audited once the file is there to be kept: who, which, how many. */
		char detail[96];
		snprintf(detail, sizeof detail, "%s: %ld rows", what, rows);
		bool audited = lk_audit(st, ctx->staff_id, "export-register", NULL, detail,
		                        &err) == LK_OK;
		status = cmd_out_finish(ctx, &o, buf, len, audited);
		if (!audited)
			status = cmd_fail(ctx, &err);
	}
	free(buf);
	lk_store_close(st);
	return status;
}

static int
exec_clients(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_export_register(ctx, argc, argv, LK_REG_CLIENTS, "clients");
}

static int
exec_staff(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_export_register(ctx, argc, argv, LK_REG_STAFF, "staff");
}

static int
exec_appointments(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_export_register(ctx, argc, argv, LK_REG_APPOINTMENTS, "appointments");
}

static int
exec_visits(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_export_register(ctx, argc, argv, LK_REG_VISITS, "visits");
}

const struct cmd_entry cmd_export_register_clients_entry = {
	"export-register", "clients", "[--out FILE]",
	N_("the client register as CSV, in the columns import reads"), exec_clients,
};
const struct cmd_entry cmd_export_register_staff_entry = {
	"export-register", "staff", "[--out FILE]",
	N_("staff members and their points as CSV, in the columns import reads"), exec_staff,
};
const struct cmd_entry cmd_export_register_appointments_entry = {
	"export-register", "appointments", "[--from DATE] [--to DATE] [--out FILE]",
	N_("one CSV row per appointment, for the monthly figures"), exec_appointments,
};
const struct cmd_entry cmd_export_register_visits_entry = {
	"export-register", "visits", "[--from DATE] [--to DATE] [--out FILE]",
	N_("one CSV row per walk-in visit, without who the visitor was"), exec_visits,
};
