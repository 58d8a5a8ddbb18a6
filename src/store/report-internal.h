/*
 * report-internal.h — what the report modules (report*.c) share and
 * nothing else uses: binding a filter to a statement.
 */
#ifndef LK_REPORT_INTERNAL_H
#define LK_REPORT_INTERNAL_H

#include "store/report.h"
#include "store/store-internal.h"

/* Binds ?1 from, ?2 to, ?3 point, ?4 municipality id (NULL where not
 * given). */
void lk_report_bind(sqlite3_stmt *s, const struct lk_report_filter *f);

#endif
