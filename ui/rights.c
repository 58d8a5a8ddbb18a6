/*
 * rights.c — what the signed-in role may do on the desk: its capabilities
 * (core/roles.h, the one table of role × capability), the keys that need
 * one, and the refusal on the status line. Which capability a screen
 * needs is a column of the screen table (gate.c), checked by the gate.
 *
 * While sign-in is off (no staff member has a secret) every capability
 * holds, as before sign-in existed. Never draws; its one write to the
 * store is a refusal's audit row, through the audit API.
 */
#include "i18n.h"
#include "store/audit.h"
#include "store/staff.h"
#include "ui/ui.h"

bool
lk_ui_can(const struct lk_ui *ui, enum lk_cap cap)
{
	if (!ui->session.on)
		return true;
	return ui->session.in && lk_role_can(ui->session.role, cap);
}

/* The capability a key needs: on one screen, or (LK_SCREEN_COUNT) on all. */
static const struct {
	enum lk_vkey vk;
	enum lk_cap cap;
	enum lk_screen_id on;
} key_caps[] = {
	{ LK_VK_AGENDA, LK_CAP_BOOK, LK_SCREEN_COUNT },
	{ LK_VK_BOOK, LK_CAP_BOOK, LK_SCREEN_COUNT },
	{ LK_VK_RESCHEDULE, LK_CAP_BOOK, LK_SCREEN_COUNT },
	{ LK_VK_PISTE, LK_CAP_PISTE, LK_SCREEN_COUNT },
	{ LK_VK_REVEAL, LK_CAP_REVEAL, LK_SCREEN_COUNT },
	{ LK_VK_REPORTS, LK_CAP_REPORTS, LK_SCREEN_COUNT },
	{ LK_VK_EVENTS, LK_CAP_BOOK, LK_SCREEN_COUNT },
	/* The TYM part a partner sees is read-only: team, consent, closing. */
	{ LK_VK_ADD, LK_CAP_TYM, LK_SCREEN_TYM },
	{ LK_VK_CONSENT, LK_CAP_TYM, LK_SCREEN_TYM },
	{ LK_VK_FINISH, LK_CAP_TYM, LK_SCREEN_TYM },
};

/* "Not for the role …" on the status line. */
void
lk_ui_refuse(struct lk_ui *ui)
{
	const struct lk_role_info *r = lk_role_find(ui->session.role);
	lk_ui_message(ui, true, _("Not for the role %s"), r ? _(r->label) : ui->session.role);
}

/* The refusal, audited with the client in view as the CLI's refusals are
 * (cmd-roles.c): the only write of this file, and through the store. */
void
lk_ui_refuse_what(struct lk_ui *ui, const char *what)
{
	lk_ui_refuse(ui);
	const struct lk_screen *s = lk_ui_screen(ui->cur);
	const char *client = s->client ? s->client(ui) : NULL;
	if (client == NULL || client[0] == '\0')
		return;
	struct lk_err err = { 0 };
	if (lk_audit(ui->st, ui->opt->staff_id, "refused", client, what, &err) != LK_OK)
		lk_ui_message(ui, true, "%s", _("The refusal could not be recorded in the audit trail"));
}

bool
lk_ui_key_can(const struct lk_ui *ui, enum lk_vkey vk)
{
	if (vk == LK_VK_LOCK)
		return ui->session.in;
	if (!ui->session.on)
		return true;
	/* The conflicts screen's two rights (gate.c's table). */
	if (vk == LK_VK_CONFLICTS)
		return lk_ui_can(ui, LK_CAP_SETTLE) || lk_ui_can(ui, LK_CAP_SETTLE_OWN);
	for (size_t i = 0; i < sizeof key_caps / sizeof key_caps[0]; i++)
		if (key_caps[i].vk == vk && !lk_ui_can(ui, key_caps[i].cap) &&
		    (key_caps[i].on == LK_SCREEN_COUNT || key_caps[i].on == ui->cur))
			return false;
	return true;
}

bool
lk_ui_key_allowed(struct lk_ui *ui, enum lk_vkey vk)
{
	if (vk == LK_VK_LOCK || lk_ui_key_can(ui, vk))
		return true;
	const struct lk_binding *b = lk_binding(vk);
	char what[64];
	snprintf(what, sizeof what, "key %s", b && b->name ? b->name : "?");
	lk_ui_refuse_what(ui, what);
	return false;
}
