/*
 * cmd-letter.c — `luukku letter APPOINTMENT_ID [--lang fi|sv|en]
 * [--plain|--no-plain] [--out FILE]`: the appointment letter for the client
 * as plain text, in the client's language (client.lang) unless --lang says
 * otherwise; the wording is core/letter-text.c's, never the desk's UI language.
 *
 * A Finnish letter is in plain Finnish (selkosuomi) when the client needs
 * plain language (client.plain_language, `client set --plain-language`);
 * --plain forces it, --no-plain leaves it out. Only booked (scheduled
 * or arrived) meetings with a client get a letter. Printing a letter is
 * audited (docs/architecture.md#audit: printing is audited), under the client's id.
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/letter.h"

static int
exec_letter(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *lang = NULL;
	static const char both[] = N_("choose either --plain or --no-plain, not both");
	int plain = LK_LETTER_PLAIN_CLIENT;
	struct cmd_out out = { 0 };
	struct cmd_opt opts[] = {
		CMD_STRING("lang", &lang),
		CMD_SET("plain", &plain, LK_LETTER_PLAIN_YES, "plain", both),
		CMD_SET("no-plain", &plain, LK_LETTER_PLAIN_NO, "plain", both),
		CMD_STRING("out", &out.path),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 1)))
		return status;
	const char *id = argv[optind];
	if (!lk_id_valid(id))
		return cmd_usage(ctx, "id", _("'%s' is not an appointment id"), id);
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_letter_made made;
	char text[8192], detail[128];
	if (lk_letter_make(st, id, lang, (enum lk_letter_plain)plain, text, sizeof text, &made, &err) != LK_OK)
		goto fail;
	size_t len = (size_t)made.len;
	if ((status = cmd_out_stage(ctx, &out, text, len)))
		goto done;
	snprintf(detail, sizeof detail, "letter %s %s%s", id, made.lang, made.plain ? " plain" : "");
	if (lk_audit(st, ctx->staff_id, "print-letter", made.client_id, detail, &err) != LK_OK) {
		cmd_out_finish(ctx, &out, text, len, false);
		goto fail;
	}
	status = cmd_out_finish(ctx, &out, text, len, true);
	goto done;
fail:
	status = cmd_fail(ctx, &err);
done:
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_letter_entry = {
	"letter", NULL, "APPOINTMENT_ID [--lang fi|sv|en] [--plain|--no-plain] [--out FILE]",
	N_("the appointment letter for the client, in the client's language"), exec_letter,
};
