/*
 * appointment.h — booking meetings and holding them.
 *
 * A booking that overlaps another live booking (not cancelled, not a no-show)
 * of the same staff member or the same room is refused with LK_ECLASH and
 * the clash named. Nothing is deleted: cancel, no-show and done are states.
 */
#ifndef LK_APPOINTMENT_H
#define LK_APPOINTMENT_H

#include "store/store.h"

extern const char *const lk_appointment_kinds[];   /* alkuhaastattelu, … */
extern const char *const lk_channels[];            /* face, phone, video, remote-point */
extern const char *const lk_appointment_states[];  /* scheduled, checked-in, … */

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
};

/* Book; id_out (LK_ID_LEN + 1) receives the id. On LK_ECLASH, err->msg
 * names the clashing booking (who or which room, when). */
enum lk_status lk_book(struct lk_store *st, const struct lk_booking *b, char *id_out,
                       struct lk_err *err);
/* Move a booking on: "checked-in", "done", "no-show", "cancelled". */
enum lk_status lk_appointment_set_status(struct lk_store *st, const char *id,
                                         const char *status, struct lk_err *err);

typedef int (*lk_appointment_cb)(const struct lk_appointment *a, void *ctx);
/* A client's appointments from `from` on (LK_NO_DATE: all), by start. */
enum lk_status lk_appointment_list_client(struct lk_store *st, const char *client_id,
                                          lk_date from, lk_appointment_cb cb, void *ctx,
                                          struct lk_err *err);

#endif
