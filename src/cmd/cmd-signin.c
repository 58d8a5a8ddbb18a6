/*
 * cmd-signin.c — signing in on the command line: the acting staff member
 * (--staff ID or [desk] staff) proves who they are with their secret
 * before cmd-roles.c lets a command run.
 *
 * Where the secret comes from, in order: the file descriptor of the global
 * --secret-fd N (one line), else the file named by $LUUKKU_SECRET_FILE (one
 * line; a regular file of this user readable by nobody else, mode 0600 or
 * stricter), else the terminal without echo when standard input is one.
 * No secret, or a wrong one, refuses the command (exit 4, naming the
 * account and --secret), audited as sign-in-failed; earlier failures of
 * the account in a row (read from the audit trail, store/signin.h) delay
 * the check by the same growing wait as the desk's sign-in screen. An
 * unknown --staff is such a failure too, audited without the name and
 * slowed by this desk's earlier failures of names that are no account
 * (cmd_signin_unknown), as on the sign-in screen. An account without a
 * secret (not the kiosk's) is asked and answered word for word the same,
 * naming nobody, and audited as refused (cmd_signin_nosecret). A
 * success is audited as sign-in with the command's name. The secret is
 * wiped from memory after the check; it never reaches a message.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/signin.h"

bool
cmd_read_line(const char *prompt, bool tty, char *buf, size_t size)
{
	struct termios old, quiet;
	bool echo_off = tty && tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		fprintf(stderr, "%s", prompt);
		fflush(stderr);
	}
	if (echo_off) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	bool got = fgets(buf, (int)size, stdin) != NULL;
	if (echo_off) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!got)
		return false;
	buf[strcspn(buf, "\r\n")] = '\0';
	return true;
}

/* One line from fd (unbuffered, so nothing past it is consumed); false
 * when nothing could be read. */
static bool
read_fd_line(int fd, char *buf, size_t size)
{
	size_t n = 0;
	for (;;) {
		char ch;
		ssize_t k = read(fd, &ch, 1);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0 || ch == '\n')
			break;
		if (n + 1 < size)
			buf[n++] = ch;
	}
	buf[n] = '\0';
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return n > 0;
}

enum source { GOT, NONE, BAD_FILE };

static enum source
get_secret(const struct cmd_ctx *ctx, char *buf, size_t size, const char **where)
{
	if (ctx->secret_fd >= 0) {
		*where = "--secret-fd";
		return read_fd_line(ctx->secret_fd, buf, size) ? GOT : NONE;
	}
	const char *path = getenv("LUUKKU_SECRET_FILE");
	if (path && *path) {
		*where = "LUUKKU_SECRET_FILE";
		int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			return BAD_FILE;
		struct stat sb;
		enum source got = BAD_FILE;
		if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 077) == 0 &&
		    sb.st_uid == geteuid())
			got = read_fd_line(fd, buf, size) ? GOT : NONE;
		close(fd);
		return got;
	}
	*where = "--secret-fd";
	if (!isatty(STDIN_FILENO))
		return NONE;
	char prompt[200];
	snprintf(prompt, sizeof prompt, _("Secret of %s: "), ctx->staff_id);
	return cmd_read_line(prompt, true, buf, size) && buf[0] ? GOT : NONE;
}

/* Earlier failures in a row slow this attempt down, restart or not. */
/* The messages name nobody and read the same for an unknown --staff and a
 * known one: they would tell a guesser which ids are accounts. */
static void
wait_failures(struct cmd_ctx *ctx, struct lk_store *st)
{
	int failures = lk_signin_failures(st, ctx->staff_id);
	unsigned ms = lk_signin_delay_ms(failures);
	if (ms == 0)
		return;
	fprintf(stderr, "luukku %s: --secret: ", ctx->name);
	fprintf(stderr, _("failed sign-ins in a row: %d; waiting %u s"), failures, ms / 1000);
	fputc('\n', stderr);
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static int
no_secret(struct cmd_ctx *ctx, const char *where)
{
	fprintf(stderr, "luukku %s: %s: %s\n", ctx->name, where,
	        _("give the acting staff member's secret with --secret-fd N, LUUKKU_SECRET_FILE "
	          "or on a terminal"));
	return LK_ECLASH;
}

static int
wrong_secret(struct cmd_ctx *ctx)
{
	fprintf(stderr, "luukku %s: --staff: %s\n", ctx->name,
	        _("sign-in failed: no such account, or a wrong secret"));
	return LK_ECLASH;
}

/* Refuse like a wrong secret: the secret is asked for as for an account,
 * and the answer is the one an unknown name or a wrong secret gets. The
 * audit row is the caller's, written by `audit`. */
static int
refuse_as_wrong(struct cmd_ctx *ctx, struct lk_store *st, const char *client)
{
	char secret[LK_SECRET_MAX + 2];
	const char *where = "--secret-fd";
	wait_failures(ctx, st);
	enum source got = get_secret(ctx, secret, sizeof secret, &where);
	sodium_memzero(secret, sizeof secret);
	if (client == NULL)
		lk_signin_failed(st, ctx->staff_id, "cli: unknown --staff", NULL);
	else
		lk_audit(st, ctx->staff_id, "refused", client[0] ? client : NULL, ctx->name, NULL);
	if (got == BAD_FILE) {
		fprintf(stderr, "luukku %s: LUUKKU_SECRET_FILE: %s\n", ctx->name,
		        _("cannot be read, or is not a file of yours readable by you only (mode 0600)"));
		return LK_ECLASH;
	}
	return got == NONE ? no_secret(ctx, where) : wrong_secret(ctx);
}

int
cmd_signin_unknown(struct cmd_ctx *ctx, struct lk_store *st)
{
	/* The name given is repeated nowhere: it may be a PIN typed as one. */
	return refuse_as_wrong(ctx, st, NULL);
}

int
cmd_signin_nosecret(struct cmd_ctx *ctx, struct lk_store *st, const char *client)
{
	/* Nor is the account's owner named: the answer does not tell an
	 * account without a secret from no account at all. */
	return refuse_as_wrong(ctx, st, client ? client : "");
}

int
cmd_signin(struct cmd_ctx *ctx, struct lk_store *st, const char *who)
{
	char secret[LK_SECRET_MAX + 2];
	const char *where = "--secret-fd";
	(void)who;
	wait_failures(ctx, st);
	enum source got = get_secret(ctx, secret, sizeof secret, &where);
	if (got == BAD_FILE) {
		sodium_memzero(secret, sizeof secret);
		fprintf(stderr, "luukku %s: LUUKKU_SECRET_FILE: %s\n", ctx->name,
		        _("cannot be read, or is not a file of yours readable by you only (mode 0600)"));
		lk_signin_failed(st, ctx->staff_id, "cli: no secret", NULL);
		return LK_ECLASH;
	}
	if (got == NONE) {
		lk_signin_failed(st, ctx->staff_id, "cli: no secret", NULL);
		return no_secret(ctx, where);
	}
	char detail[96];
	snprintf(detail, sizeof detail, "cli: %s", ctx->name);
	struct lk_err err = { 0 };
	enum lk_status rc = lk_signin_verify(st, ctx->staff_id, secret, "sign-in", detail, &err);
	sodium_memzero(secret, sizeof secret);
	if (rc == LK_OK)
		return 0;
	if (rc != LK_ECLASH)
		return cmd_fail(ctx, &err);
	return wrong_secret(ctx);
}
