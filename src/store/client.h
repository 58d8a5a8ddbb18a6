/*
 * client.h — clients: add, change, read, and search as you type.
 *
 * Search takes any part of the name — word prefixes in any order, case- and
 * accent-insensitive ("virt mat" finds Virtanen, Matti) — or an identity
 * code, whole (exact) or its first six digits or more (birth date). It is
 * built for a keystroke at a time on a register of a million rows.
 */
#ifndef LK_CLIENT_H
#define LK_CLIENT_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

struct lk_client {
	char id[65];
	char surname[101];
	char given_names[101];
	char hetu[12];
	char municipality[64];      /* name, "" if unknown */
	char lang[8];
	char interpreter_lang[8];
	char phone[41];
	char email[121];
	char address[201];
	char service_line[16];
	char caseworker_id[65];
	char caseworker_name[204];  /* "Surname Given" */
	lk_date job_search_start;
	lk_date job_search_end;
	lk_date koto_start;
	lk_date residence_permit;
	bool youth;
	bool immigrant;
	bool plain_language;        /* needs plain language (selkokieli) */
};

/* What `client add` / `client set` take, as typed; NULL = not given.
 * In `set`, an empty string clears an optional field. */
struct lk_client_input {
	const char *name;             /* "Surname, Given names" */
	const char *hetu;
	const char *municipality;     /* name or id */
	const char *job_search_start;
	const char *job_search_end;
	const char *phone;
	const char *email;
	const char *address;
	const char *lang;
	const char *interpreter;
	const char *service_line;
	const char *caseworker;       /* staff id */
	const char *koto_start;
	const char *residence_permit;
	const char *plain_language;   /* "yes" or "no"; "" in set: no */
};

/* Field names used in errors; they match the CLI options. */
extern const char *const lk_service_lines[];
/* The values of plain_language, "no" first: index = the stored 0/1. */
extern const char *const lk_client_yes_no[];
/* English labels (gettext msgids) of a service line and of a language
 * code, for people to read; the code itself for an unknown one. */
const char *lk_service_line_label(const char *line);
const char *lk_language_label(const char *lang);

enum lk_status lk_client_add(struct lk_store *st, const struct lk_client_input *in,
                             char *id_out, struct lk_err *err);
enum lk_status lk_client_set(struct lk_store *st, const char *id,
                             const struct lk_client_input *in, struct lk_err *err);
/* Check one value as add and set do — the field named by its option
 * ("hetu", "phone", "job-search-start", …; not the name) — and put its
 * stored form in out (a date in ISO, plain-language as 0/1, …). */
enum lk_status lk_client_check_field(struct lk_store *st, const char *option, const char *v,
                                     char *out, size_t size, struct lk_err *err);
/* 1 when the identity code's holder is of Ohjaamo's age (15–29) today. */
int lk_client_youth(const char *hetu);
enum lk_status lk_client_get(struct lk_store *st, const char *id, struct lk_client *out,
                             struct lk_err *err);

struct lk_client_row {
	char id[65];
	char surname[101];
	char given_names[101];
	char hetu[12];
	char municipality[64];
};

typedef int (*lk_client_cb)(const struct lk_client_row *r, void *ctx);
/* Up to `limit` matches in name order. An empty query matches nothing. */
enum lk_status lk_client_search(struct lk_store *st, const char *query, int limit,
                                lk_client_cb cb, void *ctx, struct lk_err *err);
/* The number of clients in the register. */
long lk_client_count(struct lk_store *st);

#endif
