/** Wires the layers: config → card and PDF services → the HTTP server. */
import { readFileSync } from 'node:fs';
import { PcscCardReader } from './card/pcsc-reader';
import type { CardReader } from './card/types';
import type { BridgeConfig } from './config';
import { type BridgeServer, startBridgeServer } from './http/server';
import type { Logger } from './log';
import { CardService } from './services/card-service';
import { PdfExportService } from './services/pdf-service';

export interface RunningBridge {
  server: BridgeServer;
  card: CardService;
  stop(): Promise<void>;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return '0.0.0';
  }
}

export async function startBridge(
  config: BridgeConfig,
  logger: Logger,
  options: { reader?: CardReader; retryMs?: number; pollMs?: number } = {},
): Promise<RunningBridge> {
  const card = new CardService({
    reader: options.reader ?? new PcscCardReader(),
    logger,
    retryMs: options.retryMs,
    pollMs: options.pollMs,
  });
  card.start();
  await card.ready(3000);
  const pdf = new PdfExportService(config.exportDir, card);
  let server: BridgeServer;
  try {
    server = await startBridgeServer(config, { version: version(), card, pdf }, logger);
  } catch (err) {
    await card.stop();
    throw err;
  }
  return {
    server,
    card,
    stop: async () => {
      await server.close();
      await card.stop();
    },
  };
}
