/*
 * report-events.h — the events report (issue 17): group sessions and info
 * events by point and kind over the filter's days (the event's start day),
 * cancelled events left out: how many events, invited, signed up (places
 * taken, attended and no-shows included), waiting, attended, no-shows, and
 * the head counts of open info events. Filters as the other reports
 * (report/report.h: --point is the event's point, --municipality its
 * municipality); rows through a callback, by point name then kind.
 */
#ifndef LK_REPORT_REPORT_EVENTS_H
#define LK_REPORT_REPORT_EVENTS_H

#include "report/report.h"

struct lk_events_row {
	char point_id[64];
	char point_name[128];
	char kind[12];                 /* info, targeted, group */
	long events, invited, signed_up, waiting, attended, no_shows, head_count;
};
typedef int (*lk_events_cb)(const struct lk_events_row *r, void *ctx);
enum lk_status lk_report_events(struct lk_store *st, const struct lk_report_filter *f,
                                lk_events_cb cb, void *ctx, struct lk_err *err);

#endif
