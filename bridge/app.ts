/** Wires the layers: config → card and PDF services → the HTTP server. */
import { readFileSync } from 'node:fs';
import { PcscCardReader } from './card/pcsc-reader';
import type { CardReader } from './card/types';
import type { BridgeConfig } from './config';
import { type BridgeServer, startBridgeServer } from './http/server';
import type { Logger } from './log';
import { removeDiscovery, writeDiscovery } from './native-host/discovery';
import { prepareExportDir } from './pdf/export-path';
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
    trustAnchors: config.trustAnchors,
  });
  card.start();
  await card.ready(3000);
  // At start, so a folder left wide open is tightened before a note lands in it; one that cannot
  // be used is logged here and refused at each export (the card keeps working meanwhile).
  await prepareExportDir(config.exportDir).catch((err: unknown) => {
    logger.log('warn', 'pdf.export_folder_refused', { detail: err instanceof Error ? err.message : 'unknown' });
  });
  const pdf = new PdfExportService(config.exportDir, card);
  let server: BridgeServer;
  try {
    server = await startBridgeServer(config, { version: version(), card, pdf }, logger);
  } catch (err) {
    await card.stop();
    throw err;
  }
  // Now the port is known: tell this user's native messaging host where the bridge is.
  const { discoveryFile } = config;
  if (discoveryFile) {
    const allowedOrigins = config.allowedExtensionIds.map((id) => `chrome-extension://${id}/`);
    writeDiscovery(discoveryFile, { port: server.port, token: config.token, allowedOrigins });
  }
  return {
    server,
    card,
    stop: async () => {
      if (discoveryFile) removeDiscovery(discoveryFile);
      await server.close();
      await card.stop();
    },
  };
}
