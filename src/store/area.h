/*
 * area.h — the employment area, its municipalities, service points, rooms
 * and commuting links, from data/service_points.csv compiled into the binary.
 */
#ifndef LK_AREA_H
#define LK_AREA_H

#include "store/store.h"

struct lk_point {
	char id[65];
	char name[128];
	char municipality[64];
	char kind[16];
	char street[128];
	char postcode[8];
	char town[64];
	double fte;         /* 0 when the planning documents give none */
	char opens[6];      /* "08:00" */
	char closes[6];
	char served_from[65];  /* the point whose staff commute here, or "" */
	char services[16];     /* which services they bring: "basic+tym", "tym", "all" */
};

/* The areas the compiled-in data knows: id and display name. */
struct lk_area_info {
	const char *id;
	const char *name;
};
const struct lk_area_info *lk_areas(void);   /* terminated by id == NULL */
const struct lk_area_info *lk_area_find(const char *id);

/* Fill an empty database with the area's municipalities, points and links,
 * and remember the area in meta. One transaction. LK_EINPUT (field "area")
 * for an unknown area; LK_ECLASH when the database already holds an area. */
enum lk_status lk_area_init(struct lk_store *st, const char *area_id, struct lk_err *err);
/* The id of the area this database holds, or "" (buf >= 65). */
enum lk_status lk_area_current(struct lk_store *st, char *buf, size_t size);

typedef int (*lk_point_cb)(const struct lk_point *p, void *ctx);
/* Every service point, main office first, then by municipality. A callback
 * returning non-zero stops the walk. */
enum lk_status lk_point_list(struct lk_store *st, lk_point_cb cb, void *ctx, struct lk_err *err);
enum lk_status lk_point_get(struct lk_store *st, const char *id, struct lk_point *p,
                            struct lk_err *err);

/* "Heinäveden palvelupiste" -> "heinaveden-palvelupiste". */
void lk_slug(const char *name, char *buf, size_t size);

#endif
