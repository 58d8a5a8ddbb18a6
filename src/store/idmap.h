/*
 * idmap.h — text ids (client ids and the like) to array indexes, for the
 * reports that join many rows in C instead of looking each one up in
 * SQLite: an open-addressing hash table that keeps its own copy of the ids.
 */
#ifndef LK_IDMAP_H
#define LK_IDMAP_H

#include <stdbool.h>
#include <stddef.h>

struct lk_idmap;

/* A map for about n ids (it grows past that). NULL when out of memory. */
struct lk_idmap *lk_idmap_new(size_t n);
/* Map id to value (a second put of the same id replaces it). False when
 * out of memory. */
bool lk_idmap_put(struct lk_idmap *m, const char *id, size_t value);
/* The value of id; false when id (or NULL) is not in the map. */
bool lk_idmap_get(const struct lk_idmap *m, const char *id, size_t *value);
void lk_idmap_free(struct lk_idmap *m);

#endif
