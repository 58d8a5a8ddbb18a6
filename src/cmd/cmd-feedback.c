/*
 * cmd-feedback.c — `luukku feedback --point ID --score N [--word W]`: record
 * quick feedback (1–5 and an optional word, anonymous) as the staff-side
 * device does; the kiosk asks the same after a ticket (ui/screen-kiosk.c).
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/feedback.h"

static int
exec_feedback(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "point", required_argument, NULL, 'p' },
		{ "score", required_argument, NULL, 's' },
		{ "word", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	const char *point = NULL, *word = NULL;
	long score = 0;
	int c, status = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'p': point = optarg; break;
		case 'w': word = optarg; break;
		case 's':
			if (!cmd_int(ctx, "score", optarg, 1, 5, &score, &status))
				return status;
			break;
		default: return cmd_bad_option(ctx, argv, c);
		}
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 0)))
		return status;
	if (score == 0)
		return cmd_usage(ctx, "score", _("the score 1-5 is needed"));
	if (point == NULL)
		point = ctx->point_id;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_feedback_give(st, point, (int)score, word, false, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_feedback_entry = {
	"feedback", NULL, "--point ID --score 1-5 [--word WORD]",
	N_("record quick feedback: a score 1-5 and an optional word, anonymous"), exec_feedback,
};
