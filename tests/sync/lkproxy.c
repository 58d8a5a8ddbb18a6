/*
 * lkproxy.c — a small TCP tool for the sync tests, on 127.0.0.1 only.
 *
 *   lkproxy proxy TARGET_PORT [--cut N [--cut-step S]] [--flip N] [--record FILE]
 *                             [--delay MS] [--rate BYTES_PER_SECOND] [--pass K]
 *       Listen on a free port (printed on stdout), forward every connection
 *       to TARGET_PORT, one connection at a time. --cut N closes both ends
 *       after N bytes of a connection (both ways counted: a link cut
 *       mid-frame), and --cut-step S cuts each next connection S bytes
 *       later; --flip N inverts byte N of what the desk sends; --record
 *       writes the desk's bytes of the first connection to FILE; --delay
 *       and --rate hold each chunk as a slow link would (MS is the round
 *       trip); --pass K forwards the first K connections and closes every
 *       later one at once (a link lost between two rounds). Gives up after
 *       300 s.
 *   lkproxy send PORT FILE
 *       Connect, send FILE's bytes, then read until the peer closes or 3 s
 *       pass; prints "closed N" or "open N" (N bytes received).
 *
 * Test tooling only; never part of Luukku.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int
dial(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return fd;
}

static void
hold(size_t n, long delay_ms, long rate)
{
	long us = delay_ms * 500;   /* one way: half the round trip */
	if (rate > 0)
		us += (long)((double)n * 1e6 / (double)rate);
	if (us > 0) {
		struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
		nanosleep(&ts, NULL);
	}
}

static int
send_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
run_proxy(int argc, char **argv)
{
	int target = atoi(argv[2]);
	long cut = -1, step = 0, flip = -1, delay = 0, rate = 0, pass = -1, conns = 0;
	const char *record = NULL;
	for (int i = 3; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--cut") == 0) cut = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--cut-step") == 0) step = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--flip") == 0) flip = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--record") == 0) record = argv[i + 1];
		else if (strcmp(argv[i], "--delay") == 0) delay = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--rate") == 0) rate = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--pass") == 0) pass = atol(argv[i + 1]);
		else { fprintf(stderr, "lkproxy: unknown option %s\n", argv[i]); return 2; }
	}
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t al = sizeof a;
	int one = 1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(ls, (struct sockaddr *)&a, sizeof a) != 0 || listen(ls, 16) != 0 ||
	    getsockname(ls, (struct sockaddr *)&a, &al) != 0) {
		perror("lkproxy");
		return 1;
	}
	printf("%d\n", ntohs(a.sin_port));
	fflush(stdout);
	alarm(300);
	FILE *rec = record ? fopen(record, "wb") : NULL;
	for (;;) {
		int c = accept(ls, NULL, NULL);
		if (c < 0)
			continue;
		if (pass >= 0 && ++conns > pass) {
			close(c);
			continue;
		}
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		int s = dial(target);
		if (s < 0) {
			close(c);
			continue;
		}
		long passed = 0, up = 0;
		unsigned char buf[16384];
		for (;;) {
			struct pollfd p[2] = { { c, POLLIN, 0 }, { s, POLLIN, 0 } };
			if (poll(p, 2, 30000) <= 0)
				break;
			int from = (p[0].revents & (POLLIN | POLLHUP | POLLERR)) ? 0 : 1;
			int src = from == 0 ? c : s, dst = from == 0 ? s : c;
			size_t want = sizeof buf;
			if (cut >= 0 && (long)want > cut - passed)
				want = (size_t)(cut - passed);
			if (want == 0)
				break;
			ssize_t r = recv(src, buf, want, 0);
			if (r <= 0)
				break;
			if (from == 0) {
				if (flip >= up && flip < up + r)
					buf[flip - up] ^= 0xff;
				if (rec)
					fwrite(buf, 1, (size_t)r, rec);
				up += r;
			}
			passed += r;
			hold((size_t)r, delay, rate);
			if (send_all(dst, buf, (size_t)r) != 0)
				break;
			if (cut >= 0 && passed >= cut)
				break;
		}
		if (rec) {
			fclose(rec);
			rec = NULL;
		}
		close(c);
		close(s);
		if (cut >= 0)
			cut += step;
	}
}

static int
run_send(char **argv)
{
	FILE *f = fopen(argv[3], "rb");
	if (f == NULL) {
		perror(argv[3]);
		return 2;
	}
	static unsigned char data[1 << 20];
	size_t n = fread(data, 1, sizeof data, f);
	fclose(f);
	int fd = dial(atoi(argv[2]));
	if (fd < 0) {
		perror("lkproxy send");
		return 1;
	}
	send_all(fd, data, n);
	long got = 0;
	unsigned char buf[4096];
	time_t end = time(NULL) + 3;
	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		int ms = (int)(end - time(NULL)) * 1000;
		if (ms <= 0 || poll(&p, 1, ms) <= 0) {
			printf("open %ld\n", got);
			break;
		}
		ssize_t r = recv(fd, buf, sizeof buf, 0);
		if (r <= 0) {
			printf("closed %ld\n", got);
			break;
		}
		got += r;
	}
	close(fd);
	return 0;
}

int
main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	if (argc >= 3 && strcmp(argv[1], "proxy") == 0)
		return run_proxy(argc, argv);
	if (argc == 4 && strcmp(argv[1], "send") == 0)
		return run_send(argv);
	fprintf(stderr, "usage: lkproxy proxy TARGET_PORT [--cut N] [--flip N] [--record FILE] "
	                "[--delay MS] [--rate B] [--pass K]\n       lkproxy send PORT FILE\n");
	return 2;
}
