/*
 * node-stderr.h — luukkud's log lines on stderr (journald takes them from there):
 * time, level, what happened. Callers log desk names, counts and sequence
 * numbers only: never a name, an identity code or any field of a row.
 */
#ifndef LK_NODE_NODE_STDERR_H
#define LK_NODE_NODE_STDERR_H

enum lk_log_level { LK_LOG_ERROR, LK_LOG_WARN, LK_LOG_INFO, LK_LOG_DEBUG };

/* Set the threshold; false when name is not error, warn, info or debug. */
_Bool lk_log_set_level(const char *name);
void lk_log(enum lk_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
