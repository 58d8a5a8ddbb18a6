/*
 * luukku.c — main() of the desk program: global options, the database path,
 * the language, then one subcommand from cmd_table, or the terminal.
 *
 *   luukku [--db PATH] [--config PATH] [--lang fi|sv|en] [--staff ID] [--secret-fd N]
 *          [COMMAND [SUB] …]
 *
 * --staff names the acting staff member (else [desk] staff of the config);
 * cmd-roles.c checks their role, and cmd-signin.c their secret (from the
 * descriptor of --secret-fd, $LUUKKU_SECRET_FILE or the terminal), before
 * a command that touches client data.
 *
 * The database path is --db, else $LUUKKU_DB, else [store] path of the
 * config, else $XDG_DATA_HOME/luukku/luukku.db. Without a command, [desk]
 * role = kiosk in the config starts the kiosk (`luukku kiosk`) instead of
 * the desk's screens.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <iniparser.h>

#include "cmd/cmd.h"
#include "cmd/config.h"
#include "i18n.h"
#include "ui/tui.h"

#define VERSION "0.1.0"

static char db_buf[4096], staff_buf[128], point_buf[128];

static void
usage(FILE *f)
{
	fprintf(f, "%s\n  luukku [--db PATH] [--config PATH] [--lang fi|sv|en] [--staff ID] [--secret-fd N] [COMMAND …]\n\n%s\n",
	        _("Usage:"), _("Commands:"));
	/* The columns as wide as the longest command and subcommand, so every
	 * summary starts in one column. */
	int wn = 0, ws = 0;
	for (const struct cmd_entry *const *e = cmd_table; *e; e++) {
		int n = (int)strlen((*e)->name), s = (*e)->sub ? (int)strlen((*e)->sub) : 0;
		wn = n > wn ? n : wn;
		ws = s > ws ? s : ws;
	}
	for (const struct cmd_entry *const *e = cmd_table; *e; e++)
		fprintf(f, "  %-*s %-*s %s\n", wn, (*e)->name, ws, (*e)->sub ? (*e)->sub : "",
		        _((*e)->summary));
	fprintf(f, "\n%s\n", _("Without a command luukku opens the terminal."));
}

/* mkdir -p for the directory part of path. */
static void
make_parent(const char *path)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(buf, 0700);
		*p = '/';
	}
}

static const char *
default_config(void)
{
	static char buf[4096];
	const char *env = getenv("LUUKKU_CONFIG");
	if (env && *env)
		return env;
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(buf, sizeof buf, "%s/luukku/luukku.ini", xdg);
	else if (home && *home)
		snprintf(buf, sizeof buf, "%s/.config/luukku/luukku.ini", home);
	else
		return NULL;
	struct stat sb;
	return stat(buf, &sb) == 0 ? buf : NULL;
}

static const char *
default_db(const struct lk_desk_config *dc)
{
	const char *env = getenv("LUUKKU_DB");
	if (env && *env)
		return env;
	const char *conf = dc->db;
	if (conf && *conf)
		return conf;
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(db_buf, sizeof db_buf, "%s/luukku/luukku.db", xdg);
	else
		snprintf(db_buf, sizeof db_buf, "%s/.local/share/luukku/luukku.db",
		         home && *home ? home : ".");
	make_parent(db_buf);
	return db_buf;
}

static int
run_terminal(struct cmd_ctx *ctx)
{
	int status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	if (ctx->staff_id == NULL && lk_meta_get(st, "desk_staff", staff_buf, sizeof staff_buf) == LK_OK)
		ctx->staff_id = staff_buf;
	if (ctx->point_id == NULL && lk_meta_get(st, "desk_point", point_buf, sizeof point_buf) == LK_OK)
		ctx->point_id = point_buf;
	struct lk_tui_options opt = { .staff_id = ctx->staff_id, .point_id = ctx->point_id,
	                              .config_path = ctx->config_path };
	struct lk_tui_sync sync;
	if (cmd_sync_tui(ctx, st, &sync))
		opt.sync = &sync;
	status = lk_tui_run(st, &opt);
	lk_store_close(st);
	return status;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "lang", required_argument, NULL, 'l' },
		{ "staff", required_argument, NULL, 's' },
		{ "secret-fd", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	/* The output rule: nothing reaches the terminal raw (cmd-guard.c). */
	cmd_guard_stderr();
	struct cmd_ctx ctx = { .name = "", .secret_fd = -1 };
	const char *db = NULL, *lang = NULL, *config = NULL, *staff = NULL, *secret_fd = NULL;
	int c;
	/* '+': stop at the first non-option, the subcommand. */
	while ((c = getopt_long(argc, argv, "+d:c:l:s:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'c': config = optarg; break;
		case 'l': lang = optarg; break;
		case 's': staff = optarg; break;
		case 'S': secret_fd = optarg; break;
		case 'h':
			lk_i18n_init(lang);
			usage(stdout);
			return 0;
		case 'V':
			printf("luukku %s\n", VERSION);
			return 0;
		default:
			lk_i18n_init(lang);
			usage(stderr);
			return LK_EINPUT;
		}
	}

	struct lk_desk_config dc = { 0 };
	if (config == NULL)
		config = default_config();
	if (config) {
		struct lk_config_err ce = { 0 };
		if (lk_desk_config_load(config, &dc, &ce) != 0) {
			lk_i18n_init(lang);
			fprintf(stderr, "luukku: --config: %s: %s\n", config, _(ce.msg));
			return LK_EINPUT;
		}
	}
	dictionary *ini = dc.ini;
	if (lang == NULL)
		lang = dc.lang;
	if (lang == NULL)
		lang = getenv("LUUKKU_LANG");
	if (lang && !lk_config_lang_ok(lang)) {
		lk_i18n_init("fi");
		fprintf(stderr, "luukku: --lang: %s '%s'\n", _("choose fi, sv or en, not"), lang);
		iniparser_freedict(ini);
		return LK_EINPUT;
	}
	lk_i18n_init(lang ? lang : "fi");
	ctx.lang = lang ? lang : "fi";
	ctx.config_path = config;
	ctx.db_path = db ? db : default_db(&dc);
	if (dc.staff && *dc.staff)
		ctx.staff_id = snprintf(staff_buf, sizeof staff_buf, "%s", dc.staff) > 0 ? staff_buf : NULL;
	if (dc.point && *dc.point)
		ctx.point_id = snprintf(point_buf, sizeof point_buf, "%s", dc.point) > 0 ? point_buf : NULL;

	if (staff && *staff)
		ctx.staff_id = staff;
	if (secret_fd) {
		char *end;
		errno = 0;
		long fd = strtol(secret_fd, &end, 10);
		if (*secret_fd == '\0' || *end || errno || fd < 0 || fd > 1024 ||
		    fcntl((int)fd, F_GETFD) < 0) {
			fprintf(stderr, "luukku: --secret-fd: '%s' %s\n", secret_fd,
			        _("is not an open file descriptor"));
			iniparser_freedict(ini);
			return LK_EINPUT;
		}
		ctx.secret_fd = (int)fd;
	}
	int status;
	const char *role = dc.role;
	if (optind >= argc && role && !lk_config_role_ok(role)) {
		fprintf(stderr, "luukku: [desk] role: %s '%s'\n", _("choose desk or kiosk, not"), role);
		iniparser_freedict(ini);
		return LK_EINPUT;
	}
	if (optind >= argc && role && strcmp(role, "kiosk") == 0) {
		/* The kiosk as if `luukku kiosk` had been typed. */
		static char kiosk_name[] = "kiosk";
		char *kargv[] = { kiosk_name, NULL };
		status = LK_EINPUT;
		for (const struct cmd_entry *const *e = cmd_table; *e; e++)
			if (strcmp((*e)->name, "kiosk") == 0 && (*e)->sub == NULL) {
				ctx.name = "kiosk";
				optind = 0;
				status = (*e)->exec(&ctx, 1, kargv);
			}
		iniparser_freedict(ini);
		return status;
	}
	if (optind >= argc) {
		status = run_terminal(&ctx);
		iniparser_freedict(ini);
		return status;
	}
	const char *name = argv[optind], *sub = optind + 1 < argc ? argv[optind + 1] : NULL;
	const struct cmd_entry *found = NULL;
	bool known_name = false;
	for (const struct cmd_entry *const *e = cmd_table; *e; e++) {
		if (strcmp((*e)->name, name) != 0)
			continue;
		known_name = true;
		if ((*e)->sub == NULL || (sub && strcmp((*e)->sub, sub) == 0)) {
			found = *e;
			break;
		}
	}
	if (found == NULL) {
		if (known_name)
			fprintf(stderr, "luukku %s: %s '%s'\n", name, _("unknown or missing subcommand"),
			        sub ? sub : "");
		else
			fprintf(stderr, "luukku: %s '%s'\n", _("unknown command"), name);
		usage(stderr);
		iniparser_freedict(ini);
		return LK_EINPUT;
	}
	if (strcmp(found->name, "kiosk") != 0)
		cmd_guard_stdout();
	char full[64];
	snprintf(full, sizeof full, "%s%s%s", found->name, found->sub ? " " : "",
	         found->sub ? found->sub : "");
	ctx.name = full;
	int skip = found->sub ? 2 : 1;
	/* The command sees argv[0] = its name, then its own arguments. */
	char **args = argv + optind + skip - 1;
	int nargs = argc - optind - skip + 1;
	optind = 0;   /* 0: glibc starts its scan afresh (ordering mode included) */
	status = cmd_check_role(&ctx, found, nargs, args);
	if (status == 0) {
		optind = 0;
		status = found->exec(&ctx, nargs, args);
	}
	iniparser_freedict(ini);
	return status;
}
