/*
 * fuzz_config.c — libFuzzer target for the config loaders: luukku.ini
 * (cmd/config.c: [store], [ui], [desk]; ui/keys-config.c: [keys]) and
 * luukkud.ini (cmd/config.c: [node], [backup]). The input is written to a temp file
 * and loaded as each program loads it.
 *
 * Never a crash or a leak; a file is either refused naming a key with a
 * message, or gives values that pass the same checks main() makes.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <iniparser.h>

#include "cmd/config.h"
#include "sync/code.h"
#include "ui/keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char path[64];

static void
check(bool ok)
{
	if (!ok)
		abort();
}

/* iniparser reports syntax errors on stderr; the loaders' answer is enough. */
static int
quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *tmp = getenv("TMPDIR");
	snprintf(path, sizeof path, "%s/fuzz-config-XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	unsetenv("LUUKKUD_DB");
	unsetenv("LUUKKUD_CONFIG");
	iniparser_set_error_callback(quiet);
	return 0;
}

static void
desk(void)
{
	struct lk_desk_config dc;
	struct lk_config_err err = { 0 };
	if (lk_desk_config_load(path, &dc, &err) != 0) {
		check(err.key && strcmp(err.key, "config") == 0 && err.msg && err.msg[0]);
		check(dc.ini == NULL);
		return;
	}
	check(dc.ini != NULL);
	if (dc.lang)
		(void)lk_config_lang_ok(dc.lang);
	if (dc.role)
		check(lk_config_role_ok(dc.role) ==
		      (!dc.role[0] || !strcmp(dc.role, "desk") || !strcmp(dc.role, "kiosk")));
	const char *strs[] = { dc.db, dc.lang, dc.staff, dc.point, dc.role };
	for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
		if (strs[i])
			(void)strlen(strs[i]);
	(void)iniparser_getlongint(dc.ini, "ui:lock_minutes", 5);
	(void)iniparser_getint(dc.ini, "kiosk:idle_seconds", 0);
	(void)iniparser_getint(dc.ini, "retention:visit_months", 24);
	lk_desk_config_free(&dc);

	char msg[256] = "";
	if (!lk_keys_load_config(path, msg, sizeof msg))
		check(msg[0] != '\0');
}

static void
node(void)
{
	struct lk_node_config o = { .config = path };
	struct lk_config_err err = { 0 };
	dictionary *ini = NULL;
	if (lk_node_config_load(&o, &ini, &err) != 0) {
		check(err.key && strcmp(err.key, "config") == 0 && err.msg && err.msg[0]);
		check(ini == NULL);
		return;
	}
	check(ini != NULL && o.config == path);
	int rc = lk_node_config_settle(&o, ini, &err);
	if (rc != 0) {
		check(err.key && err.msg && err.msg[0]);
		check(!strcmp(err.key, "log-level") || !strcmp(err.key, "idle_timeout") ||
		      !strcmp(err.key, "listen") || !strcmp(err.key, "backup.interval") ||
		      !strcmp(err.key, "backup.keep"));
	} else {
		char host[256], port[16];
		check(o.db && o.db[0] && o.listen && o.listen[0]);
		check(o.idle >= 1 && o.idle <= 3600);
		check(o.backup_interval >= 1 && o.backup_interval <= 30L * 86400);
		check(o.backup_keep >= 1 && o.backup_keep <= 1000);
		check(o.backup_dir == NULL || o.backup_dir[0]);
		check(lk_hostport(o.listen, host, sizeof host, port, sizeof port));
	}
	iniparser_freedict(ini);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	desk();
	node();
	return 0;
}
