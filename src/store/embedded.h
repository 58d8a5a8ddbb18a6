/*
 * embedded.h — text files compiled into the binary (scripts/embed.sh):
 * the numbered migrations of schema/ and data/service_points.csv.
 * Read-only; never written at run time.
 */
#ifndef LK_EMBEDDED_H
#define LK_EMBEDDED_H

struct lk_embedded_file {
	const char *name;  /* base name, e.g. "001_init.sql" */
	const char *text;
};

/* Terminated by an entry whose name is NULL. */
extern const struct lk_embedded_file lk_embedded[];

/* The file of that base name, or NULL. */
const char *lk_embedded_find(const char *name);

#endif
