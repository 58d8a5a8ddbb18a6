/*
 * letter-text.h — the appointment letter for the client, as plain text in the
 * client's language: Finnish, Swedish, English, or plain Finnish
 * (selkosuomi, docs/rules.md#client-language: client-facing text in
 * Finnish, plain Finnish where needed; Finland is bilingual). A client
 * whose language is none of these gets Finnish and English, one after the
 * other.
 *
 * The wording lives here as one table per language, not in the gettext
 * catalogs: the letter is in the CLIENT's language while gettext speaks
 * the desk's UI language, and switching gettext's language for a moment
 * is process-wide state that a screen drawing at the same time would see.
 * A table per language also keeps each letter readable as a whole, and
 * plain Finnish is no locale gettext knows.
 *
 * The same tables write the invitation to a group session or info event
 * (event_title set): what, when, where, who hosts it, and when the
 * invitation is part of the service process, that attending is expected.
 *
 * Pure C: renders into the caller's buffer; no I/O, no SQLite, no locale.
 */
#ifndef LK_CORE_LETTER_TEXT_H
#define LK_CORE_LETTER_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

struct lk_letter {
	const char *lang;          /* "fi", "sv", "en"; anything else: fi + en */
	bool plain;                /* plain Finnish for the Finnish text */
	const char *client_name;   /* "Matti Virtanen" */
	const char *client_phone;  /* for a phone meeting; may be "" */
	bool koto;                 /* client in integration services (KOTO) */
	const char *kind;          /* appointment kind code: alkuhaastattelu, … */
	const char *channel;       /* face, phone, video, remote-point */
	lk_time start;
	int minutes;
	const char *staff_name;    /* "Liisa Mäkelä" */
	const char *point_name;    /* may be "" */
	const char *street, *postcode, *town;
	const char *opens, *closes;   /* "08:00", "16:00" */
	const char *interpreter;   /* language code, "" when none booked */
	/* An invitation to a group session or info event (store/event.h)
	 * instead of a booking: the title (NULL for a booking's letter), the
	 * event kind (info, targeted, group), the room or link, a partner
	 * organisation ("" for none), and whether attending is part of the
	 * service process. kind, channel and interpreter are not read then. */
	const char *event_title;
	const char *event_kind;
	const char *event_room;
	const char *event_partner;
	bool obligation;
};

/* Whether a letter language is one with its own wording (fi, sv, en). */
bool lk_letter_lang_known(const char *lang);

/* Render the letter into buf; returns its length, or -1 when buf is too
 * small (8 KiB is plenty for any letter). */
int lk_letter_render(const struct lk_letter *l, char *buf, size_t size);

#endif
