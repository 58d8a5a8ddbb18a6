/*
 * node-stderr.c — leveled log lines on stderr (node-stderr.h).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "node/node-stderr.h"

static enum lk_log_level threshold = LK_LOG_INFO;
static const char *const names[] = { "error", "warn", "info", "debug" };

bool
lk_log_set_level(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(names[i], name) == 0) {
			threshold = (enum lk_log_level)i;
			return true;
		}
	return false;
}

void
lk_log(enum lk_log_level level, const char *fmt, ...)
{
	if (level > threshold)
		return;
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
	fprintf(stderr, "%s luukkud %s: ", when, names[level]);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}
