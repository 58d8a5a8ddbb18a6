/*
 * privacy.h — what a client may ask of the register, and forgetting on time:
 * who has looked at my data (the audit trail), everything held about me
 * (right of access), and the retention purge that turns old walk-in visit
 * details into counts. Reads of this kind are themselves audited.
 */
#ifndef LK_PRIVACY_H
#define LK_PRIVACY_H

#include <stdio.h>

#include "store/store.h"

struct lk_audit_row {
	char at[20];
	char staff_id[65];
	char staff_name[204];
	char action[32];
	char detail[256];
};

typedef int (*lk_audit_cb)(const struct lk_audit_row *r, void *ctx);
/* The audit trail of one client, oldest first. */
enum lk_status lk_audit_list_client(struct lk_store *st, const char *client_id, lk_audit_cb cb,
                                    void *ctx, struct lk_err *err);

/* Write everything held about one client as one JSON document to `out`
 * and audit the export (action "export", by staff_id). */
enum lk_status lk_export_client(struct lk_store *st, const char *client_id, const char *staff_id,
                                FILE *out, struct lk_err *err);

struct lk_purge_stats {
	long visits;     /* visit rows turned into counts */
	long days;       /* point-day-topic counts written */
};

/* Visits that arrived before `before` keep only their counts per point,
 * day and topic (visit_count); the rows go, through the outbox like any
 * write, so sync removes them from the node too. One transaction. */
enum lk_status lk_purge_visits(struct lk_store *st, lk_date before, bool dry_run,
                               struct lk_purge_stats *stats, struct lk_err *err);

#endif
