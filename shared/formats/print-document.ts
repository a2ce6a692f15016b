import { showUntrustedLines } from '../untrusted-text'

/** A print document (a report, a handoff) loads nothing but its own inline images and styles, and runs nothing. */
export const PRINT_DOCUMENT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
/**
 * Text and attribute values from the records are always escaped: nothing in a printed document is
 * markup. Names, subjects and anything else from outside may hold direction overrides and controls:
 * every printed value goes through the app's one rule for untrusted text (untrusted-text.ts), so no
 * line of a PDF reads reversed, whenever its record was made.
 */
export function escapeHtml(value: unknown): string {
  return showUntrustedLines(String(value ?? '')).replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

/**
 * A self-contained HTML document for the print pipeline: the print CSP (no scripts, nothing loaded),
 * the title (escaped), the style sheet and the body (both already HTML).
 */
export function printDocument(document: { title: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PRINT_DOCUMENT_CSP}">
<title>${escapeHtml(document.title)}</title>
<style>${document.css}</style>
</head>
<body>
${document.body}
</body>
</html>`
}
