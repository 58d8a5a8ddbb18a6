/*
 * visit.h — Piste walk-in visits. A visit is anonymous unless a client is
 * given; an anonymous visit holds no name, no identity code, no free text.
 */
#ifndef LK_VISIT_H
#define LK_VISIT_H

#include "store/store.h"

extern const char *const lk_visit_topics[];  /* tyonhaku, koulutus, digi, rinnalla, muu */

struct lk_visit_input {
	const char *point;
	const char *topic;
	const char *client;   /* NULL: anonymous */
	const char *staff;    /* who served, may be NULL */
	int minutes;          /* -1: not given */
};

/* Log a visit that has happened (arrived now, served for `minutes`). */
enum lk_status lk_visit_log(struct lk_store *st, const struct lk_visit_input *in, char *id_out,
                            struct lk_err *err);

#endif
