/*
 * code.c — enrolment codes and HOST:PORT addresses (code.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "sync/code.h"

void
lk_code_make(const unsigned char node_pk[32], const unsigned char token[16], char *buf,
             size_t size)
{
	char pk[65], tok[33];
	sodium_bin2hex(pk, sizeof pk, node_pk, 32);
	sodium_bin2hex(tok, sizeof tok, token, 16);
	snprintf(buf, size, "lk1-%s-%s", pk, tok);
}

static bool
hex_exact(const char *s, size_t len, unsigned char *out, size_t n)
{
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	size_t got;
	return sodium_hex2bin(out, n, s, len, NULL, &got, NULL) == 0 && got == n;
}

bool
lk_code_parse(const char *code, unsigned char node_pk[32], unsigned char token[16])
{
	if (strlen(code) != LK_CODE_LEN || strncmp(code, "lk1-", 4) != 0 || code[68] != '-')
		return false;
	return hex_exact(code + 4, 64, node_pk, 32) && hex_exact(code + 69, 32, token, 16);
}

bool
lk_hostport(const char *s, char *host, size_t hsize, char *port, size_t psize)
{
	const char *colon;
	size_t hl;
	if (s[0] == '[') {
		const char *end = strchr(s, ']');
		if (end == NULL || end[1] != ':')
			return false;
		hl = (size_t)(end - s - 1);
		s++;
		colon = end + 1;
	} else {
		colon = strrchr(s, ':');
		if (colon == NULL)
			return false;
		hl = (size_t)(colon - s);
	}
	const char *p = colon + 1;
	char *end;
	long v = strtol(p, &end, 10);
	if (hl == 0 || hl >= hsize || *p == '\0' || *end != '\0' || v < 0 || v > 65535 ||
	    strlen(p) >= psize)
		return false;
	memcpy(host, s, hl);
	host[hl] = '\0';
	snprintf(port, psize, "%s", p);
	return true;
}
