/*
 * cmd-sync.c — `luukku sync`: one round with the central node, then a line
 * per change the node refused in it, with its reason. Exit 0 when the
 * round completed; 1 when the node cannot be reached or the link broke
 * (nothing is lost: the next round picks up where this one stopped).
 *
 * [sync] node of the config reaches the pinned node at another address.
 *
 * Also the wiring of the terminal's background sync (cmd_sync_tui): the
 * [sync] keys of the config and a round on a connection of its own.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include <iniparser.h>
#include <sodium.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/sync-desk.h"
#include "sync/link.h"
#include "ui/tui.h"

/* [sync] node of the config into buf ("" when not set). */
static void
config_node(const struct cmd_ctx *ctx, char *buf, size_t size)
{
	dictionary *ini = ctx->config_path ? iniparser_load(ctx->config_path) : NULL;
	const char *v = ini ? iniparser_getstring(ini, "sync:node", NULL) : NULL;
	snprintf(buf, size, "%s", v ? v : "");
	iniparser_freedict(ini);
}

static int
print_refused(const char *reason, void *ctx)
{
	(void)ctx;
	printf(_("refused by the node: %s\n"), reason);
	return 0;
}

static int
exec_sync(struct cmd_ctx *ctx, int argc, char **argv)
{
	int timeout = 10;
	bool quiet = false;
	struct cmd_opt opts[] = {
		CMD_INT("timeout", &timeout, 1, 600),
		{ .name = "quiet", .kind = CMD_OPT_FLAG, .dest = &quiet, .letter = 'q' },
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_sync_report r;
	char node[256];
	config_node(ctx, node, sizeof node);
	int64_t refused_before = lk_desk_refused_high(st);
	if (lk_link_sync_to(st, node, timeout * 1000, &r, &err) == LK_OK) {
		if (!quiet) {
			printf(_("synced: %d sent (%d refused), %d received, %d new conflict(s); "
			         "%ld bytes out, %ld bytes in\n"),
			       r.pushed, r.refused, r.pulled, r.conflicts, r.bytes_out, r.bytes_in);
			/* Each refusal of this round with the node's reason (kept
			 * in sync_refused; the change stays in this desk's file). */
			lk_desk_refused_since(st, refused_before, print_refused, NULL, NULL);
		}
	} else {
		status = cmd_fail(ctx, &err);
	}
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_sync_entry = {
	"sync", NULL, "[--timeout SECONDS] [--quiet]", N_("send and receive changes with the central node"),
	exec_sync,
};

/* The background rounds' settings: read once on the UI thread, then only
 * read by the worker. */
static struct {
	char db_path[4096];
	char node[256];
	int timeout_ms;
} bg;

/* One background round (on a worker thread): a store of its own. */
static bool
bg_round(void *ctx)
{
	(void)ctx;
	struct lk_sync_report r;
	struct lk_err err = { 0 };
	return lk_link_sync_path(bg.db_path, bg.node, bg.timeout_ms, &r, &err) == LK_OK;
}

/* An integer key of the config, or def when it is missing or bad. */
static int
ini_int(dictionary *ini, const char *key, int def, int min, int max)
{
	const char *v = ini ? iniparser_getstring(ini, key, NULL) : NULL;
	if (v == NULL || *v == '\0')
		return def;
	char *end;
	long n = strtol(v, &end, 10);
	if (*end != '\0' || n < min || n > max) {
		fprintf(stderr, "luukku: --config: %s: '%s' %s\n", key, v,
		        _("is not a valid number; using the default"));
		return def;
	}
	return (int)n;
}

bool
cmd_sync_tui(struct cmd_ctx *ctx, struct lk_store *st, struct lk_tui_sync *out)
{
	struct lk_desk_link l;
	enum lk_status enrolled = lk_desk_link_get(st, &l);
	sodium_memzero(&l, sizeof l);
	if (enrolled != LK_OK)
		return false;   /* never enrolled: local mode */
	dictionary *ini = ctx->config_path ? iniparser_load(ctx->config_path) : NULL;
	out->interval = ini_int(ini, "sync:interval", 60, 0, 86400);
	bg.timeout_ms = ini_int(ini, "sync:timeout", 10, 1, 600) * 1000;
	iniparser_freedict(ini);
	if (out->interval == 0)
		return false;
	snprintf(bg.db_path, sizeof bg.db_path, "%s", ctx->db_path);
	config_node(ctx, bg.node, sizeof bg.node);
	out->round = bg_round;
	out->ctx = NULL;
	return true;
}
