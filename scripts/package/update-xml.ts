/**
 * The update manifest Chrome and Edge poll for a self-hosted extension (the `update_url` in the
 * CRX's manifest and in IT's ExtensionInstallForcelist / ExtensionSettings). IT serves it and the
 * CRX side by side over https.
 */
const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');

export function updateXml(options: {
  appId: string;
  version: string;
  codebase: string;
  minimumChromeVersion: string;
}): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${options.appId}'>
    <updatecheck codebase='${xmlAttr(options.codebase)}' version='${options.version}' prodversionmin='${options.minimumChromeVersion}' />
  </app>
</gupdate>
`;
}

/** The CRX's URL: beside update.xml. */
export function codebaseFor(updateUrl: string, crxFile: string): string {
  return new URL(crxFile, updateUrl).toString();
}
