/*
 * validate.h — checks of free text and codes that come from people, shared
 * by every write path of the store. Each check names the field it refuses.
 */
#ifndef LK_VALIDATE_H
#define LK_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* The text rule (core/text.h): valid shortest-form UTF-8, no control
 * characters, no bidi embedding or override, at most max bytes. */
enum lk_status lk_check_text(const char *field, const char *v, size_t max, struct lk_err *err);
/* The same for a name: no bidi control at all. */
enum lk_status lk_check_name(const char *field, const char *v, size_t max, struct lk_err *err);
/* Stored free text (notes, scopes, assessments, feedback words): the text
 * rule, and nothing written like an identity code (lk_hetu_in_text). */
enum lk_status lk_check_free_text(const char *field, const char *v, size_t max,
                                  struct lk_err *err);
/* "Surname, Given names" into the two parts (each at most 100 bytes). */
enum lk_status lk_split_name(const char *field, const char *v, char *surname, size_t ssize,
                             char *given, size_t gsize, struct lk_err *err);
/* v is one of the NULL-terminated list; otherwise refused listing them. */
enum lk_status lk_check_enum(const char *field, const char *v, const char *const *allowed,
                             struct lk_err *err);
/* A date "YYYY-MM-DD" or "d.m.yyyy" that exists in the calendar. */
enum lk_status lk_check_date(const char *field, const char *v, lk_date *out, struct lk_err *err);
/* A language code: 2–3 lower-case letters ("fi", "sv", "en", "ar"…). */
enum lk_status lk_check_lang(const char *field, const char *v, struct lk_err *err);
/* Does the text hold something written like an identity code, in any case,
 * with spaces or dashes (core/hetu.h lk_hetu_in_text)? */
bool lk_text_has_hetu(const char *v);

#endif
