/*
 * cmd-opts.c — a command's options from its table (cmd-opts.h): the
 * getopt_long loop every command had, with the same messages and exit
 * statuses (cmd_bad_option, cmd_int, cmd_usage, cmd_extra_args).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd-opts.h"
#include "i18n.h"

/* More than any command has; a longer table is a programming error. */
#define MAX_OPTS 32

static bool
takes_value(const struct cmd_opt *o)
{
	return o->kind != CMD_OPT_FLAG && o->kind != CMD_OPT_SET;
}

/* Another option of o's SET group, given already with another value. */
static bool
set_clash(const struct cmd_opt *opts, const struct cmd_opt *o)
{
	for (const struct cmd_opt *p = opts; p->name; p++)
		if (p->kind == CMD_OPT_SET && p->dest == o->dest && p->seen && p->min != o->min)
			return true;
	return false;
}

/* One option's value into its destination; 0, or the printed error's status. */
static int
take(const struct cmd_ctx *ctx, struct cmd_opt *opts, struct cmd_opt *o, const char *arg)
{
	const char *field = o->field ? o->field : o->name;
	int status = 0;
	long v;
	switch (o->kind) {
	case CMD_OPT_FLAG:
		*(bool *)o->dest = true;
		break;
	case CMD_OPT_STRING:
		*(const char **)o->dest = arg;
		break;
	case CMD_OPT_DATE:
		if (!lk_date_parse(arg, o->dest))
			return cmd_usage(ctx, field, _("'%s' is not a date (YYYY-MM-DD or d.m.yyyy)"), arg);
		break;
	case CMD_OPT_INT:
		if (!cmd_int(ctx, field, arg, o->min, o->max, &v, &status))
			return status;
		*(int *)o->dest = (int)v;
		break;
	case CMD_OPT_WORD:
		for (v = 0; o->words[v] && strcmp(o->words[v], arg) != 0; v++)
			;
		if (o->words[v] == NULL)
			return cmd_usage(ctx, field, _(o->msg), arg);
		*(int *)o->dest = (int)v;
		break;
	case CMD_OPT_SET:
		if (set_clash(opts, o))
			return cmd_usage(ctx, field, _(o->msg), "");
		*(int *)o->dest = (int)o->min;
		break;
	}
	o->seen = true;
	return 0;
}

int
cmd_parse_opts(const struct cmd_ctx *ctx, int argc, char **argv, struct cmd_opt *opts,
               int nargs)
{
	struct cmd_opt none = CMD_END;
	struct option lo[MAX_OPTS + 1];
	char letters[2 * MAX_OPTS + 2] = ":";
	size_t n = 0, k = 1;
	if (opts == NULL)
		opts = &none;
	for (; opts[n].name; n++) {
		if (n == MAX_OPTS)
			abort();
		lo[n] = (struct option){ opts[n].name, takes_value(&opts[n]) ? required_argument
		                                                             : no_argument,
		                         NULL, 256 + (int)n };
		if (opts[n].letter) {
			letters[k++] = opts[n].letter;
			if (takes_value(&opts[n]))
				letters[k++] = ':';
		}
		opts[n].seen = false;
	}
	lo[n] = (struct option){ NULL, 0, NULL, 0 };
	letters[k] = '\0';

	int c, status;
	opterr = 0;
	while ((c = getopt_long(argc, argv, letters, lo, NULL)) != -1) {
		struct cmd_opt *o = NULL;
		if (c >= 256 && c < 256 + (int)n)
			o = &opts[c - 256];
		for (size_t i = 0; o == NULL && i < n && c != ':' && c != '?'; i++)
			if (opts[i].letter == c)
				o = &opts[i];
		if (o == NULL)
			return cmd_bad_option(ctx, argv, c);
		if ((status = take(ctx, opts, o, optarg)))
			return status;
	}
	return nargs == CMD_ANY_ARGS ? 0 : cmd_extra_args(ctx, argc, argv, nargs);
}

int
cmd_parse_args(const struct cmd_ctx *ctx, int argc, char **argv, int nargs)
{
	int c;
	opterr = 0;
	/* '+': stop at the first argument, so that "-5" after it is one. */
	if ((c = getopt(argc, argv, "+:")) != -1)
		return cmd_bad_option(ctx, argv, c);
	return cmd_extra_args(ctx, argc, argv, nargs);
}

bool
cmd_opt_seen(const struct cmd_opt *opts, const char *name)
{
	for (; opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts->seen;
	return false;
}

int
cmd_parse_tsv(const struct cmd_ctx *ctx, int argc, char **argv, int nargs, bool *tsv)
{
	struct cmd_opt opts[] = { CMD_FLAG("tsv", tsv), CMD_END };
	*tsv = false;
	return cmd_parse_opts(ctx, argc, argv, opts, nargs);
}
