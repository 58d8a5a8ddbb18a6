/*
 * cmd-piste.c — `luukku piste log`: log a walk-in visit, anonymous unless a
 * client is given; and the Piste commands' --client: a client id or the
 * whole identity code, never a name (cmd_client_ref).
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "core/hetu.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/client.h"
#include "store/visit.h"

struct take {
	char *buf;
	size_t size;
};

static int
take_id(const struct lk_client_row *r, void *ctx)
{
	struct take *t = ctx;
	snprintf(t->buf, t->size, "%s", r->id);
	return 1;
}

const char *
cmd_client_ref(struct lk_store *st, const char *arg, char *buf, size_t size)
{
	char up[LK_HETU_LEN + 1];
	size_t i;
	if (arg == NULL)
		return NULL;
	for (i = 0; arg[i] && i < LK_HETU_LEN; i++)
		up[i] = (char)toupper((unsigned char)arg[i]);
	up[i] = '\0';
	if (arg[i] != '\0' || lk_hetu_parse(up, NULL) != LK_HETU_OK)
		return arg;
	/* A whole code: lk_client_search matches it exactly, nothing else. */
	if (size == 0)
		return arg;
	buf[0] = '\0';
	struct take t = { buf, size };
	struct lk_err err = { 0 };
	if (lk_client_search(st, up, 1, take_id, &t, &err) != LK_OK || buf[0] == '\0')
		return arg;
	return buf;
}

static int
exec_piste_log(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_visit_input in = { .minutes = -1, .staff = ctx->staff_id };
	struct cmd_opt opts[] = {
		CMD_STRING("point", &in.point),
		CMD_STRING("topic", &in.topic),
		CMD_STRING("client", &in.client),
		CMD_INT("minutes", &in.minutes, 0, 600),
		CMD_STRING("note", &in.note),
		CMD_FLAG("oral-consent", &in.oral_consent),
		CMD_END,
	};
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (in.point == NULL)
		in.point = ctx->point_id;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	char id[LK_ID_LEN + 1], client[65];
	in.client = cmd_client_ref(st, in.client, client, sizeof client);
	if (lk_visit_log(st, &in, id, &err) == LK_OK)
		printf("%s\n", id);
	else
		status = cmd_fail(ctx, &err);
	/* A visit of a client is a look at their data; a refusal with the
	 * client concerned is audited too. */
	if (in.client && *in.client && lk_id_valid(in.client))
		lk_audit(st, ctx->staff_id, status ? "refused" : "piste-visit", in.client,
		         ctx->name, NULL);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_piste_log_entry = {
	"piste", "log", "--point ID --topic tyonhaku|koulutus|digi|rinnalla|muu [--client ID|HETU] "
	"[--minutes N] [--note TEXT] [--oral-consent]", N_("log a walk-in visit"), exec_piste_log,
};
