/*
 * demo-names.c — word lists for synthetic demo people: frequent Finnish
 * surnames and given names (the kind found in any phone book), and street
 * names. No real person's data.
 */
#include "store/demo-names.h"

#define COUNT(a) (sizeof a / sizeof a[0])

const char *const lk_demo_surnames[] = {
	"Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
	"Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
	"Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
	"Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen",
	"Ahonen", "Hiltunen", "Hirvonen", "Kettunen", "Pitkänen", "Miettinen", "Lindholm",
	"Räsänen", "Leinonen", "Anttila", "Kauppinen", "Pelkonen", "Mustonen", "Tikkanen",
	"Kärkkäinen", "Väisänen", "Pesonen", "Hakala", "Seppälä", "Vainio", "Koivisto",
	"Leppänen", "Ojala", "Manninen", "Huttunen", "Ikonen", "Kokkonen", "Lappalainen",
	"Toivonen", "Eskelinen", "Kurki", "Rissanen", "Hyvönen", "Partanen", "Oksanen",
	"Sirviö", "Pääkkönen", "Tolvanen", "Ruotsalainen", "Kähkönen", "Sundström", "Öhman",
	"Åberg", "Räty", "Nurmi", "Väänänen", "Ryynänen", "Pursiainen", "Hurskainen",
	"Tanskanen", "Mönkkönen", "Hytönen", "Kiiskinen", "Puustinen", "Kukkonen", "Nevalainen",
	"Kontinen", "Turpeinen", "Parviainen", "Ihalainen", "Sallinen", "Hakulinen", "Kuittinen",
	"Kärnä", "Lipponen", "Vartiainen", "Nyberg", "Holopainen", "Hokkanen", "Ikäheimo",
	"Kröger",
};
const size_t lk_demo_n_surnames = COUNT(lk_demo_surnames);

const char *const lk_demo_male[] = {
	"Juhani", "Johannes", "Mikael", "Olavi", "Matti", "Antero", "Tapani", "Kalevi", "Ilmari",
	"Timo", "Kari", "Pekka", "Mikko", "Jari", "Antti", "Jukka", "Markku", "Janne", "Ville",
	"Heikki", "Petri", "Hannu", "Sami", "Seppo", "Juha", "Teemu", "Lauri", "Tuomas", "Aleksi",
	"Eero", "Onni", "Väinö", "Elias", "Eino", "Oliver", "Leo", "Niilo", "Toivo", "Aarne",
	"Henrik", "Ari", "Esa", "Jyrki", "Kimmo", "Arttu", "Joonas", "Otto", "Rasmus", "Ahmed",
	"Mohamed", "Ali", "Dmitri", "Sergei", "Hassan", "Artem", "Viljami", "Jesse", "Oskari",
};
const size_t lk_demo_n_male = COUNT(lk_demo_male);

const char *const lk_demo_female[] = {
	"Maria", "Helena", "Johanna", "Anneli", "Kaarina", "Marjatta", "Anna", "Liisa",
	"Tuula", "Päivi", "Anne", "Sari", "Minna", "Tiina", "Riitta", "Leena", "Pirjo", "Kirsi",
	"Satu", "Sanna", "Laura", "Elina", "Jenni", "Katja", "Hanna", "Emilia", "Aino", "Sofia",
	"Eveliina", "Aurora", "Ella", "Venla", "Iida", "Siiri", "Helmi", "Lotta", "Pihla",
	"Aada", "Ilona", "Elsa", "Kerttu", "Sinikka", "Marja-Liisa", "Anna-Kaisa", "Hilkka",
	"Tellervo", "Fatima", "Amina", "Olga", "Natalia", "Svetlana", "Hawa", "Iina", "Saara",
	"Noora", "Jonna", "Maija",
};
const size_t lk_demo_n_female = COUNT(lk_demo_female);

const char *const lk_demo_streets[] = {
	"Koulukatu", "Kirkkokatu", "Rantakatu", "Torikatu", "Asemakatu", "Puistokatu",
	"Koivukuja", "Pihlajatie", "Mäntytie", "Kuusitie", "Rantatie", "Myllytie", "Sepäntie",
	"Kauppakatu", "Rautatienkatu", "Metsätie", "Harjutie", "Niittytie", "Peltotie",
	"Kalliokatu", "Vanamotie", "Sammalkuja", "Ahontie", "Kanervatie",
};
const size_t lk_demo_n_streets = COUNT(lk_demo_streets);
