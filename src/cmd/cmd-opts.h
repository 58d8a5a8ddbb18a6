/*
 * cmd-opts.h — the options of a command as a table: each option's long
 * name, what kind of value it takes and where the value goes. One call,
 * cmd_parse_opts(), runs getopt_long over the table and reports every
 * mistake the way the commands always have (cmd.h): a bad value names its
 * field and exits 2, an unknown option or a missing value is
 * cmd_bad_option()'s message, and what is left over cmd_extra_args()'s.
 *
 *	int minutes = 60;
 *	const char *staff = NULL;
 *	struct cmd_opt opts[] = {
 *		CMD_STRING("staff", &staff),
 *		CMD_INT("minutes", &minutes, 5, 480),
 *		CMD_END,
 *	};
 *	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
 *		return status;
 *
 * The macros check the destination's type at compile time.
 */
#ifndef LK_CMD_OPTS_H
#define LK_CMD_OPTS_H

#include <stdbool.h>

#include "cmd/cmd.h"

enum cmd_opt_kind {
	CMD_OPT_FLAG,   /* no value: *(bool *)dest = true */
	CMD_OPT_STRING, /* *(const char **)dest = the value */
	CMD_OPT_DATE,   /* *(lk_date *)dest, YYYY-MM-DD or d.m.yyyy */
	CMD_OPT_INT,    /* *(int *)dest, a whole number in [min, max] (cmd_int) */
	CMD_OPT_WORD,   /* *(int *)dest = the value's index in `words` */
	CMD_OPT_SET,    /* no value: *(int *)dest = min; the options of one
	                 * destination exclude each other ("--keep|--take-losing") */
};

struct cmd_opt {
	const char *name;            /* long name without "--"; NULL ends the table */
	enum cmd_opt_kind kind;
	void *dest;
	long min, max;               /* CMD_OPT_INT: the range; CMD_OPT_SET: min is the value */
	const char *const *words;    /* CMD_OPT_WORD: the NULL-ended list */
	const char *field;           /* the field errors name; NULL: the option's name */
	const char *msg;             /* N_(), a format: the error for a bad value ("%s":
	                              * the value; CMD_OPT_WORD) or for two of a SET
	                              * group (no value: "%s" would be "") */
	char letter;                 /* a short option too ("-q"), or 0 */
	bool seen;                   /* set when the option was given */
};

#define CMD_FLAG(n, p) { .name = (n), .kind = CMD_OPT_FLAG, .dest = (1 ? (p) : (bool *)0) }
#define CMD_STRING(n, p) \
	{ .name = (n), .kind = CMD_OPT_STRING, .dest = (1 ? (p) : (const char **)0) }
#define CMD_DATE(n, p) { .name = (n), .kind = CMD_OPT_DATE, .dest = (1 ? (p) : (lk_date *)0) }
#define CMD_INT(n, p, lo, hi) \
	{ .name = (n), .kind = CMD_OPT_INT, .dest = (1 ? (p) : (int *)0), .min = (lo), .max = (hi) }
#define CMD_WORD(n, p, list, message) \
	{ .name = (n), .kind = CMD_OPT_WORD, .dest = (1 ? (p) : (int *)0), .words = (list), \
	  .msg = (message) }
#define CMD_SET(n, p, value, fld, message) \
	{ .name = (n), .kind = CMD_OPT_SET, .dest = (1 ? (p) : (int *)0), .min = (value), \
	  .field = (fld), .msg = (message) }
#define CMD_END { .name = NULL }

/* Every number of arguments will do: the command checks them itself. */
#define CMD_ANY_ARGS (-1)

/* Parse argv's options by the table (NULL: the command takes none), then
 * require `nargs` arguments (left at argv[optind]…) unless CMD_ANY_ARGS.
 * Stops at the first mistake, printing it: 0, or the exit status. */
int cmd_parse_opts(const struct cmd_ctx *ctx, int argc, char **argv, struct cmd_opt *opts,
                   int nargs);
/* A command without options whose arguments may begin with '-' (workdays'
 * negative N): only words before the first argument are read as options,
 * all of them unknown. Then `nargs` arguments; 0, or the exit status. */
int cmd_parse_args(const struct cmd_ctx *ctx, int argc, char **argv, int nargs);
/* Was the option `name` of the parsed table given? */
bool cmd_opt_seen(const struct cmd_opt *opts, const char *name);

#endif
