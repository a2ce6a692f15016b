// Where an import specifier points, the way the bundlers and the type checker resolve it here:
// relative paths and tsconfig.json's `paths` aliases, with TypeScript's extension and index lookup.
// Paths are repository-relative with forward slashes.
import { posix } from 'node:path'

export type Resolution =
  | { kind: 'file'; path: string }
  /** A package from node_modules or a Node built-in. */
  | { kind: 'package'; name: string }
  /** A stylesheet, picture, JSON or other file that is not code. */
  | { kind: 'asset' }
  | { kind: 'unresolved' }

/** tsconfig.json `compilerOptions.paths`, e.g. `{ "@shared/*": ["./shared/*"] }`. */
export type PathAliases = Record<string, string[]>

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.js', '.mjs']
const ASSET = /\.(?:css|json|svg|png|jpe?g|gif|webp|ico|woff2?|sql|html|txt|wasm)$/i

/** A resolver over the known source files (`files`: every path that may be imported). */
export function createResolver(
  files: ReadonlySet<string>,
  aliases: PathAliases,
): (importer: string, specifier: string) => Resolution {
  const patterns = Object.entries(aliases)
    .map(([pattern, [target]]) => ({ pattern, target: posix.normalize(target ?? '') }))
    // The longest matching prefix wins, as in TypeScript.
    .sort((a, b) => b.pattern.length - a.pattern.length)

  const lookUp = (base: string): Resolution => {
    const candidates = [base, ...EXTENSIONS.map((extension) => base + extension)]
    if (base.endsWith('.js')) candidates.push(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'))
    candidates.push(...EXTENSIONS.map((extension) => `${base}/index${extension}`))
    const found = candidates.find((candidate) => files.has(candidate))
    if (found) return { kind: 'file', path: found }
    return ASSET.test(base) ? { kind: 'asset' } : { kind: 'unresolved' }
  }

  return (importer, specifier) => {
    // Vite's `?url`, `?worker`, `?raw` suffixes name the same file.
    const bare = specifier.replace(/\?.*$/, '')
    if (bare.startsWith('./') || bare.startsWith('../'))
      return lookUp(posix.normalize(posix.join(posix.dirname(importer), bare)))
    for (const { pattern, target } of patterns) {
      if (pattern.endsWith('/*')) {
        const prefix = pattern.slice(0, -1)
        if (bare.startsWith(prefix))
          return lookUp(posix.normalize(target.replace('*', bare.slice(prefix.length))))
      } else if (bare === pattern) return lookUp(target)
    }
    return { kind: 'package', name: packageName(bare) }
  }
}

/** `@mui/material/Dialog` → `@mui/material`, `node:fs` → `node:fs`, `zod` → `zod`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}
