/*
 * config.c — loading and checking luukku.ini and luukkud.ini (config.h),
 * out of the two main()s so the checks can be tested and fuzzed
 * (tests/fuzz/fuzz_config.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/config.h"
#include "i18n.h"
#include "store/store.h"
#include "sync/code.h"
#include "node/node-stderr.h"

#define NODE_DEFAULT_LISTEN "0.0.0.0:7410"
#define NODE_DEFAULT_DB "/var/lib/luukkud/luukkud.db"
#define NODE_DEFAULT_CONFIG "/etc/luukku/luukkud.ini"

static int
refuse(struct lk_config_err *err, const char *key, const char *msg, const char *value)
{
	err->key = key;
	err->msg = msg;
	err->value = value;
	return LK_EINPUT;
}

static const char *
get(dictionary *ini, const char *key)
{
	return ini ? iniparser_getstring(ini, key, NULL) : NULL;
}

int
lk_desk_config_load(const char *path, struct lk_desk_config *c, struct lk_config_err *err)
{
	struct stat sb;
	memset(c, 0, sizeof *c);
	if (stat(path, &sb) != 0 || (c->ini = iniparser_load(path)) == NULL)
		return refuse(err, "config",
		              errno == ENOENT ? N_("no such file") : N_("cannot read it as an ini file"),
		              path);
	c->db = get(c->ini, "store:path");
	c->lang = get(c->ini, "ui:lang");
	c->staff = get(c->ini, "desk:staff");
	c->point = get(c->ini, "desk:point");
	c->role = get(c->ini, "desk:role");
	return 0;
}

void
lk_desk_config_free(struct lk_desk_config *c)
{
	iniparser_freedict(c->ini);
	memset(c, 0, sizeof *c);
}

bool
lk_config_lang_ok(const char *lang)
{
	return strcmp(lang, "fi") == 0 || strcmp(lang, "sv") == 0 || strcmp(lang, "en") == 0;
}

bool
lk_config_role_ok(const char *role)
{
	return !*role || strcmp(role, "desk") == 0 || strcmp(role, "kiosk") == 0;
}

bool
lk_config_interval(const char *v, long *seconds)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (end == v || errno || n < 1 || *v == '-' || *v == '+')
		return false;
	while (*end == ' ')
		end++;
	long unit = 60;
	if (*end) {
		const char *units = "smhd";
		static const long mult[] = { 1, 60, 3600, 86400 };
		const char *u = strchr(units, *end);
		if (u == NULL || end[1] != '\0')
			return false;
		unit = mult[u - units];
	}
	if (n > 30L * 86400 / unit)
		return false;
	*seconds = n * unit;
	return true;
}

int
lk_node_config_load(struct lk_node_config *o, dictionary **ini, struct lk_config_err *err)
{
	const char *path = o->config;
	bool given = path != NULL;
	if (!given && (path = getenv("LUUKKUD_CONFIG")) && *path)
		given = true;
	if (!given)
		path = NODE_DEFAULT_CONFIG;
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (!given)
			return 0;
		return refuse(err, "config", N_("no such file"), path);
	}
	if ((*ini = iniparser_load(path)) == NULL)
		return refuse(err, "config", N_("cannot read it as an ini file"), path);
	o->config = path;
	return 0;
}

int
lk_node_config_settle(struct lk_node_config *o, dictionary *ini, struct lk_config_err *err)
{
	const char *v;
	if (o->db == NULL && (v = get(ini, "node:database")) && *v)
		o->db = v;
	if (o->db == NULL && (v = getenv("LUUKKUD_DB")) && *v)
		o->db = v;
	if (o->db == NULL)
		o->db = NODE_DEFAULT_DB;
	if (o->listen == NULL && (v = get(ini, "node:listen")) && *v)
		o->listen = v;
	if (o->listen == NULL)
		o->listen = NODE_DEFAULT_LISTEN;
	if (o->log_level == NULL && (v = get(ini, "node:log_level")) && *v)
		o->log_level = v;
	if (o->log_level && !lk_log_set_level(o->log_level))
		return refuse(err, "log-level", N_("choose error, warn, info or debug"), o->log_level);
	o->idle = ini ? iniparser_getint(ini, "node:idle_timeout", 60) : 60;
	if (o->idle < 1 || o->idle > 3600)
		return refuse(err, "idle_timeout", N_("give 1-3600 seconds"), NULL);
	o->backup_dir = (v = get(ini, "backup:dir")) && *v ? v : NULL;
	o->backup_interval = 86400;
	if ((v = get(ini, "backup:interval")) && *v &&
	    !lk_config_interval(v, &o->backup_interval))
		return refuse(err, "backup.interval",
		              N_("give a time from 1s to 30d: a whole number and s, m, h or d "
		                 "(minutes without), e.g. 24h"), v);
	o->backup_keep = ini ? iniparser_getint(ini, "backup:keep", 7) : 7;
	if (o->backup_keep < 1 || o->backup_keep > 1000)
		return refuse(err, "backup.keep", N_("give 1-1000 backups"), NULL);
	char host[256], port[16];
	if (!lk_hostport(o->listen, host, sizeof host, port, sizeof port))
		return refuse(err, "listen", N_("give HOST:PORT, e.g. 0.0.0.0:7410"), o->listen);
	return 0;
}
