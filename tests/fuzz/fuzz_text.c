/*
 * fuzz_text.c — libFuzzer target for the checks every write path puts on
 * text from people, and for the CSV reader of the compiled-in data: no
 * crash, and text that passes lk_check_text is valid UTF-8 without control
 * characters (nothing that could reach a terminal raw).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/csv.h"
#include "store/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	struct lk_err err;
	if (lk_check_text("f", s, 4096, &err) == LK_OK) {
		for (const unsigned char *p = (const unsigned char *)s; *p; p++)
			if (*p < 0x20 || *p == 0x7F)
				abort();
	}
	char sur[256], giv[256];
	if (lk_split_name("name", s, sur, sizeof sur, giv, sizeof giv, &err) == LK_OK &&
	    (sur[0] == '\0' || giv[0] == '\0'))
		abort();
	(void)lk_text_has_hetu(s);
	struct lk_csv c;
	lk_csv_init(&c, s);
	for (int rows = 0; rows < 10000 && lk_csv_next(&c); rows++)
		if (c.nfields < 1 || c.nfields > LK_CSV_MAX_FIELDS)
			abort();
	free(s);
	return 0;
}
