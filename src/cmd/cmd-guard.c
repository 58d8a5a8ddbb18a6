/*
 * cmd-guard.c — the output rule on the command line (core/text.h): every
 * byte a command writes to standard output or standard error passes the
 * sanitiser on its way to the descriptor, whatever the database or the
 * arguments hold. Control characters (ESC, BEL, C1 such as U+009B), bidi
 * controls and invalid UTF-8 come out as U+FFFD; tab, newline and a CR
 * before LF (CSV, iCalendar) are kept as layout.
 *
 * The streams are replaced with fopencookie() streams over the same
 * descriptors; a character cut between two writes is held until the next.
 * Not for the ncurses terminal and the kiosk, which draw through
 * ui/draw.c's helpers (sanitised there) and need their escape sequences.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd-guard.h"
#include "core/text.h"

struct guard {
	int fd;
	unsigned char carry[8];
	size_t ncarry;
};

static struct guard guards[2];

static bool
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t k = write(fd, buf, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		buf += k, len -= (size_t)k;
	}
	return true;
}

/* Clean the carried bytes and then buf; hold a cut-short tail when `more`. */
static bool
pass(struct guard *g, const unsigned char *buf, size_t size, bool more)
{
	char out[4096];
	size_t w = 0;
	unsigned char joined[16];
	/* The carry first, joined with the start of buf so a character cut
	 * between writes is judged whole. */
	while (g->ncarry > 0) {
		size_t take = size < sizeof joined - g->ncarry ? size : sizeof joined - g->ncarry;
		memcpy(joined, g->carry, g->ncarry);
		memcpy(joined + g->ncarry, buf, take);
		size_t used, k = lk_text_clean_step(joined, g->ncarry + take, more, LK_CLEAN_TAB |
		                                    LK_CLEAN_LF | LK_CLEAN_CRLF, out + w, &used);
		if (used == 0) {   /* still cut short: keep it all */
			memcpy(g->carry + g->ncarry, buf, take);
			g->ncarry += take;
			return true;
		}
		w += k;
		if (used >= g->ncarry) {
			buf += used - g->ncarry, size -= used - g->ncarry;
			g->ncarry = 0;
		} else {
			memmove(g->carry, g->carry + used, g->ncarry - used);
			g->ncarry -= used;
		}
	}
	while (size > 0) {
		if (w + 4 > sizeof out) {
			if (!write_all(g->fd, out, w))
				return false;
			w = 0;
		}
		size_t used, k = lk_text_clean_step(buf, size, more, LK_CLEAN_TAB | LK_CLEAN_LF |
		                                    LK_CLEAN_CRLF, out + w, &used);
		if (used == 0) {
			memcpy(g->carry, buf, size);
			g->ncarry = size;
			break;
		}
		w += k;
		buf += used, size -= used;
	}
	return write_all(g->fd, out, w);
}

static ssize_t
guard_write(void *cookie, const char *buf, size_t size)
{
	return pass(cookie, (const unsigned char *)buf, size, true) ? (ssize_t)size : -1;
}

static int
guard_close(void *cookie)
{
	struct guard *g = cookie;
	return g->ncarry == 0 || pass(g, (const unsigned char *)"", 0, false) ? 0 : -1;
}

static FILE *
guard_open(struct guard *g, int fd, int mode)
{
	g->fd = fd;
	g->ncarry = 0;
	cookie_io_functions_t io = { .write = guard_write, .close = guard_close };
	FILE *f = fopencookie(g, "w", io);
	if (f != NULL)
		setvbuf(f, NULL, mode, BUFSIZ);
	return f;
}

void
cmd_guard_stderr(void)
{
	FILE *f = guard_open(&guards[1], STDERR_FILENO, _IONBF);
	if (f != NULL)
		stderr = f;
}

void
cmd_guard_stdout(void)
{
	fflush(stdout);
	FILE *f = guard_open(&guards[0], STDOUT_FILENO,
	                     isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
	if (f != NULL)
		stdout = f;
}
