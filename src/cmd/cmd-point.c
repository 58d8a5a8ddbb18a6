/*
 * cmd-point.c — `luukku point list`: the area's service points, with the
 * point whose staff commute to each.
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/area.h"

static int
print_point(const struct lk_point *p, void *ctx)
{
	bool tsv = *(bool *)ctx;
	char fte[16] = "";
	if (p->fte > 0)
		snprintf(fte, sizeof fte, "%.1f", p->fte);
	if (tsv) {
		cmd_tsv(stdout, p->id, false);
		cmd_tsv(stdout, p->name, false);
		cmd_tsv(stdout, p->municipality, false);
		cmd_tsv(stdout, p->kind, false);
		cmd_tsv(stdout, p->street, false);
		cmd_tsv(stdout, fte, false);
		cmd_tsv(stdout, p->served_from, false);
		cmd_tsv(stdout, p->services, true);
		return 0;
	}
	cmd_col(p->id, 26);
	cmd_col(p->name, 28);
	cmd_col(p->municipality, 12);
	printf("%s", p->street);
	if (p->served_from[0])
		printf("  (%s %s: %s)", _("served from"), p->served_from, p->services);
	printf("\n");
	return 0;
}

static int
exec_point_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv;
	int status;
	if ((status = cmd_parse_tsv(ctx, argc, argv, 0, &tsv)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	status = lk_point_list(st, print_point, &tsv, &err) == LK_OK ? 0 : cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_point_list_entry = {
	"point", "list", "[--tsv]", N_("list the area's service points"), exec_point_list,
};
