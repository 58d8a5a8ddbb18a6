/*
 * cmd-out.c — writing a made document (an iCalendar file, a letter) to
 * --out FILE whole or not at all, or to standard output.
 *
 * The text is written to a temporary file beside FILE (mode 0600: it holds
 * personal data) and renamed over FILE only after the command has recorded
 * the export in the audit trail; a failure on the way leaves FILE as it was.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/text.h"
#include "i18n.h"

int
cmd_out_stage(const struct cmd_ctx *ctx, struct cmd_out *o, const char *buf, size_t len)
{
	o->tmp[0] = '\0';
	if (o->path == NULL)
		return 0;
	if (!*o->path || snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", o->path) >= (int)sizeof o->tmp)
		return cmd_usage(ctx, "out", _("'%s' is not a file name"), o->path);
	/* The output rule for the file too (cmd-guard.c guards stdout). */
	char *clean = malloc(3 * len + 1);
	if (clean == NULL)
		return cmd_usage(ctx, "out", "%s: %s", o->path, strerror(ENOMEM));
	size_t clen = 0;
	for (size_t at = 0; at < len;) {
		size_t used;
		clen += lk_text_clean_step((const unsigned char *)buf + at, len - at, false,
		                           LK_CLEAN_TAB | LK_CLEAN_LF | LK_CLEAN_CRLF, clean + clen,
		                           &used);
		at += used;
	}
	buf = clean;
	len = clen;
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		o->tmp[0] = '\0';
		free(clean);
		return cmd_usage(ctx, "out", "%s: %s", o->path, strerror(errno));
	}
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	int e = errno;
	if (done < len || fsync(fd) != 0 || close(fd) != 0) {
		if (done == len)
			e = errno;
		unlink(o->tmp);
		o->tmp[0] = '\0';
		free(clean);
		fprintf(stderr, "luukku %s: --out: %s: %s\n", ctx->name, o->path, strerror(e));
		return LK_EFAIL;
	}
	free(clean);
	return 0;
}

int
cmd_out_finish(const struct cmd_ctx *ctx, struct cmd_out *o, const char *buf, size_t len,
               bool keep)
{
	if (o->path == NULL) {
		if (keep && (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)) {
			fprintf(stderr, "luukku %s: %s\n", ctx->name, strerror(errno));
			return LK_EFAIL;
		}
		return 0;
	}
	if (!o->tmp[0])
		return 0;
	if (!keep) {
		unlink(o->tmp);
		return 0;
	}
	if (rename(o->tmp, o->path) != 0) {
		int e = errno;
		unlink(o->tmp);
		fprintf(stderr, "luukku %s: --out: %s: %s\n", ctx->name, o->path, strerror(e));
		return LK_EFAIL;
	}
	return 0;
}
