/*
 * luukkud.c — main() of the area's central node: options and config, then
 * either one admin command or the node itself (src/node/node-loop.c).
 *
 *   luukkud [--config FILE] [--db PATH] [--listen HOST:PORT] [--log-level L]
 *   luukkud [--db PATH] init --area AREA
 *   luukkud [--db PATH] enrol NAME --scope area|kiosk|POINT[,POINT…]
 *   luukkud [--db PATH] revoke NAME
 *   luukkud [--db PATH] backup FILE
 *   luukkud [--db PATH] restore FILE
 *   luukkud [--db PATH] demo --area AREA [--clients N] [--seed S]
 *   luukkud [--db PATH] seed
 *
 * `demo` builds a demo area into a fresh node and `seed` writes rows loaded
 * without change capture into the change log (node/node-seed.c), so a
 * fresh desk's first sync receives the whole area in its scope.
 *
 * Options beat the config file ([node] listen, database, log_level,
 * idle_timeout; [backup] dir, interval, keep; read and checked in
 * cmd/config.c), which beats the built-in defaults. Exit status: 0 ok,
 * 1 failure, 2 bad input naming the option or the config key, 3 not
 * found, 4 clashes with what is there.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <iniparser.h>

#include "cmd/cmd-guard.h"
#include "cmd/config.h"
#include "i18n.h"
#include "store/area.h"
#include "store/demo.h"
#include "store/store.h"
#include "node/node-store.h"
#include "sync/code.h"
#include "node/node-conn.h"
#include "node/node-stderr.h"
#include "node/node-loop.h"

#define VERSION "0.1.0"

static int
usage(FILE *f)
{
	fprintf(f, "%s\n"
	        "  luukkud [--config FILE] [--db PATH] [--listen HOST:PORT] [--log-level LEVEL]\n"
	        "  luukkud [--db PATH] init --area AREA\n"
	        "  luukkud [--db PATH] enrol NAME --scope area|kiosk|POINT[,POINT...]\n"
	        "  luukkud [--db PATH] revoke NAME\n"
	        "  luukkud [--db PATH] backup FILE\n"
	        "  luukkud [--db PATH] restore FILE\n"
	        "  luukkud [--db PATH] demo --area AREA [--clients N] [--seed S]\n"
	        "  luukkud [--db PATH] seed\n", _("Usage:"));
	return f == stdout ? 0 : LK_EINPUT;
}

static int
fail(const char *cmd, const struct lk_err *err)
{
	if (err->field[0] && strcmp(err->field, "db") != 0)
		fprintf(stderr, "luukkud %s: --%s: %s\n", cmd, err->field, err->msg);
	else
		fprintf(stderr, "luukkud %s: %s\n", cmd, err->msg);
	return err->code ? (int)err->code : LK_EFAIL;
}

static int
bad(const char *cmd, const char *field, const char *msg)
{
	fprintf(stderr, "luukkud%s%s: --%s: %s\n", cmd[0] ? " " : "", cmd, field, msg);
	return LK_EINPUT;
}

static struct lk_store *
open_store(const char *cmd, const char *db, bool create, int *status)
{
	struct lk_store *st = NULL;
	struct lk_err err = { 0 };
	enum lk_status rc = lk_store_open(db, create ? LK_OPEN_CREATE : 0, &st, &err);
	if (rc != LK_OK) {
		if (rc == LK_ENOTFOUND)
			fprintf(stderr, "luukkud %s: --db: %s (%s)\n", cmd, err.msg,
			        _("create one with: luukkud init --area AREA"));
		else
			fprintf(stderr, "luukkud %s: --db: %s\n", cmd, err.msg);
		*status = rc;
		return NULL;
	}
	*status = 0;
	return st;
}

static int
cmd_init(const struct lk_node_config *o, int argc, char **argv)
{
	static const struct option lo[] = { { "area", required_argument, NULL, 'a' }, { 0 } };
	const char *area = NULL;
	int c, status;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		if (c != 'a')
			return bad("init", argv[optind - 1] + 2, _("unknown option or missing value"));
		area = optarg;
	}
	if (optind != argc)
		return usage(stderr);
	if (area == NULL)
		return bad("init", "area", _("which area? e.g. --area pohjois-karjala"));
	struct lk_err err = { 0 };
	if (lk_area_find(area) == NULL) {
		lk_area_init(NULL, area, &err);
		return fail("init", &err);
	}
	struct lk_store *st = open_store("init", o->db, true, &status);
	if (st == NULL)
		return status;
	unsigned char pk[32], sk[64];
	if (lk_area_init(st, area, &err) != LK_OK || lk_hub_keys(st, pk, sk, &err) != LK_OK ||
	    lk_hub_ingest_own(st, &err) != LK_OK)
		status = fail("init", &err);
	lk_store_close(st);
	return status;
}

static int
cmd_enrol(const struct lk_node_config *o, int argc, char **argv)
{
	static const struct option lo[] = { { "scope", required_argument, NULL, 's' }, { 0 } };
	const char *scope = NULL;
	int c, status;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		if (c != 's')
			return bad("enrol", argv[optind - 1] + 2, _("unknown option or missing value"));
		scope = optarg;
	}
	if (optind + 1 != argc)
		return bad("enrol", "name", _("give one desk name, e.g. enrol joensuu-1 --scope area"));
	if (scope == NULL)
		return bad("enrol", "scope", _("give area, kiosk or service-point ids joined by commas"));
	struct lk_store *st = open_store("enrol", o->db, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	unsigned char token[16], pk[32], sk[64];
	if (lk_hub_keys(st, pk, sk, &err) == LK_OK &&
	    lk_hub_enrol(st, argv[optind], scope, token, &err) == LK_OK) {
		char code[LK_CODE_LEN + 1];
		lk_code_make(pk, token, code, sizeof code);
		printf("%s\n", code);
	} else {
		status = fail("enrol", &err);
	}
	lk_store_close(st);
	return status;
}

static int
cmd_revoke(const struct lk_node_config *o, int argc, char **argv)
{
	int status;
	if (argc != 2)
		return bad("revoke", "name", _("give one desk name"));
	struct lk_store *st = open_store("revoke", o->db, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_hub_revoke(st, argv[1], &err) != LK_OK)
		status = fail("revoke", &err);
	lk_store_close(st);
	return status;
}

/* Seed the log of an open node store and say what it wrote. */
static int
seed_log(const char *cmd, struct lk_store *st)
{
	struct lk_err err = { 0 };
	struct lk_seed_stats ss;
	unsigned char pk[32], sk[64];
	if (lk_hub_keys(st, pk, sk, &err) != LK_OK || lk_hub_seed(st, &ss, &err) != LK_OK)
		return fail(cmd, &err);
	printf(_("seeded: %ld rows in %ld changes (%ld bytes before compression)\n"), ss.rows,
	       ss.entries, ss.bytes);
	return 0;
}

static int
cmd_demo(const struct lk_node_config *o, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "clients", required_argument, NULL, 'c' },
		{ "seed", required_argument, NULL, 's' },
		{ 0 },
	};
	const char *area = NULL;
	long clients = 2000, seed = 1;
	int c, status;
	char *end;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
		if (c == 'a') {
			area = optarg;
		} else if (c == 'c' || c == 's') {
			long v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < (c == 'c' ? 0 : 1) || v > 2000000)
				return bad("demo", c == 'c' ? "clients" : "seed",
				           _("give a whole number, e.g. 20000"));
			*(c == 'c' ? &clients : &seed) = v;
		} else {
			return bad("demo", argv[optind - 1] + 2, _("unknown option or missing value"));
		}
	}
	if (optind != argc)
		return usage(stderr);
	if (area == NULL)
		return bad("demo", "area", _("which area? e.g. --area pohjois-karjala"));
	struct lk_err err = { 0 };
	if (lk_area_find(area) == NULL) {
		lk_area_init(NULL, area, &err);
		return fail("demo", &err);
	}
	struct lk_store *st = open_store("demo", o->db, true, &status);
	if (st == NULL)
		return status;
	struct lk_demo_stats ds;
	if (lk_demo_build(st, area, clients, (unsigned long)seed, 0, &ds, &err) != LK_OK)
		status = fail("demo", &err);
	else
		status = seed_log("demo", st);
	lk_store_close(st);
	return status;
}

static int
cmd_seed(const struct lk_node_config *o, int argc, char **argv)
{
	(void)argv;
	int status;
	if (argc != 1)
		return usage(stderr);
	struct lk_store *st = open_store("seed", o->db, false, &status);
	if (st == NULL)
		return status;
	status = seed_log("seed", st);
	lk_store_close(st);
	return status;
}

static int
cmd_backup(const struct lk_node_config *o, int argc, char **argv)
{
	int status;
	if (argc != 2)
		return bad("backup", "file", _("give the file to write the copy to"));
	struct lk_store *st = open_store("backup", o->db, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_hub_backup(st, argv[1], &err) != LK_OK)
		status = fail("backup", &err);
	lk_store_close(st);
	return status;
}

static int
cmd_restore(const struct lk_node_config *o, int argc, char **argv)
{
	if (argc != 2)
		return bad("restore", "file", _("give the backup file to restore"));
	struct lk_err err = { 0 };
	struct lk_restore_info info;
	if (lk_hub_restore(o->db, argv[1], &info, &err) != LK_OK)
		return fail("restore", &err);
	printf(_("restored %s from %s: the node's log now ends at change %lld and is named %s.\n"),
	       o->db, argv[1], (long long)info.head, info.id);
	printf("%s\n", _("What the desks do at their next sync, by themselves: a desk that synced "
	                 "after this backup sends again its own changes the node lacks (kept until "
	                 "a backup holds them) and asks again for what other desks sent after the "
	                 "backup's last change; a desk that did not sync since goes on as before. "
	                 "Nothing is deleted on any desk. A desk enrolled after the backup is unknown "
	                 "here: enrol it again (luukkud enrol NAME) and sync it. A luukkud running on "
	                 "this store goes on with the restored copy."));
	return 0;
}

struct run_ctx {
	struct lk_node_config *o;
	struct lk_store *st;
};

/* SIGHUP: read the config's log level again; enrolments are read from the
 * store at every connect, so the count logged is the one now in force. */
static void
reload(void *p)
{
	struct run_ctx *rc = p;
	if (rc->o->config) {
		dictionary *ini = iniparser_load(rc->o->config);
		const char *v = ini ? iniparser_getstring(ini, "node:log_level", NULL) : NULL;
		if (v && !lk_log_set_level(v))
			lk_log(LK_LOG_WARN, "reload: log_level '%s' is not error, warn, info or debug", v);
		if (ini == NULL)
			lk_log(LK_LOG_WARN, "reload: cannot read %s; kept the settings", rc->o->config);
		iniparser_freedict(ini);
	}
	lk_log(LK_LOG_INFO, "reloaded: %d desk(s) enrolled", lk_hub_desk_count(rc->st));
}

static int
run_node(struct lk_node_config *o)
{
	int status;
	struct lk_store *st = open_store("", o->db, false, &status);
	if (st == NULL)
		return status;
	struct lk_hub hub;
	struct lk_err err = { 0 };
	if (lk_hub_open(&hub, st, &err) != LK_OK) {
		status = fail("", &err);
		lk_store_close(st);
		return status;
	}
	struct run_ctx rc = { o, st };
	struct lk_node_opts no = { .listen = o->listen, .idle_seconds = o->idle, .reload = reload,
	                           .ctx = &rc, .db_path = o->db, .backup_dir = o->backup_dir,
	                           .backup_interval_ms = (int64_t)o->backup_interval * 1000,
	                           .backup_keep = o->backup_keep };
	status = lk_node_run(&hub, &no);
	lk_hub_close(&hub);
	lk_store_close(st);
	return status;
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "listen", required_argument, NULL, 'l' },
		{ "log-level", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	/* The output rule of luukku's CLI (cmd-guard.c): what a desk sent
	 * (names, messages) reaches the log and the terminal only cleaned. */
	cmd_guard_stderr();
	cmd_guard_stdout();
	struct lk_node_config o = { 0 };
	const char *lang = getenv("LUUKKU_LANG");
	lk_config_quiet();
	lk_i18n_init(lang && *lang ? lang : "fi");
	int c;
	while ((c = getopt_long(argc, argv, "+c:d:l:L:hV", lo, NULL)) != -1) {
		switch (c) {
		case 'c': o.config = optarg; break;
		case 'd': o.db = optarg; break;
		case 'l': o.listen = optarg; break;
		case 'L': o.log_level = optarg; break;
		case 'h': return usage(stdout);
		case 'V': printf("luukkud %s\n", VERSION); return 0;
		default: return usage(stderr);
		}
	}
	dictionary *ini = NULL;
	struct lk_config_err ce = { 0 };
	int status = lk_node_config_load(&o, &ini, &ce);
	if (status != 0) {
		fprintf(stderr, "luukkud: --config: %s: %s\n", ce.value, lk_config_err_text(&ce));
		return status;
	}
	if ((status = lk_node_config_settle(&o, ini, &ce)) != 0) {
		iniparser_freedict(ini);
		return bad("", ce.key, lk_config_err_text(&ce));
	}
	if (optind >= argc) {
		status = run_node(&o);
	} else {
		const char *cmd = argv[optind];
		char **args = argv + optind;
		int nargs = argc - optind;
		optind = 0;
		if (strcmp(cmd, "init") == 0)
			status = cmd_init(&o, nargs, args);
		else if (strcmp(cmd, "enrol") == 0)
			status = cmd_enrol(&o, nargs, args);
		else if (strcmp(cmd, "revoke") == 0)
			status = cmd_revoke(&o, nargs, args);
		else if (strcmp(cmd, "backup") == 0)
			status = cmd_backup(&o, nargs, args);
		else if (strcmp(cmd, "restore") == 0)
			status = cmd_restore(&o, nargs, args);
		else if (strcmp(cmd, "demo") == 0)
			status = cmd_demo(&o, nargs, args);
		else if (strcmp(cmd, "seed") == 0)
			status = cmd_seed(&o, nargs, args);
		else {
			fprintf(stderr, "luukkud: %s '%s'\n", _("unknown command"), cmd);
			status = usage(stderr);
		}
	}
	iniparser_freedict(ini);
	return status;
}
