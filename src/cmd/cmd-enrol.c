/*
 * cmd-enrol.c — `luukku enrol HOST:PORT CODE`: make or join a desk database
 * and pin the area's central node (the code comes from `luukkud enrol`).
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "sync/link.h"

static int
exec_enrol(struct cmd_ctx *ctx, int argc, char **argv)
{
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, NULL, 2)))
		return status;
	struct lk_store *st = cmd_open(ctx, true, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_desk_link l;
	if (lk_link_enrol(st, argv[optind], argv[optind + 1], 10000, &l, &err) == LK_OK)
		printf(_("enrolled as '%s' (scope %s) with the node at %s\n"), l.name, l.scope, l.node);
	else
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_enrol_entry = {
	"enrol", NULL, "HOST:PORT CODE", N_("join the area's central node with an enrolment code"),
	exec_enrol,
};
