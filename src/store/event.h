/*
 * event.h — group sessions and info events (schema/015_event.sql,
 * docs/rules.md#groups-and-events): add (a group may recur weekly, one row
 * per occurrence), cancel (never deleted), invite a client or a target
 * group, sign up up to capacity and then wait in order, cancel a sign-up
 * (the first waiting moves up: the state is derived from sign-up order),
 * attendance after the start, and a head count for open info events.
 *
 * An event's host and room clash with bookings and other events exactly as
 * bookings clash with each other, both ways (LK_ECLASH naming the clash;
 * lk_book() asks lk_event_clash() too). Every write commits whole or
 * changes nothing.
 */
#ifndef LK_EVENT_H
#define LK_EVENT_H

#include <stdbool.h>

#include "core/event-rules.h"
#include "store/store.h"

/* What `event add` takes, as typed; NULL = not given. */
struct lk_event_input {
	const char *title;
	const char *kind;          /* info, targeted, group */
	const char *point;
	const char *room;
	const char *link;          /* remote: the link text */
	const char *at;            /* "YYYY-MM-DD HH:MM" */
	int minutes;
	int capacity;
	const char *host;
	const char *partner;
	const char *lang;          /* NULL: fi */
	const char *description;
	bool obligation;           /* targeted: attendance is part of the service process */
	const char *repeat;        /* group: "mon,wed until 2026-04-30" */
	const char *benefit_checked_by;  /* group: the lead who checked the benefit effect */
	const char *actor;
};

struct lk_event {
	char id[65];
	char title[204];
	char kind[12];
	char point_id[65];
	char point_name[128];
	char room_id[65];
	char room_name[64];
	char link[504];
	lk_time start;
	int minutes;
	int capacity;
	char host_id[65];
	char host_name[204];
	char partner[204];
	char lang[8];
	char description[1004];
	bool obligation;
	char series_id[65];
	char benefit_checked_by[65];
	int head_count;            /* -1: not counted */
	char status[12];           /* planned, cancelled */
	char cancel_reason[504];
	/* The list, by derived state. */
	int invited, signed_up, waiting, cancelled, attended, no_show;
};

struct lk_participant {
	char client_id[65];
	char client_name[204];
	char state[12];            /* invited, signed-up, waiting, cancelled, attended, no-show */
	int place;                 /* place among live sign-ups (1-based), 0 if none */
	bool obligation;
};

/* Add; each occurrence's id (LK_ID_LEN + 1 each) into ids (capacity cap),
 * *n the number of occurrences. */
enum lk_status lk_event_add(struct lk_store *st, const struct lk_event_input *in,
                            char (*ids)[LK_ID_LEN + 1], size_t cap, size_t *n,
                            struct lk_err *err);
enum lk_status lk_event_get(struct lk_store *st, const char *id, struct lk_event *out,
                            struct lk_err *err);
typedef int (*lk_event_cb)(const struct lk_event *e, void *ctx);
/* Events at `point` and/or hosted by `host` (either may be NULL) on the days
 * [from, from + days), by start; cancelled ones too. */
enum lk_status lk_event_list(struct lk_store *st, const char *point, const char *host,
                             lk_date from, int days, lk_event_cb cb, void *ctx,
                             struct lk_err *err);
/* Change one occurrence: the fields of `in` that are not NULL (minutes and
 * capacity when > 0; kind, repeat and obligation are not changed). The
 * new time, host and room are checked for clashes like a new event (the
 * event itself excepted); a lower capacity puts the last sign-ups on the
 * waiting list. Refused (LK_ECLASH) for a cancelled event. */
enum lk_status lk_event_set(struct lk_store *st, const char *id, const struct lk_event_input *in,
                            struct lk_err *err);
/* Cancel the event itself, with the reason; refused when already cancelled. */
enum lk_status lk_event_cancel(struct lk_store *st, const char *id, const char *reason,
                               const char *actor, struct lk_err *err);
/* The anonymous head count of an open info event, after its start. */
enum lk_status lk_event_count(struct lk_store *st, const char *id, int people,
                              const char *actor, struct lk_err *err);

/* Does a live event hosted by `staff` or in `room` overlap
 * [start, start + minutes)? LK_ECLASH naming it; `except` is skipped. */
enum lk_status lk_event_clash(struct lk_store *st, const char *staff, const char *room,
                              lk_time start, int minutes, const char *except,
                              struct lk_err *err);

typedef int (*lk_participant_cb)(const struct lk_participant *p, void *ctx);
/* The list: live sign-ups by place (signed up, then waiting), then the
 * invited, cancelled and marked by name. */
enum lk_status lk_event_participants(struct lk_store *st, const char *id,
                                     lk_participant_cb cb, void *ctx, struct lk_err *err);

/* Sign a client up; *state receives "signed-up" or "waiting" and *place the
 * place on the list. Refused (LK_ECLASH) on a cancelled or past event or
 * when the client is already on it. */
enum lk_status lk_event_sign_up(struct lk_store *st, const char *id, const char *client,
                                const char *actor, char *state, size_t size, int *place,
                                struct lk_err *err);
/* Cancel a client's sign-up; moved_up (204 bytes, may be NULL) receives the
 * name of the client who moved up from the waiting list, "" for none. */
enum lk_status lk_event_cancel_signup(struct lk_store *st, const char *id, const char *client,
                                      const char *actor, char *moved_up, struct lk_err *err);
/* Attendance after the start: "attended" or "no-show". */
enum lk_status lk_event_attend(struct lk_store *st, const char *id, const char *client,
                               const char *as, const char *actor, struct lk_err *err);

/* A target group (NULL / 0 / -1 = not filtered). */
struct lk_invite_filter {
	const char *client;          /* just this client */
	const char *municipality;    /* name or id */
	const char *point;           /* clients of the point's municipality */
	const char *service_line;
	int months_min;              /* at least N months since the job-search start; -1 */
	int age_min, age_max;        /* from the identity code; -1 */
	const char *lang;
	const char *caseworker;
	int no_meeting_days;         /* no live booking in the next N days; -1 */
	bool obligation;             /* the invitation is part of the service process */
};

/* Invite the target group (only clients in job search unless one is named);
 * *matched the group's size, *added the new invitations (0 on a dry run,
 * which writes nothing). */
enum lk_status lk_event_invite(struct lk_store *st, const char *id,
                               const struct lk_invite_filter *f, bool dry_run,
                               const char *actor, int *matched, int *added,
                               struct lk_err *err);

/* A client's events with their state, by start (the card, the due list). */
struct lk_client_event {
	char event_id[65];
	char title[204];
	char kind[12];
	lk_time start;
	char state[12];
	bool obligation;
};
typedef int (*lk_client_event_cb)(const struct lk_client_event *e, void *ctx);
enum lk_status lk_event_client_list(struct lk_store *st, const char *client,
                                    lk_client_event_cb cb, void *ctx, struct lk_err *err);

/* The participant row id of a client on an event (LK_ID_LEN + 1): 128 bits
 * derived from both, alike on every desk. */
void lk_event_participant_id(const char *event, const char *client, char *buf);

#endif
