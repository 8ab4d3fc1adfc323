/** SHA-256 as hex, so identities can be compared without storing the number itself. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** HMAC-SHA-256 as hex: a keyed hash that cannot be reversed by trying the few unknown digits. */
export async function hmacHex(keyHex: string, text: string): Promise<string> {
  const keyBytes = new Uint8Array(keyHex.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? []);
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}
