/*
 * node-conn.c — the node's protocol state machine for one desk connection
 * (node-conn.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "node/node-store.h"
#include "node/node-conn.h"
#include "node/node-stderr.h"

#define BATCH_ENTRIES 64
#define BATCH_BYTES (256u << 10)

enum lk_status
lk_hub_open(struct lk_hub *hub, struct lk_store *st, struct lk_err *err)
{
	memset(hub, 0, sizeof *hub);
	hub->st = st;
	enum lk_status rc = lk_hub_keys(st, hub->pk, hub->sk, err);
	if (rc == LK_OK)
		rc = lk_hub_retag_audit(st, err);
	if (rc == LK_OK)
		rc = lk_hub_ingest_own(st, err);
	char id[2 * LK_HUB_LOG_ID + 1];
	if (rc == LK_OK)
		rc = lk_hub_log_id(st, id, err);
	return rc;
}

void
lk_hub_close(struct lk_hub *hub)
{
	sodium_memzero(hub->sk, sizeof hub->sk);
}

void
lk_hub_conn_init(struct lk_hub_conn *c, struct lk_hub *hub, const char *peer)
{
	memset(c, 0, sizeof *c);
	c->hub = hub;
	lk_chan_init(&c->ch);
	snprintf(c->peer, sizeof c->peer, "%s", peer);
}

void
lk_hub_conn_free(struct lk_hub_conn *c)
{
	lk_chan_free(&c->ch);
	lk_buf_free(&c->in);
	lk_buf_free(&c->payload);
	lk_buf_free(&c->refused);
	lk_buf_free(&c->frame);
}

static const char *
who(const struct lk_hub_conn *c)
{
	return c->desk.name[0] ? c->desk.name : c->peer;
}

/* Send ERROR (sealed once the channel is up) and end. */
static bool
fail(struct lk_hub_conn *c, struct lk_buf *out, int code, const char *reason)
{
	struct lk_buf p = { 0 };
	lk_buf_byte(&p, (unsigned char)code);
	lk_buf_bytes(&p, reason, strlen(reason));
	if (!p.oom) {
		if (c->ch.ready)
			lk_chan_seal(&c->ch, LK_MSG_ERROR, p.p, p.n, out);
		else
			lk_chan_clear(out, LK_MSG_ERROR, p.p, p.n);
	}
	lk_buf_free(&p);
	c->state = LK_HUB_END;
	return false;
}

/* A desk speaking another frame version (an old one: before 2, PUSH named
 * no staff member) gets a clear ERROR in its own framing, which it can
 * read and report, instead of a closed connection. */
static bool
old_version(struct lk_hub_conn *c, unsigned version, struct lk_buf *out)
{
	static const char why[] = "the desk runs another Luukku version than the node; update it";
	lk_log(LK_LOG_WARN, "%s: refused: frame version %u, node speaks %d", who(c), version,
	       LK_WIRE_VERSION);
	size_t len = 2 + 1 + 1 + (sizeof why - 1);   /* version, type, code, length, text */
	unsigned char h[LK_WIRE_HEADER] = {
		(unsigned char)(len >> 24), (unsigned char)(len >> 16), (unsigned char)(len >> 8),
		(unsigned char)len, (unsigned char)version, LK_MSG_ERROR,
	};
	lk_buf_put(out, h, sizeof h);
	lk_buf_byte(out, LK_WERR_SCHEMA);
	lk_buf_bytes(out, why, sizeof why - 1);
	c->state = LK_HUB_END;
	return false;
}

static bool
drop(struct lk_hub_conn *c, const char *why)
{
	lk_log(LK_LOG_WARN, "%s: connection dropped: %s", who(c), why);
	c->state = LK_HUB_END;
	return false;
}

static bool
on_hello(struct lk_hub_conn *c, const unsigned char *body, size_t n, struct lk_buf *out)
{
	uint32_t schema;
	if (!lk_chan_hello_read(&c->ch, body, n, &c->mode, &schema))
		return drop(c, "a HELLO that does not parse");
	if (schema != (uint32_t)lk_store_schema_version()) {
		lk_log(LK_LOG_WARN, "%s: refused: schema %" PRIu32 ", node has %d", c->peer, schema,
		       lk_store_schema_version());
		return fail(c, out, LK_WERR_SCHEMA, "the desk and the node run different schemas");
	}
	lk_chan_welcome(&c->ch, c->hub->pk, c->hub->sk, out);
	c->state = LK_HUB_PROOF;
	return true;
}

static bool
on_proof(struct lk_hub_conn *c, const unsigned char *body, size_t n, struct lk_buf *out)
{
	if (!lk_chan_proof_check(&c->ch, body, n))
		return drop(c, "the desk failed to prove its key");
	if (c->mode == LK_HELLO_ENROL) {
		c->state = LK_HUB_ENROL;
		return true;
	}
	if (lk_hub_desk_by_pk(c->hub->st, c->ch.desk_pk, &c->desk) != LK_OK || c->desk.revoked) {
		bool revoked = c->desk.revoked;
		c->desk.name[0] = '\0';
		lk_log(LK_LOG_WARN, "%s: refused: %s desk key", c->peer, revoked ? "a revoked" : "an unknown");
		return fail(c, out, LK_WERR_UNKNOWN, "this desk is not enrolled here (or was revoked)");
	}
	lk_log(LK_LOG_INFO, "%s: connected from %s", c->desk.name, c->peer);
	c->acked_at_connect = c->desk.last_hlc;
	c->head_at_connect = lk_hub_head(c->hub->st);
	c->state = LK_HUB_PUSH;
	return true;
}

static bool
on_enrol(struct lk_hub_conn *c, unsigned type, struct lk_buf *out)
{
	struct lk_rd r = { c->payload.p, c->payload.n, 0, false };
	unsigned char token[16];
	lk_rd_fixed(&r, token, sizeof token);
	if (type != LK_MSG_ENROL || !lk_rd_done(&r))
		return drop(c, "expected ENROL");
	struct lk_err err = { 0 };
	enum lk_status rc = lk_hub_claim(c->hub->st, token, c->ch.desk_pk, &c->desk, &err);
	sodium_memzero(token, sizeof token);
	if (rc != LK_OK) {
		lk_log(LK_LOG_WARN, "%s: enrolment refused: %s", c->peer,
		       rc == LK_ENOTFOUND ? "unknown or used code" : "key enrolled already");
		return fail(c, out, LK_WERR_TOKEN, "the enrolment code is unknown or used");
	}
	struct lk_buf p = { 0 };
	lk_buf_bytes(&p, c->desk.name, strlen(c->desk.name));
	lk_buf_bytes(&p, c->desk.scope, strlen(c->desk.scope));
	bool ok = !p.oom && lk_chan_seal(&c->ch, LK_MSG_ENROLLED, p.p, p.n, out);
	lk_buf_free(&p);
	lk_log(LK_LOG_INFO, "%s: enrolled from %s, scope %s", c->desk.name, c->peer, c->desk.scope);
	c->state = LK_HUB_END;
	(void)ok;
	return false;
}

static void
refusal(struct lk_hub_conn *c, int64_t hlc, const char *why)
{
	lk_buf_varint(&c->refused, (uint64_t)hlc);
	lk_buf_bytes(&c->refused, why, strlen(why));
	c->nrefused++;
}

static bool
on_push(struct lk_hub_conn *c, struct lk_buf *out)
{
	/* Parse the whole frame before applying any of it. */
	struct lk_rd r = { c->payload.p, c->payload.n, 0, false };
	while (!r.bad && r.off < r.n) {
		size_t len;
		lk_rd_varint(&r);
		lk_rd_bytes(&r, LK_WIRE_STAFF_MAX, &len);
		lk_rd_bytes(&r, LK_WIRE_MAX, &len);
	}
	if (!lk_rd_done(&r))
		return drop(c, "a PUSH that does not parse");
	r.off = 0;
	while (r.off < r.n) {
		size_t len;
		int64_t hlc = (int64_t)lk_rd_varint(&r);
		size_t slen;
		const unsigned char *sp = lk_rd_bytes(&r, LK_WIRE_STAFF_MAX, &slen);
		char staff[LK_WIRE_STAFF_MAX + 1];
		memcpy(staff, sp, slen);
		staff[slen] = '\0';
		const unsigned char *cs = lk_rd_bytes(&r, LK_WIRE_MAX, &len);
		enum lk_push_result res;
		struct lk_apply_stats stats = { 0 };
		struct lk_err err = { 0 };
		if (lk_hub_push(c->hub->st, &c->desk, hlc, staff[0] ? staff : NULL, cs, (int)len, &res,
		                &stats, &err) != LK_OK) {
			lk_log(LK_LOG_ERROR, "%s: store failed: %s", c->desk.name, err.msg);
			return fail(c, out, LK_WERR_STORE, "the node's store failed; try again later");
		}
		if (res == LK_PUSH_APPLIED) {
			c->pushed++;
			c->conflicts += stats.conflicts;
			if (stats.conflicts)
				lk_log(LK_LOG_INFO, "%s: change %" PRId64 ": %d conflict(s) recorded",
				       c->desk.name, hlc, stats.conflicts);
		} else if (res == LK_PUSH_DUPLICATE) {
			c->duplicates++;
		} else {
			lk_log(LK_LOG_WARN, "%s: change %" PRId64 " refused: %s", c->desk.name, hlc,
			       err.field[0] ? err.field : "invalid");
			refusal(c, hlc, err.msg);
		}
	}
	return true;
}

/* PULL: where the desk stands (last gseq applied, in the log of which
 * id), the newest own change it holds, the newest stamp it was
 * acknowledged. A desk of another (older) log id is told the log's id
 * and where to ask from, before CHANGES (docs/protocol.md, "Restore"). */
static bool
on_pull(struct lk_hub_conn *c, struct lk_buf *out)
{
	struct lk_rd r = { c->payload.p, c->payload.n, 0, false };
	uint64_t after = lk_rd_varint(&r);
	size_t idn;
	const unsigned char *id = lk_rd_bytes(&r, LK_HUB_LOG_ID, &idn);
	uint64_t own = lk_rd_varint(&r), acked = lk_rd_varint(&r);
	if (!lk_rd_done(&r) || after > INT64_MAX || own > INT64_MAX || acked > INT64_MAX ||
	    (idn != 0 && idn != LK_HUB_LOG_ID))
		return drop(c, "a PULL that does not parse");
	char hex[2 * LK_HUB_LOG_ID + 1] = "";
	if (idn)
		sodium_bin2hex(hex, sizeof hex, id, idn);
	struct lk_hub_place place;
	struct lk_err err = { 0 };
	if (lk_hub_log_place(c->hub->st, c->desk.name, hex, (int64_t)after, (int64_t)acked,
	                     c->acked_at_connect, &place, &err) != LK_OK) {
		lk_log(LK_LOG_ERROR, "%s: store failed: %s", c->desk.name, err.msg);
		return fail(c, out, LK_WERR_STORE, "the node's store failed; try again later");
	}
	if (place.rotated)
		lk_log(LK_LOG_WARN, "%s: has seen more than this node's log holds (a copy put back "
		       "without luukkud restore?): the log is now %s, every desk asks again from 0",
		       c->desk.name, place.id);
	if (place.tell) {
		unsigned char raw[LK_HUB_LOG_ID];
		sodium_hex2bin(raw, sizeof raw, place.id, strlen(place.id), NULL, NULL, NULL);
		lk_buf_reset(&c->frame);
		lk_buf_bytes(&c->frame, raw, sizeof raw);
		lk_buf_varint(&c->frame, (uint64_t)place.cursor);
		lk_buf_byte(&c->frame, place.resend ? 1 : 0);
		if (c->frame.oom || !lk_chan_seal(&c->ch, LK_MSG_LOG, c->frame.p, c->frame.n, out))
			return fail(c, out, LK_WERR_STORE, "out of memory");
		if (place.resend)
			lk_log(LK_LOG_INFO, "%s: from an earlier log: asks again after %" PRId64
			       " and sends its kept changes again", c->desk.name, place.cursor);
	}
	c->own = (int64_t)own;
	c->cursor = place.cursor;
	c->head = lk_hub_head(c->hub->st);
	if (c->cursor > c->head)
		c->cursor = c->head;
	c->state = LK_HUB_PULL;
	return true;
}

bool
lk_hub_conn_pump(struct lk_hub_conn *c, struct lk_buf *out, size_t budget)
{
	if (c->state != LK_HUB_PULL)
		return false;
	size_t start = out->n;
	struct lk_hub_entry e[BATCH_ENTRIES];
	while (c->cursor < c->head && out->n - start < budget) {
		int64_t last;
		struct lk_err err = { 0 };
		int k = lk_hub_read(c->hub->st, &c->desk, c->cursor, c->head, c->own,
		                    c->head_at_connect, e, BATCH_ENTRIES,
		                    BATCH_BYTES, &last, &err);
		if (k < 0) {
			lk_log(LK_LOG_ERROR, "%s: store failed: %s", c->desk.name, err.msg);
			fail(c, out, LK_WERR_STORE, "the node's store failed; try again later");
			return false;
		}
		/* One CHANGES frame per batch, at most BATCH_BYTES of changesets. */
		lk_buf_reset(&c->frame);
		int i;
		for (i = 0; i < k; i++) {
			if (i > 0 && c->frame.n + (size_t)e[i].n > BATCH_BYTES)
				break;
			lk_buf_varint(&c->frame, (uint64_t)e[i].gseq);
			lk_buf_varint(&c->frame, (uint64_t)e[i].hlc);
			lk_buf_bytes(&c->frame, e[i].desk, strlen(e[i].desk));
			lk_buf_bytes(&c->frame, e[i].cs, (size_t)e[i].n);
			c->cursor = e[i].gseq;
			c->sent++;
		}
		if (i == k)
			c->cursor = last;   /* entries skipped (own or out of scope) count too */
		for (int j = 0; j < k; j++)
			lk_hub_entry_free(&e[j]);
		if (c->frame.oom) {
			fail(c, out, LK_WERR_STORE, "out of memory");
			return false;
		}
		if (c->frame.n && !lk_chan_seal(&c->ch, LK_MSG_CHANGES, c->frame.p, c->frame.n, out)) {
			fail(c, out, LK_WERR_STORE, "a change is too large");
			return false;
		}
	}
	if (c->cursor < c->head)
		return true;
	lk_buf_reset(&c->frame);
	lk_buf_varint(&c->frame, (uint64_t)c->head);
	lk_buf_varint(&c->frame, (uint64_t)c->desk.last_hlc);
	lk_buf_varint(&c->frame, (uint64_t)c->desk.safe_hlc);
	lk_buf_varint(&c->frame, (uint64_t)c->nrefused);
	lk_buf_put(&c->frame, c->refused.p, c->refused.n);
	if (!c->frame.oom)
		lk_chan_seal(&c->ch, LK_MSG_DONE, c->frame.p, c->frame.n, out);
	lk_log(LK_LOG_INFO, "%s: synced: %d in, %d again, %d refused, %d out, %d conflict(s), head %" PRId64,
	       c->desk.name, c->pushed, c->duplicates, c->nrefused, c->sent, c->conflicts, c->head);
	c->state = LK_HUB_END;
	return false;
}

/* One whole frame. */
static bool
on_frame(struct lk_hub_conn *c, unsigned type, const unsigned char *body, size_t n,
         struct lk_buf *out)
{
	switch (c->state) {
	case LK_HUB_HELLO:
		if (type != LK_MSG_HELLO)
			return drop(c, "expected HELLO");
		return on_hello(c, body, n, out);
	case LK_HUB_PROOF:
		if (type != LK_MSG_PROOF)
			return drop(c, "expected PROOF");
		return on_proof(c, body, n, out);
	case LK_HUB_ENROL:
	case LK_HUB_PUSH:
		break;
	default:
		return drop(c, "a frame after the end of the round");
	}
	if (!lk_chan_open(&c->ch, type, body, n, &c->payload))
		return drop(c, "a frame that fails to authenticate");
	type &= ~(unsigned)LK_WIRE_ZSTD;
	if (c->state == LK_HUB_ENROL)
		return on_enrol(c, type, out);
	if (type == LK_MSG_PUSH)
		return on_push(c, out);
	if (type == LK_MSG_PULL)
		return on_pull(c, out);
	return drop(c, "an unexpected frame");
}

bool
lk_hub_conn_input(struct lk_hub_conn *c, const void *data, size_t n, struct lk_buf *out)
{
	if (c->state == LK_HUB_END)
		return false;
	lk_buf_put(&c->in, data, n);
	if (c->in.oom)
		return drop(c, "out of memory");
	for (;;) {
		unsigned type;
		const unsigned char *body;
		size_t blen, flen;
		int got = lk_wire_frame(c->in.p, c->in.n, &type, &body, &blen, &flen);
		if (got < 0 && c->state == LK_HUB_HELLO && c->in.n > 4 &&
		    c->in.p[4] != LK_WIRE_VERSION && c->in.p[4] > 0)
			return old_version(c, c->in.p[4], out);
		if (got < 0)
			return drop(c, "bytes that are not a frame");
		if (got == 0)
			return true;
		bool keep = on_frame(c, type, body, blen, out);
		lk_buf_consume(&c->in, flen);
		if (!keep)
			return false;
		if (c->state == LK_HUB_PULL)
			return c->in.n == 0 ? true : drop(c, "bytes after PULL");
	}
}
