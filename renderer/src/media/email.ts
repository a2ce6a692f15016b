import { showUntrusted } from '@shared/untrusted-text'
import DOMPurify from 'dompurify'
import PostalMime, { type Address, type Email } from 'postal-mime'

export type ParsedEmail = Email

/** Reads an .eml file (headers, text and HTML bodies, attachments) with postal-mime. */
export function parseEmail(blob: Blob): Promise<ParsedEmail> {
  return PostalMime.parse(blob)
}

/** "Dana Okafor <dana@example.com>, Support <support@example.com>" */
export function formatAddresses(addresses: Address | Address[] | undefined): string {
  const list = addresses === undefined ? [] : Array.isArray(addresses) ? addresses : [addresses]
  // Names and addresses are the sender's to choose: shown with controls and overrides replaced.
  return showUntrusted(
    list
      .flatMap((address) => (address.group ? address.group : [address]))
      .map((mailbox) => (mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address))
      .join(', '),
  )
}

const LOADING_ATTRIBUTES = ['src', 'srcset', 'background', 'poster', 'action', 'formaction', 'xlink:href']

/**
 * An email's HTML made safe to show inside the app: no script or active content (DOMPurify), no
 * remote content (every attribute that would load something is dropped unless it is inline data),
 * and no links that navigate (a link keeps its text; where it pointed is shown as its title).
 */
export function sanitizeEmailHtml(html: string): string {
  const purifier = DOMPurify()
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (LOADING_ATTRIBUTES.includes(data.attrName) && !data.attrValue.trim().startsWith('data:')) {
      data.keepAttr = false
    }
    // Read before DOMPurify drops unsafe ones (javascript:): where a link pointed is evidence too.
    if (data.attrName === 'href') {
      node.setAttribute('title', `Link to ${data.attrValue} (not followed)`)
      data.keepAttr = false
    }
  })
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') node.removeAttribute('target')
  })
  return purifier.sanitize(html, {
    FORBID_TAGS: [
      'style',
      'link',
      'meta',
      'base',
      'form',
      'input',
      'button',
      'iframe',
      'frame',
      'object',
      'embed',
    ],
    FORBID_ATTR: ['style'],
  })
}
