/*
 * cmd-piste.c — `luukku piste log`: log a walk-in visit, anonymous unless a
 * client is given.
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/visit.h"

static int
exec_piste_log(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "point", required_argument, NULL, 'p' },
		{ "topic", required_argument, NULL, 't' },
		{ "client", required_argument, NULL, 'c' },
		{ "minutes", required_argument, NULL, 'm' },
		{ "note", required_argument, NULL, 'n' },
		{ "oral-consent", no_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct lk_visit_input in = { .minutes = -1, .staff = ctx->staff_id };
	long minutes;
	int c, status = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'p': in.point = optarg; break;
		case 't': in.topic = optarg; break;
		case 'c': in.client = optarg; break;
		case 'n': in.note = optarg; break;
		case 'o': in.oral_consent = true; break;
		case 'm':
			if (!cmd_int(ctx, "minutes", optarg, 0, 600, &minutes, &status))
				return status;
			in.minutes = (int)minutes;
			break;
		default: return cmd_bad_option(ctx, argv, c);
		}
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 0)))
		return status;
	if (in.point == NULL)
		in.point = ctx->point_id;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	char id[LK_ID_LEN + 1];
	if (lk_visit_log(st, &in, id, &err) == LK_OK)
		printf("%s\n", id);
	else
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_piste_log_entry = {
	"piste", "log", "--point ID --topic tyonhaku|koulutus|digi|rinnalla|muu [--client ID] "
	"[--minutes N] [--note TEXT] [--oral-consent]", N_("log a walk-in visit"), exec_piste_log,
};
