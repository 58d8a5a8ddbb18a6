/*
 * fuzz_ical.c — libFuzzer target for the pure iCalendar parts (core/ical.c):
 * an escaped TEXT value holds no control character and unescapes to the
 * input (CR dropped, other controls as spaces); that value folded, when
 * valid UTF-8, has physical lines of at most 75 octets ending in CRLF, never
 * starts a continuation line inside a character, and unfolds to the
 * input; Helsinki offsets are +2 or +3 hours and a wall-clock time maps
 * back to its UTC instant (the repeated autumn hour to its first one).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/ical.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Whether s is well-formed UTF-8 (shortest forms, no surrogates). */
static int
utf8_ok(const unsigned char *s)
{
	while (*s) {
		unsigned c = *s, n, min;
		uint32_t cp;
		if (c < 0x80) {
			s++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			n = 1, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			n = 2, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			n = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return 0;
		}
		for (unsigned i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		s += n + 1;
	}
	return 1;
}

static char escaped[8 * 1024 + 16];

/* Escapes `in` into `escaped` (the line check_fold then folds). */
static void
check_escape(const char *in)
{
	char *out = escaped;
	static char back[8 * 1024 + 16];
	int n = lk_ical_escape(in, out, sizeof escaped);
	if (n < 0 || (size_t)n != strlen(out))
		abort();
	size_t j = 0;
	for (int i = 0; i < n; i++) {
		unsigned char c = (unsigned char)out[i];
		if (c < 0x20 || c == 0x7f)
			abort();
		if (c == '\\') {
			char e = out[++i];
			back[j++] = e == 'n' ? '\n' : e;
			if (e != 'n' && e != '\\' && e != ';' && e != ',')
				abort();
		} else if (c == ';' || c == ',') {
			abort();   /* left unescaped */
		} else {
			back[j++] = (char)c;
		}
	}
	back[j] = '\0';
	size_t k = 0;
	for (const char *p = in; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\r')
			continue;
		char want = c == '\n' ? '\n' : (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
		if (k >= j || back[k++] != want)
			abort();
	}
	if (k != j)
		abort();
}

static void
check_fold(const char *in)
{
	static char out[2 * 8 * 1024 + 16], back[8 * 1024 + 16];
	int n = lk_ical_fold(in, out, sizeof out);
	if (n < 0 || (size_t)n != strlen(out) || n < 2 || memcmp(out + n - 2, "\r\n", 2) != 0)
		abort();
	if (!utf8_ok((const unsigned char *)in))
		return;   /* input is refused before it gets here; only no crash */
	size_t j = 0;
	const char *line = out;
	for (;;) {
		const char *end = strstr(line, "\r\n");
		if (end == NULL || end - line > LK_ICAL_FOLD)
			abort();
		const char *body = line;
		if (line != out) {
			if (*line != ' ' || ((unsigned char)line[1] & 0xc0) == 0x80)
				abort();   /* a continuation starts inside a character */
			body++;
		}
		memcpy(back + j, body, (size_t)(end - body));
		j += (size_t)(end - body);
		line = end + 2;
		if (*line == '\0')
			break;
	}
	back[j] = '\0';
	if (strcmp(back, in) != 0)
		abort();
}

static void
check_offsets(const uint8_t *data, size_t size)
{
	if (size < 4)
		return;
	uint32_t r;
	memcpy(&r, data, sizeof r);
	/* 1.1.1997 .. 2099 in minutes since 1970 */
	lk_time u = (lk_time)14025 * 1440 + (lk_time)(r % (103u * 365u * 1440u));
	int off = lk_helsinki_offset_at(u);
	if (off != 120 && off != 180)
		abort();
	lk_time local = u + off;
	int loff = lk_helsinki_offset(local);
	if (loff != 120 && loff != 180)
		abort();
	lk_time back = lk_helsinki_to_utc(local);
	if (back != u && back != u - 60)
		abort();
	if (back == u - 60 && !(off == 120 && loff == 180))
		abort();   /* only the repeated hour maps to its first instant */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char s[4 * 1024 + 1];
	size_t n = size < sizeof s - 1 ? size : sizeof s - 1;
	memcpy(s, data, n);
	s[n] = '\0';
	check_escape(s);
	check_fold(escaped);   /* as the export does: escape, then fold */
	check_offsets(data, size);
	return 0;
}
