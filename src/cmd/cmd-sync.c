/*
 * cmd-sync.c — `luukku sync`: one round with the central node. Exit 0 when
 * the round completed; 1 when the node cannot be reached or the link broke
 * (nothing is lost: the next round picks up where this one stopped).
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "sync/link.h"

static int
exec_sync(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "timeout", required_argument, NULL, 't' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	long timeout = 10;
	bool quiet = false;
	int c, status;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":q", opts, NULL)) != -1) {
		if (c == 't') {
			if (!cmd_int(ctx, "timeout", optarg, 1, 600, &timeout, &status))
				return status;
		} else if (c == 'q') {
			quiet = true;
		} else {
			return cmd_bad_option(ctx, argv, c);
		}
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 0)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_sync_report r;
	if (lk_link_sync(st, (int)timeout * 1000, &r, &err) == LK_OK) {
		if (!quiet)
			printf(_("synced: %d sent (%d refused), %d received, %d new conflict(s); "
			         "%ld bytes out, %ld bytes in\n"),
			       r.pushed, r.refused, r.pulled, r.conflicts, r.bytes_out, r.bytes_in);
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
