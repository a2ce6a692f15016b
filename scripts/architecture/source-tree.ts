// Reads the repository's TypeScript sources (product folders and test/) and tsconfig.json's aliases:
// the input of analyseArchitecture.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SourceFile } from './import-graph'
import { PRODUCT_ROOTS } from './layers'
import type { PathAliases } from './resolve-import'

const SOURCE = /\.(?:ts|tsx|mts)$/

export function readSourceTree(repository: string): { files: SourceFile[]; aliases: PathAliases } {
  const paths = [...PRODUCT_ROOTS, 'test'].flatMap((root) =>
    readdirSync(join(repository, root), { recursive: true, encoding: 'utf8' })
      .map((path) => `${root}/${path.replaceAll('\\', '/')}`)
      .filter((path) => SOURCE.test(path) && !path.includes('/node_modules/')),
  )
  const files = paths.sort().map((path) => ({ path, text: readFileSync(join(repository, path), 'utf8') }))
  const tsconfig = JSON.parse(readFileSync(join(repository, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: PathAliases }
  }
  return { files, aliases: tsconfig.compilerOptions.paths }
}
