/*
 * cmd-init.c — `luukku init --area AREA`: an empty database holding the
 * area's municipalities, service points and commuting links.
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/area.h"

static int
exec_init(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *area = NULL;
	int c, status;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'a')
			area = optarg;
		else
			return cmd_bad_option(ctx, argv, c);
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 0)))
		return status;
	if (area == NULL)
		return cmd_usage(ctx, "area", _("which area? e.g. --area pohjois-karjala"));
	if (lk_area_find(area) == NULL) {
		struct lk_err err;
		lk_area_init(NULL, area, &err);   /* only builds the message */
		return cmd_fail(ctx, &err);
	}
	struct lk_store *st = cmd_open(ctx, true, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	status = lk_area_init(st, area, &err) == LK_OK ? 0 : cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_init_entry = {
	"init", NULL, "--area AREA", N_("create an empty database of an area"), exec_init,
};
