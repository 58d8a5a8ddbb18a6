/*
 * cmd-tym.c — `luukku tym open|member add|consent|show|close`: the
 * multidisciplinary joint service. The team rules are core's (core/tym-teams.h);
 * a refused member exits 4 with the reason, a missing role is a warning.
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/tym.h"

static int
exec_tym_open(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *client = NULL, *referral = NULL;
	struct cmd_opt opts[] = {
		CMD_STRING("client", &client),
		CMD_STRING("referral", &referral),
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
	if (lk_tym_open(st, client, referral, ctx->staff_id, id, &err) == LK_OK)
		printf("%s\n", id);
	else
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

static int
exec_tym_member_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *staff = NULL, *team = NULL;
	struct cmd_opt opts[] = { CMD_STRING("staff", &staff), CMD_STRING("team", &team), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 1)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	char warning[512];
	if (lk_tym_member_add(st, argv[optind], staff, team, warning, sizeof warning, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (warning[0])
		fprintf(stderr, "luukku %s: %s: %s\n", ctx->name, _("warning"), warning);
	lk_store_close(st);
	return status;
}

/* `tym member add …`: the only thing done to members so far is adding. */
static int
exec_tym_member(struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return cmd_usage(ctx, NULL, _("unknown or missing subcommand '%s' (see luukku --help)"),
		                 argc < 2 ? "" : argv[1]);
	ctx->name = "tym member add";
	return exec_tym_member_add(ctx, argc - 1, argv + 1);
}

static int
exec_tym_consent(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const char both[] = N_("choose --given or --withdrawn, not both");
	int given = -1;
	const char *how = NULL;
	struct cmd_opt opts[] = {
		CMD_SET("given", &given, 1, "given", both),
		CMD_SET("withdrawn", &given, 0, "given", both),
		CMD_STRING("how", &how),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 1)))
		return status;
	if (given == -1)
		return cmd_usage(ctx, "given", _("say --given or --withdrawn"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_tym_consent(st, argv[optind], given == 1, how, ctx->staff_id, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

static void
show_human(const struct lk_tym_case *k)
{
	char d[16], e[16];
	printf("%-18s %s\n", _("TYM case"), k->id);
	printf("%-18s %s\n", _("Client"), k->client_name);
	printf("%-18s %s\n", _("Referral"), _(lk_tym_referral_label(k->referral)));
	printf("%-18s %s\n", _("Opened"), lk_date_fi(k->opened, d, sizeof d));
	if (k->closed != LK_NO_DATE) {
		printf("%-18s %s, %s\n", _("Closed"), lk_date_fi(k->closed, d, sizeof d),
		       _(lk_tym_outcome_label(k->outcome)));
		printf("%-18s %s\n", _("Final assessment"), k->final_assessment);
	}
	if (k->consent)
		printf("%-18s %s %s\n", _("Consent"), _("given"), lk_date_fi(k->consent_given, d, sizeof d));
	else if (k->consent_given != LK_NO_DATE)
		printf("%-18s %s %s\n", _("Consent"), _("withdrawn"),
		       lk_date_fi(k->consent_withdrawn, e, sizeof e));
	else
		printf("%-18s %s\n", _("Consent"), _("not given"));
	const struct lk_tym_team_rule *rules = lk_tym_team_rules();
	for (int t = 0; t < LK_TEAM_COUNT; t++) {
		printf("\n%s\n", _(rules[t].label));
		int shown = 0;
		for (int i = 0; i < k->n_members; i++) {
			const struct lk_tym_member *m = &k->members[i];
			if (m->team != (enum lk_tym_team)t)
				continue;
			printf("  ");
			cmd_col(m->name, 24);
			printf("%s%s\n", _(lk_tym_role_label(m->role)),
			       t == LK_TEAM_WORKABILITY && !m->core ? _(" (invited)") : "");
			shown++;
		}
		if (!shown)
			printf("  –\n");
		for (int i = 0; i < k->n_missing[t]; i++)
			printf("  ! %s: %s\n", _("missing"), _(lk_tym_role_label(k->missing[t][i])));
	}
	printf("\n%s\n", _("Timeline"));
	for (int i = 0; i < k->n_due; i++) {
		const struct lk_due_item *it = &k->due[i];
		printf("  ");
		cmd_col(lk_date_fi(it->due, d, sizeof d), 10);
		cmd_col(_(lk_due_state_code(it->state)), 8);
		printf("%s\n", _(it->rule->label));
	}
}

static void
show_tsv(const struct lk_tym_case *k)
{
	char o[11], c[11], g[11], w[11];
	printf("case\t%s\t%s\t%s\t%s\t%s\t%s\n", k->id, k->client_id, k->referral,
	       lk_date_iso(k->opened, o, sizeof o), lk_date_iso(k->closed, c, sizeof c), k->outcome);
	printf("consent\t%s\t%s\t%s\n", k->consent ? "in-force" : k->consent_given != LK_NO_DATE
	       ? "withdrawn" : "none", lk_date_iso(k->consent_given, g, sizeof g),
	       lk_date_iso(k->consent_withdrawn, w, sizeof w));
	const struct lk_tym_team_rule *rules = lk_tym_team_rules();
	for (int i = 0; i < k->n_members; i++) {
		const struct lk_tym_member *m = &k->members[i];
		printf("member\t%s\t%s\t", rules[m->team].code, m->staff_id);
		cmd_tsv(stdout, m->name, false);
		printf("%s\t%s\t%s\n", m->role, m->organisation, m->core ? "core" : "invited");
	}
	for (int t = 0; t < LK_TEAM_COUNT; t++)
		for (int i = 0; i < k->n_missing[t]; i++)
			printf("missing\t%s\t%s\n", rules[t].code, k->missing[t][i]);
	for (int i = 0; i < k->n_due; i++)
		printf("due\t%s\t%s\t%s\n", k->due[i].rule->code,
		       lk_date_iso(k->due[i].due, o, sizeof o), lk_due_state_code(k->due[i].state));
}

static int
exec_tym_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv;
	int status;
	if ((status = cmd_parse_tsv(ctx, argc, argv, 1, &tsv)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	static struct lk_tym_case k;
	if (lk_tym_get(st, argv[optind], ctx->staff_id, &k, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (tsv)
		show_tsv(&k);
	else
		show_human(&k);
	lk_store_close(st);
	return status;
}

static int
exec_tym_close(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *outcome = NULL, *final = NULL;
	struct cmd_opt opts[] = {
		CMD_STRING("outcome", &outcome),
		CMD_STRING("final-assessment", &final),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 1)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_tym_close(st, argv[optind], outcome, final, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_tym_open_entry = {
	"tym", "open", "--client ID --referral perus|hyvinvointialue|kela|tyokykytiimi|itse",
	N_("open a TYM case"), exec_tym_open,
};
const struct cmd_entry cmd_tym_member_entry = {
	"tym", "member", "add CASE --staff ID --team start|pair|network|workability",
	N_("add a staff member to a TYM team"), exec_tym_member,
};
const struct cmd_entry cmd_tym_consent_entry = {
	"tym", "consent", "CASE --given|--withdrawn [--how oral|written|electronic]",
	N_("record the client's TYM consent or its withdrawal"), exec_tym_consent,
};
const struct cmd_entry cmd_tym_show_entry = {
	"tym", "show", "CASE [--tsv]", N_("show a TYM case: teams, consent, timeline"), exec_tym_show,
};
const struct cmd_entry cmd_tym_close_entry = {
	"tym", "close", "CASE --outcome perus|tyo|opiskelu|elake|muu --final-assessment TEXT",
	N_("close a TYM case"), exec_tym_close,
};
