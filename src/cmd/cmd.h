/*
 * cmd.h — the command line: one table of subcommands, one small file each
 * (cmd-client.c, cmd-book.c, …), tmux-style. A command parses its options,
 * calls the store or core, and prints: human text by default, tab-separated
 * rows with ISO dates under --tsv. Exit status: 0 ok, 2 bad input (the
 * message names the field), 3 not found, 4 clashes with what is there.
 * Commands are wiring only: no SQL here, no rules here.
 */
#ifndef LK_CMD_H
#define LK_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "store/store.h"

struct cmd_ctx {
	const char *db_path;     /* resolved database path */
	const char *config_path; /* NULL when none */
	const char *lang;
	const char *staff_id;    /* desk's signed-in staff member, or NULL */
	const char *point_id;    /* desk's service point, or NULL */
	const char *name;        /* "client add", for messages */
	int secret_fd;           /* --secret-fd N: the acting member's secret, or -1 */
};

struct cmd_entry {
	const char *name;        /* "client" */
	const char *sub;         /* "add", or NULL for a command without one */
	const char *usage;       /* options, shown by --help */
	const char *summary;     /* one line, an English msgid */
	int (*exec)(struct cmd_ctx *ctx, int argc, char **argv);
};

extern const struct cmd_entry *const cmd_table[];

/* Open the context's database (creating it when `create`); prints the
 * error and returns NULL on failure, with *status set. */
struct lk_store *cmd_open(struct cmd_ctx *ctx, bool create, int *status);
/* Print err as "luukku client add: --hetu: message" and return its code. */
int cmd_fail(const struct cmd_ctx *ctx, const struct lk_err *err);
/* Print a usage error naming the option and return 2. */
int cmd_usage(const struct cmd_ctx *ctx, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Parse a whole decimal number in [min, max] or report the field. */
bool cmd_int(const struct cmd_ctx *ctx, const char *field, const char *s, long min, long max,
             long *out, int *status);
/* Print s padded to `width` display columns (å ä ö are one column each)
 * and a space, for human-readable tables. */
void cmd_col(const char *s, int width);
/* Print a value for a TSV cell: tabs and newlines become spaces. */
void cmd_tsv(FILE *f, const char *s, bool last);



/* Read a new staff secret from stdin: one line when stdin is not a tty,
 * else asked twice without echo; checked against the secret rules
 * (store/signin.h). On failure prints the error naming --secret, sets
 * *status and returns false. (cmd-staff.c) */
bool cmd_read_secret(const struct cmd_ctx *ctx, char *buf, size_t size, int *status);
/* One line from stdin without its newline, after `prompt` and without
 * echo when `tty`; false at end of input. (cmd-signin.c) */
bool cmd_read_line(const char *prompt, bool tty, char *buf, size_t size);
/* The acting staff member (ctx->staff_id, shown as `who`) proves their
 * secret: from --secret-fd, $LUUKKU_SECRET_FILE (0600) or the terminal,
 * after the slow-down their earlier failures call for; audited. 0 when it
 * matches, else the printed refusal's exit status (4). (cmd-signin.c) */
int cmd_signin(struct cmd_ctx *ctx, struct lk_store *st, const char *who);
/* The acting --staff is no active account: wait as after this desk's
 * earlier failures of unknown names, audit a failure without the name,
 * refuse (LK_ECLASH). */
int cmd_signin_unknown(struct cmd_ctx *ctx, struct lk_store *st);
/* The acting --staff is an account without a secret (not the kiosk's):
 * asked and answered word for word as an unknown --staff, audited as
 * 'refused' with `client` (or none). */
int cmd_signin_nosecret(struct cmd_ctx *ctx, struct lk_store *st, const char *client);
/* The role rule of the CLI (cmd-roles.c): when the database has sign-in
 * accounts, a command that touches client data needs the acting staff
 * member (--staff or [desk] staff) and a role with the capability; 0 when
 * allowed, else the printed refusal's exit status (4). */
int cmd_check_role(struct cmd_ctx *ctx, const struct cmd_entry *e, int argc, char **argv);

/* --out FILE (cmd-out.c): a made document written whole or not at all.
 * path NULL means standard output. cmd_out_stage() writes the text to a
 * temporary file beside path (0600); cmd_out_finish() renames it over
 * path when `keep`, else removes it (for stdout it writes the text when
 * `keep`). Both print their error and return the exit status, else 0. */
struct cmd_out {
	const char *path;
	char tmp[4096];
};
int cmd_out_stage(const struct cmd_ctx *ctx, struct cmd_out *o, const char *buf, size_t len);
int cmd_out_finish(const struct cmd_ctx *ctx, struct cmd_out *o, const char *buf, size_t len,
                   bool keep);

/* The Piste commands' --client (cmd-piste.c): a client id, or a whole
 * identity code typed exactly (the visitor's ID card), whose client's id
 * is put in buf (65 bytes hold any id) and returned; anything else is returned as given, for the
 * store to refuse as no such client. Never a name search: the Piste desk
 * has no search capability (core/roles.c). */
const char *cmd_client_ref(struct lk_store *st, const char *arg, char *buf, size_t size);
#include "cmd/cmd-guard.h"
/* For getopt's '?' and ':' cases: name the option that was wrong. */
int cmd_bad_option(const struct cmd_ctx *ctx, char **argv, int c);
/* The options of a command that takes only --tsv and `nargs` arguments (cmd-opts.c)
 * (left at argv[optind]…); 0, or the exit status of a usage error. */
int cmd_parse_tsv(const struct cmd_ctx *ctx, int argc, char **argv, int nargs, bool *tsv);
/* Refuse arguments left over after the options. */
int cmd_extra_args(const struct cmd_ctx *ctx, int argc, char **argv, int want);
/* The terminal's background sync from the config's [sync] keys (cmd-sync.c);
 * false when the desk is not enrolled or interval is 0 (local mode). */
struct lk_tui_sync;
bool cmd_sync_tui(struct cmd_ctx *ctx, struct lk_store *st, struct lk_tui_sync *out);
#endif
