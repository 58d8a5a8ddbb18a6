/*
 * staff.h — staff members and the points they serve.
 */
#ifndef LK_STAFF_H
#define LK_STAFF_H

#include "store/store.h"

struct lk_staff {
	char id[65];
	char surname[101];
	char given_names[101];
	char role[24];
	char organisation[16];
	char home_point[65];
	char home_point_name[128];
	int active;
};

struct lk_role_info {
	const char *code;          /* "caseworker" */
	const char *label;         /* English label, a gettext msgid */
	const char *organisation;  /* default organisation */
};
/* The roles of docs/rules.md#roles; terminated by code == NULL. */
const struct lk_role_info *lk_roles(void);
const struct lk_role_info *lk_role_find(const char *code);

struct lk_staff_input {
	const char *name;          /* "Surname, Given names" */
	const char *role;
	const char *organisation;  /* NULL: the role's default */
	const char *point;         /* home point id */
};

/* Add a staff member serving their home point 100 % on weekdays; id_out
 * (LK_ID_LEN + 1) receives the new id. */
enum lk_status lk_staff_add(struct lk_store *st, const struct lk_staff_input *in, char *id_out,
                            struct lk_err *err);
/* Add a point the staff member also serves (commuting), in the caller's
 * transaction. weekdays like "24" (Tue, Thu). */
enum lk_status lk_staff_serve(struct lk_store *st, const char *staff_id, const char *point_id,
                              int percent, const char *weekdays, struct lk_err *err);
enum lk_status lk_staff_get(struct lk_store *st, const char *id, struct lk_staff *out,
                            struct lk_err *err);

typedef int (*lk_staff_cb)(const struct lk_staff *s, void *ctx);
/* Staff by surname; only those serving `point` when it is not NULL. */
enum lk_status lk_staff_list(struct lk_store *st, const char *point, lk_staff_cb cb, void *ctx,
                             struct lk_err *err);

#endif
