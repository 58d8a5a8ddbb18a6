/*
 * cmd-slots.c — `luukku slots --staff ID …`: free times for a booking, at
 * the points the staff member serves on their days there, inside opening
 * hours, with the client's next statutory deadline and the slots after it
 * marked late. TSV rows: start, point id, late (1 or 0).
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
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
	static const struct option opts[] = {
		{ "staff", required_argument, NULL, 's' },
		{ "point", required_argument, NULL, 'p' },
		{ "room", required_argument, NULL, 'r' },
		{ "from", required_argument, NULL, 'f' },
		{ "days", required_argument, NULL, 'd' },
		{ "minutes", required_argument, NULL, 'm' },
		{ "client", required_argument, NULL, 'c' },
		{ "tsv", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	struct lk_slot_query q = { .days = 14, .minutes = 60, .from = lk_today() };
	struct out o = { false, 0 };
	long v;
	int c, status = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 's': q.staff = optarg; break;
		case 'p': q.point = optarg; break;
		case 'r': q.room = optarg; break;
		case 'c': q.client = optarg; break;
		case 't': o.tsv = true; break;
		case 'f':
			if (!lk_date_parse(optarg, &q.from))
				return cmd_usage(ctx, "from", _("'%s' is not a date (YYYY-MM-DD or d.m.yyyy)"),
				                 optarg);
			break;
		case 'd':
			if (!cmd_int(ctx, "days", optarg, 1, 92, &v, &status))
				return status;
			q.days = (int)v;
			break;
		case 'm':
			if (!cmd_int(ctx, "minutes", optarg, 5, 480, &v, &status))
				return status;
			q.minutes = (int)v;
			break;
		default: return cmd_bad_option(ctx, argv, c);
		}
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 0)))
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
	"[--tsv]",
	N_("free times for a booking"), exec_slots,
};
