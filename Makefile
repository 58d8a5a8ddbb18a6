# Luukku — the front-desk terminal of a Finnish employment area.
#
#   make run     install missing Debian packages, build, open the terminal
#                on a demo database of the Pohjois-Karjala area
#   make check   build (with ASan and UBSan) and run every test
#   make bench   search, terminal, start-up, sync, load and report benchmarks
#                (figures, not pass/fail; docs/performance.md)
#   make install PREFIX=/usr DESTDIR=...
#   make deb     the Debian packages luukku and luukkud into build/deb/
#
# Plain GNU make; objects go to $(BUILD) (build/ or build/san/).

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
# luukkud is a daemon: a Debian package puts it in /usr/sbin (SBINDIR=/usr/sbin).
SBINDIR ?= $(BINDIR)
MANDIR  ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR ?=

BUILD   ?= build
SAN     ?= 0
CC      ?= cc

WARN    = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?= -O2 -g
# TEST_CLOCK=1 compiles in the pinned test clock ($$LUUKKU_NOW, store.c
# lk_now()). Only the test build of `make check` (SAN=1, build/san) and the
# benchmarks' own build have it: a user cannot reach a compile flag, while
# anyone can set an environment variable, so the binaries of `make`,
# `make run`, `make install` and the packages take the system clock only.
TEST_CLOCK ?= $(SAN)
ifeq ($(TEST_CLOCK),1)
CPPFLAGS += -DLK_TEST_CLOCK
endif
ifeq ($(SAN),1)
CFLAGS  = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
CPPFLAGS += -std=c11 -D_GNU_SOURCE -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK -Isrc -I. -I$(BUILD)/gen -I/usr/include/iniparser \
	-DLOCALEDIR='"$(LOCALEDIR)"' $(shell pkg-config --cflags ncursesw 2>/dev/null)
LIBS    = $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) \
	-lsqlite3 -luv -liniparser -lsodium -lzstd -lm

CORE_SRC  = $(sort $(wildcard src/core/*.c))
STORE_SRC = $(sort $(wildcard src/store/*.c))
REPORT_SRC = $(sort $(wildcard src/report/*.c))
UI_SRC    = $(sort $(wildcard ui/*.c))
SYNC_SRC  = $(sort $(wildcard src/sync/*.c))
NODE_SRC  = $(sort $(wildcard src/node/*.c))
# luukkud.c is the central node's main(); it is not linked into luukku.
CMD_SRC   = $(filter-out src/cmd/luukkud.c,$(sort $(wildcard src/cmd/*.c)))
LIB_SRC   = $(CORE_SRC) $(STORE_SRC) $(REPORT_SRC) $(SYNC_SRC) $(NODE_SRC) $(UI_SRC)
GEN_SRC   = $(BUILD)/gen/embedded.c

LIB_OBJ   = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o
CMD_OBJ   = $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC  = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC = $(sort $(wildcard tests/bench/bench_*.c))
BENCH_BIN = $(BENCH_SRC:tests/bench/%.c=$(BUILD)/tests/%)
PO        = $(wildcard po/*.po)
MO        = $(PO:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/luukku.mo)

DEMO_DB  ?= demo/pohjois-karjala.db
DEMO_CLIENTS ?= 20000

FUZZ_SRC  = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN  = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -std=c11 -D_GNU_SOURCE -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK \
	-Isrc -I. -Ibuild/fuzz/gen -I/usr/include/iniparser $(shell pkg-config --cflags ncursesw 2>/dev/null) -g -O1 -fsanitize=fuzzer,address,undefined -Wall -Wextra -Werror

.PHONY: all deps run check tests bench install clean pot fuzz fuzz-build deb FORCE

all: $(BUILD)/luukku $(BUILD)/luukkud $(MO)

deps:
	@sh scripts/deps.sh

$(BUILD)/luukku: $(CMD_OBJ) $(BUILD)/libluukku.a
	$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/libluukku.a $(LIBS)

# The central node: its main(), the language set-up and config loader it
# shares with luukku, and the library (only the node, sync, store and core
# parts end up linked).
NODE_OBJ  = $(BUILD)/src/cmd/luukkud.o $(BUILD)/src/cmd/i18n.o $(BUILD)/src/cmd/config.o \
            $(BUILD)/src/cmd/cmd-guard.o
$(BUILD)/luukkud: $(NODE_OBJ) $(BUILD)/libluukku.a
	$(CC) $(LDFLAGS) -o $@ $(NODE_OBJ) $(BUILD)/libluukku.a $(LIBS)

$(BUILD)/libluukku.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The flags an object was compiled with, rewritten only when they change:
# an object made with another TEST_CLOCK (or SAN, or CFLAGS) is compiled
# again, so a build directory never mixes a test clock into a plain binary.
$(BUILD)/gen/flags: FORCE
	@mkdir -p $(dir $@)
	@echo '$(CPPFLAGS) $(CFLAGS)' | cmp -s - $@ || echo '$(CPPFLAGS) $(CFLAGS)' >$@

$(BUILD)/%.o: %.c $(BUILD)/gen/flags
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

# Migrations and the service-point data are compiled into the binary, so an
# installed luukku needs no files beside it. The list of migrations is kept
# in schema.list, rewritten only when it changes, so a removed or renamed
# migration rebuilds the embedded copy too (a timestamp can't see removals).
SCHEMA_SQL := $(sort $(wildcard schema/*.sql))
%/gen/schema.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(SCHEMA_SQL)' | cmp -s - $@ || echo '$(SCHEMA_SQL)' >$@
FORCE:

$(GEN_SRC): scripts/embed.sh $(SCHEMA_SQL) data/service_points.csv $(BUILD)/gen/schema.list
	@mkdir -p $(dir $@)
	sh scripts/embed.sh $@ $(SCHEMA_SQL) data/service_points.csv

$(BUILD)/gen/embedded.o: $(GEN_SRC)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/locale/%/LC_MESSAGES/luukku.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

$(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/libluukku.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $< $(BUILD)/libluukku.a $(LIBS) -lcmocka

# The sync tests' fault-injecting and slow-link TCP proxy (test tooling).
$(BUILD)/tests/lkproxy: tests/sync/lkproxy.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $<

$(BUILD)/tests/bench_%: tests/bench/bench_%.c $(BUILD)/libluukku.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $< $(BUILD)/libluukku.a $(LIBS) -lutil

tests: $(BUILD)/luukku $(BUILD)/luukkud $(MO) $(UNIT_BIN) $(BUILD)/tests/lkproxy

run: deps all
	@if [ ! -f "$(DEMO_DB)" ]; then \
		mkdir -p $(dir $(DEMO_DB)) && \
		echo "Luodaan demotietokanta $(DEMO_DB) (Pohjois-Karjala, $(DEMO_CLIENTS) asiakasta)…" && \
		$(BUILD)/luukku --db $(DEMO_DB) demo --area pohjois-karjala --clients $(DEMO_CLIENTS) --seed 1; \
	fi
	$(BUILD)/luukku --db $(DEMO_DB)

# The plain build/luukku is built too: tests/cli/test-clock.sh proves that
# $$LUUKKU_NOW cannot move its clock.
check: deps
	$(MAKE) SAN=1 BUILD=build/san tests
	$(MAKE) BUILD=build TEST_CLOCK=0 all
	$(MAKE) fuzz-build
	FUZZ_SECONDS=5 sh tests/run.sh build/san

# libFuzzer targets (clang): the identity-code parser, dates, text checks,
# the CSV reader, the sync wire decoder and sealed frames, and the two
# config loaders. `make check` runs each for 5 s; `make fuzz` for
# FUZZ_SECONDS (60) each, keeping the corpus in build/fuzz/corpus.
fuzz-build: $(FUZZ_BIN)

build/fuzz/gen/embedded.c: scripts/embed.sh $(SCHEMA_SQL) data/service_points.csv build/fuzz/gen/schema.list
	@mkdir -p $(dir $@)
	sh scripts/embed.sh $@ $(SCHEMA_SQL) data/service_points.csv

# What the targets link, compiled once into build/fuzz/obj.
FUZZ_LINK = $(CORE_SRC) $(STORE_SRC) $(REPORT_SRC) $(SYNC_SRC) $(NODE_SRC) src/cmd/config.c ui/keys.c ui/keys-config.c \
	build/fuzz/gen/embedded.c
FUZZ_OBJ  = $(FUZZ_LINK:%.c=build/fuzz/obj/%.o)
.SECONDARY: $(FUZZ_OBJ)
FUZZ_LIBS = -lsqlite3 -lsodium -lzstd -luv -liniparser \
	$(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) -lm

build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(subst -fsanitize=fuzzer,-fsanitize=fuzzer-no-link,$(FUZZ_FLAGS)) -MMD -MP -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	clang $(FUZZ_FLAGS) -o $@ $< $(FUZZ_OBJ) $(FUZZ_LIBS)

fuzz: deps fuzz-build
	for f in $(FUZZ_BIN); do \
		name=$${f#build/fuzz/fuzz_}; mkdir -p build/fuzz/corpus/$$name; \
		$$f -max_total_time=$(FUZZ_SECONDS) build/fuzz/corpus/$$name tests/fuzz/corpus/$$name || exit 1; \
	done

# The figures are taken at a pinned clock (LUUKKU_NOW), so the benchmarks
# have their own build with the test clock, never installed.
bench: deps
	$(MAKE) BUILD=build/bench-clock TEST_CLOCK=1 all $(BENCH_BIN) build/bench-clock/tests/lkproxy
	sh tests/bench/run.sh build/bench-clock

# Never a binary with the test clock: refused by flag and by content.
install: all
	@if [ "$(TEST_CLOCK)" = 1 ] || grep -aq LUUKKU_NOW $(BUILD)/luukku $(BUILD)/luukkud; then \
		echo "make install: $(BUILD) holds a test build (TEST_CLOCK=1); install takes only the system clock's build" >&2; exit 1; fi
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man8
	install -m 0755 $(BUILD)/luukku $(DESTDIR)$(BINDIR)/luukku
	install -m 0755 $(BUILD)/luukkud $(DESTDIR)$(SBINDIR)/luukkud
	install -m 0644 docs/luukku.1 $(DESTDIR)$(MANDIR)/man1/luukku.1
	install -m 0644 docs/luukkud.8 $(DESTDIR)$(MANDIR)/man8/luukkud.8
	for mo in $(MO); do \
		lang=$${mo#$(BUILD)/locale/}; lang=$${lang%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
		install -m 0644 $$mo $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/luukku.mo; \
	done

# The Debian packages luukku and luukkud (debian/, docs/deployment.md),
# built by dpkg-buildpackage in a copy of the tree under $(DEB_DIR), so
# debhelper's files never land in the work tree; the .deb files, .changes
# and .buildinfo end up in $(DEB_DIR). DEB_BUILD_OPTIONS passes through.
DEB_DIR ?= build/deb
deb: deps
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/src
	tar -cf - --exclude=./build --exclude=./demo --exclude=./.git . | tar -xf - -C $(DEB_DIR)/src
	cd $(DEB_DIR)/src && dpkg-buildpackage -b -us -uc
	@ls -1 $(DEB_DIR)/*.deb

pot:
	xgettext --keyword=_ --keyword=N_ --keyword=dngettext:2,3 --keyword=lk_err_set:4 --keyword=cmd_usage:3 --keyword=lk_import_problem:4 \
		--from-code=UTF-8 --add-comments=TRANSLATORS -o po/luukku.pot $(LIB_SRC) $(CMD_SRC) src/cmd/luukkud.c
	for po in $(PO); do msgmerge -q -U --backup=none $$po po/luukku.pot; done

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' -type f 2>/dev/null)
