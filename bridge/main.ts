/**
 * `npm start`: the bridge in the foreground on 127.0.0.1 (IT's installer runs it at logon).
 * Config: bridge.json (see bridge/README.md) + CLINIC_BRIDGE_* environment variables.
 */
import path from 'node:path';
import { startBridge } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { registerNativeHost } from './native-host/register';

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
          'The extension pairs by itself through the native messaging host this bridge registers for',
          'this user. Without it (fallback): paste the token in Clinic Companion → Inställningar → Brygga,',
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
  if (process.env.CLINIC_BRIDGE_NATIVE_HOST !== 'off' && config.discoveryFile) {
    try {
      const manifests = registerNativeHost({
        launcherDir: path.join(path.dirname(config.discoveryFile), 'native-host'),
        discoveryFile: config.discoveryFile,
        allowedExtensionIds: config.allowedExtensionIds,
      });
      logger.log('info', 'native_host.registered', { count: manifests.length });
    } catch (err) {
      // Pairing falls back to a pasted or policy token; the bridge itself works on.
      logger.log('warn', 'native_host.not_registered', { detail: err instanceof Error ? err.name : 'unknown' });
    }
  }
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
    const last = config.port + config.portFallbacks;
    process.stderr.write(
      `Ports ${config.port}${last > config.port ? `–${last}` : ''} on 127.0.0.1 are taken by other programs; the bridge did not start.\n`,
    );
  }
  process.exit(1);
}
