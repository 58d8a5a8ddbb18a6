/*
 * feedback.c — recording quick feedback (feedback.h). The word is checked
 * here and nowhere else; every statement binds its values.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "store/feedback.h"
#include "store/store-internal.h"
#include "store/validate.h"

enum lk_status
lk_feedback_check_word(const char *word, char *out, size_t size, struct lk_err *err)
{
	enum lk_status rc;
	if (size > 0)
		out[0] = '\0';
	if (word == NULL || word[0] == '\0')
		return LK_OK;
	if ((rc = lk_check_text("word", word, LK_FEEDBACK_WORD_MAX, err)) != LK_OK)
		return rc;
	if (lk_text_has_hetu(word))
		return lk_err_set(err, LK_EINPUT, "word", "never an identity code: one word only");
	/* Bytes: ASCII must be letters, hyphen or apostrophe; other letters
	 * (å, ä, ö…) are valid UTF-8 already. */
	for (const unsigned char *p = (const unsigned char *)word; *p; p++) {
		if (isdigit(*p))
			return lk_err_set(err, LK_EINPUT, "word", "a word only: no digits");
		if (*p < 0x80 && !isalpha(*p) && *p != '-' && *p != '\'')
			return lk_err_set(err, LK_EINPUT, "word", "one word of letters: no spaces or signs");
	}
	if (out == NULL || size == 0)
		return LK_OK;
	/* In lower case, so "Hyvä" and "hyvä" count as one word. */
	wchar_t w[LK_FEEDBACK_WORD_MAX + 1];
	size_t n = mbstowcs(w, word, LK_FEEDBACK_WORD_MAX + 1);
	if (n != (size_t)-1 && n <= LK_FEEDBACK_WORD_MAX) {
		for (size_t i = 0; i < n; i++)
			w[i] = (wchar_t)towlower((wint_t)w[i]);
		w[n] = L'\0';
		if (wcstombs(out, w, size) != (size_t)-1)
			return LK_OK;
	}
	snprintf(out, size, "%s", word);
	for (char *p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return LK_OK;
}

enum lk_status
lk_feedback_give(struct lk_store *st, const char *point, int score, const char *word,
                 bool kiosk, struct lk_err *err)
{
	enum lk_status rc;
	char w[4 * LK_FEEDBACK_WORD_MAX + 1];
	if (point == NULL || point[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "point", "the service point is needed");
	if (score < 1 || score > 5)
		return lk_err_set(err, LK_EINPUT, "score", "a score is 1-5, not %d", score);
	if ((rc = lk_feedback_check_word(word, w, sizeof w, err)) != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM service_point WHERE id = ?1", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, point, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(s);
	sqlite3_finalize(s);
	if (step == SQLITE_DONE) {
		rc = lk_err_set(err, LK_ENOTFOUND, "point", "no service point '%.64s'", point);
		goto fail;
	}
	if (step != SQLITE_ROW) {
		rc = lk_sql_err(st, err, "service_point");
		goto fail;
	}
	char id[LK_ID_LEN + 1], day[11];
	lk_new_id(id);
	lk_date_iso(lk_today(), day, sizeof day);
	s = lk_prepare(st, "INSERT INTO feedback(id, point_id, given_on, score, word, source)"
	                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, point, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, score);
	lk_bind_text(s, 5, w[0] ? w : NULL);
	sqlite3_bind_text(s, 6, kiosk ? "kiosk" : "desk", -1, SQLITE_STATIC);
	rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, "feedback");
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}
