/*
 * channel.c — handshake with pinned keys and sealed, numbered frames
 * (channel.h), on libsodium's crypto_kx, crypto_sign and
 * crypto_aead_chacha20poly1305_ietf.
 */
#include <string.h>

#include <sodium.h>

#include "sync/channel.h"

#define TAG crypto_aead_chacha20poly1305_ietf_ABYTES

void
lk_chan_init(struct lk_chan *ch)
{
	memset(ch, 0, sizeof *ch);
}

void
lk_chan_free(struct lk_chan *ch)
{
	lk_buf_free(&ch->scratch);
	sodium_memzero(ch, sizeof *ch);
}

void
lk_chan_clear(struct lk_buf *out, unsigned type, const void *payload, size_t n)
{
	lk_wire_header(out, type, n);
	lk_buf_put(out, payload, n);
}

/* What both signatures cover: who says it, HELLO, the node's keys. */
static void
transcript(const struct lk_chan *ch, const char *who, unsigned char out[64])
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, 64);
	crypto_generichash_update(&h, (const unsigned char *)"luukku/1 ", 9);
	crypto_generichash_update(&h, (const unsigned char *)who, strlen(who));
	crypto_generichash_update(&h, ch->hello, sizeof ch->hello);
	crypto_generichash_update(&h, ch->node_pk, 32);
	crypto_generichash_update(&h, ch->node_eph, 32);
	crypto_generichash_final(&h, out, 64);
}

void
lk_chan_hello(struct lk_chan *ch, int mode, uint32_t schema, const unsigned char desk_pk[32],
              struct lk_buf *out)
{
	crypto_kx_keypair(ch->eph_pk, ch->eph_sk);
	memcpy(ch->desk_pk, desk_pk, 32);
	unsigned char *h = ch->hello;
	h[0] = (unsigned char)mode;
	h[1] = (unsigned char)(schema >> 24);
	h[2] = (unsigned char)(schema >> 16);
	h[3] = (unsigned char)(schema >> 8);
	h[4] = (unsigned char)schema;
	memcpy(h + 5, desk_pk, 32);
	memcpy(h + 37, ch->eph_pk, 32);
	lk_chan_clear(out, LK_MSG_HELLO, h, LK_HELLO_LEN);
}

bool
lk_chan_welcome_check(struct lk_chan *ch, const unsigned char *body, size_t n,
                      const unsigned char pinned[32], const unsigned char desk_sk[64],
                      struct lk_buf *out)
{
	unsigned char digest[64], sig[64];
	if (n != 32 + 32 + 64)
		return false;
	memcpy(ch->node_pk, body, 32);
	memcpy(ch->node_eph, body + 32, 32);
	if (sodium_memcmp(ch->node_pk, pinned, 32) != 0)
		return false;
	transcript(ch, "node", digest);
	if (crypto_sign_verify_detached(body + 64, digest, sizeof digest, ch->node_pk) != 0)
		return false;
	if (crypto_kx_client_session_keys(ch->rx, ch->tx, ch->eph_pk, ch->eph_sk, ch->node_eph) != 0)
		return false;
	transcript(ch, "desk", digest);
	crypto_sign_detached(sig, NULL, digest, sizeof digest, desk_sk);
	lk_chan_clear(out, LK_MSG_PROOF, sig, sizeof sig);
	sodium_memzero(ch->eph_sk, sizeof ch->eph_sk);
	ch->ready = true;
	return true;
}

bool
lk_chan_hello_read(struct lk_chan *ch, const unsigned char *body, size_t n, int *mode,
                   uint32_t *schema)
{
	if (n != LK_HELLO_LEN || body[0] > LK_HELLO_ENROL)
		return false;
	memcpy(ch->hello, body, LK_HELLO_LEN);
	*mode = body[0];
	*schema = (uint32_t)body[1] << 24 | (uint32_t)body[2] << 16 | (uint32_t)body[3] << 8 | body[4];
	memcpy(ch->desk_pk, body + 5, 32);
	return true;
}

void
lk_chan_welcome(struct lk_chan *ch, const unsigned char node_pk[32],
                const unsigned char node_sk[64], struct lk_buf *out)
{
	unsigned char digest[64], msg[128];
	crypto_kx_keypair(ch->eph_pk, ch->eph_sk);
	memcpy(ch->node_pk, node_pk, 32);
	memcpy(ch->node_eph, ch->eph_pk, 32);
	transcript(ch, "node", digest);
	memcpy(msg, node_pk, 32);
	memcpy(msg + 32, ch->eph_pk, 32);
	crypto_sign_detached(msg + 64, NULL, digest, sizeof digest, node_sk);
	lk_chan_clear(out, LK_MSG_WELCOME, msg, sizeof msg);
	if (crypto_kx_server_session_keys(ch->rx, ch->tx, ch->eph_pk, ch->eph_sk,
	                                  ch->hello + 37) != 0)
		randombytes_buf(ch->rx, sizeof ch->rx);   /* a bad peer key: nothing will open */
	sodium_memzero(ch->eph_sk, sizeof ch->eph_sk);
}

bool
lk_chan_proof_check(struct lk_chan *ch, const unsigned char *body, size_t n)
{
	unsigned char digest[64];
	if (n != 64)
		return false;
	transcript(ch, "desk", digest);
	if (crypto_sign_verify_detached(body, digest, sizeof digest, ch->desk_pk) != 0)
		return false;
	ch->ready = true;
	return true;
}

static void
nonce(uint64_t n, unsigned char out[crypto_aead_chacha20poly1305_ietf_NPUBBYTES])
{
	memset(out, 0, crypto_aead_chacha20poly1305_ietf_NPUBBYTES);
	for (int i = 0; i < 8; i++)
		out[4 + i] = (unsigned char)(n >> (8 * i));
}

bool
lk_chan_seal(struct lk_chan *ch, unsigned type, const void *payload, size_t n, struct lk_buf *out)
{
	if (!ch->ready || n > LK_WIRE_MAX)
		return false;
	const void *src = payload;
	if (n >= 64 && lk_wire_compress(payload, n, &ch->scratch)) {
		type |= LK_WIRE_ZSTD;
		src = ch->scratch.p;
		n = ch->scratch.n;
	}
	unsigned char ad[2] = { LK_WIRE_VERSION, (unsigned char)type };
	unsigned char nb[crypto_aead_chacha20poly1305_ietf_NPUBBYTES];
	nonce(ch->tx_n++, nb);
	size_t at = out->n;
	lk_wire_header(out, type, n + TAG);
	unsigned char zero[TAG] = { 0 };
	lk_buf_put(out, src, n);        /* reserve, then seal in place */
	lk_buf_put(out, zero, TAG);
	if (out->oom)
		return false;
	unsigned char *c = out->p + at + LK_WIRE_HEADER;
	unsigned long long clen;
	crypto_aead_chacha20poly1305_ietf_encrypt(c, &clen, c, n, ad, sizeof ad, NULL, nb, ch->tx);
	return true;
}

bool
lk_chan_open(struct lk_chan *ch, unsigned type, const unsigned char *body, size_t n,
             struct lk_buf *payload)
{
	if (!ch->ready || n < TAG)
		return false;
	unsigned char ad[2] = { LK_WIRE_VERSION, (unsigned char)type };
	unsigned char nb[crypto_aead_chacha20poly1305_ietf_NPUBBYTES];
	nonce(ch->rx_n, nb);
	lk_buf_reset(&ch->scratch);
	lk_buf_put(&ch->scratch, body, n);
	if (ch->scratch.oom)
		return false;
	unsigned long long mlen;
	if (crypto_aead_chacha20poly1305_ietf_decrypt(ch->scratch.p, &mlen, NULL, ch->scratch.p, n,
	                                              ad, sizeof ad, nb, ch->rx) != 0)
		return false;
	ch->rx_n++;
	if (type & LK_WIRE_ZSTD)
		return lk_wire_decompress(ch->scratch.p, (size_t)mlen, payload);
	lk_buf_reset(payload);
	lk_buf_put(payload, ch->scratch.p, (size_t)mlen);
	return !payload->oom;
}
