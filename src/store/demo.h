/*
 * demo.h — a deterministic demo area for trying Luukku and for tests and
 * benchmarks: the area's real service points, synthetic staff roughly by
 * FTE (commuting staff serving the points the data names), and N synthetic
 * clients with names from built-in lists and identity codes only from the
 * temporary range 900–999, with a spread of job-search starts, meetings,
 * measures, plans, TYM cases, KOTO dates and walk-in visits.
 *
 * The same area, client count, seed and "today" give the same database.
 */
#ifndef LK_DEMO_H
#define LK_DEMO_H

#include "store/store.h"

struct lk_demo_stats {
	long staff, clients, appointments, measures, plans, tym_cases, visits;
};

/* Build into an empty database (one transaction; captured like any write). */
enum lk_status lk_demo_build(struct lk_store *st, const char *area, long clients,
                             unsigned long seed, struct lk_demo_stats *stats, struct lk_err *err);

#endif
