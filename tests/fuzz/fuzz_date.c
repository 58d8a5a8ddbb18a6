/*
 * fuzz_date.c — libFuzzer target for date and time parsing: any accepted
 * date is a real calendar date that prints and parses back to itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[64], buf[32];
	if (size >= sizeof s)
		size = sizeof s - 1;
	memcpy(s, data, size);
	s[size] = '\0';
	lk_date d, d2;
	if (lk_date_parse(s, &d)) {
		struct lk_ymd ymd = lk_date_to_ymd(d);
		if (!lk_date_valid(ymd.y, ymd.m, ymd.d))
			abort();
		if (!lk_date_parse(lk_date_iso(d, buf, sizeof buf), &d2) || d2 != d)
			abort();
		if (!lk_date_parse(lk_date_fi(d, buf, sizeof buf), &d2) || d2 != d)
			abort();
		if (ymd.y >= 1900 && ymd.y <= 2100) {
			lk_date b = lk_add_business_days(d, 5);
			if (b <= d || !lk_is_business_day(b))
				abort();
		}
	}
	lk_time t, t2;
	if (lk_time_parse(s, &t)) {
		if (!lk_time_parse(lk_time_iso(t, buf, sizeof buf), &t2) || t2 != t)
			abort();
	}
	return 0;
}
