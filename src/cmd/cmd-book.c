/*
 * cmd-book.c — `luukku book …`: book a meeting; a time no office can keep
 * (past, outside the hours, not a business day, a Helsinki gap or repeat)
 * is refused with exit status 2, a clash with the same staff member, room
 * or client, or a second initial interview, with 4 — each named
 * (store/appointment.h). `--held` records a meeting already held: done at
 * once, audited. An initial
 * interview is face to face unless --channel says otherwise, and booked
 * remote it needs --reason (exit status 2 without one).
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/appointment.h"

static int
exec_book(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_booking b = { .minutes = 60, .actor = ctx->staff_id };
	struct cmd_opt opts[] = {
		CMD_STRING("client", &b.client),
		CMD_STRING("staff", &b.staff),
		CMD_STRING("kind", &b.kind),
		CMD_STRING("at", &b.at),
		CMD_INT("minutes", &b.minutes, 5, 480),
		CMD_STRING("channel", &b.channel),
		CMD_STRING("point", &b.point),
		CMD_STRING("room", &b.room),
		CMD_STRING("interpreter", &b.interpreter),
		CMD_STRING("note", &b.note),
		CMD_STRING("reason", &b.reason),
		CMD_FLAG("held", &b.held),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	char id[LK_ID_LEN + 1];
	if (lk_book(st, &b, id, &err) == LK_OK)
		printf("%s\n", id);
	else
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_book_entry = {
	"book", NULL,
	"--client ID --staff ID --kind KIND --at \"YYYY-MM-DD HH:MM\" --minutes N "
	"--channel face|phone|video|remote-point [--point ID] [--room ID] [--interpreter LANG] "
	"[--note TEXT] [--reason TEXT] [--held]",
	N_("book a meeting"), exec_book,
};
