/*
 * cmd-demo.c — `luukku demo --area AREA --clients N --seed S`: a
 * deterministic demo area in an empty database.
 */
#include <getopt.h>
#include <time.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/area.h"
#include "store/demo.h"

static int
exec_demo(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "area", required_argument, NULL, 'a' },
		{ "clients", required_argument, NULL, 'c' },
		{ "seed", required_argument, NULL, 's' },
		{ "only-clients", no_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *area = "pohjois-karjala";
	long clients = 2000, seed = 1;
	int flags = 0;
	int c, status = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a': area = optarg; break;
		case 'c':
			if (!cmd_int(ctx, "clients", optarg, 0, 1700000, &clients, &status))
				return status;
			break;
		case 's':
			if (!cmd_int(ctx, "seed", optarg, 0, 2147483647, &seed, &status))
				return status;
			break;
		case 'o': flags |= LK_DEMO_ONLY_CLIENTS; break;
		default: return cmd_bad_option(ctx, argv, c);
		}
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 0)))
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
	if (lk_demo_build(st, area, clients, (unsigned long)seed, flags, &s, &err) != LK_OK) {
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
