/*
 * cmd-piste-queue.c — the Piste walk-in queue from the command line:
 * `luukku piste arrive` (prints the ticket number), `piste call|serve|end|
 * no-show|refer TICKET_OR_ID`, `piste queue` and `piste today`. Waiting
 * and service times are the store's, derived from the events.
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/queue.h"
#include "store/visit.h"

static int
exec_piste_arrive(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_arrival in = { .point = ctx->point_id };
	struct cmd_opt opts[] = {
		CMD_STRING("point", &in.point),
		CMD_STRING("topic", &in.topic),
		CMD_STRING("first-name", &in.call_name),
		CMD_STRING("client", &in.client),
		CMD_STRING("note", &in.note),
		CMD_FLAG("oral-consent", &in.oral_consent),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	int ticket;
	char client[65];
	in.client = cmd_client_ref(st, in.client, client, sizeof client);
	if (lk_queue_arrive(st, &in, &ticket, NULL, &err) == LK_OK)
		printf("%d\n", ticket);
	else
		status = cmd_fail(ctx, &err);
	if (in.client && *in.client && lk_id_valid(in.client))
		lk_audit(st, ctx->staff_id, status ? "refused" : "piste-visit", in.client,
		         ctx->name, NULL);
	lk_store_close(st);
	return status;
}

/* The words of the command line are the store's moves. */
static int
exec_piste_move(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *point = ctx->point_id, *move = argv[0];
	struct cmd_opt opts[] = { CMD_STRING("point", &point), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 1)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_queue_entry e;
	if (lk_queue_move(st, point, argv[optind], move, ctx->staff_id, &e, &err) == LK_OK) {
		printf(_("ticket %d: %s"), e.ticket, e.state);
		if (e.service >= 0)
			printf(_(" (waited %d min, served %d min)"), e.waited, e.service);
		else if (e.called != LK_NO_TIME || e.served != LK_NO_TIME)
			printf(_(" (waited %d min)"), e.waited);
		putchar('\n');
	} else {
		status = cmd_fail(ctx, &err);
	}
	lk_store_close(st);
	return status;
}

struct show {
	bool tsv;
	int n;
};

static int
print_entry(const struct lk_queue_entry *e, void *ctx)
{
	struct show *sh = ctx;
	char at[20];
	if (sh->tsv) {
		printf("%d\t%s\t%s\t", e->ticket, e->id, e->topic);
		cmd_tsv(stdout, e->call_name, false);
		printf("%s\t%s\t%s\t%d\n", lk_time_iso(e->arrived, at, sizeof at), e->source, e->state,
		       e->waited);
	} else {
		if (sh->n == 0) {
			cmd_col(_("Ticket"), 6);
			cmd_col(_("Topic"), 18);
			cmd_col(_("Name"), 14);
			cmd_col(_("Arrived"), 7);
			cmd_col(_("State"), 9);
			printf("%s\n", _("Waited"));
		}
		char num[16], min[32];
		snprintf(num, sizeof num, "%6d", e->ticket);
		lk_time_iso(e->arrived, at, sizeof at);
		snprintf(min, sizeof min, _("%d min"), e->waited);
		cmd_col(num, 6);
		cmd_col(_(lk_visit_topic_label(e->topic)), 18);
		cmd_col(e->call_name[0] ? e->call_name : "–", 14);
		cmd_col(at + 11, 7);
		cmd_col(_(e->state), 9);
		printf("%s\n", min);
	}
	sh->n++;
	return 0;
}

static int
exec_piste_queue(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *point = ctx->point_id;
	struct show sh = { 0 };
	struct cmd_opt opts[] = { CMD_STRING("point", &point), CMD_FLAG("tsv", &sh.tsv), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (point == NULL)
		return cmd_usage(ctx, "point", _("the service point is needed"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_queue_list(st, point, lk_today(), true, print_entry, &sh, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (sh.n == 0 && !sh.tsv)
		printf("%s\n", _("Nobody is waiting."));
	lk_store_close(st);
	return status;
}

static void
minutes(char *buf, size_t size, int v, bool tsv)
{
	if (v < 0)
		snprintf(buf, size, "%s", tsv ? "" : "–");
	else
		snprintf(buf, size, tsv ? "%d" : _("%d min"), v);
}

static int
exec_piste_today(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *point = ctx->point_id;
	bool tsv = false;
	struct cmd_opt opts[] = { CMD_STRING("point", &point), CMD_FLAG("tsv", &tsv), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (point == NULL)
		return cmd_usage(ctx, "point", _("the service point is needed"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_piste_day d;
	if (lk_piste_day(st, point, lk_today(), &d, &err) != LK_OK) {
		status = cmd_fail(ctx, &err);
		lk_store_close(st);
		return status;
	}
	char w[32], s[32];
	minutes(w, sizeof w, d.wait_median, tsv);
	minutes(s, sizeof s, d.service_median, tsv);
	if (tsv) {
		for (int i = 0; i < LK_TOPICS; i++)
			printf("topic\t%s\t%d\n", lk_visit_topics[i], d.count[i]);
		printf("total\t%d\nwaiting\t%d\nserved\t%d\nno-show\t%d\nreferred\t%d\n"
		       "wait-median\t%s\nservice-median\t%s\n", d.total, d.waiting, d.served,
		       d.no_show, d.referred, w, s);
	} else {
		const struct { const char *label; int n; } rows[] = {
			{ N_("Total"), d.total }, { N_("Waiting now"), d.waiting },
			{ N_("Served"), d.served }, { N_("No-shows"), d.no_show },
			{ N_("Referred"), d.referred },
		};
		for (int i = 0; i < LK_TOPICS; i++) {
			cmd_col(_(lk_visit_topic_label(lk_visit_topics[i])), 20);
			printf("%d\n", d.count[i]);
		}
		for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
			cmd_col(_(rows[i].label), 20);
			printf("%d\n", rows[i].n);
		}
		cmd_col(_("Median wait"), 20);
		printf("%s\n", w);
		cmd_col(_("Median service"), 20);
		printf("%s\n", s);
	}
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_piste_arrive_entry = {
	"piste", "arrive", "--point ID --topic tyonhaku|koulutus|digi|rinnalla|muu "
	"[--first-name NAME] [--client ID|HETU] [--note TEXT] [--oral-consent]",
	N_("a walk-in visitor takes a queue ticket"), exec_piste_arrive,
};
const struct cmd_entry cmd_piste_call_entry = {
	"piste", "call", "TICKET_OR_ID [--point ID]", N_("call a ticket to the desk"), exec_piste_move,
};
const struct cmd_entry cmd_piste_serve_entry = {
	"piste", "serve", "TICKET_OR_ID [--point ID]", N_("start serving a ticket"), exec_piste_move,
};
const struct cmd_entry cmd_piste_end_entry = {
	"piste", "end", "TICKET_OR_ID [--point ID]", N_("end a served visit"), exec_piste_move,
};
const struct cmd_entry cmd_piste_noshow_entry = {
	"piste", "no-show", "TICKET_OR_ID [--point ID]", N_("a called ticket did not come"),
	exec_piste_move,
};
const struct cmd_entry cmd_piste_refer_entry = {
	"piste", "refer", "TICKET_OR_ID [--point ID]", N_("refer a visitor elsewhere"),
	exec_piste_move,
};
const struct cmd_entry cmd_piste_queue_entry = {
	"piste", "queue", "--point ID [--tsv]", N_("today's queue of a point"), exec_piste_queue,
};
const struct cmd_entry cmd_piste_today_entry = {
	"piste", "today", "--point ID [--tsv]", N_("today's visits per topic, median wait and service"),
	exec_piste_today,
};
