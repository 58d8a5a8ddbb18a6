/*
 * text.c — the text rule in and out (text.h).
 */
#include <string.h>

#include "core/text.h"

int
lk_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	int len;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < (size_t)len)
		return 0;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

bool
lk_utf8_prefix(const unsigned char *s, size_t n)
{
	int len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 :
	          s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (len == 0 || n >= (size_t)len)
		return false;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return false;
	/* The second byte narrows the range (no overlong, surrogate, > U+10FFFF). */
	if (n >= 2 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
	               (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F)))
		return false;
	return true;
}

bool
lk_cp_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

bool
lk_cp_bidi(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

enum lk_text_fault
lk_text_check(const char *s, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n > 0) {
		uint32_t cp;
		int len = lk_utf8_next(p, n, &cp);
		if (len == 0)
			return LK_TEXT_EUTF8;
		if (lk_cp_control(cp))
			return LK_TEXT_ECONTROL;
		if (lk_cp_bidi(cp) && ((flags & LK_TEXT_NAME) || (cp >= 0x202A && cp <= 0x202E)))
			return LK_TEXT_EBIDI;
		p += len, n -= (size_t)len;
	}
	return LK_TEXT_OK;
}

size_t
lk_text_clean_step(const unsigned char *s, size_t n, bool more, unsigned flags, char out[4],
                   size_t *used)
{
	uint32_t cp;
	int len = lk_utf8_next(s, n, &cp);
	if (len == 0) {
		if (more && lk_utf8_prefix(s, n)) {
			*used = 0;
			return 0;
		}
		*used = 1;
		memcpy(out, LK_TEXT_REPLACEMENT, 3);
		return 3;
	}
	*used = (size_t)len;
	bool keep = !lk_cp_control(cp) && !lk_cp_bidi(cp);
	if (cp == '\t' && (flags & LK_CLEAN_TAB))
		keep = true;
	if (cp == '\n' && (flags & LK_CLEAN_LF))
		keep = true;
	if (cp == '\r' && (flags & LK_CLEAN_CRLF) && (flags & LK_CLEAN_LF)) {
		if (n >= 2)
			keep = s[1] == '\n';
		else if (more) {
			*used = 0;
			return 0;
		}
	}
	if (!keep) {
		memcpy(out, LK_TEXT_REPLACEMENT, 3);
		return 3;
	}
	memcpy(out, s, (size_t)len);
	return (size_t)len;
}

size_t
lk_text_clean(const char *s, unsigned flags, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), need = 0, w = 0;
	bool full = false;
	while (n > 0) {
		char buf[4];
		size_t used, k = lk_text_clean_step(p, n, false, flags, buf, &used);
		if (!full && w + k < size) {
			memcpy(out + w, buf, k);
			w += k;
		} else {
			full = true;
		}
		need += k;
		p += used, n -= used;
	}
	if (size > 0)
		out[w] = '\0';
	return need;
}

bool
lk_text_formula(const char *s)
{
	if (s == NULL || !strchr("=+-@\t\r", s[0]) || s[0] == '\0')
		return false;
	/* A plain number ("-12", "+3.5", "-0,5") is no formula. */
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	bool digits = false, sep = false;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits = true;
		else if ((*p == '.' || *p == ',') && !sep)
			sep = true;
		else
			return true;
	}
	return !digits;
}
