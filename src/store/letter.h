/*
 * letter.h — an appointment letter from what the store knows: the booking,
 * its client (name, language, phone, service line), the staff member and
 * the service point (name, street address, hours), rendered by
 * core/letter-text.h in the client's language. Shared by `luukku letter` and
 * the calendar screen. Does not audit: the caller records the printing
 * (docs/architecture.md#audit: printing is audited) once the letter has gone where it goes.
 */
#ifndef LK_STORE_LETTER_H
#define LK_STORE_LETTER_H

#include <stdbool.h>

#include "store/store.h"

/* Plain Finnish (selkosuomi): as the client's flag says (client
 * plain_language, for a Finnish letter), or forced on or off. */
enum lk_letter_plain { LK_LETTER_PLAIN_CLIENT, LK_LETTER_PLAIN_YES, LK_LETTER_PLAIN_NO };

struct lk_letter_made {
	char client_id[65];
	char lang[8];          /* the language it was written in */
	bool plain;            /* whether in plain Finnish */
	int len;               /* bytes of text in the buffer */
};

/* Write the letter of appointment `id` into buf (8 KiB is plenty) in
 * `lang` (NULL: the client's own), in plain Finnish by `plain`: YES
 * always, NO never, CLIENT when the client needs plain language and the
 * letter is Finnish ("fi").
 * LK_ENOTFOUND (field "id") for an unknown booking; LK_EINPUT for one
 * without a client (field "id"), an unknown lang ("lang"), or plain with
 * Swedish or English ("plain"); LK_ECLASH ("id") for a booking that is no
 * longer booked (cancelled, held, missed). */
enum lk_status lk_letter_make(struct lk_store *st, const char *id, const char *lang,
                              enum lk_letter_plain plain, char *buf, size_t size,
                              struct lk_letter_made *made, struct lk_err *err);

/* The invitation to event `event_id` for a client on its list (invited,
 * signed up or waiting), the same way: in `lang` or the client's own, plain
 * Finnish by `plain`; the host signs it; an obligatory invitation says that
 * attending is part of the service process (store/event-letter.c).
 * LK_ENOTFOUND for an unknown event ("id") or a client not on the list
 * ("client"); LK_ECLASH for a cancelled event ("id") or a client who
 * cancelled or was marked already ("client"). */
enum lk_status lk_letter_make_invitation(struct lk_store *st, const char *event_id,
                                         const char *client_id, const char *lang,
                                         enum lk_letter_plain plain, char *buf, size_t size,
                                         struct lk_letter_made *made, struct lk_err *err);

#endif
