#!/usr/bin/perl
# bash-completion.pl OUT src/cmd/*.c — write luukku's bash completion from
# the command table itself: every `const struct cmd_entry` names a command,
# its subcommand and a usage line, and the usage line names the options
# (--tsv), the values some of them take (--channel face|phone|...) and the
# words some commands start with (report face-to-face|walk-in|...). So a
# new command or option completes as soon as it is in its entry; nothing
# here is kept by hand but the global options of luukku.c and the few
# options that take a file name. tests/deb/test-deb.sh checks the result
# against `luukku --help` of the installed binary.
use strict;
use warnings;

my $out = shift @ARGV or die "usage: bash-completion.pl OUT FILE...\n";
my (@order, %subs, %opts, %words, %values);

# The literals of one C expression, adjacent ones joined ("a" "b" -> ab).
sub literal {
	my ($expr) = @_;
	return undef if $expr =~ /^\s*NULL\s*$/;
	my $s = '';
	$s .= $1 while $expr =~ /"((?:[^"\\]|\\.)*)"/g;
	$s =~ s/\\(.)/$1/g;
	return $s;
}

for my $file (@ARGV) {
	open my $fh, '<', $file or die "$file: $!\n";
	local $/;
	my $text = <$fh>;
	close $fh;
	# name, sub, usage: the three fields before the N_("summary").
	while ($text =~ /const\s+struct\s+cmd_entry\s+\w+\s*=\s*\{(.*?)N_\(/sg) {
		my ($body, $field, @f) = ($1, '');
		# Split at the commas between fields, not those inside a literal.
		while ($body =~ /("(?:[^"\\]|\\.)*"|NULL|,)/g) {
			if ($1 eq ',') { push @f, $field; $field = '' } else { $field .= " $1" }
		}
		next if @f < 3;
		my ($name, $sub, $usage) = (literal($f[0]), literal($f[1]), literal($f[2]));
		next unless defined $name && $name =~ /^[a-z][a-z-]*$/;
		push @order, $name unless exists $subs{$name};
		$subs{$name} //= [];
		push @{ $subs{$name} }, $sub if defined $sub;
		my $key = defined $sub ? "$name $sub" : $name;
		my @o;
		while ($usage =~ /(--[a-z][a-z0-9-]*)(?:[ =]([a-z0-9][a-z0-9-]*(?:\|[a-z0-9][a-z0-9-]*)+))?/g) {
			push @o, $1 unless grep { $_ eq $1 } @o;
			$values{"$key $1"} = join ' ', split /\|/, $2 if defined $2;
		}
		$opts{$key} = \@o;
		# A usage that starts with a choice of words: report KIND, meeting STATE.
		$words{$key} = join ' ', split /\|/, $1
			if $usage =~ /^([a-z][a-z-]*(?:\|[a-z][a-z-]*)+)(?:\s|$)/;
		# `client set ID [any option of add]`
		$opts{$key} = $opts{"$name add"} // [] if $usage =~ /any option of add/;
	}
}
# `client set` may come before `client add` in the files: settle it now.
for my $key (keys %opts) {
	next unless @{ $opts{$key} } == 0 && $key =~ /^(\S+) set$/ && $opts{"$1 add"};
	$opts{$key} = $opts{"$1 add"};
	for my $v (grep { /^\Q$1 add \E/ } keys %values) {
		(my $nv = $v) =~ s/^\Q$1 add\E/$key/;
		$values{$nv} = $values{$v};
	}
}
die "bash-completion.pl: no command entries found\n" unless @order;

sub cases {
	my ($h) = @_;
	return join '', map { "\t\t\"$_\") echo \"$h->{$_}\" ;;\n" } sort keys %$h;
}
my %sub_list = map { $_ => join ' ', @{ $subs{$_} } } grep { @{ $subs{$_} } } @order;
my %opt_list = map { $_ => join ' ', @{ $opts{$_} } } grep { @{ $opts{$_} } } keys %opts;

open my $o, '>', "$out.tmp" or die "$out.tmp: $!\n";
print $o <<"EOF";
# bash completion for luukku(1): commands, subcommands, options and the
# values some options take. Written by scripts/bash-completion.pl from the
# command table in src/cmd/; do not edit.

_luukku_subs() {
	case \$1 in
${\ cases(\%sub_list)}	esac
}

_luukku_opts() {
	case \$1 in
${\ cases(\%opt_list)}	esac
}

_luukku_words() {
	case \$1 in
${\ cases(\%words)}	esac
}

_luukku_values() {
	case \$1 in
${\ cases(\%values)}	esac
}

_luukku() {
	local cur=\${COMP_WORDS[COMP_CWORD]} prev=
	[ "\$COMP_CWORD" -gt 0 ] && prev=\${COMP_WORDS[COMP_CWORD-1]}
	local cmd= sub= key= i=1 w nargs=0
	# Global options first, then the command and perhaps its subcommand.
	while [ \$i -lt \$COMP_CWORD ]; do
		w=\${COMP_WORDS[i]}
		if [ -z "\$cmd" ]; then
			case \$w in
			--db|--config|--lang|--staff|--secret-fd) i=\$((i + 2)); continue ;;
			-*) ;;
			*) cmd=\$w ;;
			esac
		elif [ -z "\$sub" ] && [ \$nargs -eq 0 ] && [[ " \$(_luukku_subs "\$cmd") " == *" \$w "* ]]; then
			sub=\$w
		else
			case \$w in -*) ;; *) nargs=\$((nargs + 1)) ;; esac
		fi
		i=\$((i + 1))
	done
	key=\$cmd\${sub:+ \$sub}
	case \$prev in
	--db|--config|--out|--exit-code-file)
		COMPREPLY=(\$(compgen -f -- "\$cur")); return ;;
	--lang)
		COMPREPLY=(\$(compgen -W "fi sv en" -- "\$cur")); return ;;
	esac
	if [ -n "\$cmd" ] && [[ \$prev == --* ]]; then
		local v=\$(_luukku_values "\$key \$prev")
		if [ -n "\$v" ]; then
			COMPREPLY=(\$(compgen -W "\$v" -- "\$cur")); return
		fi
	fi
	if [ -z "\$cmd" ]; then
		if [[ \$cur == -* ]]; then
			COMPREPLY=(\$(compgen -W "--db --config --lang --staff --secret-fd --help --version" -- "\$cur"))
		else
			COMPREPLY=(\$(compgen -W "@order" -- "\$cur"))
		fi
		return
	fi
	if [[ \$cur == -* ]]; then
		COMPREPLY=(\$(compgen -W "\$(_luukku_opts "\$key")" -- "\$cur"))
	elif [ -z "\$sub" ] && [ \$nargs -eq 0 ]; then
		COMPREPLY=(\$(compgen -W "\$(_luukku_subs "\$cmd") \$(_luukku_words "\$cmd")" -- "\$cur"))
	fi
}
complete -F _luukku luukku
EOF
close $o or die "$out.tmp: $!\n";
rename "$out.tmp", $out or die "$out: $!\n";
