/*
 * cmd-feedback.c — `luukku feedback --point ID --score N [--word W]`: record
 * quick feedback (1–5 and an optional word, anonymous) as the staff-side
 * device does; the kiosk asks the same after a ticket (ui/screen-kiosk.c).
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/feedback.h"

static int
exec_feedback(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *point = NULL, *word = NULL;
	int score = 0;
	struct cmd_opt opts[] = {
		CMD_STRING("point", &point),
		CMD_INT("score", &score, 1, 5),
		CMD_STRING("word", &word),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (score == 0)
		return cmd_usage(ctx, "score", _("the score 1-5 is needed"));
	if (point == NULL)
		point = ctx->point_id;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_feedback_give(st, point, score, word, false, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_feedback_entry = {
	"feedback", NULL, "--point ID --score 1-5 [--word WORD]",
	N_("record quick feedback: a score 1-5 and an optional word, anonymous"), exec_feedback,
};
