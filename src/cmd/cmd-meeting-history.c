/*
 * cmd-meeting-history.c — `luukku meeting history ID [--tsv]`: what became
 * of a booking, step by step. TSV rows: at, what, staff, from, to.
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/appointment.h"

static int
print_event(const struct lk_appointment_event *e, void *ctx)
{
	char at[20], from[20] = "", to[20] = "";
	if (*(bool *)ctx) {
		if (e->old_start)
			lk_time_iso(e->old_start, from, sizeof from);
		if (e->new_start)
			lk_time_iso(e->new_start, to, sizeof to);
		cmd_tsv(stdout, lk_time_iso(e->at, at, sizeof at), false);
		cmd_tsv(stdout, e->what, false);
		cmd_tsv(stdout, e->staff_name, false);
		cmd_tsv(stdout, from, false);
		cmd_tsv(stdout, to, true);
		return 0;
	}
	cmd_col(lk_time_fi(e->at, at, sizeof at), 16);
	cmd_col(_(lk_appointment_state_label(e->what)), 14);
	cmd_col(e->staff_name[0] ? e->staff_name : "–", 24);
	if (e->old_start)
		printf("%s → %s", lk_time_fi(e->old_start, from, sizeof from),
		       lk_time_fi(e->new_start, to, sizeof to));
	else if (e->new_start)
		printf("%s", lk_time_fi(e->new_start, to, sizeof to));
	printf("\n");
	return 0;
}

static int
exec_history(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv;
	int status;
	if ((status = cmd_parse_tsv(ctx, argc, argv, 1, &tsv)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_appointment_history(st, argv[optind], print_event, &tsv, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_meeting_history_entry = {
	"meeting", "history", "ID [--tsv]", N_("what became of a booking, step by step"),
	exec_history,
};
