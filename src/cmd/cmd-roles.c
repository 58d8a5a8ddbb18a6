/*
 * cmd-roles.c — the role rule of the command line, one table row per
 * command that reads or changes client data (core/roles.h says which role
 * has which capability).
 *
 * The rule: while no staff member has a sign-in secret (a fresh or demo
 * database) every command runs as before. Once one has, such a command
 * needs the acting staff member — the global --staff ID or [desk] staff of
 * the config — who must be an active account that signs in with its
 * secret (cmd-signin.c: --secret-fd N, $LUUKKU_SECRET_FILE or the
 * terminal) and whose role has the command's capability; else it is
 * refused with exit status 4 naming the account, the secret or the role.
 * An account without a secret may then act only as the unattended kiosk
 * (`luukku kiosk`, a role with the kiosk capability): everyone else gets a
 * secret from an administrator first (`staff passwd`), which is also how
 * a fresh `init --admin` grows: the admin signs in, adds staff, sets their
 * secrets. `staff passwd` is allowed to the administrator and to the staff
 * member for their own secret. Commands that hold no client data (init,
 * demo, hetu, workdays, point list, staff list, sync) are not in the
 * table.
 */
#include <string.h>

#include "cmd/cmd.h"
#include "core/roles.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/signin.h"
#include "store/staff.h"

static const struct {
	const char *name, *sub;   /* sub NULL: every subcommand */
	enum lk_cap cap;
	int alt;                  /* a second capability that also does, or -1 */
} rules[] = {
	{ "client", "find", LK_CAP_SEARCH, -1 },
	{ "client", NULL, LK_CAP_CARD, -1 },
	{ "due", NULL, LK_CAP_CARD, -1 },
	{ "book", NULL, LK_CAP_BOOK, -1 },
	{ "meeting", NULL, LK_CAP_BOOK, -1 },
	{ "slots", NULL, LK_CAP_BOOK, -1 },
	{ "agenda", NULL, LK_CAP_BOOK, -1 },
	{ "event", NULL, LK_CAP_BOOK, -1 },         /* events are the calendar's */
	{ "ical", NULL, LK_CAP_BOOK, -1 },          /* the agenda, exported */
	{ "letter", NULL, LK_CAP_BOOK, LK_CAP_CARD },
	/* tym show: the store itself checks a partner's team and consent. */
	{ "tym", "show", LK_CAP_TYM, LK_CAP_TYM_PART },
	{ "tym", NULL, LK_CAP_TYM, -1 },
	{ "consent", NULL, LK_CAP_CARD, -1 },
	{ "piste", NULL, LK_CAP_PISTE, -1 },
	{ "kiosk", NULL, LK_CAP_KIOSK, -1 },
	{ "feedback", NULL, LK_CAP_PISTE, LK_CAP_KIOSK },   /* as the kiosk records it */
	{ "audit", NULL, LK_CAP_REPORTS, -1 },
	{ "export", NULL, LK_CAP_REPORTS, -1 },
	{ "purge", NULL, LK_CAP_REPORTS, -1 },
	{ "report", NULL, LK_CAP_REPORTS, -1 },
	/* conflicts settle: which conflicts, cmd-conflicts.c asks the store. */
	{ "conflicts", "settle", LK_CAP_SETTLE, LK_CAP_SETTLE_OWN },
	{ "conflicts", NULL, LK_CAP_CARD, -1 },
	{ "staff", "add", LK_CAP_ADMIN, -1 },
	{ "import", NULL, LK_CAP_ADMIN, -1 },        /* the whole register in */
	{ "export-register", NULL, LK_CAP_REPORTS, -1 },
	{ "staff", "passwd", LK_CAP_ADMIN, -1 },
};

/* The client a refused command concerned: --client ID (or --client=ID),
 * or the first argument of client show/set and due; NULL when none or
 * not shaped like an id. */
static const char *
client_of(const struct cmd_entry *e, int argc, char **argv)
{
	const char *c = NULL;
	for (int i = 1; i < argc && c == NULL; i++) {
		if (strcmp(argv[i], "--client") == 0 && i + 1 < argc)
			c = argv[i + 1];
		else if (strncmp(argv[i], "--client=", 9) == 0)
			c = argv[i] + 9;
	}
	bool positional = strcmp(e->name, "due") == 0 ||
		(strcmp(e->name, "client") == 0 && e->sub &&
		 (strcmp(e->sub, "show") == 0 || strcmp(e->sub, "set") == 0));
	for (int i = 1; c == NULL && positional && i < argc; i++)
		if (argv[i][0] != '-')
			c = argv[i];
	return c && lk_id_valid(c) ? c : NULL;
}

int
cmd_check_role(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv)
{
	int i, n = (int)(sizeof rules / sizeof rules[0]);
	for (i = 0; i < n; i++)
		if (strcmp(rules[i].name, e->name) == 0 &&
		    (rules[i].sub == NULL || (e->sub && strcmp(rules[i].sub, e->sub) == 0)))
			break;
	if (i == n)
		return 0;
	int status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return 0;   /* the command itself reports the missing database */
	status = 0;
	if (!lk_signin_required(st))
		goto out;
	struct lk_staff who;
	if (ctx->staff_id != NULL && (lk_staff_get(st, ctx->staff_id, &who, NULL) != LK_OK ||
	                              !who.active)) {
		/* A name that is no account: a failed sign-in (cmd-signin.c). */
		status = cmd_signin_unknown(ctx, st);
		goto out;
	}
	if (ctx->staff_id == NULL) {
		fprintf(stderr, "luukku %s: --staff: %s\n", ctx->name,
		        _("sign-in accounts are in use: name the acting staff member with --staff ID"));
		status = LK_ECLASH;
		goto out;
	}
	char name[sizeof who.surname + sizeof who.given_names + sizeof who.id + 8];
	snprintf(name, sizeof name, "%s %s (%s)", who.surname, who.given_names, who.id);
	if (lk_staff_has_secret(st, ctx->staff_id)) {
		if ((status = cmd_signin(ctx, st, name)) != 0)
			goto out;
	} else if (!(rules[i].cap == LK_CAP_KIOSK && lk_role_can(who.role, LK_CAP_KIOSK))) {
		/* Only the unattended kiosk runs on an account without a secret. */
		status = cmd_signin_nosecret(ctx, st, client_of(e, argc, argv));
		goto out;
	}
	bool self = strcmp(e->name, "staff") == 0 && e->sub && strcmp(e->sub, "passwd") == 0 &&
		argc > 1 && strcmp(argv[argc - 1], ctx->staff_id) == 0;
	if (self || lk_role_can(who.role, rules[i].cap) ||
	    (rules[i].alt >= 0 && lk_role_can(who.role, (enum lk_cap)rules[i].alt)))
		goto out;
	const struct lk_role_info *r = lk_role_find(who.role);
	fprintf(stderr, "luukku %s: --staff: %s '%s' (%s) %s\n", ctx->name, _("the role"), who.role,
	        r ? _(r->label) : who.role, _("may not do this"));
	lk_audit(st, ctx->staff_id, "refused", client_of(e, argc, argv), ctx->name, NULL);
	status = LK_ECLASH;
out:
	lk_store_close(st);
	return status;
}
