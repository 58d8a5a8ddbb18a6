/*
 * cmd-conflicts.c — `luukku conflicts [--tsv]`: what sync had to decide and
 * a person should look at: the record, the field, the kept and the losing
 * value, and the desks they came from; offline double bookings as clashes.
 * `luukku conflicts settle ID --keep|--take-losing [--by STAFF]` settles
 * one: the losing value is written back as a normal change when taken, and
 * the settlement syncs to every desk. Once sign-in accounts are in use the
 * acting member settles as themselves (--by, if given, must name them):
 * leads and the administrator any conflict, the caseworker roles only
 * those on their own clients and bookings (core/roles.h, settle and
 * settle-own); else exit 4, audited as refused.
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/signin.h"
#include "store/staff.h"
#include "store/sync-conflict.h"

static int
print_conflict(const struct lk_conflict *c, void *ctx)
{
	if (*(bool *)ctx) {
		cmd_tsv(stdout, c->kind, false);
		cmd_tsv(stdout, c->table, false);
		cmd_tsv(stdout, c->row, false);
		cmd_tsv(stdout, c->field, false);
		cmd_tsv(stdout, c->kept, false);
		cmd_tsv(stdout, c->losing, false);
		cmd_tsv(stdout, c->kept_desk, false);
		cmd_tsv(stdout, c->losing_desk, false);
		cmd_tsv(stdout, c->detected, false);
		cmd_tsv(stdout, c->id, true);
		return 0;
	}
	printf("%s ", c->id);
	if (c->kind[0] == 'c' && strcmp(c->field, "kind") == 0) {
		printf(_("%s: two initial interviews in one job-search period: %s and %s\n"),
		       c->detected, c->kept, c->losing);
		return 0;
	}
	if (c->kind[0] == 'c') {
		printf(_("%s: double booking (same %s): %s and %s\n"), c->detected,
		       c->field[0] == 'r' ? _("room")
		       : c->field[0] == 'c' ? _("client") : _("staff member"), c->kept, c->losing);
		return 0;
	}
	printf(_("%s: %s %s, %s: kept '%s' (%s), lost '%s' (%s)\n"), c->detected, c->table, c->row,
	       c->field, c->kept, c->kept_desk[0] ? c->kept_desk : "?", c->losing,
	       c->losing_desk[0] ? c->losing_desk : "?");
	return 0;
}

static int
exec_conflicts(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv;
	int status;
	if ((status = cmd_parse_tsv(ctx, argc, argv, 0, &tsv)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_conflict_list(st, print_conflict, &tsv, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_conflicts_entry = {
	"conflicts", NULL, "[--tsv]", N_("list what sync decided that staff should review"),
	exec_conflicts,
};

static int
exec_settle(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const char both[] = N_("choose either --keep or --take-losing, not both");
	int how = -1, status;
	const char *by = ctx->staff_id;
	struct cmd_opt opts[] = {
		CMD_SET("keep", &how, LK_SETTLE_KEEP, "keep", both),
		CMD_SET("take-losing", &how, LK_SETTLE_TAKE_LOSING, "keep", both),
		CMD_STRING("by", &by),
		CMD_END,
	};
	/* Which way first, then the conflict's id. */
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, CMD_ANY_ARGS)))
		return status;
	if (how == -1)
		return cmd_usage(ctx, "keep", _("say --keep or --take-losing"));
	if ((status = cmd_extra_args(ctx, argc, argv, 1)))
		return status;
	const char *id = argv[optind];
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_staff who;
	if (lk_signin_required(st)) {
		/* cmd-roles.c has signed the acting member in; they settle as
		 * themselves, and only what their role may settle. */
		if (by == NULL || ctx->staff_id == NULL || strcmp(by, ctx->staff_id) != 0) {
			cmd_usage(ctx, "by", _("sign-in accounts are in use: one settles as oneself"));
			lk_store_close(st);
			return LK_ECLASH;
		}
		if (lk_staff_get(st, ctx->staff_id, &who, &err) == LK_OK &&
		    lk_conflict_exists(st, id) &&
		    !lk_conflict_may_settle(st, id, who.role, ctx->staff_id)) {
			fprintf(stderr, "luukku %s: --staff: %s '%s' %s\n", ctx->name, _("the role"),
			        who.role, _("may settle only conflicts on their own clients and bookings"));
			lk_audit(st, ctx->staff_id, "refused", NULL, ctx->name, NULL);
			lk_store_close(st);
			return LK_ECLASH;
		}
	}
	if (lk_conflict_settle(st, id, (enum lk_settle)how, by && *by ? by : NULL, &err) == LK_OK)
		printf(how == LK_SETTLE_KEEP ? _("settled: the kept value stays\n")
		                             : _("settled: the losing value was taken\n"));
	else
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_conflicts_settle_entry = {
	"conflicts", "settle", "ID --keep|--take-losing [--by STAFF]",
	N_("settle a conflict: keep the current value or take the losing one"),
	exec_settle,
};
