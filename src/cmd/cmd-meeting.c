/*
 * cmd-meeting.c — `luukku meeting done|checkin|no-show|cancel ID`: move a
 * booking on. A held meeting (done) counts in the client's due list.
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/appointment.h"

/* The words of the command line and the states they lead to. */
static const struct {
	const char *action, *status;
} actions[] = {
	{ "done", "done" }, { "checkin", "checked-in" }, { "no-show", "no-show" },
	{ "cancel", "cancelled" },
};

static int
exec_meeting(struct cmd_ctx *ctx, int argc, char **argv)
{
	int status;
	if ((status = cmd_parse_args(ctx, argc, argv, 2)))
		return status;
	const char *to = NULL;
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (strcmp(actions[i].action, argv[optind]) == 0)
			to = actions[i].status;
	if (to == NULL)
		return cmd_usage(ctx, "action", _("'%s' is not one of: done, checkin, no-show, cancel"),
		                 argv[optind]);
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_appointment_set_status_by(st, argv[optind + 1], to, ctx->staff_id, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_meeting_entry = {
	"meeting", NULL, "done|checkin|no-show|cancel ID", N_("record what became of a meeting"),
	exec_meeting,
};
