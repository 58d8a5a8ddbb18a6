/*
 * demo-names.h — the built-in word lists of the demo area: common Finnish
 * surnames and given names and street names. Synthetic people only: demo
 * identity codes come from the temporary range 900–999.
 */
#ifndef LK_DEMO_NAMES_H
#define LK_DEMO_NAMES_H

#include <stddef.h>

extern const char *const lk_demo_surnames[];
extern const size_t lk_demo_n_surnames;
extern const char *const lk_demo_male[];
extern const size_t lk_demo_n_male;
extern const char *const lk_demo_female[];
extern const size_t lk_demo_n_female;
extern const char *const lk_demo_streets[];
extern const size_t lk_demo_n_streets;

#endif
