/*
 * cmd-consent.c — `luukku consent give|withdraw|list`: the client's
 * consents of every kind (store/consent.h): rinnalla, terveydenhuolto
 * (disclosure to healthcare), tym (scope: the TYM case). Bad kind, scope
 * or way of giving, and withdrawing what is not in force, exit 2 with
 * nothing written; an unknown client exits 3; giving what is in force
 * already exits 4. Each change is audited by the store.
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/client.h"
#include "store/consent.h"

struct args {
	const char *client, *kind, *scope, *how;
};

static int
parse(struct cmd_ctx *ctx, int argc, char **argv, struct args *a, bool how_ok)
{
	memset(a, 0, sizeof *a);
	struct cmd_opt opts[] = {
		CMD_STRING("client", &a->client),
		CMD_STRING("kind", &a->kind),
		CMD_STRING("scope", &a->scope),
		CMD_STRING("how", &a->how),
		CMD_END,
	};
	if (!how_ok)
		opts[3] = (struct cmd_opt)CMD_END;   /* withdrawing has no way of giving */
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (a->client == NULL)
		return cmd_usage(ctx, "client", _("say whose consent it is"));
	if (a->kind == NULL)
		return cmd_usage(ctx, "kind", _("choose rinnalla, terveydenhuolto or tym"));
	if (a->scope == NULL)
		return cmd_usage(ctx, "scope", _("say what the consent covers"));
	return 0;
}

static int
exec_give(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct args a;
	int status = parse(ctx, argc, argv, &a, true);
	if (status)
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	const char *how = a.how ? a.how : strcmp(a.kind, "rinnalla") == 0 ? "oral" : "written";
	char day[16];
	if (lk_consent_give(st, a.client, a.kind, a.scope, how, ctx->staff_id, NULL, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else
		printf("%s: %s \"%s\" (%s, %s)\n", _("Consent given"),
		       _(lk_consent_kind_label(a.kind)), a.scope, _(lk_consent_how_label(how)),
		       lk_date_fi(lk_today(), day, sizeof day));
	lk_store_close(st);
	return status;
}

static int
exec_withdraw(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct args a;
	int status = parse(ctx, argc, argv, &a, false);
	if (status)
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	char day[16];
	if (lk_consent_withdraw(st, a.client, a.kind, a.scope, ctx->staff_id, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else
		printf("%s: %s \"%s\" (%s)\n", _("Consent withdrawn"),
		       _(lk_consent_kind_label(a.kind)), a.scope,
		       lk_date_fi(lk_today(), day, sizeof day));
	lk_store_close(st);
	return status;
}

/* The human list's columns: the kinds and ways in every language fit. */
#define KIND_COLS 27
#define HOW_COLS 12

struct list {
	bool tsv;
	int n;
};

/* "YYYY-MM-DD HH:MM" as d.m.yyyy, or "–". */
static const char *
day_fi(const char *iso, char *buf, size_t size)
{
	lk_time t;
	if (iso[0] == '\0' || !lk_time_parse(iso, &t))
		return "–";
	return lk_date_fi(lk_time_date(t), buf, size);
}

static int
print_one(const struct lk_consent *c, void *ctx)
{
	struct list *l = ctx;
	l->n++;
	if (l->tsv) {
		cmd_tsv(stdout, c->kind, false);
		cmd_tsv(stdout, c->scope, false);
		cmd_tsv(stdout, c->how, false);
		cmd_tsv(stdout, c->given_at, false);
		cmd_tsv(stdout, c->withdrawn_at, false);
		cmd_tsv(stdout, c->staff_name, true);
		return 0;
	}
	char g[16], w[16];
	cmd_col(_(lk_consent_kind_label(c->kind)), KIND_COLS);
	cmd_col(_(lk_consent_how_label(c->how)), HOW_COLS);
	cmd_col(day_fi(c->given_at, g, sizeof g), 10);
	cmd_col(day_fi(c->withdrawn_at, w, sizeof w), 10);
	printf("%s\n", c->scope);
	return 0;
}

static int
exec_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct list l = { 0 };
	const char *client = NULL;
	struct cmd_opt opts[] = { CMD_STRING("client", &client), CMD_FLAG("tsv", &l.tsv), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (client == NULL)
		return cmd_usage(ctx, "client", _("say whose consents to list"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_client c;
	if (lk_client_get(st, client, &c, &err) != LK_OK) {   /* an unknown id exits 3 */
		snprintf(err.field, sizeof err.field, "client");
		status = cmd_fail(ctx, &err);
		lk_store_close(st);
		return status;
	}
	if (!l.tsv) {
		cmd_col(_("Kind"), KIND_COLS);
		cmd_col(_("How"), HOW_COLS);
		cmd_col(_("Given"), 10);
		cmd_col(_("Withdrawn"), 10);
		printf("%s\n", _("Scope"));
	}
	if (lk_consent_list(st, client, print_one, &l, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_consent_give_entry = {
	"consent", "give",
	"--client ID --kind rinnalla|terveydenhuolto|tym --scope TEXT [--how oral|written|electronic]",
	N_("record a client's consent"), exec_give,
};
const struct cmd_entry cmd_consent_withdraw_entry = {
	"consent", "withdraw", "--client ID --kind rinnalla|terveydenhuolto|tym --scope TEXT",
	N_("record the withdrawal of a client's consent"), exec_withdraw,
};
const struct cmd_entry cmd_consent_list_entry = {
	"consent", "list", "--client ID [--tsv]", N_("list a client's consents"), exec_list,
};
