/*
 * link.c — enrolment and one sync round from the desk (link.h); a round
 * that finds the node's log restored is followed by one that sends again
 * the desk's kept sent changes (docs/protocol.md, "Restore").
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <sodium.h>

#include "store/store.h"
#include "sync/channel.h"
#include "sync/code.h"
#include "sync/link.h"

#define PUSH_BATCH 256
#define PUSH_BYTES (256u << 10)

struct conn {
	int fd;
	int timeout_ms;
	struct lk_chan ch;
	struct lk_buf out, in, payload;
	long bytes_out, bytes_in;
	const char *node;
};

static enum lk_status
conn_open(struct conn *c, const char *hostport, int timeout_ms, struct lk_err *err)
{
	char host[256], port[16];
	memset(c, 0, sizeof *c);
	c->fd = -1;
	c->timeout_ms = timeout_ms;
	c->node = hostport;
	lk_chan_init(&c->ch);
	if (!lk_hostport(hostport, host, sizeof host, port, sizeof port) || strcmp(port, "0") == 0)
		return lk_err_set(err, LK_EINPUT, "node", "'%s' is not HOST:PORT", hostport);
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res = NULL;
	int gai = getaddrinfo(host, port, &hints, &res);
	if (gai != 0)
		return lk_err_set(err, LK_EFAIL, "node", "cannot reach the node at %s: %s", hostport,
		                  gai_strerror(gai));
	int saved = ECONNREFUSED;
	for (struct addrinfo *a = res; a && c->fd < 0; a = a->ai_next) {
		int fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		if (fd < 0)
			continue;
		int r = connect(fd, a->ai_addr, a->ai_addrlen);
		if (r != 0 && errno == EINPROGRESS) {
			struct pollfd p = { .fd = fd, .events = POLLOUT };
			int soerr = 0;
			socklen_t sl = sizeof soerr;
			if (poll(&p, 1, timeout_ms) == 1 &&
			    getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) == 0 && soerr == 0)
				r = 0;
			else
				errno = soerr ? soerr : ETIMEDOUT;
		}
		if (r == 0) {
			c->fd = fd;
		} else {
			saved = errno;
			close(fd);
		}
	}
	freeaddrinfo(res);
	if (c->fd < 0)
		return lk_err_set(err, LK_EFAIL, "node", "cannot reach the node at %s: %s", hostport,
		                  strerror(saved));
	fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) & ~O_NONBLOCK);
	struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
	setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	int one = 1;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return LK_OK;
}

static void
conn_close(struct conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	lk_chan_free(&c->ch);
	lk_buf_free(&c->out);
	lk_buf_free(&c->in);
	lk_buf_free(&c->payload);
}

static enum lk_status
broken(struct conn *c, struct lk_err *err)
{
	return lk_err_set(err, LK_EFAIL, "node", "the link to %s broke: %s", c->node,
	                  errno ? strerror(errno) : "closed");
}

/* Send what is in c->out. */
static enum lk_status
flush(struct conn *c, struct lk_err *err)
{
	if (c->out.oom)
		return lk_err_set(err, LK_EFAIL, "node", "out of memory");
	size_t off = 0;
	while (off < c->out.n) {
		ssize_t w = send(c->fd, c->out.p + off, c->out.n - off, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return broken(c, err);
		off += (size_t)w;
	}
	c->bytes_out += (long)c->out.n;
	lk_buf_reset(&c->out);
	return LK_OK;
}

/* Read one whole frame into c->in; *body points into it. */
static enum lk_status
read_frame(struct conn *c, unsigned *type, const unsigned char **body, size_t *n,
           struct lk_err *err)
{
	lk_buf_reset(&c->in);
	size_t want = 4, flen;
	unsigned char tmp[65536];
	for (;;) {
		int got = lk_wire_frame(c->in.p, c->in.n, type, body, n, &flen);
		if (got < 0)
			return lk_err_set(err, LK_EFAIL, "node", "the node at %s sent bytes that are not a frame",
			                  c->node);
		if (got > 0)
			break;
		if (c->in.n >= 4) {
			size_t len = (size_t)c->in.p[0] << 24 | (size_t)c->in.p[1] << 16 |
			             (size_t)c->in.p[2] << 8 | c->in.p[3];
			want = 4 + len;
		}
		size_t ask = want - c->in.n;
		if (ask > sizeof tmp)
			ask = sizeof tmp;
		errno = 0;
		ssize_t r = recv(c->fd, tmp, ask, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return broken(c, err);
		lk_buf_put(&c->in, tmp, (size_t)r);
		if (c->in.oom)
			return lk_err_set(err, LK_EFAIL, "node", "out of memory");
		c->bytes_in += r;
	}
	return LK_OK;
}

/* An ERROR frame's reason as the error. */
static enum lk_status
node_error(struct conn *c, const unsigned char *p, size_t n, struct lk_err *err)
{
	struct lk_rd r = { p, n, 0, false };
	unsigned code = lk_rd_byte(&r);
	size_t len;
	const unsigned char *why = lk_rd_bytes(&r, 200, &len);
	char reason[201] = "";
	if (why) {
		memcpy(reason, why, len);
		reason[len] = '\0';
		for (char *q = reason; *q; q++)
			if ((unsigned char)*q < ' ')
				*q = ' ';
	}
	if (code == LK_WERR_UNKNOWN)
		return lk_err_set(err, LK_EFAIL, "node",
		                  "the node at %s does not know this desk (not enrolled, or revoked)",
		                  c->node);
	if (code == LK_WERR_TOKEN)
		return lk_err_set(err, LK_EINPUT, "code", "the node refused the enrolment code: %s",
		                  reason);
	return lk_err_set(err, LK_EFAIL, "node", "the node at %s refused: %s", c->node, reason);
}

/* A sealed frame: open it into c->payload. */
static enum lk_status
read_sealed(struct conn *c, unsigned *type, struct lk_err *err)
{
	const unsigned char *body;
	size_t n;
	enum lk_status rc = read_frame(c, type, &body, &n, err);
	if (rc != LK_OK)
		return rc;
	if (!lk_chan_open(&c->ch, *type, body, n, &c->payload)) {
		if ((*type & ~(unsigned)LK_WIRE_ZSTD) == LK_MSG_ERROR)
			return node_error(c, body, n, err);
		return lk_err_set(err, LK_EFAIL, "node",
		                  "a frame from %s failed to authenticate; nothing of it was applied",
		                  c->node);
	}
	*type &= ~(unsigned)LK_WIRE_ZSTD;
	if (*type == LK_MSG_ERROR)
		return node_error(c, c->payload.p, c->payload.n, err);
	return LK_OK;
}

static enum lk_status
handshake(struct conn *c, int mode, const unsigned char node_pk[32], const unsigned char pk[32],
          const unsigned char sk[64], struct lk_err *err)
{
	lk_chan_hello(&c->ch, mode, (uint32_t)lk_store_schema_version(), pk, &c->out);
	enum lk_status rc = flush(c, err);
	if (rc != LK_OK)
		return rc;
	unsigned type;
	const unsigned char *body;
	size_t n;
	if ((rc = read_frame(c, &type, &body, &n, err)) != LK_OK)
		return rc;
	if (type == LK_MSG_ERROR)
		return node_error(c, body, n, err);
	if (type != LK_MSG_WELCOME || !lk_chan_welcome_check(&c->ch, body, n, node_pk, sk, &c->out))
		return lk_err_set(err, LK_EFAIL, "node",
		                  "the node at %s is not the one this desk trusts (its key differs); "
		                  "nothing was sent", c->node);
	return flush(c, err);
}

enum lk_status
lk_link_enrol(struct lk_store *st, const char *hostport, const char *code, int timeout_ms,
              struct lk_desk_link *out, struct lk_err *err)
{
	struct lk_desk_link l;
	unsigned char token[16];
	if (lk_desk_link_get(st, &l) == LK_OK)
		return lk_err_set(err, LK_ECLASH, "db", "this desk is enrolled already as '%s' with %s",
		                  l.name, l.node);
	memset(&l, 0, sizeof l);
	if (!lk_code_parse(code, l.node_pk, token))
		return lk_err_set(err, LK_EINPUT, "code",
		                  "not an enrolment code (lk1-… as printed by luukkud enrol)");
	snprintf(l.node, sizeof l.node, "%s", hostport);
	crypto_sign_keypair(l.pk, l.sk);
	struct conn c;
	enum lk_status rc = conn_open(&c, hostport, timeout_ms, err);
	if (rc == LK_OK)
		rc = handshake(&c, LK_HELLO_ENROL, l.node_pk, l.pk, l.sk, err);
	if (rc == LK_OK && (!lk_chan_seal(&c.ch, LK_MSG_ENROL, token, sizeof token, &c.out) ||
	                    (rc = flush(&c, err)) != LK_OK))
		rc = rc != LK_OK ? rc : lk_err_set(err, LK_EFAIL, "node", "out of memory");
	unsigned type;
	if (rc == LK_OK && (rc = read_sealed(&c, &type, err)) == LK_OK) {
		struct lk_rd r = { c.payload.p, c.payload.n, 0, false };
		size_t nl, sl;
		const unsigned char *name = lk_rd_bytes(&r, LK_DESK_NAME_MAX, &nl);
		const unsigned char *scope = lk_rd_bytes(&r, sizeof l.scope - 1, &sl);
		if (type != LK_MSG_ENROLLED || !lk_rd_done(&r) || nl == 0) {
			rc = lk_err_set(err, LK_EFAIL, "node", "the node at %s sent an unexpected answer",
			                hostport);
		} else {
			memcpy(l.name, name, nl);
			memcpy(l.scope, scope, sl);
			rc = lk_desk_link_set(st, &l, err);
		}
	}
	if (rc == LK_OK && out)
		*out = l;
	conn_close(&c);
	sodium_memzero(&l, sizeof l);
	sodium_memzero(token, sizeof token);
	return rc;
}

/* Send every waiting outbox entry in PUSH frames (first, when due, the
 * sent ones kept for a restored node: it skips what it has), then PULL
 * with where this desk stands in the node's log. */
static enum lk_status
send_round(struct conn *c, struct lk_store *st, const struct lk_desk_link *l, bool resend,
           struct lk_sync_report *rep, struct lk_err *err)
{
	struct lk_outbox_entry e[PUSH_BATCH];
	struct lk_buf p = { 0 };
	int64_t after = 0;
	enum lk_status rc = LK_OK;
	for (int pass = resend ? 0 : 1; pass < 2 && rc == LK_OK; pass++, after = 0)
	for (;;) {
		int k = pass == 0 ? lk_desk_sent_read(st, after, e, PUSH_BATCH)
		                  : lk_desk_outbox_read(st, after, e, PUSH_BATCH);
		if (k < 0) {
			rc = lk_err_set(err, LK_EFAIL, "db", "cannot read the outbox");
			break;
		}
		for (int i = 0; i < k; i++) {
			if (rc == LK_OK) {
				if (p.n && p.n + (size_t)e[i].n > PUSH_BYTES) {
					if (!lk_chan_seal(&c->ch, LK_MSG_PUSH, p.p, p.n, &c->out))
						rc = lk_err_set(err, LK_EFAIL, "db", "an outbox entry is too large");
					else
						rc = flush(c, err);
					lk_buf_reset(&p);
				}
				lk_buf_varint(&p, (uint64_t)e[i].hlc);
				lk_buf_bytes(&p, e[i].staff, strlen(e[i].staff));
				lk_buf_bytes(&p, e[i].cs, (size_t)e[i].n);
				if (pass == 0)
					rep->resent++;
				else
					rep->pushed++;
			}
			after = e[i].hlc;
			free(e[i].cs);
		}
		if (k < PUSH_BATCH || rc != LK_OK)
			break;
	}
	if (rc == LK_OK && p.n) {
		if (!lk_chan_seal(&c->ch, LK_MSG_PUSH, p.p, p.n, &c->out))
			rc = lk_err_set(err, LK_EFAIL, "db", "an outbox entry is too large");
	}
	lk_buf_free(&p);
	if (rc != LK_OK)
		return rc;
	/* PULL: the last gseq applied, in the log of that identity; the newest
	 * own change held here; the newest stamp the node ever acknowledged. */
	unsigned char id[LK_LOG_ID_LEN];
	size_t idn = strlen(l->log_id) == 2 * LK_LOG_ID_LEN &&
	             sodium_hex2bin(id, sizeof id, l->log_id, 2 * LK_LOG_ID_LEN, NULL, NULL, NULL) == 0
	             ? sizeof id : 0;
	struct lk_buf q = { 0 };
	lk_buf_varint(&q, (uint64_t)l->pulled);
	lk_buf_bytes(&q, id, idn);
	lk_buf_varint(&q, (uint64_t)lk_desk_own_high(st));
	lk_buf_varint(&q, (uint64_t)lk_desk_acked(st));
	bool ok = !q.oom && lk_chan_seal(&c->ch, LK_MSG_PULL, q.p, q.n, &c->out);
	lk_buf_free(&q);
	if (!ok)
		return lk_err_set(err, LK_EFAIL, "node", "out of memory");
	return flush(c, err);
}

static enum lk_status
apply_changes(struct conn *c, struct lk_store *st, struct lk_sync_report *rep, struct lk_err *err)
{
	struct lk_rd r = { c->payload.p, c->payload.n, 0, false };
	while (!r.bad && r.off < r.n) {
		size_t dl, n;
		int64_t gseq = (int64_t)lk_rd_varint(&r), hlc = (int64_t)lk_rd_varint(&r);
		const unsigned char *d = lk_rd_bytes(&r, LK_DESK_NAME_MAX, &dl);
		const unsigned char *cs = lk_rd_bytes(&r, LK_WIRE_MAX, &n);
		if (r.bad)
			break;
		char desk[LK_DESK_NAME_MAX + 1];
		memcpy(desk, d, dl);
		desk[dl] = '\0';
		struct lk_apply_stats stats = { 0 };
		enum lk_status rc = lk_desk_pull_apply(st, gseq, hlc, desk, cs, (int)n, &stats, err);
		if (rc != LK_OK)
			return rc;
		rep->pulled++;
		rep->conflicts += stats.conflicts;
	}
	if (!lk_rd_done(&r))
		return lk_err_set(err, LK_EFAIL, "node", "the node at %s sent changes that do not parse",
		                  c->node);
	return LK_OK;
}

/* LOG: the node's log is not the one this desk pulled from (a restored
 * node, or the first round): take its identity and the cursor it gives. */
static enum lk_status
log_reset(struct conn *c, struct lk_store *st, struct lk_sync_report *rep, struct lk_err *err)
{
	struct lk_rd r = { c->payload.p, c->payload.n, 0, false };
	size_t n;
	const unsigned char *id = lk_rd_bytes(&r, LK_LOG_ID_LEN, &n);
	uint64_t cursor = lk_rd_varint(&r);
	unsigned resend = lk_rd_byte(&r);
	if (!lk_rd_done(&r) || n != LK_LOG_ID_LEN || cursor > INT64_MAX || resend > 1)
		return lk_err_set(err, LK_EFAIL, "node", "the node at %s sent a log that does not parse",
		                  c->node);
	char hex[2 * LK_LOG_ID_LEN + 1];
	sodium_bin2hex(hex, sizeof hex, id, n);
	if (resend)
		rep->restored = true;
	return lk_desk_log_reset(st, hex, (int64_t)cursor, resend != 0, err);
}

static enum lk_status
finish(struct conn *c, struct lk_store *st, struct lk_sync_report *rep, struct lk_err *err)
{
	struct lk_rd r = { c->payload.p, c->payload.n, 0, false };
	int64_t head = (int64_t)lk_rd_varint(&r), acked = (int64_t)lk_rd_varint(&r);
	int64_t safe = (int64_t)lk_rd_varint(&r);
	uint64_t nref = lk_rd_varint(&r);
	enum lk_status rc = LK_OK;
	long before, after, bytes;
	lk_outbox_stats(st, &before, &bytes);
	for (uint64_t i = 0; i < nref && !r.bad && rc == LK_OK; i++) {
		int64_t hlc = (int64_t)lk_rd_varint(&r);
		size_t len;
		const unsigned char *why = lk_rd_bytes(&r, 400, &len);
		char reason[401];
		if (r.bad)
			break;
		memcpy(reason, why, len);
		reason[len] = '\0';
		rc = lk_desk_outbox_refused(st, hlc, reason, err);
		rep->refused++;
	}
	if (!lk_rd_done(&r))
		return lk_err_set(err, LK_EFAIL, "node", "the node at %s sent an end that does not parse",
		                  c->node);
	if (rc == LK_OK)
		rc = lk_desk_outbox_ack(st, acked, safe, err);
	if (rc == LK_OK)
		rc = lk_desk_pulled(st, head, err);
	lk_outbox_stats(st, &after, &bytes);
	rep->acked = (int)(before - after);
	rep->head = head;
	return rc;
}

enum lk_status
lk_link_sync(struct lk_store *st, int timeout_ms, struct lk_sync_report *rep, struct lk_err *err)
{
	return lk_link_sync_to(st, NULL, timeout_ms, rep, err);
}

static enum lk_status round_once(struct lk_store *st, const char *node, int timeout_ms,
                                 struct lk_sync_report *rep, struct lk_err *err);

enum lk_status
lk_link_sync_to(struct lk_store *st, const char *node, int timeout_ms, struct lk_sync_report *rep,
                struct lk_err *err)
{
	enum lk_status rc = round_once(st, node, timeout_ms, rep, err);
	/* The node was found behind (restored): send again what it may lack
	 * of this desk's changes, at once, in a second round. */
	if (rc == LK_OK && lk_desk_resend_due(st)) {
		struct lk_sync_report again;
		rc = round_once(st, node, timeout_ms, &again, err);
		rep->pushed += again.pushed;
		rep->resent += again.resent;
		rep->acked += again.acked;
		rep->refused += again.refused;
		rep->pulled += again.pulled;
		rep->conflicts += again.conflicts;
		rep->head = again.head;
		rep->bytes_out += again.bytes_out;
		rep->bytes_in += again.bytes_in;
		rep->restored = true;
	}
	return rc;
}

static enum lk_status
round_once(struct lk_store *st, const char *node, int timeout_ms, struct lk_sync_report *rep,
           struct lk_err *err)
{
	struct lk_desk_link l;
	memset(rep, 0, sizeof *rep);
	if (lk_desk_link_get(st, &l) != LK_OK)
		return lk_err_set(err, LK_EINPUT, "db",
		                  "this desk is not enrolled with a node (luukku enrol HOST:PORT CODE)");
	if (node && *node)
		snprintf(l.node, sizeof l.node, "%s", node);   /* the node moved; its key is pinned */
	struct conn c;
	enum lk_status rc = conn_open(&c, l.node, timeout_ms, err);
	if (rc == LK_OK)
		rc = handshake(&c, LK_HELLO_SYNC, l.node_pk, l.pk, l.sk, err);
	bool resend = lk_desk_resend_due(st);
	if (rc == LK_OK && (rc = send_round(&c, st, &l, resend, rep, err)) == LK_EFAIL) {
		/* A write failed because the node closed: its ERROR may be waiting. */
		unsigned type;
		if (read_sealed(&c, &type, err) == LK_OK)
			rc = lk_err_set(err, LK_EFAIL, "node", "the node at %s sent an unexpected answer",
			                l.node);
	}
	while (rc == LK_OK) {
		unsigned type;
		if ((rc = read_sealed(&c, &type, err)) != LK_OK)
			break;
		if (type == LK_MSG_LOG) {
			rc = log_reset(&c, st, rep, err);
		} else if (type == LK_MSG_CHANGES) {
			rc = apply_changes(&c, st, rep, err);
		} else if (type == LK_MSG_DONE) {
			rc = finish(&c, st, rep, err);
			break;
		} else {
			rc = lk_err_set(err, LK_EFAIL, "node", "the node at %s sent an unexpected answer",
			                l.node);
		}
	}
	rep->bytes_out = c.bytes_out;
	rep->bytes_in = c.bytes_in;
	conn_close(&c);
	sodium_memzero(&l, sizeof l);
	if (rc == LK_OK && rep->pulled > 0)
		lk_desk_adopt_area(st);
	if (rc == LK_OK && resend)
		rc = lk_desk_resend_done(st, err);
	return rc;
}

enum lk_status
lk_link_sync_path(const char *db_path, const char *node, int timeout_ms,
                  struct lk_sync_report *rep, struct lk_err *err)
{
	struct lk_store *st = NULL;
	memset(rep, 0, sizeof *rep);
	enum lk_status rc = lk_store_open(db_path, 0, &st, err);
	if (rc != LK_OK)
		return rc;
	rc = lk_link_sync_to(st, node, timeout_ms, rep, err);
	lk_store_close(st);
	return rc;
}

#define BACKOFF_MAX 600   /* seconds */

int
lk_sync_backoff(int interval, int failures)
{
	long d = interval > 0 ? interval : 1;
	for (int i = 0; i < failures && d < BACKOFF_MAX; i++)
		d *= 2;
	return d > BACKOFF_MAX ? BACKOFF_MAX : (int)d;
}
