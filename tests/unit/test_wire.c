/*
 * test_wire.c — the sync protocol's varints and frame headers (sync/wire.h):
 * every number reads back as written, and only in its shortest form (what
 * tests/fuzz/fuzz_wire.c found accepted before: "\377\000" read as 127).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sync/wire.h"

static bool
reads(const unsigned char *p, size_t n, uint64_t *v)
{
	struct lk_rd r = { p, n, 0, false };
	*v = lk_rd_varint(&r);
	return lk_rd_done(&r);
}

static void
test_varint_round_trip(void **state)
{
	(void)state;
	static const uint64_t vals[] = { 0, 1, 127, 128, 16383, 16384, (uint64_t)1 << 35,
	                                 INT64_MAX, (uint64_t)INT64_MAX + 1, UINT64_MAX };
	for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
		struct lk_buf b = { 0 };
		uint64_t v;
		lk_buf_varint(&b, vals[i]);
		assert_false(b.oom);
		assert_true(reads(b.p, b.n, &v));
		assert_true(v == vals[i]);
		lk_buf_free(&b);
	}
}

static void
test_varint_shortest_only(void **state)
{
	(void)state;
	uint64_t v;
	assert_false(reads((const unsigned char *)"\x80\x00", 2, &v));   /* 0 in two bytes */
	assert_false(reads((const unsigned char *)"\xff\x00", 2, &v));   /* 127 in two */
	assert_false(reads((const unsigned char *)"\x80\x80\x00", 3, &v));
	assert_false(reads((const unsigned char *)"\x80", 1, &v));       /* cut short */
	/* Ten bytes: the last may hold only bit 63. */
	static const unsigned char max[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
	static const unsigned char over[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02 };
	static const unsigned char eleven[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x81, 0x00 };
	assert_true(reads(max, sizeof max, &v));
	assert_true(v == UINT64_MAX);
	assert_false(reads(over, sizeof over, &v));
	assert_false(reads(eleven, sizeof eleven, &v));
}

static void
test_frame_header(void **state)
{
	(void)state;
	struct lk_buf b = { 0 };
	lk_wire_header(&b, 7, 3);
	lk_buf_put(&b, "abc", 3);
	unsigned type;
	const unsigned char *body;
	size_t blen, flen;
	assert_int_equal(lk_wire_frame(b.p, b.n - 1, &type, &body, &blen, &flen), 0);
	assert_int_equal(lk_wire_frame(b.p, b.n, &type, &body, &blen, &flen), 1);
	assert_int_equal(type, 7);
	assert_int_equal(blen, 3);
	assert_int_equal(flen, b.n);
	assert_memory_equal(body, "abc", 3);
	b.p[4] = LK_WIRE_VERSION + 1;   /* another version */
	assert_int_equal(lk_wire_frame(b.p, b.n, &type, &body, &blen, &flen), -1);
	b.p[4] = 1;                     /* the old one, before PUSH named staff */
	assert_int_equal(lk_wire_frame(b.p, b.n, &type, &body, &blen, &flen), -1);
	lk_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_varint_round_trip),
		cmocka_unit_test(test_varint_shortest_only),
		cmocka_unit_test(test_frame_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
