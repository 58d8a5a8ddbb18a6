/*
 * fuzz_wire.c — libFuzzer target for the sync protocol's decoder
 * (sync/wire.h, sync/channel.h): frame headers, varints and byte strings,
 * every payload as the node (node-conn.c) and the desk (link.c) read it, zstd
 * with its size limit, and sealed frames under a fixed key.
 *
 * Garbage must be refused without a crash or an over-read (ASan), and what
 * is accepted must encode back to the same bytes: a frame to its header and
 * body, a payload to the same varints and strings (the encoder writes the
 * shortest varint, so the decoder takes only those), a decompressed payload
 * to itself after compressing again, a sealed frame to exactly what was
 * sealed, and a frame with one byte flipped to nothing.
 *
 * The payload readers below repeat node-conn.c's and link.c's sequences of
 * lk_rd_* calls and limits (on_enrol, on_push, on_pull; node_error,
 * enrol's ENROLLED, apply_changes, finish): keep them in step.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store/sync-apply.h"
#include "store/sync-desk.h"
#include "sync/channel.h"
#include "sync/wire.h"

#define DESK_NAME_MAX LK_DESK_NAME_MAX
#define SCOPE_MAX (sizeof ((struct lk_desk_link *)0)->scope - 1)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static void
check(bool ok)
{
	if (!ok)
		abort();
}

/* A payload read to its end must be the bytes the encoder writes. */
static void
same(const struct lk_buf *b, const unsigned char *p, size_t n)
{
	check(!b->oom && b->n == n && (n == 0 || memcmp(b->p, p, n) == 0));
}

static void
payload_enrol(const unsigned char *p, size_t n)
{
	struct lk_rd r = { p, n, 0, false };
	unsigned char token[16];
	lk_rd_fixed(&r, token, sizeof token);
	check(lk_rd_done(&r) == (n == 16));
}

/* PUSH: {hlc, staff, changeset}… and PULL: one gseq. */
static void
payload_push(const unsigned char *p, size_t n)
{
	struct lk_rd r = { p, n, 0, false };
	struct lk_buf b = { 0 };
	while (!r.bad && r.off < r.n) {
		size_t len;
		size_t slen;
		uint64_t hlc = lk_rd_varint(&r);
		const unsigned char *staff = lk_rd_bytes(&r, LK_WIRE_STAFF_MAX, &slen);
		const unsigned char *cs = lk_rd_bytes(&r, LK_WIRE_MAX, &len);
		if (r.bad)
			break;
		check(slen <= LK_WIRE_STAFF_MAX && staff >= p && staff + slen <= p + n);
		check(cs >= p && cs + len <= p + n);
		lk_buf_varint(&b, hlc);
		lk_buf_bytes(&b, staff, slen);
		lk_buf_bytes(&b, cs, len);
	}
	if (lk_rd_done(&r))
		same(&b, p, n);
	lk_buf_free(&b);

	r = (struct lk_rd){ p, n, 0, false };
	uint64_t after = lk_rd_varint(&r);
	if (lk_rd_done(&r)) {
		struct lk_buf q = { 0 };
		lk_buf_varint(&q, after);
		same(&q, p, n);
		lk_buf_free(&q);
	}
}

/* CHANGES: {gseq, hlc, desk, changeset}… */
static void
payload_changes(const unsigned char *p, size_t n)
{
	struct lk_rd r = { p, n, 0, false };
	struct lk_buf b = { 0 };
	while (!r.bad && r.off < r.n) {
		size_t dl, cl;
		uint64_t gseq = lk_rd_varint(&r), hlc = lk_rd_varint(&r);
		const unsigned char *d = lk_rd_bytes(&r, DESK_NAME_MAX, &dl);
		const unsigned char *cs = lk_rd_bytes(&r, LK_WIRE_MAX, &cl);
		if (r.bad)
			break;
		check(dl <= DESK_NAME_MAX && d + dl <= p + n && cs + cl <= p + n);
		char desk[DESK_NAME_MAX + 1];
		memcpy(desk, d, dl);
		desk[dl] = '\0';
		lk_buf_varint(&b, gseq);
		lk_buf_varint(&b, hlc);
		lk_buf_bytes(&b, d, dl);
		lk_buf_bytes(&b, cs, cl);
	}
	if (lk_rd_done(&r))
		same(&b, p, n);
	lk_buf_free(&b);
}

/* DONE: head, acked, n, {hlc, reason}×n */
static void
payload_done(const unsigned char *p, size_t n)
{
	struct lk_rd r = { p, n, 0, false };
	struct lk_buf b = { 0 };
	uint64_t head = lk_rd_varint(&r), acked = lk_rd_varint(&r), nref = lk_rd_varint(&r);
	lk_buf_varint(&b, head);
	lk_buf_varint(&b, acked);
	lk_buf_varint(&b, nref);
	for (uint64_t i = 0; i < nref && !r.bad; i++) {
		uint64_t hlc = lk_rd_varint(&r);
		size_t len;
		const unsigned char *why = lk_rd_bytes(&r, 400, &len);
		if (r.bad)
			break;
		char reason[401];
		check(len <= 400);
		memcpy(reason, why, len);
		reason[len] = '\0';
		lk_buf_varint(&b, hlc);
		lk_buf_bytes(&b, why, len);
	}
	if (lk_rd_done(&r))
		same(&b, p, n);
	lk_buf_free(&b);
}

/* ERROR: code, reason. ENROLLED: name, scope. */
static void
payload_error_enrolled(const unsigned char *p, size_t n)
{
	struct lk_rd r = { p, n, 0, false };
	unsigned code = lk_rd_byte(&r);
	size_t len;
	const unsigned char *why = lk_rd_bytes(&r, 200, &len);
	char reason[201] = "";
	if (why) {
		check(len <= 200);
		memcpy(reason, why, len);
		reason[len] = '\0';
	}
	if (lk_rd_done(&r)) {
		struct lk_buf b = { 0 };
		lk_buf_byte(&b, (unsigned char)code);
		lk_buf_bytes(&b, why, len);
		same(&b, p, n);
		lk_buf_free(&b);
	}

	r = (struct lk_rd){ p, n, 0, false };
	size_t nl, sl;
	const unsigned char *name = lk_rd_bytes(&r, DESK_NAME_MAX, &nl);
	const unsigned char *scope = lk_rd_bytes(&r, SCOPE_MAX, &sl);
	if (lk_rd_done(&r)) {
		char nb[DESK_NAME_MAX + 1], sb[SCOPE_MAX + 1];
		memcpy(nb, name, nl);
		memcpy(sb, scope, sl);
		struct lk_buf b = { 0 };
		lk_buf_bytes(&b, name, nl);
		lk_buf_bytes(&b, scope, sl);
		same(&b, p, n);
		lk_buf_free(&b);
	}
}

/* HELLO, WELCOME and PROOF bodies as the node and the desk check them. */
static void
handshake(const unsigned char *p, size_t n)
{
	static const unsigned char pinned[32] = { 1 };
	static unsigned char desk_sk[64];
	struct lk_chan ch;
	lk_chan_init(&ch);
	int mode;
	uint32_t schema;
	if (lk_chan_hello_read(&ch, p, n, &mode, &schema)) {
		check(n == LK_HELLO_LEN && (mode == LK_HELLO_SYNC || mode == LK_HELLO_ENROL));
		check(memcmp(ch.hello, p, n) == 0);
		check(!lk_chan_proof_check(&ch, p, n));   /* 69 bytes is no signature */
	}
	check(!lk_chan_proof_check(&ch, p, n));       /* no key signed this */
	struct lk_buf out = { 0 };
	check(!lk_chan_welcome_check(&ch, p, n, pinned, desk_sk, &out));
	check(out.n == 0 && !ch.ready);
	lk_buf_free(&out);
	lk_chan_free(&ch);
}

static void
payloads(const unsigned char *p, size_t n)
{
	payload_enrol(p, n);
	payload_push(p, n);
	payload_changes(p, n);
	payload_done(p, n);
	payload_error_enrolled(p, n);
	handshake(p, n);
}

/* zstd: a payload that decompresses stays within the limit and compresses
 * back to something that decompresses to it. */
static void
zstd(const unsigned char *p, size_t n)
{
	struct lk_buf out = { 0 }, z = { 0 }, again = { 0 };
	if (lk_wire_decompress(p, n, &out)) {
		check(out.n <= LK_WIRE_MAX);
		if (out.n <= 1 << 16 && lk_wire_compress(out.p, out.n, &z)) {
			check(z.n < out.n);
			check(lk_wire_decompress(z.p, z.n, &again));
			same(&again, out.p, out.n);
		}
	}
	lk_buf_free(&out);
	lk_buf_free(&z);
	lk_buf_free(&again);
}

static const unsigned char key[32] = "luukku fuzz key, not a real one";

static void
chan_ready(struct lk_chan *ch)
{
	lk_chan_init(ch);
	ch->ready = true;
	memcpy(ch->tx, key, 32);
	memcpy(ch->rx, key, 32);
}

/* Sealed frames: garbage never opens; what is sealed opens to itself and
 * not twice; one flipped byte and it does not open; and a body sealed with
 * the key whose zstd bit lies is refused by the decompressor. */
static void
sealed(const unsigned char *p, size_t n, unsigned sel)
{
	struct lk_chan tx, rx;
	struct lk_buf frame = { 0 }, got = { 0 };
	chan_ready(&tx);
	chan_ready(&rx);
	unsigned type = 1 + sel % 10;

	check(!lk_chan_open(&rx, type, p, n, &got));
	check(!lk_chan_open(&rx, type | LK_WIRE_ZSTD, p, n, &got));

	if (lk_chan_seal(&tx, type, p, n, &frame)) {
		unsigned t;
		const unsigned char *body;
		size_t blen, flen;
		check(lk_wire_frame(frame.p, frame.n, &t, &body, &blen, &flen) == 1 && flen == frame.n);
		check((t & ~LK_WIRE_ZSTD) == type);
		check(lk_chan_open(&rx, t, body, blen, &got));
		same(&got, p, n);
		check(!lk_chan_open(&rx, t, body, blen, &got));   /* the counter moved on */
		rx.rx_n--;
		check(!lk_chan_open(&rx, t ^ LK_WIRE_ZSTD, body, blen, &got));   /* type is sealed */
		frame.p[LK_WIRE_HEADER + (sel * 7919u) % blen] ^= (unsigned char)(1u << (sel % 8));
		check(!lk_chan_open(&rx, t, body, blen, &got));
		frame.p[LK_WIRE_HEADER + (sel * 7919u) % blen] ^= (unsigned char)(1u << (sel % 8));
		check(lk_chan_open(&rx, t, body, blen, &got));     /* and still opens untouched */
		same(&got, p, n);
	}

	/* The fuzz input as a plaintext marked compressed: it opens only when
	 * it is a zstd frame within the limit. */
	if (n + 16 <= 1 << 16) {
		unsigned char ad[2] = { LK_WIRE_VERSION, (unsigned char)(type | LK_WIRE_ZSTD) };
		unsigned char nb[crypto_aead_chacha20poly1305_ietf_NPUBBYTES] = { 0 };
		unsigned char *c = malloc(n + crypto_aead_chacha20poly1305_ietf_ABYTES);
		unsigned long long clen;
		struct lk_chan r2;
		chan_ready(&r2);
		crypto_aead_chacha20poly1305_ietf_encrypt(c, &clen, p, n, ad, sizeof ad, NULL, nb, key);
		struct lk_buf plain = { 0 };
		bool is_zstd = lk_wire_decompress(p, n, &plain);
		check(lk_chan_open(&r2, type | LK_WIRE_ZSTD, c, (size_t)clen, &got) == is_zstd);
		if (is_zstd)
			same(&got, plain.p, plain.n);
		lk_buf_free(&plain);
		lk_chan_free(&r2);
		free(c);
	}
	lk_buf_free(&frame);
	lk_buf_free(&got);
	lk_chan_free(&tx);
	lk_chan_free(&rx);
}

/* The frames in a stream: every whole one re-encodes to its bytes, and
 * its body goes through every payload reader. */
static void
frames(const unsigned char *p, size_t n)
{
	size_t at = 0;
	while (at < n) {
		unsigned type;
		const unsigned char *body;
		size_t blen, flen;
		int rc = lk_wire_frame(p + at, n - at, &type, &body, &blen, &flen);
		if (rc <= 0)
			break;
		check(flen == LK_WIRE_HEADER + blen && flen <= n - at && body == p + at + LK_WIRE_HEADER);
		check(blen <= LK_WIRE_MAX + 62);
		struct lk_buf b = { 0 };
		lk_wire_header(&b, type, blen);
		lk_buf_put(&b, body, blen);
		same(&b, p + at, flen);
		lk_buf_free(&b);
		/* Fewer bytes are never a whole frame. */
		check(lk_wire_frame(p + at, flen - 1, &type, &body, &blen, &flen) != 1);
		payloads(body, blen);
		at += LK_WIRE_HEADER + blen;
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (sodium_init() < 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	unsigned sel = data[0];
	const unsigned char *p = data + 1;
	size_t n = size - 1;
	/* A copy exactly the payload's size, so ASan sees any over-read. */
	unsigned char *copy = malloc(n ? n : 1);
	memcpy(copy, p, n);
	frames(copy, n);
	payloads(copy, n);
	zstd(copy, n);
	sealed(copy, n, sel);
	free(copy);
	return 0;
}
