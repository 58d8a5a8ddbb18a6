/*
 * config.h — the ini files of the two programs, read and checked in one
 * place (conf/luukku.ini, conf/luukkud.ini): each loader takes a path and
 * fills a struct, or fails naming the key (or "config" for the file).
 *
 * Messages are untranslated msgids: the caller prints _(err.msg). The
 * command-line options still beat the files; main() merges them.
 */
#ifndef LK_CMD_CONFIG_H
#define LK_CMD_CONFIG_H

#include <stdbool.h>

#include <iniparser.h>

struct lk_config_err {
	const char *key;    /* "config", "lang", "role", "log-level", "idle_timeout", "listen",
	                       "backup.interval", "backup.keep" */
	const char *msg;    /* msgid */
	const char *value;  /* the path or value refused */
};

/* luukku.ini. The strings point into ini; NULL when the key is absent. */
struct lk_desk_config {
	dictionary *ini;
	const char *db, *lang, *staff, *point, *role;
};

/* Load path (it must exist and parse as ini); 0, or LK_EINPUT with err. */
int lk_desk_config_load(const char *path, struct lk_desk_config *c, struct lk_config_err *err);
void lk_desk_config_free(struct lk_desk_config *c);
/* fi, sv or en. */
bool lk_config_lang_ok(const char *lang);
/* Empty, desk or kiosk. */
bool lk_config_role_ok(const char *role);

/* luukkud: the options, filled from luukkud.ini and the defaults. */
struct lk_node_config {
	const char *config, *db, *listen, *log_level;
	int idle;
	const char *backup_dir;    /* [backup] dir; NULL: no scheduled backups */
	long backup_interval;      /* [backup] interval, in seconds (default a day) */
	int backup_keep;           /* [backup] keep (default 7) */
};

/* A backup interval: a whole number and a unit, s, m, h or d (none:
 * minutes), from 1 s to 30 d; *seconds, or false. */
bool lk_config_interval(const char *v, long *seconds);

/* Read o->config, else $LUUKKUD_CONFIG (both must exist), else the default
 * file when it exists; *ini stays NULL without a file. 0 or LK_EINPUT. */
int lk_node_config_load(struct lk_node_config *o, dictionary **ini, struct lk_config_err *err);
/* Fill what the options left open from ini (may be NULL) and the defaults,
 * and check the values (sets the log level). 0 or LK_EINPUT naming the key. */
int lk_node_config_settle(struct lk_node_config *o, dictionary *ini, struct lk_config_err *err);

#endif
