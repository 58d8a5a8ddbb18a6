/*
 * cmd-demo.c — `luukku demo --area AREA --clients N --seed S`: a
 * deterministic demo area in an empty database.
 */
#include <getopt.h>
#include <time.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/area.h"
#include "store/demo.h"

static int
exec_demo(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *area = "pohjois-karjala";
	int clients = 2000, seed = 1;
	bool only_clients = false;
	struct cmd_opt opts[] = {
		CMD_STRING("area", &area),
		CMD_INT("clients", &clients, 0, 1700000),
		CMD_INT("seed", &seed, 0, 2147483647),
		CMD_FLAG("only-clients", &only_clients),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (lk_area_find(area) == NULL) {
		struct lk_err err;
		lk_area_init(NULL, area, &err);
		return cmd_fail(ctx, &err);
	}
	struct lk_store *st = cmd_open(ctx, true, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_demo_stats s;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (lk_demo_build(st, area, clients, (unsigned long)seed,
	                  only_clients ? LK_DEMO_ONLY_CLIENTS : 0, &s, &err) != LK_OK) {
		status = cmd_fail(ctx, &err);
	} else {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		fprintf(stderr, _("%s: %ld staff, %ld clients, %ld appointments, %ld plans, "
		                  "%ld measures, %ld TYM cases, %ld visits in %.1f s\n"),
		        area, s.staff, s.clients, s.appointments, s.plans, s.measures, s.tym_cases,
		        s.visits, secs);
	}
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_demo_entry = {
	"demo", NULL, "--area AREA --clients N --seed S [--only-clients]", N_("build a demo area"), exec_demo,
};
