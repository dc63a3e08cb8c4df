// dockhandd: the container engine daemon, started at boot (/usr/sbin/dockhandd) and kept
// in the saved machine state, so no command pays for parsing the engine.
import * as std from 'std';
import { runCli } from '../commands/cli';
import { serve } from './server';

serve(runCli);
std.err.puts('dockhandd: listening on /run/dockhand/engine.sock\n');
