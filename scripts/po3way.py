#!/usr/bin/env python3
"""po3way.py BASE OURS THEIRS OUT — merge two changed copies of a gettext
catalog the way git merges lines, but per message: a translation one side
changed and the other left as in BASE takes the change; where both changed
it, OURS wins (and the message is named on stderr). Messages only one side
has are kept. Comments and references come from OURS; `make pot` refreshes
them afterwards. Developer tooling for merging branches (scripts/merge-po.sh);
never used by the build."""
import re
import sys


def parse(path):
    """The file as a list of entries: (key, text); key is (msgctxt, msgid)
    or None for the header and obsolete entries."""
    text = open(path, encoding='utf-8').read() if path else ''
    out = []
    for block in re.split(r'\n\s*\n', text.strip('\n')):
        if not block.strip():
            continue
        key = entry_key(block)
        out.append((key, block))
    return out


def strings(block, kw):
    m = re.search(r'^' + re.escape(kw) + r' ("(?:[^"\\]|\\.)*"(?:\n"(?:[^"\\]|\\.)*")*)', block, re.M)
    if not m:
        return None
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))


def obsolete(block):
    """The text of an obsolete (#~) entry without its marks, else None."""
    lines = [l for l in block.splitlines() if not l.startswith('#') or l.startswith('#~')]
    if not lines or not all(l.startswith('#~') for l in lines):
        return None
    return '\n'.join(l[3:] if l.startswith('#~ ') else l[2:] for l in lines)


def entry_key(block):
    if all(l.startswith('#') for l in block.splitlines()):
        return None
    msgid = strings(block, 'msgid')
    if msgid is None or msgid == '':
        return None
    return (strings(block, 'msgctxt'), msgid, strings(block, 'msgid_plural'))


def translation(block):
    """msgstr (or msgstr[n]...) lines and the fuzzy flag, as one value."""
    lines = block.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith('msgstr'))
    fuzzy = any(l.startswith('#,') and 'fuzzy' in l for l in lines)
    return ('\n'.join(lines[i:]), fuzzy)


def with_translation(block, tr):
    lines = block.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith('msgstr'))
    head = lines[:i]
    value, fuzzy = tr
    head = [l for l in head if not (l.startswith('#,') and l.strip() == '#, fuzzy')]
    if fuzzy:
        head = [h for h in head]
        pos = next((k for k, l in enumerate(head) if not l.startswith('#')), len(head))
        head.insert(pos, '#, fuzzy')
    return '\n'.join(head + value.split('\n'))


def main():
    base, ours, theirs, out = sys.argv[1:5]
    b = {k: translation(t) for k, t in parse(base) if k}
    o = parse(ours)
    t = {k: t for k, t in parse(theirs) if k}
    okeys = {k for k, _ in o if k}
    # An entry ours has only as obsolete (#~) and theirs still uses: theirs.
    for i, (k, block) in enumerate(o):
        old = obsolete(block)
        if k is None and old is not None:
            ok = entry_key(old)
            if ok in t:
                o[i] = (ok, t[ok])
                okeys.add(ok)
            elif ok:
                okeys.add(ok)
    result = []
    for k, block in o:
        if k and k in t:
            tt, ot = translation(t[k]), translation(block)
            bt = b.get(k)
            if tt != ot:
                if ot == bt:
                    block = with_translation(block, tt)
                elif tt != bt:
                    print('po3way: both changed %r; ours kept' % (k[1][:60],), file=sys.stderr)
        result.append(block)
    for k, block in parse(theirs):
        if k and k not in okeys:
            result.append(block)
    open(out, 'w', encoding='utf-8').write('\n\n'.join(result) + '\n')


if __name__ == '__main__':
    main()
