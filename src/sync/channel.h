/*
 * channel.h — the secure channel: a handshake in which both ends prove
 * their pinned long-term Ed25519 keys, then every frame compressed, sealed
 * and numbered (docs/protocol.md, "Handshake" and "Frames").
 *
 *   desk → node  HELLO   mode, schema version, desk key, desk ephemeral X25519 key
 *   node → desk  WELCOME node key, node ephemeral key, node's signature of the
 *                transcript (HELLO body, node key, node ephemeral key)
 *   desk → node  PROOF   desk's signature of the same transcript
 *
 * Session keys come from crypto_kx over the two ephemeral keys (forward
 * secrecy); each direction has its own key and a frame counter used as the
 * ChaCha20-Poly1305 nonce, never sent: a replayed, reordered, dropped or
 * altered frame fails to open, and the caller closes the connection.
 *
 * Pure computation over bytes: no sockets, no store.
 */
#ifndef LK_CHANNEL_H
#define LK_CHANNEL_H

#include <stdbool.h>
#include <stdint.h>

#include "sync/wire.h"

#define LK_HELLO_LEN (1 + 4 + 32 + 32)

struct lk_chan {
	bool ready;                    /* keys derived: frames are sealed */
	unsigned char tx[32], rx[32];
	uint64_t tx_n, rx_n;
	unsigned char eph_pk[32], eph_sk[32];
	unsigned char hello[LK_HELLO_LEN];
	unsigned char node_pk[32], node_eph[32];
	unsigned char desk_pk[32];
	struct lk_buf scratch;
};

void lk_chan_init(struct lk_chan *ch);
/* Wipe keys and free buffers. */
void lk_chan_free(struct lk_chan *ch);

/* A clear frame (handshake, or ERROR before trust). */
void lk_chan_clear(struct lk_buf *out, unsigned type, const void *payload, size_t n);

/* Desk: append the HELLO frame. */
void lk_chan_hello(struct lk_chan *ch, int mode, uint32_t schema, const unsigned char desk_pk[32],
                   struct lk_buf *out);
/* Desk: check WELCOME against the pinned node key, derive the keys and
 * append PROOF. False when the node is not the pinned one or lies. */
bool lk_chan_welcome_check(struct lk_chan *ch, const unsigned char *body, size_t n,
                           const unsigned char pinned[32], const unsigned char desk_sk[64],
                           struct lk_buf *out);

/* Node: read HELLO; false when it does not parse. */
bool lk_chan_hello_read(struct lk_chan *ch, const unsigned char *body, size_t n, int *mode,
                        uint32_t *schema);
/* Node: append WELCOME and derive the keys. */
void lk_chan_welcome(struct lk_chan *ch, const unsigned char node_pk[32],
                     const unsigned char node_sk[64], struct lk_buf *out);
/* Node: true when PROOF is the HELLO key's signature of this handshake. */
bool lk_chan_proof_check(struct lk_chan *ch, const unsigned char *body, size_t n);

/* Append a sealed frame of type (compressed when that makes it smaller). */
bool lk_chan_seal(struct lk_chan *ch, unsigned type, const void *payload, size_t n,
                  struct lk_buf *out);
/* Open a sealed frame's body into payload; false when it fails to
 * authenticate or decompress (the caller closes the connection). */
bool lk_chan_open(struct lk_chan *ch, unsigned type, const unsigned char *body, size_t n,
                  struct lk_buf *payload);

#endif
