/*
 * cmd-kiosk.c — `luukku kiosk`: turn this terminal into the self-service
 * check-in kiosk (ui/kiosk.h) until staff leave with their code.
 *
 * The staff code: --exit-code-file FILE (its first line), else [kiosk]
 * exit_code of the config. Either may hold the code itself or its argon2id
 * hash from crypto_pwhash_str ("$argon2id$…"); a plain code is hashed at
 * start and wiped from memory. Idle time before the kiosk starts over:
 * [kiosk] idle_seconds, else 120 seconds ($LUUKKU_KIOSK_IDLE_MS first, in a
 * test build only). The
 * point: --point, else [desk] point.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <iniparser.h>
#include <sodium.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/area.h"
#include "ui/kiosk.h"

#define IDLE_DEFAULT_MS 120000L

/* The first line of a file into buf; false when it cannot be read. */
static bool
read_first_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return false;
	bool ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\r\n")] = '\0';
	return ok;
}

static int
exec_kiosk(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *point = ctx->point_id, *code_file = NULL;
	struct cmd_opt opts[] = {
		CMD_STRING("point", &point),
		CMD_STRING("exit-code-file", &code_file),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (point == NULL || point[0] == '\0')
		return cmd_usage(ctx, "point", _("the kiosk needs its service point (--point or [desk] point)"));

	static char code[crypto_pwhash_STRBYTES + 64], hash[crypto_pwhash_STRBYTES];
	long idle_ms = IDLE_DEFAULT_MS;
	dictionary *ini = ctx->config_path ? iniparser_load(ctx->config_path) : NULL;
	if (code_file) {
		if (!read_first_line(code_file, code, sizeof code))
			status = cmd_usage(ctx, "exit-code-file", _("cannot read '%s': %s"), code_file,
			                   strerror(errno));
	} else if (ini) {
		const char *v = iniparser_getstring(ini, "kiosk:exit_code", NULL);
		if (v)
			snprintf(code, sizeof code, "%s", v);
	}
	if (ini) {
		int secs = iniparser_getint(ini, "kiosk:idle_seconds", 0);
		if (secs > 0)
			idle_ms = secs * 1000L;
		iniparser_freedict(ini);
	}
#ifdef LK_TEST_CLOCK
	/* Test builds only (Makefile TEST_CLOCK): the tmux tests shorten the
	 * idle reset; an installed kiosk takes it from its config alone. */
	const char *env = getenv("LUUKKU_KIOSK_IDLE_MS");
	long v;
	if (status == 0 && env && *env &&
	    cmd_int(ctx, "LUUKKU_KIOSK_IDLE_MS", env, 100, 86400000L, &v, &status))
		idle_ms = v;
#endif
	if (status == 0 && strlen(code) < 4)
		status = cmd_usage(ctx, "exit-code-file", _("a staff code of at least 4 characters is "
		                   "needed to leave the kiosk (--exit-code-file or [kiosk] exit_code)"));
	if (status == 0 && sodium_init() < 0)
		status = cmd_usage(ctx, NULL, "libsodium failed to start");
	if (status == 0) {
		if (strncmp(code, "$argon2", 7) == 0) {
			if (strlen(code) >= sizeof hash)
				status = cmd_usage(ctx, "exit-code-file", _("the staff code's hash is too long"));
			else
				memcpy(hash, code, strlen(code) + 1);
		}
		else if (crypto_pwhash_str(hash, code, strlen(code), crypto_pwhash_OPSLIMIT_INTERACTIVE,
		                           crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
			status = cmd_usage(ctx, NULL, _("cannot hash the staff code (out of memory)"));
	}
	sodium_memzero(code, sizeof code);
	if (status)
		return status;

	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_point p;
	struct lk_err err = { 0 };
	if (lk_point_get(st, point, &p, &err) != LK_OK) {
		status = cmd_fail(ctx, &err);
	} else {
		struct lk_kiosk_options opt = { .point_id = point, .exit_hash = hash, .idle_ms = idle_ms };
		status = lk_kiosk_run(st, &opt);
	}
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_kiosk_entry = {
	"kiosk", NULL, "[--point ID] [--exit-code-file FILE]",
	N_("self-service check-in kiosk: topic, first name, ticket"), exec_kiosk,
};
