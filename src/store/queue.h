/*
 * queue.h — the Piste walk-in queue: a visitor arrives and gets a ticket
 * number (per point and day), is called, served, and the visit ends —
 * served, a no-show or referred elsewhere. Waiting and service times are
 * derived from those event times, never typed. Today's counts per topic
 * and the medians of waiting and service time come from the same events.
 *
 * The queue holds no identity: a first name given to be called by is
 * emptied when the visit ends. Every move commits whole or changes
 * nothing; a move the visit's state does not allow is refused (LK_ECLASH)
 * naming the state. Never draws, never prints.
 */
#ifndef LK_STORE_QUEUE_H
#define LK_STORE_QUEUE_H

#include <stdbool.h>

#include "store/store.h"

#define LK_NO_TIME INT64_MIN

struct lk_arrival {
	const char *point;
	const char *topic;       /* lk_visit_topics */
	const char *call_name;   /* optional first name; never an identity code */
	const char *client;      /* NULL: anonymous */
	const char *note;        /* optional, never identifying */
	bool kiosk;              /* taken at the self-service kiosk */
	bool oral_consent;       /* Rinnalla's one-time oral consent */
};

struct lk_queue_entry {
	char id[65];
	int ticket;
	char topic[16];
	char call_name[32];
	char source[8];          /* "desk", "kiosk" */
	lk_time arrived, called, served, ended;   /* LK_NO_TIME when not yet */
	char state[12];          /* waiting, called, serving, served, no-show, referred */
	int waited;              /* minutes arrival → call (→ now while waiting) */
	int service;             /* minutes served → ended, -1 when not served */
};

/* The visit states of the queue and the moves between them; a table in
 * queue.c (docs/rules.md#piste-queue: arrive, called, served, ended, no-show,
 * transferred). */
extern const char *const lk_queue_moves[];   /* call, serve, end, no-show, refer */

/* A visitor arrives: ticket_out gets the number, id_out (LK_ID_LEN + 1, may
 * be NULL) the visit's id. */
enum lk_status lk_queue_arrive(struct lk_store *st, const struct lk_arrival *in, int *ticket_out,
                               char *id_out, struct lk_err *err);
/* Move a visit on: `which` is today's ticket number at `point`, or a
 * visit id. staff (may be NULL) is who calls or serves. `out` (may be
 * NULL) receives the visit after the move. */
enum lk_status lk_queue_move(struct lk_store *st, const char *point, const char *which,
                             const char *move, const char *staff, struct lk_queue_entry *out,
                             struct lk_err *err);

typedef int (*lk_queue_cb)(const struct lk_queue_entry *e, void *ctx);
/* The visits of `day` at `point` by ticket; only those not ended when
 * open_only. A callback returning non-zero stops the walk. */
enum lk_status lk_queue_list(struct lk_store *st, const char *point, lk_date day, bool open_only,
                             lk_queue_cb cb, void *ctx, struct lk_err *err);

#define LK_TOPICS 5

struct lk_piste_day {
	int count[LK_TOPICS];    /* per lk_visit_topics[i] */
	int total;
	int waiting;             /* not called yet */
	int served, no_show, referred;
	int wait_median;         /* minutes; -1 when nobody was called */
	int service_median;      /* minutes; -1 when no service ended */
};

enum lk_status lk_piste_day(struct lk_store *st, const char *point, lk_date day,
                            struct lk_piste_day *out, struct lk_err *err);

/* The ticket states, in the order of a visit; NULL-terminated. */
extern const char *const lk_queue_states[];

#endif
