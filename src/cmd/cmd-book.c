/*
 * cmd-book.c — `luukku book …`: book a meeting; a clash with the same staff
 * member or room is refused with exit status 4, naming the clash. An initial
 * interview is face to face unless --channel says otherwise, and booked
 * remote it needs --reason (exit status 2 without one).
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/appointment.h"

static int
exec_book(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "client", required_argument, NULL, 'c' },
		{ "staff", required_argument, NULL, 's' },
		{ "kind", required_argument, NULL, 'k' },
		{ "at", required_argument, NULL, 'a' },
		{ "minutes", required_argument, NULL, 'm' },
		{ "channel", required_argument, NULL, 'C' },
		{ "point", required_argument, NULL, 'p' },
		{ "room", required_argument, NULL, 'r' },
		{ "interpreter", required_argument, NULL, 'i' },
		{ "note", required_argument, NULL, 'n' },
		{ "reason", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	struct lk_booking b = { .minutes = 60, .actor = ctx->staff_id };
	long minutes;
	int c, status = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'c': b.client = optarg; break;
		case 's': b.staff = optarg; break;
		case 'k': b.kind = optarg; break;
		case 'a': b.at = optarg; break;
		case 'm':
			if (!cmd_int(ctx, "minutes", optarg, 5, 480, &minutes, &status))
				return status;
			b.minutes = (int)minutes;
			break;
		case 'C': b.channel = optarg; break;
		case 'p': b.point = optarg; break;
		case 'r': b.room = optarg; break;
		case 'i': b.interpreter = optarg; break;
		case 'n': b.note = optarg; break;
		case 'R': b.reason = optarg; break;
		default: return cmd_bad_option(ctx, argv, c);
		}
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 0)))
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
	"[--note TEXT] [--reason TEXT]",
	N_("book a meeting"), exec_book,
};
