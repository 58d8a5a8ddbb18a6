/*
 * node-loop.c — luukkud's libuv loop: listener, connections, signals (node-loop.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include "sync/code.h"
#include "node/node-store.h"
#include "node/node-stderr.h"
#include "node/node-loop.h"

#define QUEUE_MAX (1u << 20)   /* bytes in flight per connection before pausing the pull */
#define BACKUP_RETRY_MS 60000  /* a failed backup is tried again after this (or the interval) */

struct node;

struct conn {
	uv_tcp_t tcp;
	uv_timer_t idle;
	struct node *node;
	struct lk_hub_conn hc;
	size_t queued;
	bool close_after, closing;
	int handles;               /* open libuv handles (tcp, timer) */
	struct conn *prev, *next;
};

struct node {
	uv_loop_t *loop;
	uv_tcp_t listener;
	uv_signal_t sigterm, sigint, sighup;
	struct lk_hub *hub;
	const struct lk_node_opts *opts;
	struct conn *conns;
	bool stopping;
	uv_timer_t backup_timer;
	uv_work_t backup_work;
	struct lk_backup_run backup;
	bool backup_on, backing_up;
};

struct wreq {
	uv_write_t req;
	struct conn *c;
	size_t len;
	unsigned char data[];
};

static void conn_close(struct conn *c);
static void pump(struct conn *c);

static void
on_handle_closed(uv_handle_t *h)
{
	struct conn *c = h->data;
	if (--c->handles > 0)
		return;
	struct node *n = c->node;
	if (c->prev)
		c->prev->next = c->next;
	else
		n->conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	lk_hub_conn_free(&c->hc);
	free(c);
}

static void
conn_close(struct conn *c)
{
	if (c->closing)
		return;
	c->closing = true;
	uv_close((uv_handle_t *)&c->tcp, on_handle_closed);
	uv_close((uv_handle_t *)&c->idle, on_handle_closed);
}

static void
on_written(uv_write_t *req, int status)
{
	struct wreq *w = (struct wreq *)req;
	struct conn *c = w->c;
	c->queued -= w->len;
	free(w);
	if (status < 0) {
		conn_close(c);
		return;
	}
	if (c->closing)
		return;
	if (c->hc.state == LK_HUB_PULL)
		pump(c);
	if (c->close_after && c->queued == 0)
		conn_close(c);
}

static void
send_out(struct conn *c, struct lk_buf *out)
{
	if (out->n == 0 || c->closing)
		return;
	struct wreq *w = malloc(sizeof *w + out->n);
	if (w == NULL) {
		conn_close(c);
		return;
	}
	memcpy(w->data, out->p, out->n);
	w->c = c;
	w->len = out->n;
	uv_buf_t b = uv_buf_init((char *)w->data, (unsigned)out->n);
	c->queued += w->len;
	if (uv_write(&w->req, (uv_stream_t *)&c->tcp, &b, 1, on_written) != 0) {
		c->queued -= w->len;
		free(w);
		conn_close(c);
	}
}

static void
pump(struct conn *c)
{
	if (c->queued >= QUEUE_MAX)
		return;
	struct lk_buf out = { 0 };
	bool more = lk_hub_conn_pump(&c->hc, &out, QUEUE_MAX - c->queued);
	send_out(c, &out);
	lk_buf_free(&out);
	if (!more) {
		c->close_after = true;
		if (c->queued == 0)
			conn_close(c);
	}
}

static void
on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
	(void)h;
	buf->base = malloc(suggested);
	buf->len = buf->base ? suggested : 0;
}

static void
on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
	struct conn *c = s->data;
	if (nread < 0) {
		if (nread != UV_EOF && c->hc.state != LK_HUB_END)
			lk_log(LK_LOG_INFO, "%s: connection lost: %s",
			       c->hc.desk.name[0] ? c->hc.desk.name : c->hc.peer, uv_strerror((int)nread));
		free(buf->base);
		conn_close(c);
		return;
	}
	if (nread == 0 || c->close_after || c->closing) {
		free(buf->base);
		return;
	}
	uv_timer_again(&c->idle);
	struct lk_buf out = { 0 };
	bool keep = lk_hub_conn_input(&c->hc, buf->base, (size_t)nread, &out);
	free(buf->base);
	send_out(c, &out);
	lk_buf_free(&out);
	if (!keep) {
		c->close_after = true;
		uv_read_stop(s);
		if (c->queued == 0)
			conn_close(c);
	} else if (c->hc.state == LK_HUB_PULL) {
		pump(c);
	}
}

static void
on_idle(uv_timer_t *t)
{
	struct conn *c = t->data;
	lk_log(LK_LOG_INFO, "%s: closed after %d s of silence",
	       c->hc.desk.name[0] ? c->hc.desk.name : c->hc.peer, c->node->opts->idle_seconds);
	conn_close(c);
}

static void
on_connection(uv_stream_t *server, int status)
{
	struct node *n = server->data;
	if (status < 0)
		return;
	struct conn *c = calloc(1, sizeof *c);
	if (c == NULL)
		return;
	c->node = n;
	uv_tcp_init(n->loop, &c->tcp);
	uv_timer_init(n->loop, &c->idle);
	c->handles = 2;
	c->tcp.data = c;
	c->idle.data = c;
	c->next = n->conns;
	if (n->conns)
		n->conns->prev = c;
	n->conns = c;
	if (uv_accept(server, (uv_stream_t *)&c->tcp) != 0 || n->stopping) {
		lk_hub_conn_init(&c->hc, n->hub, "?");
		conn_close(c);
		return;
	}
	struct sockaddr_storage ss;
	int len = sizeof ss;
	char peer[64] = "?", ip[48] = "?";
	if (uv_tcp_getpeername(&c->tcp, (struct sockaddr *)&ss, &len) == 0) {
		if (ss.ss_family == AF_INET6) {
			uv_ip6_name((struct sockaddr_in6 *)&ss, ip, sizeof ip);
			snprintf(peer, sizeof peer, "[%s]:%d", ip,
			         ntohs(((struct sockaddr_in6 *)&ss)->sin6_port));
		} else {
			uv_ip4_name((struct sockaddr_in *)&ss, ip, sizeof ip);
			snprintf(peer, sizeof peer, "%s:%d", ip, ntohs(((struct sockaddr_in *)&ss)->sin_port));
		}
	}
	lk_hub_conn_init(&c->hc, n->hub, peer);
	uv_tcp_nodelay(&c->tcp, 1);
	uint64_t idle = (uint64_t)n->opts->idle_seconds * 1000;
	uv_timer_start(&c->idle, on_idle, idle, idle);
	uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
}

static void on_backup_timer(uv_timer_t *t);

static void
backup_schedule(struct node *n, int64_t ms)
{
	if (!n->stopping)
		uv_timer_start(&n->backup_timer, on_backup_timer, (uint64_t)ms, 0);
}

/* On the thread pool: the store's file, through a connection of its own. */
static void
backup_work(uv_work_t *w)
{
	struct node *n = w->data;
	lk_hub_backup_run(&n->backup);
}

static void
backup_done(uv_work_t *w, int status)
{
	struct node *n = w->data;
	struct lk_backup_run *r = &n->backup;
	const struct lk_node_opts *o = n->opts;
	int64_t next = o->backup_interval_ms;
	n->backing_up = false;
	if (status != 0 || r->msg[0]) {
		if (next > BACKUP_RETRY_MS)
			next = BACKUP_RETRY_MS;
		lk_log(LK_LOG_ERROR, "backup into %s failed: %s; nothing of it was kept; "
		       "trying again in %" PRId64 " s", o->backup_dir,
		       status != 0 ? uv_strerror(status) : r->msg, next / 1000);
	} else {
		lk_log(LK_LOG_INFO, "backup made: %s/%s (%" PRId64 " bytes); %d kept, %d removed",
		       o->backup_dir, r->name, r->bytes, r->kept, r->pruned);
		struct lk_err err = { 0 };
		if (r->safe_msg[0])
			lk_log(LK_LOG_WARN, "backup: %s", r->safe_msg);
		if (!r->safe_known)
			lk_log(LK_LOG_WARN, "backup: the desks' safe stamps are left as they were");
		else if (lk_hub_safe_apply(n->hub->st, r, &err) != LK_OK)
			lk_log(LK_LOG_ERROR, "backup: cannot set the safe stamps: %s", err.msg);
		else
			lk_log(LK_LOG_INFO, "backup: safe stamps set for %d desk(s) from the %d kept "
			       "backup(s), the oldest %s", r->ndesks, r->kept, r->oldest);
	}
	lk_backup_run_free(r);
	backup_schedule(n, next);
}

static void
on_backup_timer(uv_timer_t *t)
{
	struct node *n = t->data;
	if (n->stopping || n->backing_up)
		return;
	memset(&n->backup, 0, sizeof n->backup);
	n->backup.db_path = n->opts->db_path;
	n->backup.dir = n->opts->backup_dir;
	n->backup.keep = n->opts->backup_keep;
	n->backup_work.data = n;
	n->backing_up = true;
	int rc = uv_queue_work(n->loop, &n->backup_work, backup_work, backup_done);
	if (rc != 0) {
		n->backing_up = false;
		lk_log(LK_LOG_ERROR, "backup into %s not started: %s", n->opts->backup_dir,
		       uv_strerror(rc));
		backup_schedule(n, BACKUP_RETRY_MS);
	}
}

static void
on_signal(uv_signal_t *s, int signum)
{
	struct node *n = s->data;
	if (signum == SIGHUP) {
		if (n->opts->reload)
			n->opts->reload(n->opts->ctx);
		return;
	}
	if (n->stopping)
		return;
	n->stopping = true;
	int busy = 0;
	for (struct conn *c = n->conns; c; c = c->next) {
		if (c->hc.state == LK_HUB_PUSH || c->hc.state == LK_HUB_PULL || c->close_after)
			busy++;
		else
			conn_close(c);
	}
	lk_log(LK_LOG_INFO, "stopping (signal %d); letting %d round(s) finish%s", signum, busy,
	       n->backing_up ? " and the backup under way" : "");
	if (n->backup_on)
		uv_close((uv_handle_t *)&n->backup_timer, NULL);
	uv_close((uv_handle_t *)&n->listener, NULL);
	uv_close((uv_handle_t *)&n->sigterm, NULL);
	uv_close((uv_handle_t *)&n->sigint, NULL);
	uv_close((uv_handle_t *)&n->sighup, NULL);
}

int
lk_node_run(struct lk_hub *hub, const struct lk_node_opts *opts)
{
	char host[256], port[16];
	if (!lk_hostport(opts->listen, host, sizeof host, port, sizeof port)) {
		lk_log(LK_LOG_ERROR, "listen: '%s' is not HOST:PORT", opts->listen);
		return 1;
	}
	struct node n = { .loop = uv_default_loop(), .hub = hub, .opts = opts };
	struct sockaddr_storage addr;
	if (uv_ip4_addr(host, atoi(port), (struct sockaddr_in *)&addr) != 0 &&
	    uv_ip6_addr(host, atoi(port), (struct sockaddr_in6 *)&addr) != 0) {
		lk_log(LK_LOG_ERROR, "listen: '%s' is not an IP address", host);
		return 1;
	}
	uv_tcp_init(n.loop, &n.listener);
	n.listener.data = &n;
	int rc = uv_tcp_bind(&n.listener, (struct sockaddr *)&addr, 0);
	if (rc == 0)
		rc = uv_listen((uv_stream_t *)&n.listener, 128, on_connection);
	if (rc != 0) {
		lk_log(LK_LOG_ERROR, "cannot listen on %s: %s", opts->listen, uv_strerror(rc));
		uv_close((uv_handle_t *)&n.listener, NULL);
		uv_run(n.loop, UV_RUN_DEFAULT);
		uv_loop_close(n.loop);
		return 1;
	}
	struct sockaddr_storage bound;
	int blen = sizeof bound;
	char ip[48] = "?";
	int bport = 0;
	uv_tcp_getsockname(&n.listener, (struct sockaddr *)&bound, &blen);
	if (bound.ss_family == AF_INET6) {
		uv_ip6_name((struct sockaddr_in6 *)&bound, ip, sizeof ip);
		bport = ntohs(((struct sockaddr_in6 *)&bound)->sin6_port);
	} else {
		uv_ip4_name((struct sockaddr_in *)&bound, ip, sizeof ip);
		bport = ntohs(((struct sockaddr_in *)&bound)->sin_port);
	}
	uv_signal_init(n.loop, &n.sigterm);
	uv_signal_init(n.loop, &n.sigint);
	uv_signal_init(n.loop, &n.sighup);
	n.sigterm.data = n.sigint.data = n.sighup.data = &n;
	uv_signal_start(&n.sigterm, on_signal, SIGTERM);
	uv_signal_start(&n.sigint, on_signal, SIGINT);
	uv_signal_start(&n.sighup, on_signal, SIGHUP);
	lk_log(LK_LOG_INFO, "listening on %s:%d, %d desk(s) enrolled", ip, bport,
	       lk_hub_desk_count(hub->st));
	if (opts->backup_dir && opts->db_path) {
		int64_t due = lk_hub_backup_due(opts->backup_dir, opts->backup_interval_ms);
		uv_timer_init(n.loop, &n.backup_timer);
		n.backup_timer.data = &n;
		n.backup_on = true;
		lk_log(LK_LOG_INFO, "backups into %s every %" PRId64 " s, %d kept; the next in %" PRId64
		       " s", opts->backup_dir, opts->backup_interval_ms / 1000, opts->backup_keep,
		       due / 1000);
		backup_schedule(&n, due);
	} else {
		lk_log(LK_LOG_WARN, "no [backup] dir: no scheduled backups; desks keep every change "
		       "they sent until a backup holds it");
	}
	uv_run(n.loop, UV_RUN_DEFAULT);
	uv_loop_close(n.loop);
	lk_log(LK_LOG_INFO, "stopped");
	return 0;
}
