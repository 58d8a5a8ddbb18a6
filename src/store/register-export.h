/*
 * register-export.h — the area's register out as rows of text
 * (`luukku export-register`, docs/luukku.1): clients and staff with the
 * very columns the import reads (store/import.h), so an export imports
 * back unchanged; appointments and walk-in visits as the area reports
 * them monthly: ISO dates, one row per meeting or visit, ids instead of
 * names, and nothing about who a walk-in visitor was.
 */
#ifndef LK_REGISTER_EXPORT_H
#define LK_REGISTER_EXPORT_H

#include "core/date.h"
#include "store/store.h"

enum lk_register { LK_REG_CLIENTS, LK_REG_STAFF, LK_REG_APPOINTMENTS, LK_REG_VISITS };

/* A row of cells: first the header (the column names), then one per
 * record; non-zero stops. */
typedef int (*lk_register_cb)(const char *const *cells, int n, void *ctx);

/* Appointments and visits between from and to (their dates, both
 * included; LK_NO_DATE: open); clients and staff are whole. *rows: the
 * records given (without the header). */
enum lk_status lk_register_export(struct lk_store *st, enum lk_register which, lk_date from,
                                  lk_date to, lk_register_cb cb, void *ctx, long *rows,
                                  struct lk_err *err);

#endif
