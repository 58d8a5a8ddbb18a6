/*
 * cmd-slots.c — `luukku slots --staff ID …`: free times for a booking, at
 * the points the staff member serves on their days there, inside opening
 * hours, with the client's next statutory deadline and the slots after it
 * marked late; never a time `luukku book` would refuse (the past, outside
 * the hours of --channel, the client's other meetings; with --kind
 * alkuhaastattelu, none when the client has one in this job-search
 * period, exit 4). TSV rows: start, point id, late (1 or 0).
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "core/cadence.h"
#include "i18n.h"
#include "store/slots.h"

/* Short weekday names, Monday first (msgids). */
static const char *const weekdays[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

struct out {
	bool tsv;
	int n;
};

static int
print_slot(const struct lk_slot *s, void *ctx)
{
	struct out *o = ctx;
	char when[20], day[16];
	o->n++;
	if (o->tsv) {
		printf("%s\t%s\t%d\n", lk_time_iso(s->start, when, sizeof when), s->point_id,
		       s->late ? 1 : 0);
		return 0;
	}
	lk_date d = lk_time_date(s->start);
	int m = lk_time_minute_of_day(s->start);
	printf("%c %s ", s->late ? '!' : ' ', _(weekdays[lk_weekday(d) - 1]));
	cmd_col(lk_date_fi(d, day, sizeof day), 10);
	printf("%02d:%02d  ", m / 60, m % 60);
	if (s->late) {
		cmd_col(s->point_name, 30);
		printf("%s\n", _("late"));
	} else {
		printf("%s\n", s->point_name);
	}
	return 0;
}

static int
exec_slots(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_slot_query q = { .days = 14, .minutes = 60, .from = lk_today() };
	struct out o = { false, 0 };
	struct cmd_opt opts[] = {
		CMD_STRING("staff", &q.staff),
		CMD_STRING("point", &q.point),
		CMD_STRING("room", &q.room),
		CMD_DATE("from", &q.from),
		CMD_INT("days", &q.days, 1, 92),
		CMD_INT("minutes", &q.minutes, 5, 480),
		CMD_STRING("client", &q.client),
		CMD_STRING("channel", &q.channel),
		CMD_STRING("kind", &q.kind),
		CMD_FLAG("tsv", &o.tsv),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (q.staff == NULL)
		return cmd_usage(ctx, "staff", _("whose free times? (--staff ID)"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_deadline dl;
	/* Human output names the deadline first; TSV is rows only. */
	if (!o.tsv && q.client) {
		if (lk_next_deadline(st, q.client, lk_today(), &dl, &err) != LK_OK) {
			status = cmd_fail(ctx, &err);
			lk_store_close(st);
			return status;
		}
		char date[16];
		if (dl.any)
			printf("%s: %s %s (%s)\n\n", _("Next deadline"), lk_date_fi(dl.due, date, sizeof date),
			       _(dl.rule->label), _(lk_due_state_code(dl.state)));
		else
			printf("%s\n\n", _("No statutory deadline is open."));
	}
	if (lk_slots(st, &q, &dl, print_slot, &o, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (!o.tsv && o.n == 0)
		printf("%s\n", _("No free times in these days."));
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_slots_entry = {
	"slots", NULL,
	"--staff ID [--point ID] [--room ID] [--from DATE] [--days N] [--minutes N] [--client ID] "
	"[--channel CHANNEL] [--kind KIND] [--tsv]",
	N_("free times for a booking"), exec_slots,
};
