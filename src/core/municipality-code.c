/*
 * municipality-code.c — official municipality numbers of the areas in
 * data/service_points.csv (Statistics Finland's list of municipalities;
 * the numbers do not change when municipalities move between regions).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/municipality-code.h"

static const struct {
	int code;
	const char *name;
} codes[] = {
	{ 16, "Asikkala" }, { 77, "Hankasalmi" }, { 81, "Hartola" }, { 90, "Heinävesi" },
	{ 97, "Hirvensalmi" }, { 98, "Hollola" }, { 111, "Heinola" }, { 142, "Iitti" },
	{ 146, "Ilomantsi" }, { 167, "Joensuu" }, { 176, "Juuka" }, { 178, "Juva" },
	{ 213, "Kangasniemi" }, { 216, "Kannonkoski" }, { 226, "Karstula" }, { 256, "Kinnula" },
	{ 260, "Kitee" }, { 265, "Kivijärvi" }, { 275, "Konnevesi" }, { 276, "Kontiolahti" },
	{ 309, "Outokumpu" }, { 312, "Kyyjärvi" }, { 316, "Kärkölä" }, { 410, "Laukaa" },
	{ 422, "Lieksa" }, { 426, "Liperi" }, { 441, "Luumäki" }, { 491, "Mikkeli" },
	{ 507, "Mäntyharju" }, { 541, "Nurmes" }, { 560, "Orimattila" }, { 576, "Padasjoki" },
	{ 601, "Pihtipudas" }, { 607, "Polvijärvi" }, { 623, "Puumala" }, { 707, "Rääkkylä" },
	{ 729, "Saarijärvi" }, { 781, "Sysmä" }, { 848, "Tohmajärvi" }, { 892, "Uurainen" },
	{ 931, "Viitasaari" }, { 992, "Äänekoski" },
};

const char *
lk_municipality_by_code(const char *code)
{
	size_t n = strlen(code);
	if (n == 0 || n > 3)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (code[i] < '0' || code[i] > '9')
			return NULL;
	int c = atoi(code);
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].code == c)
			return codes[i].name;
	return NULL;
}

