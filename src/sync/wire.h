/*
 * wire.h — the sync protocol's messages and frames, in one place
 * (docs/protocol.md is the prose of this header).
 *
 * A frame on the wire:
 *
 *     u32 length (big-endian, of what follows) | u8 version | u8 type | body
 *
 * Bit 7 of type says the payload was zstd-compressed before sealing. The
 * handshake frames (HELLO, WELCOME, PROOF, and ERROR before trust) carry a
 * clear body; every later frame's body is the payload sealed by the secure
 * channel (channel.h). Payload fields are LEB128 varints and
 * length-prefixed byte strings.
 *
 * This module only encodes and decodes bytes: no sockets, no keys, no store.
 */
#ifndef LK_WIRE_H
#define LK_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LK_WIRE_VERSION 2               /* 2: PUSH entries name their staff member */
#define LK_WIRE_HEADER 6               /* length, version, type */
#define LK_WIRE_MAX (16u << 20)        /* largest frame body, and payload */
#define LK_WIRE_ZSTD 0x80              /* type bit: payload compressed */
#define LK_WIRE_STAFF_MAX 64           /* a PUSH entry's staff id ("" for nobody) */
#define LK_LOG_ID_LEN 8                /* the node log's identity, bytes */

enum lk_msg {
	LK_MSG_HELLO = 1,     /* desk → node, clear: mode, schema, desk key, ephemeral key */
	LK_MSG_WELCOME = 2,   /* node → desk, clear: node key, ephemeral key, signature */
	LK_MSG_PROOF = 3,     /* desk → node, clear: the desk's signature of the handshake */
	LK_MSG_ENROL = 4,     /* desk → node: the one-time token */
	LK_MSG_ENROLLED = 5,  /* node → desk: desk name, scope */
	LK_MSG_PUSH = 6,      /* desk → node: outbox entries {hlc, staff, changeset}… */
	LK_MSG_PULL = 7,      /* desk → node: last gseq applied, log id, own high stamp; ends the pushes */
	LK_MSG_CHANGES = 8,   /* node → desk: {gseq, hlc, desk, changeset}… */
	LK_MSG_DONE = 9,      /* node → desk: head gseq, acked stamp, safe stamp, refusals */
	LK_MSG_ERROR = 10,    /* either way: code, reason; the connection ends */
	LK_MSG_LOG = 11,      /* node → desk, before CHANGES: log id, cursor, resend flag */
};

enum lk_hello_mode { LK_HELLO_SYNC = 0, LK_HELLO_ENROL = 1 };

/* Error codes of an ERROR frame. */
enum lk_wire_error {
	LK_WERR_PROTOCOL = 1,  /* a frame that does not parse */
	LK_WERR_UNKNOWN = 2,   /* the desk's key is not enrolled (or revoked) */
	LK_WERR_SCHEMA = 3,    /* the two ends run different schemas */
	LK_WERR_TOKEN = 4,     /* enrolment code unknown or used */
	LK_WERR_BUSY = 5,      /* the node is stopping */
	LK_WERR_STORE = 6,     /* the node's store failed */
};

/* A growable byte buffer. On allocation failure `oom` is set and further
 * writes are ignored; check it once at the end. */
struct lk_buf {
	unsigned char *p;
	size_t n, cap;
	bool oom;
};

void lk_buf_put(struct lk_buf *b, const void *src, size_t n);
void lk_buf_byte(struct lk_buf *b, unsigned char c);
void lk_buf_varint(struct lk_buf *b, uint64_t v);
/* A varint length, then the bytes. */
void lk_buf_bytes(struct lk_buf *b, const void *src, size_t n);
void lk_buf_reset(struct lk_buf *b);
void lk_buf_free(struct lk_buf *b);
/* Drop the first n bytes. */
void lk_buf_consume(struct lk_buf *b, size_t n);

/* A reader over a payload; any read past the end sets `bad`. */
struct lk_rd {
	const unsigned char *p;
	size_t n, off;
	bool bad;
};

/* An LEB128 varint in its shortest form (anything else sets `bad`). */
uint64_t lk_rd_varint(struct lk_rd *r);
unsigned lk_rd_byte(struct lk_rd *r);
/* Fixed-size field: copy n bytes to out. */
void lk_rd_fixed(struct lk_rd *r, void *out, size_t n);
/* A varint-length byte string of at most max bytes; points into the payload. */
const unsigned char *lk_rd_bytes(struct lk_rd *r, size_t max, size_t *len);
/* True when the payload was read exactly to its end without error. */
bool lk_rd_done(const struct lk_rd *r);

/* Frame header: append one to out for a body of n bytes. */
void lk_wire_header(struct lk_buf *out, unsigned type, size_t n);
/* Look at the first bytes of in: 1 and the frame's parts when a whole frame
 * is there, 0 when more bytes are needed, -1 when the bytes cannot be a
 * frame (too long, too short, other version). */
int lk_wire_frame(const unsigned char *in, size_t n, unsigned *type, const unsigned char **body,
                  size_t *body_len, size_t *frame_len);

/* zstd: compress src into out (replacing its contents); false when it
 * would not be smaller. */
bool lk_wire_compress(const void *src, size_t n, struct lk_buf *out);
/* Decompress at most LK_WIRE_MAX bytes; false when src is not a frame. */
bool lk_wire_decompress(const void *src, size_t n, struct lk_buf *out);

#endif
