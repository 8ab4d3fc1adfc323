/**
 * `npm start`: the bridge in the foreground on 127.0.0.1 (IT's installer runs it at logon).
 * Config: bridge.json (see bridge/README.md) + CLINIC_BRIDGE_* environment variables.
 */
import { startBridge } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';

const logger = createLogger();

process.on('uncaughtException', (err) => {
  logger.log('error', 'process.uncaught_exception', { detail: err.name });
});
process.on('unhandledRejection', (err) => {
  logger.log('error', 'process.unhandled_rejection', { detail: err instanceof Error ? err.name : 'unknown' });
});

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig({
    onTokenCreated: (token, file) => {
      // Pairing instructions go to stderr, once, never into the structured log.
      process.stderr.write(
        [
          '',
          'Clinic Companion bridge: a new pairing token was created.',
          `  Stored in: ${file} (readable only by this user)`,
          `  Token:     ${token}`,
          'Pair the extension: open Clinic Companion → Inställningar → Brygga, paste the token and save,',
          'or let IT push it with the managed policy "bridgeToken". The token is not shown again.',
          '',
        ].join('\n'),
      );
    },
  });
} catch (err) {
  process.stderr.write(`Clinic Companion bridge: ${err instanceof ConfigError ? err.message : String(err)}\n`);
  process.exit(2);
}

try {
  const bridge = await startBridge(config, logger);
  logger.log('info', 'bridge.started', { port: bridge.server.port, count: config.allowedExtensionIds.length });
  const shutdown = async (signal: string) => {
    logger.log('info', 'bridge.stopping', { reason: signal });
    await bridge.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  logger.log('error', 'bridge.start_failed', { code: code ?? 'unknown' });
  if (code === 'EADDRINUSE') {
    process.stderr.write(`Port ${config.port} on 127.0.0.1 is taken by another program; the bridge did not start.\n`);
  }
  process.exit(1);
}
