/*
 * cmd-staff.c — `luukku staff list`, `luukku staff add` and `luukku staff
 * passwd` (a new sign-in secret, read from stdin), and reading a secret.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/signin.h"
#include "store/staff.h"

static int
print_staff(const struct lk_staff *s, void *ctx)
{
	if (*(bool *)ctx) {
		cmd_tsv(stdout, s->id, false);
		char name[220];
		snprintf(name, sizeof name, "%s, %s", s->surname, s->given_names);
		cmd_tsv(stdout, name, false);
		cmd_tsv(stdout, s->role, false);
		cmd_tsv(stdout, s->organisation, false);
		cmd_tsv(stdout, s->home_point, true);
		return 0;
	}
	const struct lk_role_info *r = lk_role_find(s->role);
	char name[220];
	snprintf(name, sizeof name, "%s, %s", s->surname, s->given_names);
	printf("%s  ", s->id);
	cmd_col(name, 26);
	cmd_col(r ? _(r->label) : s->role, 30);
	printf("%s\n", s->home_point_name);
	return 0;
}

static int
exec_staff_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv = false;
	const char *point = NULL;
	struct cmd_opt opts[] = { CMD_FLAG("tsv", &tsv), CMD_STRING("point", &point), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	status = lk_staff_list(st, point, print_staff, &tsv, &err) == LK_OK ? 0 : cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

static int
exec_staff_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_staff_input in = { 0 };
	struct cmd_opt opts[] = {
		CMD_STRING("name", &in.name),
		CMD_STRING("role", &in.role),
		CMD_STRING("point", &in.point),
		CMD_STRING("organisation", &in.organisation),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	char id[LK_ID_LEN + 1];
	if (lk_staff_add(st, &in, id, &err) == LK_OK)
		printf("%s\n", id);
	else
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

bool
cmd_read_secret(const struct cmd_ctx *ctx, char *buf, size_t size, int *status)
{
	bool tty = isatty(STDIN_FILENO);
	char again[LK_SECRET_MAX + 2];
	struct lk_err err = { 0 };
	if (!cmd_read_line(_("New secret (PIN or password): "), tty, buf, size)) {
		*status = cmd_usage(ctx, "secret", _("no secret on standard input"));
		return false;
	}
	if (lk_secret_check(buf, &err) != LK_OK) {
		sodium_memzero(buf, size);
		*status = cmd_fail(ctx, &err);
		return false;
	}
	if (tty) {
		bool same = cmd_read_line(_("The same again: "), tty, again, sizeof again) &&
			strcmp(again, buf) == 0;
		sodium_memzero(again, sizeof again);
		if (!same) {
			sodium_memzero(buf, size);
			*status = cmd_usage(ctx, "secret", _("the two secrets differ; nothing changed"));
			return false;
		}
	}
	return true;
}

static int
exec_staff_passwd(struct cmd_ctx *ctx, int argc, char **argv)
{
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, NULL, 1)))
		return status;
	const char *id = argv[optind];
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_staff who;
	char secret[LK_SECRET_MAX + 2];
	if (lk_staff_get(st, id, &who, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (cmd_read_secret(ctx, secret, sizeof secret, &status)) {
		if (lk_staff_set_secret(st, id, secret, &err) != LK_OK)
			status = cmd_fail(ctx, &err);
		else
			lk_audit(st, ctx->staff_id, "secret-set", NULL, id, NULL);
		sodium_memzero(secret, sizeof secret);
	}
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_staff_list_entry = {
	"staff", "list", "[--point ID] [--tsv]", N_("list staff members"), exec_staff_list,
};
const struct cmd_entry cmd_staff_add_entry = {
	"staff", "add", "--name \"Surname, Given\" --role ROLE --point POINT_ID [--organisation ORG]",
	N_("add a staff member"), exec_staff_add,
};
const struct cmd_entry cmd_staff_passwd_entry = {
	"staff", "passwd", "STAFF_ID  (the new secret from standard input)",
	N_("set a staff member's sign-in secret"), exec_staff_passwd,
};
