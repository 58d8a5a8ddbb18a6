/*
 * event-letter.c — the invitation letter of a group session or info event
 * for one client on its list (store/letter.h), through the appointment
 * letter's machinery: the facts from the store, the wording from
 * core/letter-text.c in the client's language (fi, sv, en, plain Finnish).
 */
#include <stdio.h>
#include <string.h>

#include "core/letter-text.h"
#include "store/area.h"
#include "store/client.h"
#include "store/event.h"
#include "store/letter.h"
#include "store/staff.h"
#include "store/store-internal.h"

enum lk_status
lk_letter_make_invitation(struct lk_store *st, const char *event_id, const char *client_id,
                          const char *lang, enum lk_letter_plain how, char *buf, size_t size,
                          struct lk_letter_made *made, struct lk_err *err)
{
	struct lk_event e;
	struct lk_client cl;
	struct lk_staff sf;
	struct lk_point p = { 0 };
	char client_name[256], staff_name[256], state[12] = "";
	int obligation = 0;
	enum lk_status rc;
	if (lang && !lk_letter_lang_known(lang))
		return lk_err_set(err, LK_EINPUT, "lang", "'%s' is not one of fi, sv, en", lang);
	if (client_id == NULL)
		return lk_err_set(err, LK_EINPUT, "client", "which client? (--client ID)");
	if ((rc = lk_event_get(st, event_id, &e, err)) != LK_OK)
		return rc;
	if (strcmp(e.status, "cancelled") == 0)
		return lk_err_set(err, LK_ECLASH, "id", "the event is cancelled");
	sqlite3_stmt *s = lk_prepare(st, "SELECT state, obligation FROM event_participant_state"
	                                 " WHERE event_id = ?1 AND client_id = ?2", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, event_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, client_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW) {
		lk_col_text(s, 0, state, sizeof state);
		obligation = sqlite3_column_int(s, 1);
	}
	sqlite3_finalize(s);
	if (!state[0])
		return lk_err_set(err, LK_ENOTFOUND, "client", "the client is not on the list");
	if (strcmp(state, "invited") != 0 && strcmp(state, "signed-up") != 0 &&
	    strcmp(state, "waiting") != 0)
		return lk_err_set(err, LK_ECLASH, "client", "the client is %s: no letter", state);
	if ((rc = lk_client_get(st, client_id, &cl, err)) != LK_OK ||
	    (rc = lk_staff_get(st, e.host_id, &sf, err)) != LK_OK ||
	    (rc = lk_point_get(st, e.point_id, &p, err)) != LK_OK)
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
		.lang = lang, .plain = plain, .client_name = client_name, .client_phone = cl.phone,
		.kind = "muu", .channel = "face", .start = e.start, .minutes = e.minutes,
		.staff_name = staff_name, .point_name = p.name, .street = p.street,
		.postcode = p.postcode, .town = p.town, .opens = p.opens[0] ? p.opens : "08:00",
		.closes = p.closes[0] ? p.closes : "16:00", .interpreter = "",
		.event_title = e.title, .event_kind = e.kind,
		.event_room = e.room_name[0] ? e.room_name : e.link, .event_partner = e.partner,
		.obligation = obligation != 0,
	};
	int len = lk_letter_render(&l, buf, size);
	if (len < 0)
		return lk_err_set(err, LK_EFAIL, "", "the letter does not fit its buffer");
	snprintf(made->client_id, sizeof made->client_id, "%s", client_id);
	snprintf(made->lang, sizeof made->lang, "%s", lang);
	made->plain = plain;
	made->len = len;
	return LK_OK;
}
