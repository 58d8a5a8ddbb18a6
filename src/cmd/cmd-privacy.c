/*
 * cmd-privacy.c — a client's questions and forgetting on time:
 *   luukku audit --client ID [--tsv]      who has looked at my data?
 *   luukku export --client ID [--out F]   everything held about me (JSON)
 *   luukku purge [--visit-months N] [--dry-run]
 *                                         walk-in visit details older than N
 *                                         months become counts ([retention]
 *                                         visit_months in the config, 24)
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include <iniparser.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/client.h"
#include "store/privacy.h"

#define DEFAULT_VISIT_MONTHS 24

static int
print_audit(const struct lk_audit_row *r, void *ctx)
{
	if (*(bool *)ctx) {
		cmd_tsv(stdout, r->at, false);
		cmd_tsv(stdout, r->staff_id, false);
		cmd_tsv(stdout, r->staff_name, false);
		cmd_tsv(stdout, r->action, false);
		cmd_tsv(stdout, r->detail, true);
		return 0;
	}
	lk_time t;
	char when[20] = "";
	if (lk_time_parse(r->at, &t))
		lk_time_fi(t, when, sizeof when);
	cmd_col(when, 16);
	cmd_col(r->staff_name[0] ? r->staff_name : "-", 28);
	cmd_col(r->action, 12);
	printf("%s\n", r->detail);
	return 0;
}

static int
exec_audit(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *client = NULL;
	bool tsv = false;
	struct cmd_opt opts[] = { CMD_STRING("client", &client), CMD_FLAG("tsv", &tsv), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (client == NULL)
		return cmd_usage(ctx, "client", _("whose audit trail? (--client ID)"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_client who;
	if (lk_client_get(st, client, &who, &err) != LK_OK)   /* an unknown id: 3 */
		status = cmd_fail(ctx, &err);
	else if (lk_audit_list_client(st, client, print_audit, &tsv, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

static int
exec_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *client = NULL, *path = NULL;
	struct cmd_opt opts[] = { CMD_STRING("client", &client), CMD_STRING("out", &path), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (client == NULL)
		return cmd_usage(ctx, "client", _("whose data? (--client ID)"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	FILE *out = stdout;
	if (path) {
		/* Personal data: the file is the reader's alone, and never replaces another. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 || (out = fdopen(fd, "w")) == NULL) {
			status = cmd_usage(ctx, "out", "%s: %s", path, strerror(errno));
			if (fd >= 0)
				close(fd);
			lk_store_close(st);
			return status;
		}
	}
	struct lk_err err = { 0 };
	if (lk_export_client(st, client, ctx->staff_id, out, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	if (out != stdout && fclose(out) != 0 && status == 0)
		status = cmd_usage(ctx, "out", "%s: %s", path, strerror(errno));
	if (status && path)
		unlink(path);
	lk_store_close(st);
	return status;
}

static int
exec_purge(struct cmd_ctx *ctx, int argc, char **argv)
{
	int months = -1;
	bool dry = false;
	struct cmd_opt opts[] = {
		CMD_INT("visit-months", &months, 1, 1200),
		CMD_FLAG("dry-run", &dry),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (months < 0) {
		months = DEFAULT_VISIT_MONTHS;
		dictionary *ini = ctx->config_path ? iniparser_load(ctx->config_path) : NULL;
		if (ini) {
			months = iniparser_getint(ini, "retention:visit_months", DEFAULT_VISIT_MONTHS);
			iniparser_freedict(ini);
		}
		if (months < 1 || months > 1200)
			return cmd_usage(ctx, "config", _("[retention] visit_months must be 1-1200"));
	}
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_purge_stats s;
	lk_date before = lk_add_months(lk_today(), -months);
	char cut[16];
	if (lk_purge_visits(st, before, dry, &s, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else
		printf(dry ? _("would turn %ld visits before %s into %ld daily counts\n")
		           : _("turned %ld visits before %s into %ld daily counts\n"),
		       s.visits, lk_date_fi(before, cut, sizeof cut), s.days);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_audit_entry = {
	"audit", NULL, "--client ID [--tsv]", N_("who has looked at a client's data"), exec_audit,
};
const struct cmd_entry cmd_export_entry = {
	"export", NULL, "--client ID [--out FILE]", N_("everything held about a client, as JSON"),
	exec_export,
};
const struct cmd_entry cmd_purge_entry = {
	"purge", NULL, "[--visit-months N] [--dry-run]", N_("apply the retention of walk-in visits"),
	exec_purge,
};
