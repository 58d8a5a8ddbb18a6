/*
 * bench_tty.c — what the terminal carries: the real luukku under a pty.
 *
 *   bench_tty LUUKKU DB COLS ROWS NAME…
 *
 * For each NAME, starts LUUKKU --db DB on a fresh pty of COLS×ROWS
 * (TERM=xterm-256color, as an SSH session would present it), and measures
 *   - start: from fork+exec to the first byte of the first screen, and to
 *     its last byte (the screen is complete when the output stays quiet);
 *   - memory: VmHWM and VmRSS from /proc/PID/status at the first screen;
 *   - typing: NAME one character at a time, the bytes read from the pty
 *     master after each keystroke until the output is quiet again;
 *   - repaint: after each keystroke, Ctrl-L (redraw) on the same screen:
 *     the bytes of a full repaint of exactly the screen that keystroke
 *     produced, so each keystroke's bytes are compared with their own
 *     screen's repaint (ncurses' picture of the screen stays the same).
 * Prints per-run lines and the medians and p99s. Figures, not a pass/fail
 * test. Every wait is bounded; the child is killed at the end of each run.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 60       /* no output for this long: the screen is drawn */
#define LIMIT_MS 5000     /* give up on any one wait after this long */
#define MAX_KEYS 8192

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Read from fd until it has been quiet for quiet_ms (or limit_ms pass);
 * returns the bytes read; *first and *last get the times of the first and
 * last byte (unchanged when nothing came). */
static long
drain(int fd, int quiet_ms, double *first, double *last)
{
	long total = 0;
	double start = now_ms();
	char buf[65536];
	for (;;) {
		double t = now_ms();
		if (t - start > LIMIT_MS)
			break;
		struct pollfd p = { fd, POLLIN, 0 };
		int r = poll(&p, 1, quiet_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		ssize_t n = read(fd, buf, sizeof buf);
		if (n <= 0)
			break;
		t = now_ms();
		if (total == 0 && first)
			*first = t;
		if (last)
			*last = t;
		total += n;
	}
	return total;
}

/* Wait for the first output (bounded), then drain to quiet. */
static long
first_screen(int fd, double *first, double *last)
{
	struct pollfd p = { fd, POLLIN, 0 };
	if (poll(&p, 1, LIMIT_MS) <= 0)
		return 0;
	return drain(fd, QUIET_MS * 3, first, last);
}

static long
status_kb(pid_t pid, const char *field)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long v = -1;
	size_t fl = strlen(field);
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, field, fl) == 0 && line[fl] == ':')
			v = atol(line + fl + 1);
	if (f)
		fclose(f);
	return v;
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void
report(const char *what, const char *unit, double *v, size_t n)
{
	if (n == 0)
		return;
	qsort(v, n, sizeof *v, cmp_d);
	size_t p99 = (size_t)((double)n * 0.99);
	if (p99 >= n)
		p99 = n - 1;
	printf("%-34s n=%-5zu median %9.1f %s  p99 %9.1f %s  min %9.1f  max %9.1f\n", what, n,
	       v[n / 2], unit, v[p99], unit, v[0], v[n - 1]);
}

static void
stop_child(pid_t pid, int fd)
{
	kill(pid, SIGTERM);
	for (int i = 0; i < 100; i++) {
		drain(fd, 5, NULL, NULL);
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return;
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

int
main(int argc, char **argv)
{
	if (argc < 6) {
		fprintf(stderr, "usage: bench_tty LUUKKU DB COLS ROWS NAME...\n");
		return 2;
	}
	const char *luukku = argv[1], *db = argv[2];
	struct winsize ws = { .ws_col = (unsigned short)atoi(argv[3]),
	                      .ws_row = (unsigned short)atoi(argv[4]) };
	int runs = argc - 5;
	static double key_bytes[MAX_KEYS], key_ratio[MAX_KEYS], repaint[MAX_KEYS];
	double sum_key = 0, sum_rep = 0;
	double *t_first = calloc((size_t)runs, sizeof(double));
	double *t_done = calloc((size_t)runs, sizeof(double));
	double *hwm = calloc((size_t)runs, sizeof(double));
	double *rss = calloc((size_t)runs, sizeof(double));
	size_t nk = 0;
	signal(SIGPIPE, SIG_IGN);
	for (int r = 0; r < runs; r++) {
		const char *name = argv[5 + r];
		int fd;
		double t0 = now_ms();
		pid_t pid = forkpty(&fd, NULL, NULL, &ws);
		if (pid < 0) {
			perror("forkpty");
			return 1;
		}
		if (pid == 0) {
			setenv("TERM", "xterm-256color", 1);
			setenv("LANG", "C.UTF-8", 1);
			setenv("LC_ALL", "C.UTF-8", 1);
			unsetenv("NO_COLOR");
			unsetenv("LUUKKU_CONFIG");
			execl(luukku, luukku, "--db", db, (char *)NULL);
			_exit(127);
		}
		double first = 0, last = 0;
		long screen = first_screen(fd, &first, &last);
		if (screen == 0) {
			fprintf(stderr, "bench_tty: no first screen from %s\n", luukku);
			stop_child(pid, fd);
			return 1;
		}
		t_first[r] = first - t0;
		t_done[r] = last - t0;
		hwm[r] = (double)status_kb(pid, "VmHWM") / 1024.0;
		rss[r] = (double)status_kb(pid, "VmRSS") / 1024.0;
		long typed = 0, chars = 0;
		for (const char *p = name; *p;) {
			/* One UTF-8 character per keystroke. */
			size_t len = 1;
			while (p[len] && ((unsigned char)p[len] & 0xc0) == 0x80)
				len++;
			if (write(fd, p, len) != (ssize_t)len)
				break;
			p += len;
			long b = drain(fd, QUIET_MS, NULL, NULL);
			typed += b;
			chars++;
			if (write(fd, "\f", 1) != 1)
				break;
			long full = drain(fd, QUIET_MS, NULL, NULL);
			if (nk < MAX_KEYS && full > 0) {
				key_bytes[nk] = (double)b;
				repaint[nk] = (double)full;
				key_ratio[nk] = 100.0 * (double)b / (double)full;
				sum_key += (double)b;
				sum_rep += (double)full;
				nk++;
			}
		}
		printf("run %2d: first byte %6.1f ms, screen %6.1f ms (%ld B), VmHWM %5.1f MiB, "
		       "VmRSS %5.1f MiB; \"%s\": %ld keys, %ld B\n",
		       r + 1, t_first[r], t_done[r], screen, hwm[r], rss[r], name, chars, typed);
		fflush(stdout);
		stop_child(pid, fd);
		close(fd);
	}
	printf("terminal %dx%d, TERM=xterm-256color, %d runs\n", ws.ws_col, ws.ws_row, runs);
	report("start to first byte", "ms", t_first, (size_t)runs);
	report("start to whole first screen", "ms", t_done, (size_t)runs);
	report("VmHWM at the first screen", "MiB", hwm, (size_t)runs);
	report("VmRSS at the first screen", "MiB", rss, (size_t)runs);
	printf("all keystrokes: %.0f B; full repaints of the same screens: %.0f B; ratio %.1f %%\n",
	       sum_key, sum_rep, sum_rep > 0 ? 100.0 * sum_key / sum_rep : 0.0);
	size_t under = 0;
	for (size_t i = 0; i < nk; i++)
		under += key_ratio[i] < 10.0;
	printf("keystrokes under 10 %% of their screen's repaint: %zu of %zu (%.1f %%)\n", under, nk,
	       nk ? 100.0 * (double)under / (double)nk : 0.0);
	report("bytes per keystroke", "B ", key_bytes, nk);
	report("full repaint of that screen", "B ", repaint, nk);
	report("keystroke / repaint of its screen", "% ", key_ratio, nk);
	free(t_first);
	free(t_done);
	free(hwm);
	free(rss);
	return 0;
}
