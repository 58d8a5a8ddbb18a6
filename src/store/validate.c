/*
 * validate.c — refusing bad input with a clear message naming the field.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/hetu.h"
#include "core/text.h"
#include "store/validate.h"

/* The text rule of core/text.h, refused naming the field. */
static enum lk_status
check_rule(const char *field, const char *v, size_t max, unsigned flags, struct lk_err *err)
{
	if (strlen(v) > max)
		return lk_err_set(err, LK_EINPUT, field, "too long (%zu bytes, at most %zu)",
		                  strlen(v), max);
	switch (lk_text_check(v, flags)) {
	case LK_TEXT_OK:
		return LK_OK;
	case LK_TEXT_EUTF8:
		return lk_err_set(err, LK_EINPUT, field, "not valid UTF-8 text");
	case LK_TEXT_ECONTROL:
		return lk_err_set(err, LK_EINPUT, field, "contains a control character");
	case LK_TEXT_EBIDI:
		return lk_err_set(err, LK_EINPUT, field, "contains a bidirectional text control");
	}
	return lk_err_set(err, LK_EINPUT, field, "not valid UTF-8 text");
}

enum lk_status
lk_check_text(const char *field, const char *v, size_t max, struct lk_err *err)
{
	return check_rule(field, v, max, 0, err);
}

enum lk_status
lk_check_name(const char *field, const char *v, size_t max, struct lk_err *err)
{
	return check_rule(field, v, max, LK_TEXT_NAME, err);
}

enum lk_status
lk_check_free_text(const char *field, const char *v, size_t max, struct lk_err *err)
{
	enum lk_status rc = check_rule(field, v, max, 0, err);
	if (rc == LK_OK && lk_hetu_in_text(v))
		return lk_err_set(err, LK_EINPUT, field,
		                  "looks like it holds an identity code; leave it out");
	return rc;
}

static void
trim_copy(char *dst, size_t size, const char *src, size_t len)
{
	while (len > 0 && isspace((unsigned char)*src))
		src++, len--;
	while (len > 0 && isspace((unsigned char)src[len - 1]))
		len--;
	if (len >= size)
		len = size - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

enum lk_status
lk_split_name(const char *field, const char *v, char *surname, size_t ssize, char *given,
              size_t gsize, struct lk_err *err)
{
	enum lk_status rc = lk_check_name(field, v, 201, err);
	if (rc != LK_OK)
		return rc;
	const char *comma = strchr(v, ',');
	if (comma == NULL)
		return lk_err_set(err, LK_EINPUT, field,
		                  "write the name as \"Surname, Given names\"");
	size_t sl = (size_t)(comma - v), gl = strlen(comma + 1);
	if (sl > 100 || gl > 100)
		return lk_err_set(err, LK_EINPUT, field, "too long (each part at most 100 bytes)");
	trim_copy(surname, ssize, v, sl);
	trim_copy(given, gsize, comma + 1, gl);
	if (surname[0] == '\0' || given[0] == '\0')
		return lk_err_set(err, LK_EINPUT, field, "both a surname and a given name are needed");
	if (strchr(given, ','))
		return lk_err_set(err, LK_EINPUT, field, "only one comma, after the surname");
	/* No name begins with what a spreadsheet reads as a formula. */
	if (strchr("=+-@", surname[0]) || strchr("=+-@", given[0]))
		return lk_err_set(err, LK_EINPUT, field, "a name does not begin with = + - or @");
	return LK_OK;
}

enum lk_status
lk_check_enum(const char *field, const char *v, const char *const *allowed, struct lk_err *err)
{
	char list[256] = "";
	for (const char *const *a = allowed; *a; a++) {
		if (strcmp(*a, v) == 0)
			return LK_OK;
		strncat(list, list[0] ? ", " : "", sizeof list - strlen(list) - 1);
		strncat(list, *a, sizeof list - strlen(list) - 1);
	}
	return lk_err_set(err, LK_EINPUT, field, "'%.40s' is not one of: %s", v, list);
}

enum lk_status
lk_check_date(const char *field, const char *v, lk_date *out, struct lk_err *err)
{
	if (!lk_date_parse(v, out))
		return lk_err_set(err, LK_EINPUT, field,
		                  "'%.40s' is not a date (YYYY-MM-DD or d.m.yyyy)", v);
	if (lk_date_to_ymd(*out).y < 1900 || lk_date_to_ymd(*out).y > 2100)
		return lk_err_set(err, LK_EINPUT, field, "'%.40s' is outside 1900-2100", v);
	return LK_OK;
}

enum lk_status
lk_check_lang(const char *field, const char *v, struct lk_err *err)
{
	size_t n = strlen(v);
	bool ok = n >= 2 && n <= 3;
	for (size_t i = 0; ok && i < n; i++)
		ok = v[i] >= 'a' && v[i] <= 'z';
	if (!ok)
		return lk_err_set(err, LK_EINPUT, field,
		                  "'%.40s' is not a language code like fi, sv, en", v);
	return LK_OK;
}

bool
lk_text_has_hetu(const char *v)
{
	return lk_hetu_in_text(v);
}
