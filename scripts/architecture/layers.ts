// The layers of the product and which may import which (docs/architecture.md): an import may only go
// down. renderer/src: app → features → workspace → services → ui, media, db, platform → shared.
import { builtinModules } from 'node:module'

export type Area =
  | 'renderer-entry'
  | 'app'
  | 'features'
  | 'workspace'
  | 'services'
  | 'ui'
  | 'media'
  | 'db'
  | 'platform'
  | 'web-host'
  | 'electron'
  | 'server'
  | 'scripts'
  | 'shared-domain'
  | 'shared-rules'
  | 'shared-formats'
  | 'shared-protocol'
  | 'shared-demo'
  /** The small helpers at shared/'s root (byte sizes, file names, untrusted text, validation, hashing). */
  | 'shared-base'
  | 'test'
  | 'other'

const RENDERER_LAYERS = ['app', 'features', 'workspace', 'services', 'ui', 'media', 'db', 'platform'] as const
const SHARED_GROUPS = ['domain', 'rules', 'formats', 'protocol', 'demo'] as const

/** The product's source folders: everything the measurements and the layer rules cover. */
export const PRODUCT_ROOTS = ['renderer/src', 'renderer/web-host', 'shared', 'electron', 'server', 'scripts']

export function areaOf(path: string): Area {
  const [top, second, third] = path.split('/')
  if (top === 'renderer' && second === 'src') {
    const layer = RENDERER_LAYERS.find((name) => name === third)
    return layer ?? 'renderer-entry'
  }
  if (top === 'renderer' && second === 'web-host') return 'web-host'
  if (top === 'shared') {
    const group = SHARED_GROUPS.find((name) => name === second)
    return group ? `shared-${group}` : 'shared-base'
  }
  if (top === 'electron' || top === 'server' || top === 'scripts' || top === 'test') return top
  return 'other'
}

/** The feature a file belongs to (`renderer/src/features/<name>/…`), if any. */
export function featureOf(path: string): string | undefined {
  const match = /^renderer\/src\/features\/([^/]+)\//.exec(path)
  return match?.[1]
}

const SHARED: Area[] = [
  'shared-domain',
  'shared-rules',
  'shared-formats',
  'shared-protocol',
  'shared-demo',
  'shared-base',
]
const BELOW_SERVICES: Area[] = ['media', 'db', 'platform', ...SHARED]

/** What each area may import (besides packages). */
const MAY_IMPORT: Record<Exclude<Area, 'scripts' | 'test' | 'other'>, Area[]> = {
  'renderer-entry': ['app', 'features', 'workspace', 'services', 'ui', 'media', 'db', 'platform', ...SHARED],
  app: ['app', 'features', 'workspace', 'services', 'ui', 'media', 'db', 'platform', ...SHARED],
  features: ['features', 'workspace', 'services', 'ui', 'media', 'db', 'platform', ...SHARED],
  workspace: ['workspace', 'services', 'ui', ...BELOW_SERVICES],
  services: ['services', ...BELOW_SERVICES],
  ui: ['ui', ...BELOW_SERVICES],
  media: ['ui', ...BELOW_SERVICES],
  db: ['db', 'platform', ...SHARED],
  platform: ['platform', ...SHARED],
  'web-host': ['web-host', ...SHARED],
  electron: ['electron', ...SHARED],
  server: ['server', ...SHARED],
  'shared-domain': ['shared-domain'],
  'shared-base': ['shared-base'],
  'shared-rules': ['shared-domain', 'shared-rules', 'shared-base'],
  'shared-formats': ['shared-domain', 'shared-rules', 'shared-formats', 'shared-base'],
  'shared-protocol': SHARED,
  'shared-demo': SHARED,
}

// The benchmarks drive the app with the end-to-end tests' page helpers and test database cluster,
// so what they time is what the tests check.
const BENCHMARK = /^scripts\/bench(?:-sync\.ts|\.ts|\/)/

// The page half and the process half of the web host may share plain constant files of URL paths.
const HOST_PATH_CONSTANTS = /^renderer\/src\/platform\/[^/]*paths[^/]*\.ts$/

/** Why importing `to` from `from` breaks the layers, or undefined when it is allowed. */
export function layerViolation(from: string, to: string): string | undefined {
  const source = areaOf(from)
  const target = areaOf(to)
  if (target === 'test' && source !== 'test' && !BENCHMARK.test(from)) return 'product code imports test/'
  if (source === 'scripts' || source === 'test' || source === 'other') return undefined
  if ((source === 'web-host' || source === 'electron') && HOST_PATH_CONSTANTS.test(to)) return undefined
  if (MAY_IMPORT[source].includes(target)) return undefined
  return `${source} may not import ${target}`
}

// shared/ runs in the page, in Electron's main process and on the server: no DOM, Node or React.
const SHARED_FORBIDDEN_PACKAGES = /^(?:node:|react$|react-dom$|electron$|dexie$|@mui\/)/

/** Why `from` may not use the package, or undefined. */
export function packageViolation(from: string, name: string): string | undefined {
  if (!SHARED.includes(areaOf(from))) return undefined
  return SHARED_FORBIDDEN_PACKAGES.test(name) || builtinModules.includes(name)
    ? `shared may not use ${name}`
    : undefined
}
