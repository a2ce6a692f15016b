/**
 * The renderer's Content-Security-Policy: the built page carries it in a meta tag, and Electron's
 * app:// protocol also sends it as a header.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  // WebAssembly (hash-wasm's SHA-256) needs compiling; 'wasm-unsafe-eval' allows that and not JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  // Emotion (MUI's styling engine) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ')

/** The dev server needs inline scripts and a websocket for hot reload; only `vite serve` uses this. */
export const DEV_CSP = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*",
)
