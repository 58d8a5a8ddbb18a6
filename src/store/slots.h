/*
 * slots.h — free times for a booking, and where a staff member works.
 *
 * A staff member works at the points of staff_point on the weekdays listed
 * there; on a day listed for a commuting point (a smaller share than the
 * home point) they are there and not at home — a Liperi caseworker serving
 * Heinävesi on Thursdays works at Heinävesi on Thursdays. A free slot lies
 * inside that day's point's opening hours (service_point.opens/closes) on a
 * business day (core/calendar.h), not before now, and overlaps no live
 * booking of the staff member, of the chosen room or of the client; each
 * is checked with the booking's own time rule (lk_booking_time_ok,
 * core/booking-rules.h) for the channel asked, so a slot offered is never
 * a time the booking would refuse. For an initial interview of a client
 * who has one in this job-search period there are no slots: LK_ECLASH
 * naming it, as the booking would say. With a client, the
 * client's next statutory deadline (the earliest open or overdue item of
 * lk_client_due) marks the slots after it late.
 *
 * Reads only; never writes, never draws.
 */
#ifndef LK_SLOTS_H
#define LK_SLOTS_H

#include <stdbool.h>

#include "core/cadence.h"
#include "store/store.h"

#define LK_SERVED_MAX 16
#define LK_ROOMS_MAX 32

/* One point a staff member serves. */
struct lk_served_point {
	char point_id[65];
	char name[128];
	int percent;
	char weekdays[8];   /* "12345", "4" */
	char opens[6];      /* "08:30" */
	char closes[6];
};

/* The points a staff member serves (their home point first, at 100 % on
 * weekdays when staff_point has no row for it). LK_ENOTFOUND, field
 * "staff", for an unknown staff member. */
enum lk_status lk_staff_points(struct lk_store *st, const char *staff,
                               struct lk_served_point *out, size_t cap, size_t *n,
                               struct lk_err *err);
/* Which of pts the staff member works at on `day`: among the points whose
 * weekdays hold the day, the one with the smallest share; -1 for none. */
int lk_staff_point_on(const struct lk_served_point *pts, size_t n, lk_date day);

struct lk_room_info {
	char id[65];
	char name[64];
};
/* A point's rooms by name. */
enum lk_status lk_point_rooms(struct lk_store *st, const char *point, struct lk_room_info *out,
                              size_t cap, size_t *n, struct lk_err *err);

/* A client's next statutory deadline. */
struct lk_deadline {
	bool any;                    /* false: nothing open or overdue */
	lk_date due;
	enum lk_due_state state;     /* LK_DUE_OPEN or LK_DUE_OVERDUE */
	const struct lk_rule *rule;
	int seq, of;
};
enum lk_status lk_next_deadline(struct lk_store *st, const char *client, lk_date today,
                                struct lk_deadline *out, struct lk_err *err);

struct lk_slot_query {
	const char *staff;      /* required */
	const char *point;      /* NULL: wherever the staff member is that day */
	const char *room;       /* NULL: no room to keep free */
	const char *client;     /* NULL: no deadline */
	const char *except;     /* a booking being moved: its own time counts free */
	const char *channel;    /* NULL: face to face (the point's hours) */
	const char *kind;       /* NULL: any; "alkuhaastattelu" checks the period */
	lk_date from;           /* first day */
	int days;               /* calendar days from `from`, 1–92 */
	int minutes;            /* length, 5–480 */
	int step;               /* grid in minutes from opening time; 0: 30 */
};

struct lk_slot {
	lk_time start;
	char point_id[65];
	char point_name[128];
	bool late;              /* after the client's next deadline */
};

typedef int (*lk_slot_cb)(const struct lk_slot *s, void *ctx);
/* Free slots by time; a callback returning non-zero stops. deadline (may
 * be NULL) receives the client's next deadline. Bad input names the field
 * (staff, point, room, days, minutes). */
enum lk_status lk_slots(struct lk_store *st, const struct lk_slot_query *q,
                        struct lk_deadline *deadline, lk_slot_cb cb, void *ctx,
                        struct lk_err *err);

#endif
