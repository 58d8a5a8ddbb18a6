/*
 * cmd-letter.c — `luukku letter APPOINTMENT_ID [--lang fi|sv|en] [--plain]
 * [--out FILE]`: the appointment letter for the client as plain text, in
 * the client's language (client.lang) unless --lang says otherwise; the
 * wording is core/letter.c's, never the desk's UI language.
 *
 * --plain gives plain Finnish (selkosuomi); the schema keeps no flag for
 * it on the client, so the caseworker asks for it. Only booked (scheduled
 * or arrived) meetings with a client get a letter. Printing a letter is
 * audited (design.md: printing is audited), under the client's id.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/letter.h"
#include "i18n.h"
#include "store/appointment.h"
#include "store/area.h"
#include "store/audit.h"
#include "store/client.h"
#include "store/staff.h"

static int
exec_letter(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "plain", no_argument, NULL, 'p' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *lang = NULL;
	bool plain = false;
	struct cmd_out out = { 0 };
	int c, status;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			if (!lk_letter_lang_known(optarg))
				return cmd_usage(ctx, "lang", _("'%s' is not one of fi, sv, en"), optarg);
			lang = optarg;
			break;
		case 'p': plain = true; break;
		case 'o': out.path = optarg; break;
		default: return cmd_bad_option(ctx, argv, c);
		}
	}
	if ((status = cmd_extra_args(ctx, argc, argv, 1)))
		return status;
	const char *id = argv[optind];
	if (!lk_id_valid(id))
		return cmd_usage(ctx, "id", _("'%s' is not an appointment id"), id);
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_appointment a;
	struct lk_client cl;
	struct lk_staff sf;
	struct lk_point p = { 0 };
	char client_name[256], staff_name[256], text[8192];
	if (lk_appointment_get(st, id, &a, &err) != LK_OK)
		goto fail;
	if (!a.client_id[0]) {
		lk_err_set(&err, LK_EINPUT, "id", _("appointment '%s' has no client to write to"), id);
		goto fail;
	}
	if (strcmp(a.status, "scheduled") != 0 && strcmp(a.status, "checked-in") != 0) {
		lk_err_set(&err, LK_ECLASH, "id", _("appointment '%s' is %s: no letter"), id,
		           _(lk_appointment_state_label(a.status)));
		goto fail;
	}
	if (lk_client_get(st, a.client_id, &cl, &err) != LK_OK ||
	    lk_staff_get(st, a.staff_id, &sf, &err) != LK_OK)
		goto fail;
	if (a.point_id[0] && lk_point_get(st, a.point_id, &p, &err) != LK_OK)
		goto fail;
	if (lang == NULL)
		lang = cl.lang;
	if (plain && (strcmp(lang, "sv") == 0 || strcmp(lang, "en") == 0)) {
		status = cmd_usage(ctx, "plain", _("plain wording is in Finnish only; this letter is in %s"),
		                   lang);
		goto done;
	}
	snprintf(client_name, sizeof client_name, "%s %s", cl.given_names, cl.surname);
	snprintf(staff_name, sizeof staff_name, "%s %s", sf.given_names, sf.surname);
	struct lk_letter l = {
		.lang = lang, .plain = plain, .client_name = client_name,
		.client_phone = cl.phone, .koto = strcmp(cl.service_line, "koto") == 0,
		.kind = a.kind, .channel = a.channel, .start = a.start, .minutes = a.minutes,
		.staff_name = staff_name, .point_name = p.name, .street = p.street,
		.postcode = p.postcode, .town = p.town, .opens = p.opens[0] ? p.opens : "08:00",
		.closes = p.closes[0] ? p.closes : "16:00", .interpreter = a.interpreter,
	};
	int len = lk_letter_render(&l, text, sizeof text);
	if (len < 0) {
		lk_err_set(&err, LK_EFAIL, "", "the letter does not fit its buffer");
		goto fail;
	}
	if ((status = cmd_out_stage(ctx, &out, text, (size_t)len)))
		goto done;
	char detail[128];
	snprintf(detail, sizeof detail, "letter %s %s%s", a.id, lang, plain ? " plain" : "");
	if (lk_audit(st, ctx->staff_id, "print-letter", a.client_id, detail, &err) != LK_OK) {
		cmd_out_finish(ctx, &out, text, (size_t)len, false);
		goto fail;
	}
	status = cmd_out_finish(ctx, &out, text, (size_t)len, true);
	goto done;
fail:
	status = cmd_fail(ctx, &err);
done:
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_letter_entry = {
	"letter", NULL, "APPOINTMENT_ID [--lang fi|sv|en] [--plain] [--out FILE]",
	N_("the appointment letter for the client, in the client's language"), exec_letter,
};
