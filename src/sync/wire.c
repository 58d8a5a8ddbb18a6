/*
 * wire.c — byte buffers, varints, frame headers and zstd for the sync
 * protocol (wire.h).
 */
#include <stdlib.h>
#include <string.h>

#include <zstd.h>

#include "sync/wire.h"

void
lk_buf_put(struct lk_buf *b, const void *src, size_t n)
{
	if (b->oom || n == 0)
		return;
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + n)
			cap *= 2;
		unsigned char *p = realloc(b->p, cap);
		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, src, n);
	b->n += n;
}

void
lk_buf_byte(struct lk_buf *b, unsigned char c)
{
	lk_buf_put(b, &c, 1);
}

void
lk_buf_varint(struct lk_buf *b, uint64_t v)
{
	unsigned char tmp[10];
	size_t n = 0;
	do {
		tmp[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			tmp[n] |= 0x80;
		n++;
	} while (v);
	lk_buf_put(b, tmp, n);
}

void
lk_buf_bytes(struct lk_buf *b, const void *src, size_t n)
{
	lk_buf_varint(b, n);
	lk_buf_put(b, src, n);
}

void
lk_buf_reset(struct lk_buf *b)
{
	b->n = 0;
	b->oom = false;
}

void
lk_buf_free(struct lk_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

void
lk_buf_consume(struct lk_buf *b, size_t n)
{
	if (n >= b->n) {
		b->n = 0;
		return;
	}
	memmove(b->p, b->p + n, b->n - n);
	b->n -= n;
}

uint64_t
lk_rd_varint(struct lk_rd *r)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (r->off >= r->n) {
			r->bad = true;
			return 0;
		}
		unsigned char c = r->p[r->off++];
		/* Only the shortest form, as lk_buf_varint writes it: no
		 * trailing zero group, no bits past 64. */
		if ((shift > 0 && c == 0) || (shift == 63 && c > 1))
			break;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	r->bad = true;
	return 0;
}

unsigned
lk_rd_byte(struct lk_rd *r)
{
	if (r->off >= r->n) {
		r->bad = true;
		return 0;
	}
	return r->p[r->off++];
}

void
lk_rd_fixed(struct lk_rd *r, void *out, size_t n)
{
	if (r->bad || r->n - r->off < n) {
		r->bad = true;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p + r->off, n);
	r->off += n;
}

const unsigned char *
lk_rd_bytes(struct lk_rd *r, size_t max, size_t *len)
{
	uint64_t n = lk_rd_varint(r);
	*len = 0;
	if (r->bad || n > max || n > r->n - r->off) {
		r->bad = true;
		return NULL;
	}
	const unsigned char *p = r->p + r->off;
	r->off += (size_t)n;
	*len = (size_t)n;
	return p;
}

bool
lk_rd_done(const struct lk_rd *r)
{
	return !r->bad && r->off == r->n;
}

void
lk_wire_header(struct lk_buf *out, unsigned type, size_t n)
{
	size_t len = n + 2;
	unsigned char h[LK_WIRE_HEADER] = {
		(unsigned char)(len >> 24), (unsigned char)(len >> 16), (unsigned char)(len >> 8),
		(unsigned char)len, LK_WIRE_VERSION, (unsigned char)type,
	};
	lk_buf_put(out, h, sizeof h);
}

int
lk_wire_frame(const unsigned char *in, size_t n, unsigned *type, const unsigned char **body,
              size_t *body_len, size_t *frame_len)
{
	if (n < 4)
		return 0;
	size_t len = (size_t)in[0] << 24 | (size_t)in[1] << 16 | (size_t)in[2] << 8 | in[3];
	if (len < 2 || len > LK_WIRE_MAX + 64)
		return -1;
	if (n >= 5 && in[4] != LK_WIRE_VERSION)
		return -1;
	if (n < 4 + len)
		return 0;
	*type = in[5];
	*body = in + LK_WIRE_HEADER;
	*body_len = len - 2;
	*frame_len = 4 + len;
	return 1;
}

bool
lk_wire_compress(const void *src, size_t n, struct lk_buf *out)
{
	size_t bound = ZSTD_compressBound(n);
	lk_buf_reset(out);
	if (out->cap < bound) {
		unsigned char *p = realloc(out->p, bound);
		if (p == NULL)
			return false;
		out->p = p;
		out->cap = bound;
	}
	size_t z = ZSTD_compress(out->p, bound, src, n, 3);
	if (ZSTD_isError(z) || z >= n)
		return false;
	out->n = z;
	return true;
}

bool
lk_wire_decompress(const void *src, size_t n, struct lk_buf *out)
{
	unsigned long long size = ZSTD_getFrameContentSize(src, n);
	lk_buf_reset(out);
	if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > LK_WIRE_MAX)
		return false;
	if (out->cap < size + 1) {
		unsigned char *p = realloc(out->p, (size_t)size + 1);
		if (p == NULL)
			return false;
		out->p = p;
		out->cap = (size_t)size + 1;
	}
	size_t d = ZSTD_decompress(out->p, (size_t)size + 1, src, n);
	if (ZSTD_isError(d) || d != size)
		return false;
	out->n = d;
	return true;
}
