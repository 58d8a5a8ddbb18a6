/*
 * idmap.c — text ids to indexes (idmap.h): FNV-1a, linear probing, at most
 * half full; the ids are copied into one growing text pool.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/idmap.h"

struct slot {
	size_t key;      /* offset into pool + 1; 0: empty */
	size_t value;
};

struct lk_idmap {
	struct slot *slots;
	size_t n_slots, used;   /* n_slots a power of 2 */
	char *pool;
	size_t pool_len, pool_cap;
};

static size_t
hash(const char *id)
{
	uint64_t h = 14695981039346656037u;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return (size_t)h;
}

/* The slot holding id, or the empty one where it would go. */
static struct slot *
probe(const struct lk_idmap *m, const char *id)
{
	for (size_t i = hash(id) & (m->n_slots - 1);; i = (i + 1) & (m->n_slots - 1)) {
		struct slot *s = &m->slots[i];
		if (s->key == 0 || strcmp(m->pool + s->key - 1, id) == 0)
			return s;
	}
}

static bool
rehash(struct lk_idmap *m, size_t n_slots)
{
	struct slot *old = m->slots;
	size_t n_old = m->n_slots;
	if ((m->slots = calloc(n_slots, sizeof m->slots[0])) == NULL) {
		m->slots = old;
		return false;
	}
	m->n_slots = n_slots;
	for (size_t i = 0; i < n_old; i++)
		if (old[i].key)
			*probe(m, m->pool + old[i].key - 1) = old[i];
	free(old);
	return true;
}

struct lk_idmap *
lk_idmap_new(size_t n)
{
	struct lk_idmap *m = calloc(1, sizeof *m);
	size_t slots = 16;
	while (slots < 2 * n)
		slots *= 2;
	if (m == NULL || !rehash(m, slots)) {
		free(m);
		return NULL;
	}
	return m;
}

bool
lk_idmap_put(struct lk_idmap *m, const char *id, size_t value)
{
	if (2 * (m->used + 1) > m->n_slots && !rehash(m, 2 * m->n_slots))
		return false;
	struct slot *s = probe(m, id);
	if (s->key) {
		s->value = value;
		return true;
	}
	size_t len = strlen(id) + 1;
	if (m->pool_len + len > m->pool_cap) {
		size_t cap = m->pool_cap ? m->pool_cap : 4096;
		while (cap < m->pool_len + len)
			cap *= 2;
		char *p = realloc(m->pool, cap);
		if (p == NULL)
			return false;
		m->pool = p;
		m->pool_cap = cap;
	}
	memcpy(m->pool + m->pool_len, id, len);
	s->key = m->pool_len + 1;
	s->value = value;
	m->pool_len += len;
	m->used++;
	return true;
}

bool
lk_idmap_get(const struct lk_idmap *m, const char *id, size_t *value)
{
	if (id == NULL)
		return false;
	const struct slot *s = probe(m, id);
	if (s->key == 0)
		return false;
	*value = s->value;
	return true;
}

void
lk_idmap_free(struct lk_idmap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m->pool);
	free(m);
}
