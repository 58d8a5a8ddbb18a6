/*
 * demo.h — a deterministic demo area for trying Luukku and for tests and
 * benchmarks: the area's real service points, synthetic staff roughly by
 * FTE (commuting staff serving the points the data names), and N synthetic
 * clients with names from built-in lists and identity codes only from the
 * temporary range 900–999, with a spread of job-search starts, meetings,
 * measures, plans, TYM cases, KOTO dates, walk-in visits and, around
 * "today", group sessions and info events with their lists.
 *
 * The same area, client count, seed and "today" give the same database.
 */
#ifndef LK_DEMO_H
#define LK_DEMO_H

#include "store/store.h"

struct lk_demo_stats {
	long staff, clients, appointments, measures, plans, tym_cases, visits;
	long events;   /* group sessions and info events (demo-events.c) */
};

enum lk_demo_flags {
	LK_DEMO_ONLY_CLIENTS = 1,  /* the register alone, no history: for large benchmarks */
};

/* Build into an empty database: the area's reference rows as a captured
 * init, the synthetic people in one uncaptured bulk transaction. */
enum lk_status lk_demo_build(struct lk_store *st, const char *area, long clients,
                             unsigned long seed, int flags, struct lk_demo_stats *stats,
                             struct lk_err *err);

#endif
