/*
 * cmd-agenda.c — `luukku agenda --staff ID|--point ID [--date DATE] [--week]`:
 * the bookings of a day, or of its week (Monday to Sunday), in every state.
 * TSV rows: id, start, minutes, kind, channel, status, client, staff,
 * point id, room. Group sessions and info events the staff member hosts (or
 * at the point) come in start order among the bookings: TSV kind
 * event-info|event-targeted|event-group, no channel, status planned or
 * cancelled, the title in the client's column.
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include <stdlib.h>

#include "store/area.h"
#include "store/staff.h"
#include "store/appointment.h"
#include "store/event.h"

static const char *const weekdays[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

struct out {
	bool tsv;
	bool by_point;      /* name the staff member on each row */
	lk_date day;        /* the day whose heading was printed last */
	int n;
};

/* The day's heading when the day changes (human output). */
static void
heading(struct out *o, lk_time start)
{
	lk_date d = lk_time_date(start);
	if (d != o->day) {
		char date[16];
		printf("%s%s %s\n", o->n > 1 ? "\n" : "", _(weekdays[lk_weekday(d) - 1]),
		       lk_date_fi(d, date, sizeof date));
		o->day = d;
	}
}

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
	heading(o, a->start);
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

static void
print_event(struct out *o, const struct lk_event *e)
{
	char when[20];
	o->n++;
	if (o->tsv) {
		char kind[24];
		snprintf(kind, sizeof kind, "event-%s", e->kind);
		printf("%s\t%s\t%d\t%s\t\t%s\t", e->id, lk_time_iso(e->start, when, sizeof when),
		       e->minutes, kind, e->status);
		cmd_tsv(stdout, e->title, false);
		cmd_tsv(stdout, e->host_name, false);
		cmd_tsv(stdout, e->point_id, false);
		cmd_tsv(stdout, e->room_name, true);
		return;
	}
	heading(o, e->start);
	int m0 = lk_time_minute_of_day(e->start), m1 = m0 + e->minutes;
	char span[32], seats[32];
	snprintf(span, sizeof span, "%02d:%02d-%02d:%02d", m0 / 60, m0 % 60, m1 / 60 % 24, m1 % 60);
	printf("  ");
	cmd_col(span, 11);
	cmd_col(e->title, 24);
	cmd_col(strcmp(e->kind, "info") == 0 ? _("Info event")
	        : strcmp(e->kind, "targeted") == 0 ? _("Targeted session") : _("Group"), 22);
	if (o->by_point)
		cmd_col(e->host_name, 20);
	else
		cmd_col(e->point_name, 24);
	snprintf(seats, sizeof seats, "%d/%d", e->signed_up + e->attended + e->no_show, e->capacity);
	printf("%s\n", strcmp(e->status, "cancelled") == 0 ? _("cancelled") : seats);
}

struct both {
	struct lk_appointment *a;
	size_t na, cap_a;
	struct lk_event *e;
	size_t ne, cap_e;
	bool oom;
};

static bool
grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : 16;
	void *np = realloc(*p, c * size);
	if (np == NULL)
		return false;
	*p = np;
	*cap = c;
	return true;
}

static int
keep_appointment(const struct lk_appointment *a, void *ctx)
{
	struct both *b = ctx;
	if (!grow((void **)&b->a, &b->cap_a, b->na, sizeof *a)) {
		b->oom = true;
		return 1;
	}
	b->a[b->na++] = *a;
	return 0;
}

static int
keep_event(const struct lk_event *e, void *ctx)
{
	struct both *b = ctx;
	if (!grow((void **)&b->e, &b->cap_e, b->ne, sizeof *e)) {
		b->oom = true;
		return 1;
	}
	b->e[b->ne++] = *e;
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
	struct both b = { 0 };
	int days = week ? 7 : 1;
	if (known != LK_OK) {   /* an unknown id exits 3 */
		snprintf(err.field, sizeof err.field, "%s", staff ? "staff" : "point");
		status = cmd_fail(ctx, &err);
	} else if (lk_agenda(st, staff, point, day, days, keep_appointment, &b, &err) != LK_OK ||
	    lk_event_list(st, point, staff, day, days, keep_event, &b, &err) != LK_OK ||
	    (b.oom && lk_err_set(&err, LK_EFAIL, "", "out of memory"))) {
		status = cmd_fail(ctx, &err);
	} else {
		/* Both lists come by start: merge, a booking before an event at the same time. */
		for (size_t i = 0, j = 0; i < b.na || j < b.ne; ) {
			if (j == b.ne || (i < b.na && b.a[i].start <= b.e[j].start))
				print_row(&b.a[i++], &o);
			else
				print_event(&o, &b.e[j++]);
		}
		if (!o.tsv && o.n == 0)
			printf("%s\n", _("No bookings."));
	}
	free(b.a);
	free(b.e);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_agenda_entry = {
	"agenda", NULL, "--staff ID|--point ID [--date DATE] [--week] [--tsv]",
	N_("the bookings and events of a day or a week"), exec_agenda,
};
