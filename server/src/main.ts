/**
 * Node entry point of the language server. `createConnection` picks the
 * transport from the command line: `--stdio` (other editors), `--node-ipc`
 * (the VS Code client) or `--socket=N`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write('sip-trace-language-server 0.1.0\n');
} else if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('usage: sip-trace-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all));
}
