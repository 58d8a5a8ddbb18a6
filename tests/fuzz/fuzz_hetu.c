/*
 * fuzz_hetu.c — libFuzzer target for the identity-code parser: never
 * crashes, never reads past the input, and a code it accepts is one that
 * lk_hetu_make would write again from its parts, and masks to 11 chars.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/hetu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[32];
	if (size >= sizeof s)
		size = sizeof s - 1;
	memcpy(s, data, size);
	s[size] = '\0';
	struct lk_hetu h;
	char again[16], masked[16];
	lk_hetu_mask(s, masked, sizeof masked);
	if (strlen(masked) != LK_HETU_LEN)
		abort();
	if (lk_hetu_parse(s, &h) != LK_HETU_OK)
		return 0;
	if (!lk_hetu_make(h.birth, h.individual, h.century, again, sizeof again) ||
	    strcmp(again, s) != 0)
		abort();
	if ((h.individual % 2 == 1) != (h.sex == 'M') || h.temporary != (h.individual >= 900))
		abort();
	return 0;
}
