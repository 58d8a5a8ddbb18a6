/*
 * hetu.c — the Finnish personal identity code (see hetu.h).
 *
 * The century signs are a data table, each row citing docs/rules.md#identity-code
 * (the 2023 signs after the amendment of the
 * population information act). Validation checks, in this order: length,
 * digits, century sign, calendar date, individual number, check character,
 * and reports the first failure. No I/O, no heap.
 */
#include "core/hetu.h"

#include <string.h>

#ifndef N_
#define N_(s) s  /* gettext msgid marker, for xgettext --keyword=N_ */
#endif

/* Check characters for DDMMYYZZZ mod 31 (docs/rules.md#identity-code). */
static const char check_chars[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";

static const struct century_sign {
	char sign;
	int century;     /* years century..century+99 */
	bool canonical;  /* the sign lk_hetu_make uses when none is asked for */
	const char *source;
} century_signs[] = {
	{ '+', 1800, true,  "docs/rules.md#identity-code" },
	{ '-', 1900, true,  "docs/rules.md#identity-code" },
	{ 'Y', 1900, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'X', 1900, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'W', 1900, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'V', 1900, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'U', 1900, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'A', 2000, true,  "docs/rules.md#identity-code" },
	{ 'B', 2000, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'C', 2000, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'D', 2000, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'E', 2000, false, "docs/rules.md#identity-code (since 2023)" },
	{ 'F', 2000, false, "docs/rules.md#identity-code (since 2023)" },
};

#define N_SIGNS (sizeof century_signs / sizeof century_signs[0])

static const struct century_sign *sign_lookup(char c)
{
	for (size_t i = 0; i < N_SIGNS; i++)
		if (century_signs[i].sign == c)
			return &century_signs[i];
	return NULL;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The value of n digits at s (all known to be digits). */
static long number(const char *s, int n)
{
	long v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

char lk_hetu_check_char(long nine_digits)
{
	if (nine_digits < 0 || nine_digits > 999999999L)
		return '\0';
	return check_chars[nine_digits % 31];
}

enum lk_hetu_error lk_hetu_parse(const char *s, struct lk_hetu *out)
{
	if (s == NULL || strnlen(s, LK_HETU_LEN + 1) != LK_HETU_LEN)
		return LK_HETU_ELENGTH;
	for (int i = 0; i < 10; i++)
		if (i != 6 && !is_digit(s[i]))
			return LK_HETU_EDIGITS;
	const struct century_sign *cs = sign_lookup(s[6]);
	if (cs == NULL)
		return LK_HETU_ECENTURY;
	int d = (int)number(s, 2), m = (int)number(s + 2, 2);
	int y = cs->century + (int)number(s + 4, 2);
	if (!lk_date_valid(y, m, d))
		return LK_HETU_EDATE;
	int individual = (int)number(s + 7, 3);
	if (individual < 2)
		return LK_HETU_EINDIVIDUAL;
	if (s[10] != lk_hetu_check_char(number(s, 6) * 1000 + individual))
		return LK_HETU_ECHECK;
	if (out != NULL) {
		out->birth = lk_date_from_ymd(y, m, d);
		out->individual = individual;
		out->sex = individual % 2 ? 'M' : 'F';
		out->temporary = individual >= 900;
		out->century = s[6];
	}
	return LK_HETU_OK;
}

const char *lk_hetu_strerror(enum lk_hetu_error e)
{
	switch (e) {
	case LK_HETU_OK:          return N_("valid");
	case LK_HETU_ELENGTH:     return N_("not exactly 11 characters");
	case LK_HETU_EDIGITS:     return N_("a non-digit where digits belong");
	case LK_HETU_ECENTURY:    return N_("unknown century sign");
	case LK_HETU_EDATE:       return N_("no such calendar date");
	case LK_HETU_EINDIVIDUAL: return N_("individual number 000 or 001");
	case LK_HETU_ECHECK:      return N_("check character does not match");
	}
	return N_("unknown error");
}

bool lk_hetu_make(lk_date birth, int individual, char sign, char *buf, size_t size)
{
	if (buf == NULL || size < LK_HETU_LEN + 1 || birth == LK_NO_DATE ||
	    individual < 2 || individual > 999)
		return false;
	struct lk_ymd t = lk_date_to_ymd(birth);
	const struct century_sign *cs = NULL;
	for (size_t i = 0; i < N_SIGNS; i++) {
		const struct century_sign *c = &century_signs[i];
		if (t.y < c->century || t.y > c->century + 99)
			continue;
		if (sign == 0 ? c->canonical : c->sign == sign) {
			cs = c;
			break;
		}
	}
	if (cs == NULL)
		return false;
	long nine = ((long)t.d * 10000 + t.m * 100 + t.y % 100) * 1000 + individual;
	buf[10] = lk_hetu_check_char(nine);
	for (int i = 9; i >= 0; i--) {
		if (i == 6)
			continue;
		buf[i] = (char)('0' + nine % 10);
		nine /= 10;
	}
	buf[6] = cs->sign;
	buf[11] = '\0';
	return true;
}

char *lk_hetu_mask(const char *code, char *buf, size_t size)
{
	char full[LK_HETU_LEN + 1] = "***********";
	if (buf == NULL || size == 0)
		return buf;
	if (code != NULL && strnlen(code, LK_HETU_LEN + 1) == LK_HETU_LEN)
		memcpy(full, code, 7);
	size_t n = size - 1 < LK_HETU_LEN ? size - 1 : LK_HETU_LEN;
	memcpy(buf, full, n);
	buf[n] = '\0';
	return buf;
}

/* The century signs, either case ("+-YXWVUABCDEF"). */
static bool
is_sign(char c)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	return c != '\0' && strchr("+-YXWVUABCDEF", c) != NULL;
}

static bool
hetu_at(const char *p)
{
	for (int k = 0; k < 6; k++)
		if (!is_digit(p[k]))
			return false;
	int day = (p[0] - '0') * 10 + (p[1] - '0'), month = (p[2] - '0') * 10 + (p[3] - '0');
	if (day < 1 || day > 31 || month < 1 || month > 12)
		return false;
	const char *q = p + 6;
	int between = 0, signs = 0;
	while (between < 3 && (is_sign(*q) || *q == ' ')) {
		if (*q != ' ' && *q != '-' && *q != '+')
			signs++;
		between++, q++;
	}
	if (signs > 1)
		return false;
	for (int k = 0; k < 3; k++)
		if (!is_digit(q[k]))
			return false;
	if (between > 0)
		return true;
	/* Nothing between: only with the right check character after. */
	long nine = 0;
	for (int k = 0; k < 6; k++)
		nine = nine * 10 + (p[k] - '0');
	for (int k = 0; k < 3; k++)
		nine = nine * 10 + (q[k] - '0');
	char c = q[3];
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	return c != '\0' && c == lk_hetu_check_char(nine);
}

bool
lk_hetu_in_text(const char *s)
{
	if (s == NULL)
		return false;
	for (const char *p = s; *p; p++) {
		if (p > s && is_digit(p[-1]))
			continue;
		if (hetu_at(p))
			return true;
	}
	return false;
}
