/*
 * bench_load.c — many desks on one luukkud: the desks' real protocol
 * (src/sync channel and wire code) from separate processes on 127.0.0.1.
 *
 *   bench_load PORT NODE_DB DESKS_FILE WORKERS INTERVAL_MS SECONDS N…
 *
 * DESKS_FILE has one desk a line: "CODE CLIENT_ID" (an enrolment code from
 * `luukkud enrol NAME --scope POINT` and a client of that point's
 * municipality). The parent enrols every desk (the enrolment handshake),
 * then for each N: forks WORKERS processes sharing the first N desks; each
 * desk runs a round every INTERVAL_MS (first at a random offset): handshake,
 * PUSH of one changed field (the client's phone; a real session-extension
 * changeset), PULL of everything in its scope since its last round, DONE.
 * A worker runs its desks' rounds one after another, blocking, on
 * schedule; SECONDS bounds each phase. Prints per N: rounds, rounds a
 * second, and the median / p99 / max of
 *   ack   — PUSH sent to DONE received (the node's acknowledgement),
 *   round — connect to DONE (what a desk waits for),
 *   late  — how far behind schedule a round started (the generator's own lag).
 * Figures, not a pass/fail test. Every wait is bounded (socket timeouts 10 s,
 * alarm in each worker).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "store/store.h"
#include "sync/channel.h"
#include "sync/code.h"
#include "sync/wire.h"

#define MAX_DESKS 4000
#define CLIENT_ID_MAX 64

struct desk {
	unsigned char node_pk[32], pk[32], sk[64];
	char client[CLIENT_ID_MAX];
	int64_t hlc, pulled, acked;
	unsigned char log_id[LK_LOG_ID_LEN];
	bool has_log;
	int phone;
};

static struct desk desks[MAX_DESKS];
static int port;

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
dial(void)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0)
		return -1;
	struct timeval tv = { 10, 0 };
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static bool
send_buf(int fd, struct lk_buf *b)
{
	size_t off = 0;
	while (off < b->n) {
		ssize_t w = send(fd, b->p + off, b->n - off, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		off += (size_t)w;
	}
	lk_buf_reset(b);
	return true;
}

/* One whole frame into in; *body points into it. */
static bool
read_frame(int fd, struct lk_buf *in, unsigned *type, const unsigned char **body, size_t *n)
{
	lk_buf_reset(in);
	size_t want = 4, flen;
	unsigned char tmp[65536];
	for (;;) {
		int got = lk_wire_frame(in->p, in->n, type, body, n, &flen);
		if (got < 0)
			return false;
		if (got > 0)
			return true;
		if (in->n >= 4)
			want = 4 + ((size_t)in->p[0] << 24 | (size_t)in->p[1] << 16 |
			            (size_t)in->p[2] << 8 | in->p[3]);
		size_t ask = want - in->n;
		if (ask > sizeof tmp)
			ask = sizeof tmp;
		ssize_t r = recv(fd, tmp, ask, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		lk_buf_put(in, tmp, (size_t)r);
	}
}

/* The handshake; leaves PROOF in out (not sent). */
static bool
handshake(int fd, struct lk_chan *ch, struct desk *d, int mode, struct lk_buf *out,
          struct lk_buf *in)
{
	lk_chan_hello(ch, mode, (uint32_t)lk_store_schema_version(), d->pk, out);
	if (!send_buf(fd, out))
		return false;
	unsigned type;
	const unsigned char *body;
	size_t n;
	if (!read_frame(fd, in, &type, &body, &n) || type != LK_MSG_WELCOME)
		return false;
	return lk_chan_welcome_check(ch, body, n, d->node_pk, d->sk, out);
}

static bool
enrol(struct desk *d, const char *code)
{
	unsigned char token[16];
	if (!lk_code_parse(code, d->node_pk, token))
		return false;
	crypto_sign_keypair(d->pk, d->sk);
	int fd = dial();
	if (fd < 0)
		return false;
	struct lk_chan ch;
	struct lk_buf out = { 0 }, in = { 0 }, pl = { 0 };
	lk_chan_init(&ch);
	bool ok = handshake(fd, &ch, d, LK_HELLO_ENROL, &out, &in) &&
	          lk_chan_seal(&ch, LK_MSG_ENROL, token, sizeof token, &out) && send_buf(fd, &out);
	unsigned type;
	const unsigned char *body;
	size_t n;
	ok = ok && read_frame(fd, &in, &type, &body, &n) && lk_chan_open(&ch, type, body, n, &pl) &&
	     (type & ~(unsigned)LK_WIRE_ZSTD) == LK_MSG_ENROLLED;
	close(fd);
	lk_chan_free(&ch);
	lk_buf_free(&out);
	lk_buf_free(&in);
	lk_buf_free(&pl);
	return ok;
}

/* A changeset setting the desk's client's phone (old value → new). */
static bool
make_change(sqlite3 *db, struct desk *d, struct lk_buf *cs)
{
	sqlite3_session *s;
	if (sqlite3session_create(db, "main", &s) != SQLITE_OK)
		return false;
	sqlite3session_attach(s, "client");
	sqlite3_stmt *st;
	char phone[32];
	snprintf(phone, sizeof phone, "040 %d", ++d->phone);
	sqlite3_prepare_v2(db, "UPDATE client SET phone = ? WHERE id = ?", -1, &st, NULL);
	sqlite3_bind_text(st, 1, phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, d->client, -1, SQLITE_STATIC);
	bool ok = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(db) == 1;
	sqlite3_finalize(st);
	int n = 0;
	void *p = NULL;
	ok = ok && sqlite3session_changeset(s, &n, &p) == SQLITE_OK && n > 0;
	if (ok) {
		lk_buf_reset(cs);
		lk_buf_put(cs, p, (size_t)n);
	}
	sqlite3_free(p);
	sqlite3session_delete(s);
	return ok;
}

/* One round; ack and round times in ms, or false. */
static bool
round_trip(sqlite3 *db, struct desk *d, double *ack, double *whole)
{
	double t0 = now_ms();
	struct lk_buf out = { 0 }, in = { 0 }, pl = { 0 }, cs = { 0 }, push = { 0 };
	struct lk_chan ch;
	lk_chan_init(&ch);
	int fd = dial();
	bool ok = fd >= 0 && handshake(fd, &ch, d, LK_HELLO_SYNC, &out, &in) && make_change(db, d, &cs);
	double t1 = 0;
	if (ok) {
		int64_t wall = (int64_t)time(NULL) * 1000 << 16;
		d->hlc = wall > d->hlc ? wall : d->hlc + 1;
		lk_buf_varint(&push, (uint64_t)d->hlc);
		lk_buf_bytes(&push, "", 0);   /* no staff member named (no accounts) */
		lk_buf_bytes(&push, cs.p, cs.n);
		ok = lk_chan_seal(&ch, LK_MSG_PUSH, push.p, push.n, &out);
		lk_buf_reset(&push);
		lk_buf_varint(&push, (uint64_t)d->pulled);
		lk_buf_bytes(&push, d->log_id, d->has_log ? sizeof d->log_id : 0);
		lk_buf_varint(&push, (uint64_t)d->hlc);    /* own newest change */
		lk_buf_varint(&push, (uint64_t)d->acked);  /* newest acknowledged */
		ok = ok && lk_chan_seal(&ch, LK_MSG_PULL, push.p, push.n, &out);
		t1 = now_ms();
		ok = ok && send_buf(fd, &out);
	}
	while (ok) {
		unsigned type;
		const unsigned char *body;
		size_t n;
		ok = read_frame(fd, &in, &type, &body, &n) && lk_chan_open(&ch, type, body, n, &pl);
		type &= ~(unsigned)LK_WIRE_ZSTD;
		if (ok && type == LK_MSG_LOG) {
			struct lk_rd r = { pl.p, pl.n, 0, false };
			size_t idn;
			const unsigned char *id = lk_rd_bytes(&r, LK_LOG_ID_LEN, &idn);
			d->pulled = (int64_t)lk_rd_varint(&r);
			ok = !r.bad && idn == sizeof d->log_id;
			if (ok)
				memcpy(d->log_id, id, idn), d->has_log = true;
			continue;
		}
		if (!ok || type == LK_MSG_CHANGES)
			continue;
		if (type != LK_MSG_DONE) {
			ok = false;
			break;
		}
		struct lk_rd r = { pl.p, pl.n, 0, false };
		int64_t head = (int64_t)lk_rd_varint(&r), acked = (int64_t)lk_rd_varint(&r);
		lk_rd_varint(&r);   /* safe */
		uint64_t refused = lk_rd_varint(&r);
		ok = !r.bad && acked == d->hlc && refused == 0;
		d->acked = acked;
		d->pulled = head;
		break;
	}
	double t2 = now_ms();
	if (fd >= 0)
		close(fd);
	lk_chan_free(&ch);
	lk_buf_free(&out);
	lk_buf_free(&in);
	lk_buf_free(&pl);
	lk_buf_free(&cs);
	lk_buf_free(&push);
	*ack = t2 - t1;
	*whole = t2 - t0;
	return ok;
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void
report(const char *what, double *v, size_t n)
{
	if (n == 0)
		return;
	qsort(v, n, sizeof *v, cmp_d);
	size_t p99 = (size_t)((double)n * 0.99);
	if (p99 >= n)
		p99 = n - 1;
	printf("  %-6s median %7.2f ms   p99 %7.2f ms   max %7.2f ms\n", what, v[n / 2], v[p99],
	       v[n - 1]);
}

/* A worker: desks first, first+step, … below n; writes "ack round late ok"
 * records of 4 doubles to fd. */
static void
worker(const char *node_db, int first, int step, int n, double interval, double seconds, int fd)
{
	sqlite3 *db;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		_exit(1);
	/* The desks' clients as the node has them, in a private copy. */
	char *uri = sqlite3_mprintf("ATTACH 'file:%q?mode=ro' AS node", node_db);
	sqlite3_exec(db, uri, NULL, NULL, NULL);
	sqlite3_free(uri);
	/* Same columns and primary key as the node's table. */
	sqlite3_stmt *sql = NULL;
	sqlite3_prepare_v2(db, "SELECT sql FROM node.sqlite_master WHERE name = 'client'", -1, &sql,
	                   NULL);
	if (sqlite3_step(sql) == SQLITE_ROW)
		sqlite3_exec(db, (const char *)sqlite3_column_text(sql, 0), NULL, NULL, NULL);
	sqlite3_finalize(sql);
	sqlite3_prepare_v2(db, "INSERT INTO main.client SELECT * FROM node.client WHERE id = ?", -1,
	                   &sql, NULL);
	for (int i = first; i < n; i += step) {
		sqlite3_bind_text(sql, 1, desks[i].client, -1, SQLITE_STATIC);
		sqlite3_step(sql);
		sqlite3_reset(sql);
	}
	sqlite3_finalize(sql);
	sqlite3_exec(db, "DETACH node", NULL, NULL, NULL);
	int mine = (n - first + step - 1) / step;
	double *due = calloc((size_t)(mine > 0 ? mine : 1), sizeof *due);
	double start = now_ms(), end = start + seconds * 1000.0;
	srand((unsigned)getpid());
	for (int k = 0; k < mine; k++)
		due[k] = start + interval * (double)rand() / RAND_MAX;
	alarm((unsigned)seconds + 60);
	for (;;) {
		int k = 0;
		for (int j = 1; j < mine; j++)
			if (due[j] < due[k])
				k = j;
		if (mine == 0 || due[k] >= end)
			break;
		double t = now_ms();
		if (due[k] > t) {
			double w = due[k] - t;
			struct timespec ts = { (time_t)(w / 1000), (long)((w - (double)(long)(w / 1000) * 1000) * 1e6) };
			nanosleep(&ts, NULL);
		}
		double rec[4];
		rec[2] = now_ms() - due[k];
		rec[3] = round_trip(db, &desks[first + k * step], &rec[0], &rec[1]);
		if (write(fd, rec, sizeof rec) != (ssize_t)sizeof rec)
			break;
		due[k] += interval;
	}
	free(due);
	sqlite3_close(db);
	close(fd);
	_exit(0);
}

int
main(int argc, char **argv)
{
	if (argc < 8) {
		fprintf(stderr, "usage: bench_load PORT NODE_DB DESKS_FILE WORKERS INTERVAL_MS "
		                "SECONDS N...\n");
		return 2;
	}
	port = atoi(argv[1]);
	const char *node_db = argv[2];
	int workers = atoi(argv[4]);
	double interval = atof(argv[5]), seconds = atof(argv[6]);
	if (sodium_init() < 0 || workers < 1 || workers > 64 || interval <= 0 || seconds <= 0 ||
	    seconds > 600)
		return 2;
	signal(SIGPIPE, SIG_IGN);
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	FILE *f = fopen(argv[3], "r");
	if (f == NULL) {
		perror(argv[3]);
		return 1;
	}
	char code[256], client[CLIENT_ID_MAX];
	int nd = 0;
	double t0 = now_ms();
	while (nd < MAX_DESKS && fscanf(f, "%255s %63s", code, client) == 2) {
		snprintf(desks[nd].client, sizeof desks[nd].client, "%s", client);
		if (!enrol(&desks[nd], code)) {
			fprintf(stderr, "bench_load: desk %d did not enrol\n", nd + 1);
			return 1;
		}
		nd++;
	}
	fclose(f);
	printf("enrolled %d desks over the protocol in %.1f s; %d worker processes, "
	       "a change every %.1f s per desk, %.0f s per step\n",
	       nd, (now_ms() - t0) / 1000, workers, interval / 1000, seconds);
	fflush(stdout);
	for (int a = 7; a < argc; a++) {
		int n = atoi(argv[a]);
		if (n < 1 || n > nd)
			continue;
		int pipes[64][2];
		pid_t pids[64];
		for (int w = 0; w < workers; w++) {
			if (pipe(pipes[w]) != 0)
				return 1;
			pids[w] = fork();
			if (pids[w] == 0) {
				for (int v = 0; v <= w; v++)
					close(pipes[v][0]);
				worker(node_db, w, workers, n, interval, seconds, pipes[w][1]);
			}
			close(pipes[w][1]);
		}
		size_t cap = (size_t)((double)n * (seconds * 1000 / interval + 2)) + 16, k = 0;
		double *ack = malloc(cap * sizeof *ack), *whole = malloc(cap * sizeof *whole),
		       *late = malloc(cap * sizeof *late);
		long failed = 0;
		for (int w = 0; w < workers; w++) {
			double rec[4];
			while (read(pipes[w][0], rec, sizeof rec) == (ssize_t)sizeof rec) {
				if (rec[3] == 0) {
					failed++;
				} else if (k < cap) {
					ack[k] = rec[0];
					whole[k] = rec[1];
					late[k] = rec[2];
					k++;
				}
			}
			close(pipes[w][0]);
			waitpid(pids[w], NULL, 0);
		}
		printf("%d desks: %zu rounds ok, %ld failed, %.1f rounds/s (offered %.1f/s)\n", n, k,
		       failed, (double)k / seconds, (double)n * 1000 / interval);
		report("ack", ack, k);
		report("round", whole, k);
		report("late", late, k);
		fflush(stdout);
		free(ack);
		free(whole);
		free(late);
	}
	return 0;
}
