/*
 * letter-text.c — the appointment letter's wording, one table per language, and
 * what to bring per meeting kind. See letter-text.h for why tables and not
 * gettext.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/letter-text.h"

enum { FI, SV, EN, SELKO, NLANG };

static const char *const kind_codes[] = {
	"alkuhaastattelu", "tyonhakukeskustelu", "taydentava", "verkostopalaveri",
	"tym-paivitys", "muu",
};
enum { NKIND = 6 };
static const char *const channel_codes[] = { "face", "phone", "video", "remote-point" };
enum { NCHANNEL = 4 };

/* The wording of the standard letters (fi, sv, en). %s are filled in the
 * order the comments give. */
static const struct wording {
	const char *code;
	const char *title;
	const char *greeting;           /* client name */
	const char *intro;
	const char *l_kind, *l_time, *l_how, *l_place, *l_contact, *l_with, *l_interp;
	const char *weekdays[7];
	const char *when;               /* weekday, d.m.yyyy, from, to */
	char clock_sep;                 /* 10.00 or 10:00 */
	const char *kinds[NKIND];
	const char *channels[NCHANNEL];
	const char *phone_call;         /* staff name, number */
	const char *phone_call_nonum;   /* staff name */
	const char *video;
	const char *interp;             /* language name */
	const char *bring, *have;       /* face to face / by phone or video */
	const char *cancel1, *cancel2;
	const char *cancel3;            /* point name, opens, closes */
	const char *regards;
} words[3] = {
	[FI] = {
		"fi", "KUTSU TAPAAMISEEN", "Hei %s,",
		"sinulle on varattu aika työllisyyspalveluihin.",
		"Tapaaminen", "Aika", "Tapa", "Paikka", "Yhteydenotto", "Kenen kanssa", "Tulkki",
		{ "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai",
		  "sunnuntai" },
		"%s %s klo %s–%s", '.',
		{ "Alkuhaastattelu", "Työnhakukeskustelu", "Täydentävä työnhakukeskustelu",
		  "Verkostopalaveri", "Monialaisen suunnitelman päivitys", "Muu tapaaminen" },
		{ "käynti palvelupisteessä", "puhelu", "videotapaaminen",
		  "etäyhteys palvelupisteestä" },
		"%s soittaa sinulle numeroon %s.", "%s soittaa sinulle.",
		"Saat linkin videotapaamiseen ennen tapaamista.",
		"tulkki on varattu (%s)",
		"Ota mukaan", "Pidä saatavilla",
		"Jos et pääse tapaamiseen, ilmoita siitä mahdollisimman pian.",
		"Voit perua tai siirtää ajan soittamalla työntekijälle tai",
		"käymällä palvelupisteessä (%s, avoinna klo %s–%s).",
		"Ystävällisin terveisin",
	},
	[SV] = {
		"sv", "KALLELSE TILL MÖTE", "Hej %s,",
		"du har fått en tid hos sysselsättningstjänsterna.",
		"Möte", "Tid", "Sätt", "Plats", "Kontakt", "Med vem", "Tolk",
		{ "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag" },
		"%s %s kl. %s–%s", '.',
		{ "Inledande intervju", "Jobbsökningssamtal", "Kompletterande jobbsökningssamtal",
		  "Nätverksmöte", "Uppdatering av den sektorsövergripande planen", "Annat möte" },
		{ "besök på servicestället", "telefonsamtal", "videomöte",
		  "distansförbindelse från servicestället" },
		"%s ringer dig på numret %s.", "%s ringer dig.",
		"Du får en länk till videomötet före mötet.",
		"tolk är bokad (%s)",
		"Ta med", "Ha till hands",
		"Om du inte kan komma, meddela det så snart som möjligt.",
		"Du kan avboka eller flytta tiden genom att ringa den anställda eller",
		"besöka servicestället (%s, öppet kl. %s–%s).",
		"Med vänliga hälsningar",
	},
	[EN] = {
		"en", "INVITATION TO AN APPOINTMENT", "Dear %s,",
		"an appointment has been booked for you at the employment services.",
		"Meeting", "Time", "How", "Place", "Contact", "With", "Interpreter",
		{ "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
		"%s %s, %s–%s", ':',
		{ "Initial interview", "Job-search discussion", "Supplementary job-search discussion",
		  "Network meeting", "Update of the multidisciplinary plan", "Other meeting" },
		{ "visit to the service point", "phone call", "video meeting",
		  "video link at the service point" },
		"%s will call you on %s.", "%s will call you.",
		"You will get a link to the video meeting before the appointment.",
		"an interpreter has been booked (%s)",
		"Please bring", "Please have at hand",
		"If you cannot come, please let us know as soon as possible.",
		"You can cancel or move the appointment by calling the staff member or",
		"visiting the service point (%s, open %s–%s).",
		"Kind regards",
	},
};

/* The invitation to an event, per standard language. */
static const struct {
	const char *title, *intro, *l_event, *l_kind, *l_host, *l_partner, *l_room;
	const char *kinds[3];           /* info, targeted, group */
	const char *obligation;
	const char *cancel1, *cancel2;
} invite[3] = {
	[FI] = { "KUTSU TILAISUUTEEN", "sinut on kutsuttu työllisyyspalvelujen tilaisuuteen.",
	         "Tilaisuus", "Laji", "Vetäjä", "Yhteistyössä", "Tila",
	         { "Infotilaisuus", "Kohdennettu infotilaisuus", "Ryhmä" },
	         "Osallistuminen on osa palveluprosessiasi: tilaisuus on\n"
	         "täydentävä työnhakukeskustelu.",
	         "Jos et pääse tulemaan, ilmoita siitä mahdollisimman pian",
	         "soittamalla vetäjälle tai käymällä palvelupisteessä." },
	[SV] = { "INBJUDAN TILL ETT TILLFÄLLE",
	         "du är inbjuden till ett tillfälle hos sysselsättningstjänsterna.",
	         "Tillfälle", "Typ", "Värd", "Partner", "Rum",
	         { "Infotillfälle", "Riktat infotillfälle", "Grupp" },
	         "Deltagandet är en del av din serviceprocess: tillfället är ett\n"
	         "kompletterande jobbsökningssamtal.",
	         "Om du inte kan komma, meddela det så snart som möjligt",
	         "genom att ringa värden eller besöka servicestället." },
	[EN] = { "INVITATION TO AN EVENT", "you are invited to an event of the employment services.",
	         "Event", "Kind", "Host", "Together with", "Room",
	         { "Info event", "Targeted info session", "Group" },
	         "Attending is part of your service process: the session is a\n"
	         "supplementary job-search discussion.",
	         "If you cannot come, please let us know as soon as possible",
	         "by calling the host or visiting the service point." },
};
static const char *const event_kind_codes[] = { "info", "targeted", "group" };

/* Plain Finnish (selkosuomi): short sentences, everyday words, questions
 * as headings, one thing per line. */
static const struct {
	const char *title, *greeting;
	const char *q_when, *q_where, *q_who, *q_what;
	const char *weekdays[7];        /* "tiistaina" */
	const char *when;               /* weekday, d.m.yyyy, time */
	const char *lasts;              /* minutes */
	const char *kinds[NKIND];       /* what the meeting is, in a sentence or two */
	const char *phone, *phone_num;  /* staff name; staff name, number */
	const char *video, *remote;
	const char *who;                /* staff name */
	const char *interp;             /* language, partitive */
	const char *bring, *have;
	const char *q_cancel, *cancel1, *cancel2, *cancel3;   /* cancel3: opens, closes */
} selko = {
	"SINULLA ON AIKA TYÖLLISYYSPALVELUISSA", "Hei %s!",
	"Milloin?", "Missä?", "Kenen kanssa?", "Mikä tapaaminen on?",
	{ "Maanantaina", "Tiistaina", "Keskiviikkona", "Torstaina", "Perjantaina", "Lauantaina",
	  "Sunnuntaina" },
	"%s %s kello %s.", "Tapaaminen kestää %d minuuttia.",
	{ "Alkuhaastattelu.\nPuhumme työnhausta.\nTeemme yhdessä suunnitelman.",
	  "Työnhakukeskustelu.\nPuhumme, miten työnhaku sujuu.",
	  "Työnhakukeskustelu.\nPuhumme, miten työnhaku sujuu.",
	  "Verkostopalaveri.\nMukana on useita ihmisiä, jotka tukevat sinua.",
	  "Suunnitelman tarkistus.\nKatsomme yhdessä suunnitelmasi.",
	  "Tapaaminen." },
	"Tapaaminen on puhelimessa.\n%s soittaa sinulle.",
	"Tapaaminen on puhelimessa.\n%s soittaa sinulle.\nHän soittaa numeroon %s.",
	"Tapaaminen on videolla.\nSaat linkin ennen tapaamista.",
	"Tapaaminen on videolla palvelupisteessä.",
	"Sinua tapaa %s.",
	"Tulkki on mukana.\nTulkki puhuu %s.",
	"Ota mukaan:", "Pidä nämä lähellä:",
	"Et pääse tulemaan?", "Kerro siitä heti.",
	"Soita työntekijälle tai tule palvelupisteeseen.",
	"Palvelupiste on auki kello %s–%s.",
};

/* What to bring, per meeting kind (NULL: every kind). Sources (docs/rules.md#what-to-bring):
 * the statutory service process: an employment plan is made at the
 * initial interview and at each discussion, and includes the job-search
 * obligation (hence the CV and certificates, the plan and the jobs applied
 * for); the initial interview is face to face as a rule (identity shown in
 * person). TYM (docs/rules.md#network-meeting): the network meeting ends the service-need
 * assessment and makes the multidisciplinary plan; statements go to
 * partners only with the client's permission (004 §4.2.1), so bringing
 * one is the client's choice; the plan is updated every 3 months.
 * KOTO: the first integration plan within 3 years of the first residence
 * permit — the permit's date is needed (koto rows). */
static const struct {
	const char *kind;
	bool face_only;   /* only when the client comes in person */
	bool koto;        /* only for KOTO clients */
	const char *text[NLANG];
} bring[] = {
	{ NULL, true, false, { "henkilökortti tai passi", "identitetskort eller pass",
	  "an identity card or passport", "henkilökortti tai passi" } },
	{ "alkuhaastattelu", false, false, { "ansioluettelo (CV) sekä työ- ja opiskelutodistukset",
	  "cv samt arbets- och studieintyg", "your CV and certificates of work and study",
	  "ansioluettelo eli CV ja todistukset" } },
	{ "tyonhakukeskustelu", false, false, { "työllistymissuunnitelmasi",
	  "din sysselsättningsplan", "your employment plan", "suunnitelmasi" } },
	{ "tyonhakukeskustelu", false, false, { "tiedot työpaikoista, joita olet hakenut",
	  "uppgifter om jobb som du har sökt", "a list of the jobs you have applied for",
	  "tiedot työpaikoista, joita olet hakenut" } },
	{ "taydentava", false, false, { "työllistymissuunnitelmasi",
	  "din sysselsättningsplan", "your employment plan", "suunnitelmasi" } },
	{ "taydentava", false, false, { "tiedot työpaikoista, joita olet hakenut",
	  "uppgifter om jobb som du har sökt", "a list of the jobs you have applied for",
	  "tiedot työpaikoista, joita olet hakenut" } },
	{ "verkostopalaveri", false, false, { "lausunnot (esim. lääkäriltä), jotka haluat käsiteltävän",
	  "utlåtanden (t.ex. från läkare) som du vill ska behandlas",
	  "any statements (e.g. from a doctor) you want to be considered",
	  "lääkärin paperit, jos haluat näyttää ne" } },
	{ "tym-paivitys", false, false, { "monialainen työllistymissuunnitelmasi",
	  "din sektorsövergripande sysselsättningsplan", "your multidisciplinary employment plan",
	  "suunnitelmasi" } },
	{ NULL, false, true, { "oleskelulupakortti", "uppehållstillståndskort",
	  "your residence permit card", "oleskelulupakortti" } },
};

/* Interpreter languages: name in each letter language; plain Finnish wants
 * the partitive ("puhuu arabiaa"). An unknown code is shown as it is. */
static const struct {
	const char *code;
	const char *name[NLANG];
} languages[] = {
	{ "ar", { "arabia", "arabiska", "Arabic", "arabiaa" } },
	{ "ru", { "venäjä", "ryska", "Russian", "venäjää" } },
	{ "uk", { "ukraina", "ukrainska", "Ukrainian", "ukrainaa" } },
	{ "so", { "somali", "somaliska", "Somali", "somalia" } },
	{ "fa", { "persia", "persiska", "Persian", "persiaa" } },
	{ "prs", { "dari", "dari", "Dari", "daria" } },
	{ "ku", { "kurdi", "kurdiska", "Kurdish", "kurdia" } },
	{ "ti", { "tigrinja", "tigrinja", "Tigrinya", "tigrinjaa" } },
	{ "et", { "viro", "estniska", "Estonian", "viroa" } },
	{ "th", { "thai", "thailändska", "Thai", "thaita" } },
	{ "vi", { "vietnam", "vietnamesiska", "Vietnamese", "vietnamia" } },
	{ "en", { "englanti", "engelska", "English", "englantia" } },
	{ "sv", { "ruotsi", "svenska", "Swedish", "ruotsia" } },
	{ "fi", { "suomi", "finska", "Finnish", "suomea" } },
	{ "se", { "pohjoissaame", "nordsamiska", "Northern Sami", "pohjoissaamea" } },
	{ "fse", { "viittomakieli", "teckenspråk", "sign language", "viittomakieltä" } },
};

struct sb {
	char *b;
	size_t size, n;
	bool over;
};

__attribute__((format(printf, 2, 3))) static void
add(struct sb *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(s->b + s->n, s->size - s->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= s->size - s->n) {
		s->over = true;
		s->n = s->size - 1;
	} else {
		s->n += (size_t)k;
	}
}

/* Display columns of UTF-8 text (Latin letters: one each). */
static int
cols(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

#define LABEL_COLS 15

/* "Label:" padded to LABEL_COLS, then the value; a value with newlines
 * continues under itself. */
static void
row(struct sb *s, const char *label, const char *value)
{
	add(s, "%s:", label);
	for (int i = cols(label) + 1; i < LABEL_COLS; i++)
		add(s, " ");
	for (const char *p = value; *p; p++) {
		add(s, "%c", *p);
		if (*p == '\n')
			add(s, "%*s", LABEL_COLS, "");
	}
	add(s, "\n");
}

static int
index_of(const char *const *codes, int n, const char *code)
{
	for (int i = 0; code && i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return -1;
}

/* "08:00" -> "8.00" (sep '.') or "8:00". */
static const char *
clock(const char *hhmm, char sep, char *buf, size_t size)
{
	int h = 0, m = 0;
	if (sscanf(hhmm ? hhmm : "", "%d:%d", &h, &m) != 2)
		h = m = 0;
	snprintf(buf, size, "%d%c%02d", h, sep, m);
	return buf;
}

static const char *
clock_t_(lk_time t, char sep, char *buf, size_t size)
{
	int m = lk_time_minute_of_day(t);
	snprintf(buf, size, "%d%c%02d", m / 60, sep, m % 60);
	return buf;
}

static const char *
language_name(const char *code, int lang)
{
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++)
		if (strcmp(languages[i].code, code) == 0)
			return languages[i].name[lang];
	return code;
}

static bool
at_point(const struct lk_letter *l)
{
	return (strcmp(l->channel, "face") == 0 || strcmp(l->channel, "remote-point") == 0) &&
		l->point_name && l->point_name[0];
}

/* "Koskikatu 5, 80100 Joensuu" */
static void
address(const struct lk_letter *l, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s%s%s", l->street, l->street[0] && (l->postcode[0] || l->town[0])
	         ? ", " : "", l->postcode, l->postcode[0] && l->town[0] ? " " : "", l->town);
}

static void
bring_list(struct sb *s, const struct lk_letter *l, int lang, const char *face_label,
           const char *remote_label, const char *suffix)
{
	bool face = strcmp(l->channel, "face") == 0 || strcmp(l->channel, "remote-point") == 0;
	add(s, "%s%s\n", face ? face_label : remote_label, suffix);
	for (size_t i = 0; i < sizeof bring / sizeof bring[0]; i++) {
		if (bring[i].kind && strcmp(bring[i].kind, l->kind) != 0)
			continue;
		if ((bring[i].face_only && !face) || (bring[i].koto && !l->koto))
			continue;
		add(s, "- %s\n", bring[i].text[lang]);
	}
}

static void
standard(struct sb *s, const struct lk_letter *l, int lang)
{
	const struct wording *w = &words[lang];
	char buf[512], t0[32], t1[32], date[16], adr[256];
	int k = index_of(kind_codes, NKIND, l->kind), c = index_of(channel_codes, NCHANNEL, l->channel);
	add(s, "%s\n\n", w->title);
	add(s, w->greeting, l->client_name);
	add(s, "\n\n%s\n\n", w->intro);
	row(s, w->l_kind, k >= 0 ? w->kinds[k] : l->kind);
	snprintf(buf, sizeof buf, w->when, w->weekdays[lk_weekday(lk_time_date(l->start)) - 1],
	         lk_date_fi(lk_time_date(l->start), date, sizeof date),
	         clock_t_(l->start, w->clock_sep, t0, sizeof t0),
	         clock_t_(l->start + l->minutes, w->clock_sep, t1, sizeof t1));
	row(s, w->l_time, buf);
	row(s, w->l_how, c >= 0 ? w->channels[c] : l->channel);
	if (at_point(l)) {
		address(l, adr, sizeof adr);
		snprintf(buf, sizeof buf, "%s%s%s", l->point_name, adr[0] ? "\n" : "", adr);
		row(s, w->l_place, buf);
	} else if (strcmp(l->channel, "phone") == 0) {
		if (l->client_phone && l->client_phone[0])
			snprintf(buf, sizeof buf, w->phone_call, l->staff_name, l->client_phone);
		else
			snprintf(buf, sizeof buf, w->phone_call_nonum, l->staff_name);
		row(s, w->l_contact, buf);
	} else if (strcmp(l->channel, "video") == 0) {
		row(s, w->l_contact, w->video);
	}
	row(s, w->l_with, l->staff_name);
	if (l->interpreter && l->interpreter[0]) {
		snprintf(buf, sizeof buf, w->interp, language_name(l->interpreter, lang));
		row(s, w->l_interp, buf);
	}
	add(s, "\n");
	bring_list(s, l, lang, w->bring, w->have, ":");
	add(s, "\n%s\n%s\n", w->cancel1, w->cancel2);
	add(s, w->cancel3, l->point_name && l->point_name[0] ? l->point_name : "–",
	    clock(l->opens, w->clock_sep, t0, sizeof t0), clock(l->closes, w->clock_sep, t1, sizeof t1));
	add(s, "\n\n%s\n%s\n", w->regards, l->staff_name);
	if (l->point_name && l->point_name[0])
		add(s, "%s\n", l->point_name);
}

static void
plain(struct sb *s, const struct lk_letter *l)
{
	char t0[32], t1[32], date[16], adr[256];
	int k = index_of(kind_codes, NKIND, l->kind);
	add(s, "%s\n\n", selko.title);
	add(s, selko.greeting, l->client_name);
	add(s, "\n\n%s\n", selko.q_when);
	add(s, selko.when, selko.weekdays[lk_weekday(lk_time_date(l->start)) - 1],
	    lk_date_fi(lk_time_date(l->start), date, sizeof date),
	    clock_t_(l->start, '.', t0, sizeof t0));
	add(s, "\n");
	add(s, selko.lasts, l->minutes);
	add(s, "\n\n%s\n", selko.q_where);
	if (at_point(l)) {
		if (strcmp(l->channel, "remote-point") == 0)
			add(s, "%s\n", selko.remote);
		address(l, adr, sizeof adr);
		add(s, "%s\n%s%s", l->point_name, adr, adr[0] ? "\n" : "");
	} else if (strcmp(l->channel, "phone") == 0) {
		if (l->client_phone && l->client_phone[0])
			add(s, selko.phone_num, l->staff_name, l->client_phone);
		else
			add(s, selko.phone, l->staff_name);
		add(s, "\n");
	} else {
		add(s, "%s\n", selko.video);
	}
	add(s, "\n%s\n", selko.q_who);
	add(s, selko.who, l->staff_name);
	add(s, "\n\n%s\n%s\n", selko.q_what, k >= 0 ? selko.kinds[k] : l->kind);
	if (l->interpreter && l->interpreter[0]) {
		add(s, "\n");
		add(s, selko.interp, language_name(l->interpreter, SELKO));
		add(s, "\n");
	}
	add(s, "\n");
	bring_list(s, l, SELKO, selko.bring, selko.have, "");
	add(s, "\n%s\n%s\n%s\n", selko.q_cancel, selko.cancel1, selko.cancel2);
	add(s, selko.cancel3, clock(l->opens, '.', t0, sizeof t0), clock(l->closes, '.', t1, sizeof t1));
	add(s, "\n");
}

static void
invitation(struct sb *s, const struct lk_letter *l, int lang)
{
	const struct wording *w = &words[lang];
	char buf[512], t0[32], t1[32], date[16], adr[256];
	int k = index_of(event_kind_codes, 3, l->event_kind);
	add(s, "%s\n\n", invite[lang].title);
	add(s, w->greeting, l->client_name);
	add(s, "\n\n%s\n\n", invite[lang].intro);
	row(s, invite[lang].l_event, l->event_title);
	row(s, invite[lang].l_kind, k >= 0 ? invite[lang].kinds[k] : l->event_kind);
	snprintf(buf, sizeof buf, w->when, w->weekdays[lk_weekday(lk_time_date(l->start)) - 1],
	         lk_date_fi(lk_time_date(l->start), date, sizeof date),
	         clock_t_(l->start, w->clock_sep, t0, sizeof t0),
	         clock_t_(l->start + l->minutes, w->clock_sep, t1, sizeof t1));
	row(s, w->l_time, buf);
	address(l, adr, sizeof adr);
	snprintf(buf, sizeof buf, "%s%s%s", l->point_name, adr[0] ? "\n" : "", adr);
	row(s, w->l_place, buf);
	if (l->event_room && l->event_room[0])
		row(s, invite[lang].l_room, l->event_room);
	row(s, invite[lang].l_host, l->staff_name);
	if (l->event_partner && l->event_partner[0])
		row(s, invite[lang].l_partner, l->event_partner);
	if (l->obligation)
		add(s, "\n%s\n", invite[lang].obligation);
	add(s, "\n%s\n%s\n", invite[lang].cancel1, invite[lang].cancel2);
	add(s, "\n%s\n%s\n", w->regards, l->staff_name);
	if (l->point_name && l->point_name[0])
		add(s, "%s\n", l->point_name);
}

/* The invitation in plain Finnish. */
static void
plain_invitation(struct sb *s, const struct lk_letter *l)
{
	static const char *const kinds[] = {
		"Infotilaisuus.\nKuulet työllisyyspalveluista.",
		"Infotilaisuus.\nKuulet asioista, jotka koskevat sinua.",
		"Ryhmä.\nTapaat muita ja teette asioita yhdessä.",
	};
	char t0[32], date[16], adr[256];
	int k = index_of(event_kind_codes, 3, l->event_kind);
	add(s, "SINUT KUTSUTAAN TILAISUUTEEN\n\n");
	add(s, selko.greeting, l->client_name);
	add(s, "\n\nMikä tilaisuus on?\n%s\n%s\n", l->event_title, k >= 0 ? kinds[k] : "");
	add(s, "\n%s\n", selko.q_when);
	add(s, selko.when, selko.weekdays[lk_weekday(lk_time_date(l->start)) - 1],
	    lk_date_fi(lk_time_date(l->start), date, sizeof date),
	    clock_t_(l->start, '.', t0, sizeof t0));
	add(s, "\n");
	add(s, "Tilaisuus kestää %d minuuttia.", l->minutes);
	address(l, adr, sizeof adr);
	add(s, "\n\n%s\n%s\n%s%s", selko.q_where, l->point_name, adr, adr[0] ? "\n" : "");
	add(s, "\nKuka pitää tilaisuuden?\n%s\n", l->staff_name);
	if (l->obligation)
		add(s, "\nSinun pitää tulla.\nTämä on osa työnhakuasi.\n");
	add(s, "\n%s\n%s\n%s\n", selko.q_cancel, selko.cancel1, selko.cancel2);
}

bool
lk_letter_lang_known(const char *lang)
{
	for (int i = 0; lang && i < 3; i++)
		if (strcmp(words[i].code, lang) == 0)
			return true;
	return false;
}

int
lk_letter_render(const struct lk_letter *l, char *buf, size_t size)
{
	struct sb s = { buf, size, 0, false };
	if (size == 0)
		return -1;
	buf[0] = '\0';
	int lang = FI;
	for (int i = 0; l->lang && i < 3; i++)
		if (strcmp(words[i].code, l->lang) == 0)
			lang = i;
	if (l->event_title && lang == FI && l->plain)
		plain_invitation(&s, l);
	else if (l->event_title)
		invitation(&s, l, lang);
	else if (lang == FI && l->plain)
		plain(&s, l);
	else
		standard(&s, l, lang);
	if (!lk_letter_lang_known(l->lang)) {
		/* Neither Finnish nor Swedish nor English: the English text follows. */
		add(&s, "\n----------------------------------------------------------------------\n\n");
		if (l->event_title)
			invitation(&s, l, EN);
		else
			standard(&s, l, EN);
	}
	return s.over ? -1 : (int)s.n;
}
