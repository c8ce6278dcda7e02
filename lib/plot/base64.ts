/** Standard base64 (RFC 4648, with padding) of bytes, as Jupyter expects for `image/png`. */
export function encodeBase64(bytes: Uint8Array): string {
  let bin = "";
  const CHUNK = 0x8000; // String.fromCharCode takes its bytes as arguments: keep the count small
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(bin);
}
