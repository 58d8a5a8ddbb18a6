/*
 * sync-conflict.h — the open conflicts sync had to decide (schema 002):
 * a same-field edit whose losing value is kept, or an offline double
 * booking. Read-only here; settling them is a person's act elsewhere.
 */
#ifndef LK_SYNC_CONFLICT_H
#define LK_SYNC_CONFLICT_H

#include "store/store.h"

struct lk_conflict {
	char id[LK_ID_LEN + 1];
	char kind[8];              /* "field" or "clash" */
	char table[32];
	char row[128];
	char field[64];
	char kept[256];
	char losing[256];
	char kept_desk[48];
	char losing_desk[48];
	char detected[20];
};

typedef int (*lk_conflict_cb)(const struct lk_conflict *c, void *ctx);
/* Every open conflict, oldest first. */
enum lk_status lk_conflict_list(struct lk_store *st, lk_conflict_cb cb, void *ctx,
                                struct lk_err *err);

#endif
