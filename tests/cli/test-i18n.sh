# Finnish by default, Swedish and English on request: the same refusal in
# each language, and the date format of human output.
. "$(dirname "$0")/lib.sh"
unset LUUKKU_LANG

expect 2 "Finnish by default" "$LUUKKU" hetu 010594Y9033
contains "in Finnish" "$ERR" "tarkistemerkki ei täsmää"
expect 2 "Swedish with --lang sv" "$LUUKKU" --lang sv hetu 010594Y9033
contains "in Swedish" "$ERR" "kontrolltecknet stämmer inte"
expect 2 "English with --lang en" "$LUUKKU" --lang en hetu 010594Y9033
contains "in English" "$ERR" "check character does not match"
LUUKKU_LANG=sv expect 2 "\$LUUKKU_LANG works" "$LUUKKU" hetu 010594Y9033
contains "in Swedish" "$ERR" "kontrolltecknet"
mkdir -p "$T/config/luukku"
printf '[ui]\nlang = en\n' > "$T/config/luukku/luukku.ini"
expect 2 "[ui] lang of the config works" "$LUUKKU" hetu 010594Y9033
contains "in English" "$ERR" "check character"
expect 2 "--lang beats the config" "$LUUKKU" --lang fi hetu 010594Y9033
contains "in Finnish" "$ERR" "tarkistemerkki"
rm "$T/config/luukku/luukku.ini"
LANG=C LC_ALL=C expect 0 "å ä ö survive a C locale" "$LUUKKU" hetu 010594Y9032
contains "Finnish words with ä" "$OUT" "Tilapäinen tunnus: kyllä"

lk init --area pohjois-karjala >/dev/null
C=$(lk client add --name "Äijälä, Åsa" --job-search-start 2026-02-20)
expect 0 "the due list in Finnish" lk due "$C"
contains "d.m.yyyy dates and Finnish labels" "$OUT" "27.2.2026"
contains "the state in Finnish" "$OUT" "myöhässä"
done_testing
