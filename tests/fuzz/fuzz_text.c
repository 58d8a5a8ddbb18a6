/*
 * fuzz_text.c — libFuzzer target for the text rule in and out (core/text.h)
 * and the CSV reader of the compiled-in data. No crash, and:
 *   in:  text that passes lk_check_text is valid shortest-form UTF-8 (an
 *        independent decoder here agrees: no overlong, no surrogate,
 *        nothing above U+10FFFF) with no C0, DEL, C1, U+2028/9 and no bidi
 *        embedding or override; a name passing lk_check_name has no bidi
 *        control at all; free text passing lk_check_free_text holds no
 *        identity code (lk_hetu_in_text);
 *   out: lk_text_clean of anything — and the same text cleaned a piece at
 *        a time, as cmd-guard.c streams it — is valid UTF-8 without any
 *        control or bidi character (tab/LF/CRLF only when kept), never
 *        longer than 3 × the input, and clean text stays as it was;
 *        lk_text_formula never calls a cell that starts otherwise one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/hetu.h"
#include "core/text.h"
#include "store/csv.h"
#include "store/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An independent strict decoder: the length of the sequence at s, or 0. */
static int
strict(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	int len = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (len == 0 || n < (size_t)len)
		return 0;
	uint32_t v = s[0] & (0x7F >> len);
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3F);
	}
	static const uint32_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

/* Abort unless s is valid UTF-8 with no character `bad` refuses. */
static void
assert_clean(const char *s, size_t n, unsigned keep)
{
	const unsigned char *p = (const unsigned char *)s;
	while (n > 0) {
		uint32_t cp;
		int len = strict(p, n, &cp);
		if (len == 0)
			abort();
		bool layout = (cp == '\t' && (keep & LK_CLEAN_TAB)) || (cp == '\n' && (keep & LK_CLEAN_LF)) ||
		              (cp == '\r' && (keep & LK_CLEAN_CRLF) && n > 1 && p[1] == '\n');
		if (!layout && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
		                cp == 0x061C || cp == 0x200E || cp == 0x200F ||
		                (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)))
			abort();
		p += len, n -= (size_t)len;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	size_t len = strlen(s);
	struct lk_err err;
	/* In. */
	bool text_ok = lk_check_text("f", s, 4096, &err) == LK_OK;
	if (text_ok) {
		const unsigned char *p = (const unsigned char *)s;
		size_t n = len;
		while (n > 0) {
			uint32_t cp;
			int k = strict(p, n, &cp);
			if (k == 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 ||
			    cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E))
				abort();
			p += k, n -= (size_t)k;
		}
	}
	if (lk_check_name("n", s, 4096, &err) == LK_OK) {
		char out[4096 * 3 + 1];
		lk_text_clean(s, 0, out, sizeof out);
		if (strcmp(out, s) != 0)   /* a valid name is clean as it is */
			abort();
	}
	if (lk_check_free_text("t", s, 4096, &err) == LK_OK && (lk_hetu_in_text(s) || !text_ok))
		abort();
	char sur[256], giv[256];
	if (lk_split_name("name", s, sur, sizeof sur, giv, sizeof giv, &err) == LK_OK &&
	    (sur[0] == '\0' || giv[0] == '\0' || strchr("=+-@", sur[0]) || strchr("=+-@", giv[0])))
		abort();
	/* Out: whole, and in pieces as the stream guard sees it. */
	static const unsigned flags[] = { 0, LK_CLEAN_TAB | LK_CLEAN_LF | LK_CLEAN_CRLF };
	for (int f = 0; f < 2; f++) {
		size_t need = lk_text_clean(s, flags[f], NULL, 0);
		if (need > 3 * len)
			abort();
		char *out = malloc(need + 1);
		if (out == NULL)
			break;
		if (lk_text_clean(s, flags[f], out, need + 1) != need || strlen(out) != need)
			abort();
		assert_clean(out, need, flags[f]);
		/* Pieces of 1–7 bytes, a cut-short tail carried to the next. */
		char *piece = malloc(3 * len + 8);
		size_t w = 0, at = 0, carry_from = 0;
		unsigned step = size ? data[0] % 7 + 1 : 1;
		while (piece && at < len) {
			size_t end = at + step < len ? at + step : len;
			size_t i = carry_from;
			while (i < end) {
				size_t used, k = lk_text_clean_step((const unsigned char *)s + i, end - i,
				                                    end < len, flags[f], piece + w, &used);
				if (used == 0)
					break;
				w += k, i += used;
			}
			carry_from = i;
			at = end;
		}
		if (piece) {
			if (w != need || memcmp(piece, out, need) != 0)
				abort();
			free(piece);
		}
		free(out);
	}
	if (lk_text_formula(s) && !strchr("=+-@\t\r", s[0]))
		abort();
	struct lk_csv c;
	lk_csv_init(&c, s);
	for (int rows = 0; rows < 10000 && lk_csv_next(&c); rows++)
		if (c.nfields < 1 || c.nfields > LK_CSV_MAX_FIELDS)
			abort();
	free(s);
	return 0;
}
