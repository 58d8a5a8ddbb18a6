/*
 * code.h — the one-line enrolment code `luukkud enrol` prints and
 * `luukku enrol` takes:
 *
 *     lk1-<node public key, 64 hex>-<one-time token, 32 hex>
 *
 * The code pins the node (its Ed25519 key) and carries the token that lets
 * a new desk register its own key once. No network, no store.
 */
#ifndef LK_CODE_H
#define LK_CODE_H

#include <stdbool.h>
#include <stddef.h>

#define LK_CODE_LEN (4 + 64 + 1 + 32)

void lk_code_make(const unsigned char node_pk[32], const unsigned char token[16], char *buf,
                  size_t size);
bool lk_code_parse(const char *code, unsigned char node_pk[32], unsigned char token[16]);

/* Split "HOST:PORT" (HOST may be [v6]); false when it is not one. */
bool lk_hostport(const char *s, char *host, size_t hsize, char *port, size_t psize);

#endif
