/*
 * hetu.h — the Finnish personal identity code (henkilötunnus), DDMMYYCZZZQ.
 *
 * Century signs: '+' 1800s; '-' 'Y' 'X' 'W' 'V' 'U' 1900s; 'A'–'F' 2000s
 * (the extra signs since 2023, so 010594Y9032 and 010594-9032 are two
 * different people). ZZZ 002–899 is a normal individual number (odd male,
 * even female), 900–999 a temporary or test code. The check character is
 * DDMMYYZZZ mod 31 indexed into "0123456789ABCDEFHJKLMNPRSTUVWXY".
 * Source: docs/rules.md#identity-code.
 *
 * Pure C: no I/O, no heap. Validation never guesses: lower-case letters,
 * spaces and the wrong length are refused with a reason.
 */
#ifndef LK_HETU_H
#define LK_HETU_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

#define LK_HETU_LEN 11

enum lk_hetu_error {
	LK_HETU_OK = 0,
	LK_HETU_ELENGTH,      /* not exactly 11 characters */
	LK_HETU_EDIGITS,      /* a non-digit where digits belong */
	LK_HETU_ECENTURY,     /* unknown century sign */
	LK_HETU_EDATE,        /* no such calendar date */
	LK_HETU_EINDIVIDUAL,  /* individual number 000 or 001 */
	LK_HETU_ECHECK,       /* check character does not match */
};

struct lk_hetu {
	lk_date birth;
	int individual;   /* 2–999 */
	char sex;         /* 'M' or 'F' */
	bool temporary;   /* individual number 900–999 */
	char century;     /* the sign as written */
};

/* Validate `s`; on LK_HETU_OK fill *out (which may be NULL). The checks run
 * in the order of the error enum and the first failure is reported. */
enum lk_hetu_error lk_hetu_parse(const char *s, struct lk_hetu *out);
/* English message (a gettext msgid) for an error, e.g. "check character does not match". */
const char *lk_hetu_strerror(enum lk_hetu_error e);
/* The check character for the nine digits DDMMYYZZZ, given as a number
 * (0–999999999, e.g. 131052308 -> 'T'); '\0' when out of that range. */
char lk_hetu_check_char(long nine_digits);
/* Make a valid code for a birth date and individual number, using the
 * canonical century sign ('+', '-' or 'A'), or `sign` when non-zero.
 * buf needs 12 bytes. Returns false (buf untouched) if the birth year is
 * outside 1800–2099, the number outside 2–999, `sign` is not a sign of the
 * birth year's century (e.g. 'A' for 1994), or size < 12. */
bool lk_hetu_make(lk_date birth, int individual, char sign, char *buf, size_t size);
/* "010594Y****": the birth part and century sign shown, the rest masked.
 * buf needs 12 bytes (a smaller one gets a truncated, terminated mask).
 * An input that is NULL or not 11 characters masks whole ("***********");
 * the input is not validated. */
char *lk_hetu_mask(const char *code, char *buf, size_t size);
/* Does free text hold something written like an identity code, however it
 * is written? Six digits that could be a birth date (day 01–31, month
 * 01–12), then one to three of: a century sign in either case, a space,
 * a dash, then three digits (010594Y9032, 010594y9032, 010594 Y9032,
 * 010594 - 9032, 010594-9032); or, with nothing between, the nine digits
 * followed by their right check character (0105949032). Not when the six
 * digits are the tail of a longer number. */
bool lk_hetu_in_text(const char *s);

#endif
