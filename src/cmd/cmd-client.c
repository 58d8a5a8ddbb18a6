/*
 * cmd-client.c — `luukku client add|set|find|show`.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "core/hetu.h"
#include "i18n.h"
#include "store/appointment.h"
#include "store/audit.h"
#include "store/client.h"

/* The options of add and set, each to its field of the input, and then
 * `nargs` arguments. */
static int
parse_client_opts(struct cmd_ctx *ctx, int argc, char **argv, struct lk_client_input *in,
                  int nargs)
{
	memset(in, 0, sizeof *in);
	struct cmd_opt opts[] = {
		CMD_STRING("name", &in->name),
		CMD_STRING("hetu", &in->hetu),
		CMD_STRING("municipality", &in->municipality),
		CMD_STRING("job-search-start", &in->job_search_start),
		CMD_STRING("job-search-end", &in->job_search_end),
		CMD_STRING("phone", &in->phone),
		CMD_STRING("email", &in->email),
		CMD_STRING("address", &in->address),
		CMD_STRING("lang", &in->lang),
		CMD_STRING("interpreter", &in->interpreter),
		CMD_STRING("service-line", &in->service_line),
		CMD_STRING("caseworker", &in->caseworker),
		CMD_STRING("koto-start", &in->koto_start),
		CMD_STRING("residence-permit", &in->residence_permit),
		CMD_STRING("plain-language", &in->plain_language),   /* yes|no, checked by the store */
		CMD_END,
	};
	return cmd_parse_opts(ctx, argc, argv, opts, nargs);
}

static int
exec_client_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_client_input in;
	int status;
	if ((status = parse_client_opts(ctx, argc, argv, &in, 0)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	char id[LK_ID_LEN + 1];
	if (lk_client_add(st, &in, id, &err) == LK_OK)
		printf("%s\n", id);
	else
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

static int
exec_client_set(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_client_input in;
	int status;
	if ((status = parse_client_opts(ctx, argc, argv, &in, 1)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_client_set(st, argv[optind], &in, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

/* The rows' printer; a search by a whole identity code is a look at the
 * found client's data, audited per client (find-hetu). */
struct find_ctx {
	bool tsv;
	bool by_hetu;
	int n;                              /* found by the code (one, as a rule) */
	char id[8][sizeof ((struct lk_client_row *)0)->id];
};

static int
print_row(const struct lk_client_row *r, void *ctx)
{
	struct find_ctx *fc = ctx;
	if (fc->by_hetu && fc->n < 8)
		snprintf(fc->id[fc->n++], sizeof fc->id[0], "%s", r->id);
	char masked[16], name[220];
	lk_hetu_mask(r->hetu, masked, sizeof masked);
	snprintf(name, sizeof name, "%s, %s", r->surname, r->given_names);
	if (fc->tsv) {
		cmd_tsv(stdout, r->id, false);
		cmd_tsv(stdout, name, false);
		cmd_tsv(stdout, r->hetu[0] ? masked : "", false);
		cmd_tsv(stdout, r->municipality, true);
	} else {
		cmd_col(name, 36);
		cmd_col(r->hetu[0] ? masked : "-", 11);
		cmd_col(r->municipality, 12);
		printf("%s\n", r->id);
	}
	return 0;
}

static int
exec_client_find(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv = false;
	int limit = 50;
	struct cmd_opt opts[] = { CMD_FLAG("tsv", &tsv), CMD_INT("limit", &limit, 1, 100000), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, CMD_ANY_ARGS)))
		return status;
	if (argc - optind < 1)
		return cmd_usage(ctx, "query", _("what to search for? a name or an identity code"));
	char query[256] = "";
	for (int i = optind; i < argc; i++) {   /* "client find virtanen matti" works too */
		strncat(query, i > optind ? " " : "", sizeof query - strlen(query) - 1);
		strncat(query, argv[i], sizeof query - strlen(query) - 1);
	}
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	char up[16];
	size_t i;
	for (i = 0; query[i] && i < sizeof up - 1; i++)
		up[i] = (char)toupper((unsigned char)query[i]);
	up[i] = '\0';
	struct find_ctx fc = { .tsv = tsv, .by_hetu = strlen(query) == LK_HETU_LEN && lk_hetu_parse(up, NULL) == LK_HETU_OK };
	if (lk_client_search(st, query, limit, print_row, &fc, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	for (int k = 0; k < fc.n; k++)   /* after the search: its statement is done */
		lk_audit(st, ctx->staff_id, "find-hetu", fc.id[k], "cli", NULL);
	lk_store_close(st);
	return status;
}

static int
print_appointment(const struct lk_appointment *a, void *ctx)
{
	(void)ctx;
	char when[20];
	printf("  %-16s %-20s %-6s %-12s %s, %s\n", lk_time_fi(a->start, when, sizeof when),
	       a->kind, a->channel, a->status, a->staff_name, a->point_name);
	return 0;
}

static void
field(const char *label, const char *value)
{
	cmd_col(label, 22);
	printf("%s\n", value && *value ? value : "-");
}

static int
exec_client_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv;
	int status;
	if ((status = cmd_parse_tsv(ctx, argc, argv, 1, &tsv)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_client cl;
	if (lk_client_get(st, argv[optind], &cl, &err) != LK_OK ||
	    lk_audit(st, ctx->staff_id, "open-card", cl.id, "cli", &err) != LK_OK) {
		status = cmd_fail(ctx, &err);
		lk_store_close(st);
		return status;
	}
	char masked[16], iso[16], name[220];
	lk_hetu_mask(cl.hetu, masked, sizeof masked);
	snprintf(name, sizeof name, "%s, %s", cl.surname, cl.given_names);
	const char *start = cl.job_search_start == LK_NO_DATE ? ""
		: lk_date_iso(cl.job_search_start, iso, sizeof iso);
	if (tsv) {
		const char *rows[][2] = {
			{ "id", cl.id }, { "name", name }, { "hetu", cl.hetu[0] ? masked : "" },
			{ "municipality", cl.municipality }, { "lang", cl.lang },
			{ "interpreter", cl.interpreter_lang }, { "phone", cl.phone },
			{ "email", cl.email }, { "address", cl.address },
			{ "service-line", cl.service_line }, { "caseworker", cl.caseworker_id },
			{ "job-search-start", start },
			{ "plain-language", lk_client_yes_no[cl.plain_language] },
		};
		for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
			cmd_tsv(stdout, rows[i][0], false);
			cmd_tsv(stdout, rows[i][1], true);
		}
	} else {
		char fi[16];
		field(_("Name"), name);
		field(_("Identity code"), cl.hetu[0] ? masked : "");
		field(_("Home municipality"), cl.municipality);
		field(_("Phone"), cl.phone);
		field(_("E-mail"), cl.email);
		field(_("Address"), cl.address);
		field(_("Language"), cl.lang);
		field(_("Interpreter"), cl.interpreter_lang);
		field(_("Plain language"), cl.plain_language ? _("yes") : _("no"));
		field(_("Service line"), cl.service_line);
		field(_("Caseworker"), cl.caseworker_name);
		field(_("Job search started"), cl.job_search_start == LK_NO_DATE ? ""
		      : lk_date_fi(cl.job_search_start, fi, sizeof fi));
		field("id", cl.id);
		printf("\n%s:\n", _("Upcoming appointments"));
		lk_appointment_list_client(st, cl.id, lk_today(), print_appointment, NULL, &err);
	}
	lk_store_close(st);
	return 0;
}

const struct cmd_entry cmd_client_add_entry = {
	"client", "add",
	"--name \"Surname, Given names\" [--hetu CODE] [--municipality NAME] "
	"[--job-search-start DATE] [--phone N] [--email A] [--address A] [--lang L] "
	"[--interpreter L] [--service-line LINE] [--caseworker STAFF_ID] [--koto-start DATE] "
	"[--residence-permit DATE] [--plain-language yes|no]",
	N_("add a client; prints the new id"), exec_client_add,
};
const struct cmd_entry cmd_client_set_entry = {
	"client", "set", "ID [any option of add]", N_("change a client's fields"), exec_client_set,
};
const struct cmd_entry cmd_client_find_entry = {
	"client", "find", "QUERY [--tsv] [--limit N]", N_("find clients by name or identity code"),
	exec_client_find,
};
const struct cmd_entry cmd_client_show_entry = {
	"client", "show", "ID [--tsv]", N_("show a client card"), exec_client_show,
};
