// `npm install` / `npm ci` ("prepare"): points git at .githooks so the pre-commit check runs. Does
// nothing in CI, outside a git checkout of this repository, or where git is not installed.
import { execFileSync } from 'node:child_process'
import { realpathSync } from 'node:fs'

function repositoryRoot() {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: 'pipe' }).trim()
  } catch {
    return undefined
  }
}

const root = repositoryRoot()
// An enclosing repository (this folder unpacked inside another checkout) keeps its own hooks.
if (!process.env.CI && root && realpathSync(root) === realpathSync(process.cwd())) {
  execFileSync('git', ['config', 'core.hooksPath', '.githooks'])
}
