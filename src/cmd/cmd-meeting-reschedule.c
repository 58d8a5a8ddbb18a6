/*
 * cmd-meeting-reschedule.c — `luukku meeting reschedule ID --at TIME`: move
 * a booking; a clash is refused with exit status 4, naming it. The
 * booking's history keeps where it was.
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/appointment.h"

static int
exec_reschedule(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *at = NULL;
	struct cmd_opt opts[] = { CMD_STRING("at", &at), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 1)))
		return status;
	if (at == NULL)
		return cmd_usage(ctx, "at", _("when to? (--at \"YYYY-MM-DD HH:MM\")"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_appointment_reschedule(st, argv[optind], at, ctx->staff_id, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_meeting_reschedule_entry = {
	"meeting", "reschedule", "ID --at \"YYYY-MM-DD HH:MM\"", N_("move a booking to another time"),
	exec_reschedule,
};
