/*
 * visit.h — Piste walk-in visits. A visit is anonymous unless a client is
 * given; an anonymous visit holds no identity: no client, no identity code,
 * and no name once it has ended (a first name given to be called by is
 * emptied then). A note is refused when it holds anything shaped like an
 * identity code. "Rinnalla" keeps the visitor's one-time oral consent.
 * The queue of walk-ins (tickets, call, serve, end) is store/queue.h.
 */
#ifndef LK_VISIT_H
#define LK_VISIT_H

#include <stdbool.h>

#include "store/store.h"

extern const char *const lk_visit_topics[];  /* tyonhaku, koulutus, digi, rinnalla, muu */
/* The English label (a msgid) of a topic code: "Job search"… */
const char *lk_visit_topic_label(const char *code);

struct lk_visit_input {
	const char *point;
	const char *topic;
	const char *client;   /* NULL: anonymous */
	const char *staff;    /* who served, may be NULL */
	int minutes;          /* -1: not given */
	const char *note;     /* optional; never identifying */
	bool oral_consent;    /* Rinnalla: the visitor's one-time oral consent */
};

/* Check a note for a visit (at most 200 bytes, nothing shaped like an
 * identity code) and a first name to call the visitor by (letters only,
 * at most 30 bytes: never digits, so never an identity code). NULL or ""
 * passes. */
enum lk_status lk_visit_check_note(const char *note, struct lk_err *err);
enum lk_status lk_visit_check_first_name(const char *name, struct lk_err *err);
/* Inside the caller's write transaction: record Rinnalla's one-time oral
 * consent for visit `id` (the visit's column, and a consent row when a
 * client is linked). */
enum lk_status lk_visit_record_consent(struct lk_store *st, const char *id, const char *client,
                                       const char *staff, const char *at, struct lk_err *err);

/* Log a visit that has happened (arrived now, served for `minutes`). */
enum lk_status lk_visit_log(struct lk_store *st, const struct lk_visit_input *in, char *id_out,
                            struct lk_err *err);

#endif
