/*
 * appointment.h — booking meetings and holding them.
 *
 * A booking that overlaps another live booking (not cancelled, not a no-show)
 * of the same staff member or the same room, or a live event (store/event.h)
 * they host or it holds, is refused with LK_ECLASH and the clash named.
 * Nothing is deleted: cancel, no-show and done are states.
 * Every step of a booking's life (booked, checked in, done, no-show,
 * cancelled, rescheduled) is appended to its history (appointment_event)
 * in the same transaction; a move keeps where the booking was.
 * An initial interview is face to face as a rule (docs/rules.md#face-to-face): booked
 * without a channel it is face to face, and booked remote it needs a
 * reason (LK_EINPUT, field "reason").
 */
#ifndef LK_APPOINTMENT_H
#define LK_APPOINTMENT_H

#include <stdbool.h>

#include "store/store.h"

extern const char *const lk_appointment_kinds[];   /* alkuhaastattelu, … */
extern const char *const lk_channels[];            /* face, phone, video, remote-point */
extern const char *const lk_appointment_states[];  /* scheduled, checked-in, … */
/* English labels (gettext msgids) of kinds, channels and states; the code
 * itself for an unknown one. */
const char *lk_appointment_kind_label(const char *kind);
const char *lk_channel_label(const char *channel);
const char *lk_appointment_state_label(const char *status);

struct lk_booking {
	const char *client;      /* client id; may be NULL for a staff-only meeting */
	const char *staff;
	const char *kind;
	const char *at;          /* "YYYY-MM-DD HH:MM" */
	int minutes;
	const char *channel;
	const char *point;       /* NULL: the staff member's home point */
	const char *room;
	const char *interpreter; /* language code */
	const char *note;
	const char *reason;      /* why a remote initial interview; NULL otherwise */
	const char *actor;       /* staff member who books (history); may be NULL */
	bool held;               /* recording a meeting already held: set done, audited */
};

struct lk_appointment {
	char id[65];
	char client_id[65];
	char client_name[204];
	char staff_id[65];
	char staff_name[204];
	char point_id[65];
	char point_name[128];
	char room_name[64];
	char kind[24];
	char channel[16];
	char status[16];
	char interpreter[8];
	lk_time start;
	int minutes;
	char room_id[65];
	char reason[504];        /* remote_reason */
};

/* One step in a booking's history. */
struct lk_appointment_event {
	lk_time at;
	char what[16];           /* booked, checked-in, done, no-show, cancelled, rescheduled */
	char staff_name[204];    /* who did it, "" when not known */
	lk_time old_start;       /* rescheduled: from; else 0 */
	lk_time new_start;       /* booked/rescheduled: to; else 0 */
	char note[504];
};

/* Book; id_out (LK_ID_LEN + 1) receives the id. Refused, nothing written
 * (docs/architecture.md#booking-contract):
 *   LK_EINPUT, field "at" (or "point" for a point with no hours): a start
 *   in the past, a local time that does not exist or occurs twice in
 *   Europe/Helsinki, a day that is not a business day, a time outside the
 *   point's opening hours (face to face, remote service point) or the staff
 *   member's working hours (phone, video; lk_store_set_work_hours) or
 *   running past closing — core/booking-rules.h decides;
 *   LK_ECLASH, the clash named: an overlapping live booking of the same
 *   staff member ("at"), room ("room") or client ("client"), and for an
 *   initial interview a live one (booked or held) of the client in the
 *   same job-search period ("kind").
 * With b->held the meeting is recorded as already held: it must not start
 * after now, the hours are not asked, it is stored done, and the record is
 * a step of its history and an audit entry ("meeting-recorded"). */
enum lk_status lk_book(struct lk_store *st, const struct lk_booking *b, char *id_out,
                       struct lk_err *err);
/* Does a live booking of `staff` or in `room` overlap [start, start +
 * minutes)? LK_ECLASH naming it (events ask this too); `except` skipped. */
enum lk_status lk_appointment_clash(struct lk_store *st, const char *staff, const char *room,
                                    lk_time start, int minutes, const char *except,
                                    struct lk_err *err);
/* Move a booking on: "checked-in", "done", "no-show", "cancelled". */
/* The working hours of phone and video meetings (minutes of the day):
 * staff NULL sets the default (08:00–16:00 until set), else one staff
 * member's own. Kept on this connection only (the config's [hours]). */
void lk_store_set_work_hours(struct lk_store *st, const char *staff, int opens, int closes);
void lk_store_work_hours(struct lk_store *st, const char *staff, int *opens, int *closes);
/* Whether a channel meets at a point (face, remote-point): then the point's
 * hours apply, else the staff member's working hours. */
bool lk_channel_at_point(const char *channel);
/* The time rule of lk_book for one meeting, without the clashes: LK_OK or
 * LK_EINPUT naming the reason (core/booking-rules.h). */
enum lk_status lk_booking_time_ok(struct lk_store *st, const char *staff, const char *point,
                                  const char *channel, lk_time start, int minutes, bool held,
                                  struct lk_err *err);
/* The same time rule for booking `id` as it stands after a sync apply
 * (the central node judging a desk's push, sync-apply.h LK_APPLY_TIME),
 * less what the node must not or cannot judge: the start may lie in the
 * past (an offline desk syncs late; a held meeting is a record), and a
 * phone or video meeting is not held to working hours (they live in each
 * desk's config) — only to the business day and the clock change. A
 * meeting recorded as held (status done) keeps only the clock-change
 * rules, as with --held. LK_OK when no such row; else LK_EINPUT naming the
 * field and "the booking at <time>: <reason>". */
enum lk_status lk_booking_time_synced(struct lk_store *st, const char *id, struct lk_err *err);
/* A live initial interview (booked, arrived or held) of the client in the
 * current job-search period (on or after its start), other than `except`:
 * LK_ECLASH, field "kind", naming it; else LK_OK. */
enum lk_status lk_initial_interview_clash(struct lk_store *st, const char *client,
                                          const char *except, struct lk_err *err);
enum lk_status lk_appointment_set_status(struct lk_store *st, const char *id,
                                         const char *status, struct lk_err *err);

/* The same, recording who did it (actor may be NULL) in the history. */
enum lk_status lk_appointment_set_status_by(struct lk_store *st, const char *id,
                                            const char *status, const char *actor,
                                            struct lk_err *err);
/* Move a scheduled booking to `at` ("YYYY-MM-DD HH:MM"), same length, staff,
 * point and room; refused like a booking (the time rule with LK_EINPUT,
 * a staff, room or client clash with LK_ECLASH, named), and
 * with LK_ECLASH when the booking is no longer scheduled. The history keeps
 * where it was. */
enum lk_status lk_appointment_reschedule(struct lk_store *st, const char *id, const char *at,
                                         const char *actor, struct lk_err *err);
enum lk_status lk_appointment_get(struct lk_store *st, const char *id,
                                  struct lk_appointment *out, struct lk_err *err);

typedef int (*lk_appointment_event_cb)(const struct lk_appointment_event *e, void *ctx);
/* A booking's history, oldest first; LK_ENOTFOUND for an unknown id. */
enum lk_status lk_appointment_history(struct lk_store *st, const char *id,
                                      lk_appointment_event_cb cb, void *ctx,
                                      struct lk_err *err);

typedef int (*lk_appointment_cb)(const struct lk_appointment *a, void *ctx);
/* A client's appointments from `from` on (LK_NO_DATE: all), by start. */
enum lk_status lk_appointment_list_client(struct lk_store *st, const char *client_id,
                                          lk_date from, lk_appointment_cb cb, void *ctx,
                                          struct lk_err *err);

/* The agenda: bookings (every state) of one staff member or at one point
 * (either may be NULL, not both) on the days [from, from + days), by start. */
enum lk_status lk_agenda(struct lk_store *st, const char *staff, const char *point,
                         lk_date from, int days, lk_appointment_cb cb, void *ctx,
                         struct lk_err *err);

#endif
