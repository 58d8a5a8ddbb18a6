/*
 * letter.c — gathering an appointment letter's facts (store/letter.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/letter-text.h"
#include "i18n.h"
#include "store/appointment.h"
#include "store/area.h"
#include "store/client.h"
#include "store/letter.h"
#include "store/staff.h"

enum lk_status
lk_letter_make(struct lk_store *st, const char *id, const char *lang,
               enum lk_letter_plain how, char *buf, size_t size, struct lk_letter_made *made,
               struct lk_err *err)
{
	struct lk_appointment a;
	struct lk_client cl;
	struct lk_staff sf;
	struct lk_point p = { 0 };
	char client_name[256], staff_name[256];
	enum lk_status rc;
	if (lang && !lk_letter_lang_known(lang))
		return lk_err_set(err, LK_EINPUT, "lang", "'%s' is not one of fi, sv, en", lang);
	if ((rc = lk_appointment_get(st, id, &a, err)) != LK_OK)
		return rc;
	if (!a.client_id[0])
		return lk_err_set(err, LK_EINPUT, "id", "appointment '%s' has no client to write to", id);
	if (strcmp(a.status, "scheduled") != 0 && strcmp(a.status, "checked-in") != 0)
		return lk_err_set(err, LK_ECLASH, "id", "appointment '%s' is marked \"%s\": no letter",
		                  id, _(lk_appointment_state_label(a.status)));
	if ((rc = lk_client_get(st, a.client_id, &cl, err)) != LK_OK ||
	    (rc = lk_staff_get(st, a.staff_id, &sf, err)) != LK_OK)
		return rc;
	if (a.point_id[0] && (rc = lk_point_get(st, a.point_id, &p, err)) != LK_OK)
		return rc;
	if (lang == NULL)
		lang = cl.lang;
	bool plain = how == LK_LETTER_PLAIN_YES ||
		(how == LK_LETTER_PLAIN_CLIENT && cl.plain_language && strcmp(lang, "fi") == 0);
	if (plain && (strcmp(lang, "sv") == 0 || strcmp(lang, "en") == 0))
		return lk_err_set(err, LK_EINPUT, "plain",
		                  "plain wording is in Finnish only; this letter is in %s", lang);
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
	int len = lk_letter_render(&l, buf, size);
	if (len < 0)
		return lk_err_set(err, LK_EFAIL, "", "the letter does not fit its buffer");
	snprintf(made->client_id, sizeof made->client_id, "%s", a.client_id);
	snprintf(made->lang, sizeof made->lang, "%s", lang);
	made->plain = plain;
	made->len = len;
	return LK_OK;
}
