/*
 * keys-config.c — a site's [keys] section: "book = F5,b" rebinds the
 * action `book` to F5 and the letter b, in the one key table (keys.c), so
 * dispatch, the function-key bar and F1 help all follow it.
 *
 * Every line is checked before any is applied: an unknown action or key
 * name refuses the whole section with a message naming the action and the
 * key (the caller exits with status 2). Never draws, never touches the
 * store.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include <iniparser.h>

#include "i18n.h"
#include "ui/keys.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27
#define TOKEN_MAX 32

/* One parsed line: the action and its new codes. */
struct parsed {
	enum lk_vkey vk;
	int keys[LK_KEY_CODES + 1];
	wchar_t letters[LK_KEY_CODES + 1];
	int nk, nl;
};

static const struct {
	const char *name;
	int codes[3];
} named[] = {
	{ "Enter", { '\r', '\n', KEY_ENTER } },
	{ "Esc", { ESC } },
	{ "Tab", { '\t' } },
	{ "Space", { ' ' } },
	{ "Backspace", { KEY_BACKSPACE, 127, CTRL('H') } },
	{ "Up", { KEY_UP } },
	{ "Down", { KEY_DOWN } },
	{ "Left", { KEY_LEFT } },
	{ "Right", { KEY_RIGHT } },
	{ "PgUp", { KEY_PPAGE } },
	{ "PgDn", { KEY_NPAGE } },
	{ "Home", { KEY_HOME } },
	{ "End", { KEY_END } },
	{ "Insert", { KEY_IC } },
	{ "Delete", { KEY_DC } },
};

static bool
add_key(struct parsed *p, int code)
{
	for (int i = 0; i < p->nk; i++)
		if (p->keys[i] == code)
			return true;
	if (p->nk >= LK_KEY_CODES)
		return false;
	p->keys[p->nk++] = code;
	return true;
}

/* One key name into p; false when it is not a key name. *full: too many. */
static bool
parse_one(const char *tok, struct parsed *p, bool *full)
{
	*full = false;
	size_t len = strlen(tok);
	if ((tok[0] == 'F' || tok[0] == 'f') && len >= 2 && len <= 3 &&
	    strspn(tok + 1, "0123456789") == len - 1) {
		int n = atoi(tok + 1);
		if (n < 1 || n > 24)
			return false;
		*full = !add_key(p, KEY_F(n));
		return true;
	}
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (strcasecmp(tok, named[i].name) != 0)
			continue;
		for (int k = 0; k < 3 && named[i].codes[k]; k++)
			if (!add_key(p, named[i].codes[k]))
				*full = true;
		return true;
	}
	if (strncasecmp(tok, "Ctrl-", 5) == 0 && len == 6) {
		int c = tok[5];
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c < 'A' || c > 'Z')
			return false;
		*full = !add_key(p, CTRL(c));
		return true;
	}
	/* One character: letters and digits act where no line takes text;
	 * other printable characters ('/', '?') everywhere, like the table's. */
	wchar_t wc;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t r = mbrtowc(&wc, tok, len, &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r != len || !iswprint((wint_t)wc) || wc == L' ')
		return false;
	if (iswalnum((wint_t)wc)) {
		for (int i = 0; i < p->nl; i++)
			if (p->letters[i] == wc)
				return true;
		if (p->nl >= LK_KEY_CODES) {
			*full = true;
			return true;
		}
		p->letters[p->nl++] = wc;
		return true;
	}
	*full = !add_key(p, (int)wc);
	return true;
}

/* Check one line; false with the message in err. */
static bool
parse_line(const char *action, const char *value, struct parsed *p, char *err, size_t size)
{
	memset(p, 0, sizeof *p);
	p->vk = lk_key_by_name(action);
	if (p->vk == LK_VK_NONE) {
		snprintf(err, size, _("[keys] %s: no such action (see the [keys] section of luukku.ini)"),
		         action);
		return false;
	}
	const char *s = value ? value : "";
	int count = 0;
	while (*s) {
		char tok[TOKEN_MAX + 1];
		size_t n = strcspn(s, ",");
		const char *a = s, *b = s + n;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		size_t tl = (size_t)(b - a);
		if (tl == 0 || tl > TOKEN_MAX) {
			snprintf(err, size, _("[keys] %s: '%.*s' is not a key name (F1…F24, Enter, Esc, "
			         "Ctrl-A…Ctrl-Z, a letter…)"), action, (int)(tl > TOKEN_MAX ? TOKEN_MAX : tl), a);
			return false;
		}
		memcpy(tok, a, tl);
		tok[tl] = '\0';
		bool full;
		if (!parse_one(tok, p, &full)) {
			snprintf(err, size, _("[keys] %s: '%s' is not a key name (F1…F24, Enter, Esc, "
			         "Ctrl-A…Ctrl-Z, a letter…)"), action, tok);
			return false;
		}
		if (full) {
			snprintf(err, size, _("[keys] %s: too many keys (at most %d)"), action,
			         LK_KEY_CODES);
			return false;
		}
		count++;
		s += n;
		if (*s == ',')
			s++;
	}
	if (count == 0) {
		snprintf(err, size, _("[keys] %s: no key given"), action);
		return false;
	}
	return true;
}

/* Parse and apply one [keys] line. */
bool
lk_keys_bind(const char *action, const char *value, char *err, size_t size)
{
	struct parsed p;
	if (!parse_line(action, value, &p, err, size))
		return false;
	lk_keys_set(p.vk, p.keys, p.letters);
	return true;
}

/* Read [keys] from the config: check every line, then apply them all. */
bool
lk_keys_load_config(const char *path, char *err, size_t size)
{
	if (path == NULL)
		return true;
	dictionary *ini = iniparser_load(path);
	if (ini == NULL) {
		snprintf(err, size, "%s: %s", path, _("cannot read it as an ini file"));
		return false;
	}
	int n = iniparser_getsecnkeys(ini, "keys");
	bool ok = true;
	if (n > 0) {
		const char **names = calloc((size_t)n, sizeof *names);
		struct parsed *lines = calloc((size_t)n, sizeof *lines);
		if (names == NULL || lines == NULL ||
		    iniparser_getseckeys(ini, "keys", names) == NULL) {
			snprintf(err, size, "%s", _("out of memory"));
			ok = false;
		}
		for (int i = 0; ok && i < n; i++) {
			const char *action = strchr(names[i], ':');
			action = action ? action + 1 : names[i];
			ok = parse_line(action, iniparser_getstring(ini, names[i], ""), &lines[i], err,
			                size);
		}
		for (int i = 0; ok && i < n; i++)
			lk_keys_set(lines[i].vk, lines[i].keys, lines[i].letters);
		free(names);
		free(lines);
	}
	iniparser_freedict(ini);
	return ok;
}
