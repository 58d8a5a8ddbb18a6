/*
 * cmd-meeting-reschedule.c — `luukku meeting reschedule ID --at TIME`: move
 * a booking; a clash is refused with exit status 4, naming it. The
 * booking's history keeps where it was.
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/appointment.h"

static int
exec_reschedule(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *at = NULL;
	int c, status;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'a')
			at = optarg;
		else
			return cmd_bad_option(ctx, argv, c);
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 1)))
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
