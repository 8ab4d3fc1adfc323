/**
 * The extension's pinned identity. The manifest `key` is the public half of a key pair whose
 * private half is never committed; Chrome derives the extension ID from it, so the bridge can
 * allow exactly this ID (and IT can address it in policy) on every machine.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1yF9TCS8GO3hl5sdT92LsWnv6/ouH910A9XiyFqcW5JaDhULfwxgEMbNIXtj3EALqtOpx+3X1b4XhPRy/+LPrRtl6wwdiwQEctaWrFjvxRv1RMQ7FuMnHSxB2V5V6Y/Aw1N5j8yO9LciwiWa/8s2UbEx4PKHuumHXoZkNR2Aq5esbxpVEEicuAWd20CqD7VH5J3me6VSMAKjOPVG8zhBqDlZOdLu1VyoWJSjVg7JWVTaAYBU6nws0AibYVqrTw41XaQBzg2L3oicLTTHPX4V6MAoJN86ztBPn+qpOqCY1gVlQgvUfBeXlPTb61QpQOkHCcT/+oWHxOg0VggU/dEaFwIDAQAB';

/** ID derived from EXTENSION_PUBLIC_KEY (the same unpacked in Chrome and Edge). */
export const CHROME_EXTENSION_ID = 'bfnohbcfpndddccmbkomhdpnemoddcni';
/**
 * Edge Add-ons assigns its own ID at publication; until then Edge loads the same key and gets
 * the same ID. Kept separate so IT can override it without touching the Chrome one.
 */
export const EDGE_EXTENSION_ID = CHROME_EXTENSION_ID;

/** The Clinic console in production: the only origin the release build runs on. */
export const CLINIC_ORIGIN = 'https://clinic.platform24.se';
/** Port of the bridge on 127.0.0.1 (issue 5). */
export const BRIDGE_DEFAULT_PORT = 47121;
