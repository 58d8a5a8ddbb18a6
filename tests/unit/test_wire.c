/*
 * test_wire.c — the sync protocol's varints and frame headers (sync/wire.h):
 * every number reads back as written, and only in its shortest form (what
 * tests/fuzz/fuzz_wire.c found accepted before: "\377\000" read as 127).
 * Known answers, written from docs/protocol.md ("Frames") and not from the
 * encoder: the bytes of varints, byte strings, frame headers, a HELLO and
 * two sealed frames (ChaCha20-Poly1305 IETF, key 00..1f, nonce = four zero
 * bytes and the frame counter little-endian, associated data = version and
 * type; computed apart with Python's cryptography package). A round trip
 * alone would pass an encoder and decoder that agree on the wrong bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <sodium.h>

#include "sync/channel.h"
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

/* LEB128, least significant group first, bit 7 = more follows. */
static const struct {
	uint64_t v;
	size_t n;
	unsigned char b[10];
} varints[] = {
	{ 0, 1, { 0x00 } },
	{ 1, 1, { 0x01 } },
	{ 127, 1, { 0x7f } },
	{ 128, 2, { 0x80, 0x01 } },
	{ 300, 2, { 0xac, 0x02 } },
	{ 16383, 2, { 0xff, 0x7f } },
	{ 16384, 3, { 0x80, 0x80, 0x01 } },
	{ (uint64_t)1 << 35, 6, { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 } },
	{ 0x0123456789abcdefull, 9, { 0xef, 0x9b, 0xaf, 0xcd, 0xf8, 0xac, 0xd1, 0x91, 0x01 } },
	{ INT64_MAX, 9, { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f } },
	{ (uint64_t)INT64_MAX + 1, 10, { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 } },
	{ UINT64_MAX, 10, { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 } },
};

static void
test_varint_known_bytes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof varints / sizeof *varints; i++) {
		struct lk_buf b = { 0 };
		uint64_t v = 0;
		lk_buf_varint(&b, varints[i].v);
		assert_false(b.oom);
		assert_int_equal(b.n, varints[i].n);
		assert_memory_equal(b.p, varints[i].b, varints[i].n);
		assert_true(reads(varints[i].b, varints[i].n, &v));
		assert_true(v == varints[i].v);
		lk_buf_free(&b);
	}
}

static void
test_bytes_known_bytes(void **state)
{
	(void)state;
	struct lk_buf b = { 0 };
	lk_buf_bytes(&b, "abc", 3);
	lk_buf_bytes(&b, "", 0);
	assert_int_equal(b.n, 5);
	assert_memory_equal(b.p, "\x03" "abc" "\x00", 5);
	/* 200 bytes: a two-byte length, c8 01. */
	unsigned char big[200];
	memset(big, 'x', sizeof big);
	lk_buf_reset(&b);
	lk_buf_bytes(&b, big, sizeof big);
	assert_int_equal(b.n, 202);
	assert_memory_equal(b.p, "\xc8\x01xx", 4);
	/* Read back: the string, then the limit and the end are enforced. */
	struct lk_rd r = { (const unsigned char *)"\x03" "abc" "\x00", 5, 0, false };
	size_t len = 99;
	const unsigned char *p = lk_rd_bytes(&r, 3, &len);
	assert_non_null(p);
	assert_int_equal(len, 3);
	assert_memory_equal(p, "abc", 3);
	lk_rd_bytes(&r, 3, &len);
	assert_int_equal(len, 0);
	assert_true(lk_rd_done(&r));
	struct lk_rd over = { (const unsigned char *)"\x03" "abc", 4, 0, false };
	assert_null(lk_rd_bytes(&over, 2, &len));       /* longer than max */
	struct lk_rd cut = { (const unsigned char *)"\x05" "abc", 4, 0, false };
	assert_null(lk_rd_bytes(&cut, 16, &len));       /* past the end */
	lk_buf_free(&b);
}

static void
test_frame_header_known_bytes(void **state)
{
	(void)state;
	struct lk_buf b = { 0 };
	/* u32 length (big-endian) of version, type and body; version 2; type. */
	lk_wire_header(&b, LK_MSG_PULL, 3);
	assert_int_equal(b.n, LK_WIRE_HEADER);
	assert_memory_equal(b.p, "\x00\x00\x00\x05\x02\x07", 6);
	lk_buf_reset(&b);
	lk_wire_header(&b, LK_MSG_PUSH | LK_WIRE_ZSTD, 300);
	assert_memory_equal(b.p, "\x00\x00\x01\x2e\x02\x86", 6);
	lk_buf_reset(&b);
	lk_wire_header(&b, LK_MSG_CHANGES, LK_WIRE_MAX);
	assert_memory_equal(b.p, "\x01\x00\x00\x02\x02\x08", 6);
	lk_buf_free(&b);

	/* Reading fixed bytes: a DONE frame with the body "xyz". */
	unsigned type = 0;
	const unsigned char *body = NULL;
	size_t blen = 0, flen = 0;
	static const unsigned char done[] = { 0, 0, 0, 5, 2, 9, 'x', 'y', 'z', 0xee };
	assert_int_equal(lk_wire_frame(done, 3, &type, &body, &blen, &flen), 0);
	assert_int_equal(lk_wire_frame(done, 8, &type, &body, &blen, &flen), 0);
	assert_int_equal(lk_wire_frame(done, sizeof done, &type, &body, &blen, &flen), 1);
	assert_int_equal(type, LK_MSG_DONE);
	assert_int_equal(blen, 3);
	assert_int_equal(flen, 9);   /* the byte after it is the next frame's */
	assert_ptr_equal(body, done + 6);
	/* A length under 2, another version, a body past the limit: refused. */
	static const unsigned char one[] = { 0, 0, 0, 1, 2 };
	static const unsigned char v3[] = { 0, 0, 0, 0x47, 3, 1 };
	static const unsigned char v1[] = { 0, 0, 0, 0x47, 1, 1 };
	assert_int_equal(lk_wire_frame(one, sizeof one, &type, &body, &blen, &flen), -1);
	assert_int_equal(lk_wire_frame(v3, sizeof v3, &type, &body, &blen, &flen), -1);
	assert_int_equal(lk_wire_frame(v1, sizeof v1, &type, &body, &blen, &flen), -1);
	/* The limit: a length of 16 MiB plus the seal's room (64) waits for
	 * its bytes, one more is refused at once. */
	static const unsigned char at_max[] = { 0x01, 0x00, 0x00, 0x40, 2, 8 };
	static const unsigned char over[] = { 0x01, 0x00, 0x00, 0x41, 2, 8 };
	assert_int_equal(lk_wire_frame(at_max, sizeof at_max, &type, &body, &blen, &flen), 0);
	assert_int_equal(lk_wire_frame(over, sizeof over, &type, &body, &blen, &flen), -1);
	static const unsigned char huge[] = { 0xff, 0xff, 0xff, 0xff, 1, 1 };
	assert_int_equal(lk_wire_frame(huge, sizeof huge, &type, &body, &blen, &flen), -1);
}

static void
test_hello_known_bytes(void **state)
{
	(void)state;
	struct lk_chan ch;
	lk_chan_init(&ch);
	unsigned char pk[32];
	for (int i = 0; i < 32; i++)
		pk[i] = (unsigned char)(0xa0 + i);
	struct lk_buf b = { 0 };
	lk_chan_hello(&ch, LK_HELLO_SYNC, 0x0000000c, pk, &b);
	/* 6 header bytes (length 71 = 2 + 69), mode, schema (u32 BE), desk
	 * key, then the fresh ephemeral key: 75 bytes in all (test-trust.sh). */
	assert_int_equal(b.n, 75);
	assert_memory_equal(b.p, "\x00\x00\x00\x47\x02\x01" "\x00" "\x00\x00\x00\x0c", 11);
	assert_memory_equal(b.p + 11, pk, 32);
	assert_memory_equal(b.p + 43, ch.eph_pk, 32);
	lk_buf_free(&b);
	lk_chan_free(&ch);
}

static void
test_sealed_known_bytes(void **state)
{
	(void)state;
	struct lk_chan tx, rx;
	lk_chan_init(&tx);
	lk_chan_init(&rx);
	for (int i = 0; i < 32; i++)
		tx.tx[i] = rx.rx[i] = (unsigned char)i;
	tx.ready = rx.ready = true;
	struct lk_buf b = { 0 }, out = { 0 };
	/* Frame 0: PULL, payload the varint 5. */
	static const unsigned char pull[] = {
		0x00, 0x00, 0x00, 0x13, 0x02, 0x07, 0x1d, 0x99, 0x01, 0x06, 0x77, 0x8c, 0xb3,
		0xba, 0x87, 0xdf, 0x26, 0xec, 0xe1, 0x25, 0x1d, 0x53, 0x38,
	};
	/* Frame 1: DONE, payload 2a 00 00 (head 42, nothing acked, none refused). */
	static const unsigned char done[] = {
		0x00, 0x00, 0x00, 0x15, 0x02, 0x09, 0xb5, 0x57, 0xf3, 0xbc, 0xca, 0x44, 0xee,
		0x6c, 0xc3, 0x0d, 0x59, 0x62, 0xd9, 0xe6, 0xd0, 0x47, 0x43, 0x77, 0x13,
	};
	assert_true(lk_chan_seal(&tx, LK_MSG_PULL, "\x05", 1, &b));
	assert_int_equal(b.n, sizeof pull);
	assert_memory_equal(b.p, pull, sizeof pull);
	lk_buf_reset(&b);
	assert_true(lk_chan_seal(&tx, LK_MSG_DONE, "\x2a\x00\x00", 3, &b));
	assert_int_equal(b.n, sizeof done);
	assert_memory_equal(b.p, done, sizeof done);
	/* The receiver opens the fixed bytes in order; out of order they fail. */
	assert_false(lk_chan_open(&rx, LK_MSG_DONE, done + 6, sizeof done - 6, &out));
	assert_true(lk_chan_open(&rx, LK_MSG_PULL, pull + 6, sizeof pull - 6, &out));
	assert_int_equal(out.n, 1);
	assert_memory_equal(out.p, "\x05", 1);
	assert_false(lk_chan_open(&rx, LK_MSG_CHANGES, done + 6, sizeof done - 6, &out));   /* type is bound */
	assert_true(lk_chan_open(&rx, LK_MSG_DONE, done + 6, sizeof done - 6, &out));
	assert_int_equal(out.n, 3);
	assert_memory_equal(out.p, "\x2a\x00\x00", 3);
	lk_buf_free(&b);
	lk_buf_free(&out);
	lk_chan_free(&tx);
	lk_chan_free(&rx);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_varint_round_trip),
		cmocka_unit_test(test_varint_shortest_only),
		cmocka_unit_test(test_frame_header),
		cmocka_unit_test(test_varint_known_bytes),
		cmocka_unit_test(test_bytes_known_bytes),
		cmocka_unit_test(test_frame_header_known_bytes),
		cmocka_unit_test(test_hello_known_bytes),
		cmocka_unit_test(test_sealed_known_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
