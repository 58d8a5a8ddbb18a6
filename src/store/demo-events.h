/*
 * demo-events.h — the demo area's group sessions and info events
 * (demo-events.c), built inside lk_demo_build()'s bulk transaction.
 */
#ifndef LK_DEMO_EVENTS_H
#define LK_DEMO_EVENTS_H

#include <stdint.h>

#include "store/store.h"

/* Four weeks of events either side of `today` at the area's points with
 * caseworkers, their lists and, once held, attendance or a head count;
 * *events receives how many. Deterministic for a seed. */
enum lk_status lk_demo_events(struct lk_store *st, uint64_t seed, lk_date today, long *events,
                              struct lk_err *err);

#endif
