/*
 * cmd-agenda.c — `luukku agenda --staff ID|--point ID [--date DATE] [--week]`:
 * the bookings of a day, or of its week (Monday to Sunday), in every state.
 * TSV rows: id, start, minutes, kind, channel, status, client, staff,
 * point id, room.
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/area.h"
#include "store/staff.h"
#include "store/appointment.h"

static const char *const weekdays[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

struct out {
	bool tsv;
	bool by_point;      /* name the staff member on each row */
	lk_date day;        /* the day whose heading was printed last */
	int n;
};

static int
print_row(const struct lk_appointment *a, void *ctx)
{
	struct out *o = ctx;
	char when[20];
	o->n++;
	if (o->tsv) {
		char minutes[16];
		snprintf(minutes, sizeof minutes, "%d", a->minutes);
		cmd_tsv(stdout, a->id, false);
		cmd_tsv(stdout, lk_time_iso(a->start, when, sizeof when), false);
		cmd_tsv(stdout, minutes, false);
		cmd_tsv(stdout, a->kind, false);
		cmd_tsv(stdout, a->channel, false);
		cmd_tsv(stdout, a->status, false);
		cmd_tsv(stdout, a->client_name, false);
		cmd_tsv(stdout, a->staff_name, false);
		cmd_tsv(stdout, a->point_id, false);
		cmd_tsv(stdout, a->room_name, true);
		return 0;
	}
	lk_date d = lk_time_date(a->start);
	if (d != o->day) {
		char date[16];
		printf("%s%s %s\n", o->n > 1 ? "\n" : "", _(weekdays[lk_weekday(d) - 1]),
		       lk_date_fi(d, date, sizeof date));
		o->day = d;
	}
	int m0 = lk_time_minute_of_day(a->start), m1 = m0 + a->minutes;
	char span[32];
	snprintf(span, sizeof span, "%02d:%02d-%02d:%02d", m0 / 60, m0 % 60, m1 / 60 % 24, m1 % 60);
	printf("  ");
	cmd_col(span, 11);
	cmd_col(a->client_name[0] ? a->client_name : "–", 24);
	cmd_col(_(lk_appointment_kind_label(a->kind)), 22);
	if (o->by_point)
		cmd_col(a->staff_name, 20);
	else
		cmd_col(strcmp(a->channel, "face") == 0 ? a->point_name
		                                        : _(lk_channel_label(a->channel)), 24);
	printf("%s\n", _(lk_appointment_state_label(a->status)));
	return 0;
}

static int
exec_agenda(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *staff = NULL, *point = NULL;
	lk_date day = lk_today();
	bool week = false;
	struct out o = { .day = LK_NO_DATE };
	struct cmd_opt opts[] = {
		CMD_STRING("staff", &staff),
		CMD_STRING("point", &point),
		CMD_DATE("date", &day),
		CMD_FLAG("week", &week),
		CMD_FLAG("tsv", &o.tsv),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if ((staff == NULL) == (point == NULL))
		return cmd_usage(ctx, "staff", _("give one of --staff ID and --point ID"));
	o.by_point = point != NULL;
	if (week)
		day -= lk_weekday(day) - 1;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_staff sm;
	struct lk_point pt;
	enum lk_status known = staff ? lk_staff_get(st, staff, &sm, &err)
	                             : lk_point_get(st, point, &pt, &err);
	if (known != LK_OK) {   /* an unknown id exits 3 */
		snprintf(err.field, sizeof err.field, "%s", staff ? "staff" : "point");
		status = cmd_fail(ctx, &err);
	} else if (lk_agenda(st, staff, point, day, week ? 7 : 1, print_row, &o, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (!o.tsv && o.n == 0)
		printf("%s\n", _("No bookings."));
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_agenda_entry = {
	"agenda", NULL, "--staff ID|--point ID [--date DATE] [--week] [--tsv]",
	N_("the bookings of a day or a week"), exec_agenda,
};
