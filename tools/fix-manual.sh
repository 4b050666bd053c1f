#!/usr/bin/env bash
# Tidies a man page from swift-argument-parser's generate-manual (mdoc) on its way to install:
#   tools/fix-manual.sh COMMAND < generated.1 > COMMAND.1
# For the stage commands (no subcommands) it drops the parser's implicit `help` subcommand from
# the synopsis and the option list; for every page it replaces the generic exit-status sentence
# with papersift's exit codes (as in the README).
set -euo pipefail
command=${1:?usage: fix-manual.sh COMMAND < page.1}
exit_status='.Bl -tag -width 3n\
.It 0\
every record went through\
.It 1\
the run finished, but some records were rejected (reported on standard error, and in --rejects)\
.It 2\
usage or configuration error: unknown option, invalid rule or alias file\
.It 3\
an input could not be read or an output could not be written\
.It 4\
--strict stopped the run at the first rejected record\
.El'
if [[ $command == sift ]]; then
  sed -e "s/^\.Ex -std.*/$exit_status/"
else
  sed -e '/^\.Ar subcommand$/d' -e '/^\.It Em help$/,/^\.El$/d' -e "s/^\.Ex -std.*/$exit_status/"
fi
