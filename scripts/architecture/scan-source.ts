// What one source file says about the architecture, read from its tokens (the TypeScript scanner) so
// that strings, comments, template literals and regular expressions never count as code. TypeScript 7
// has no `preProcessFile`: this is the same token walk, plus the few patterns the measurements need.
import { LanguageVariant, SyntaxKind } from 'typescript/unstable/ast'
import { createScanner } from 'typescript/unstable/ast/scanner'

/** How a file names another: `import`/`export … from`, `import('…')`, or a worker's `new URL('…', import.meta.url)`. */
export type ImportForm = 'static' | 'dynamic' | 'url'

export interface ImportReference {
  specifier: string
  form: ImportForm
  /** `import type …` / `export type …`: erased before the code runs. */
  typeOnly: boolean
  line: number
}

export interface SourceScan {
  imports: ImportReference[]
  /** Lines where a JSX element `<Dialog` opens. */
  dialogLines: number[]
  /** `repositories.<repository>.<method>` (or `repositories.<repository>`) with its line. */
  repositoryCalls: { name: string; line: number }[]
}

interface Token {
  kind: SyntaxKind
  text: string
  /** The literal's value for strings and templates. */
  value: string
  /** True when trivia (spaces, comments) separates this token from the one before. */
  spaced: boolean
  line: number
}

// Only a `new URL` naming code is a module edge; `new URL('../migrations/', …)` names a folder.
const CODE_URL = /\.(?:[cm]?[jt]sx?)$/

/** Scans one file. `jsx` for .tsx files. */
export function scanSource(text: string, jsx: boolean): SourceScan {
  const tokens = tokenize(text, jsx)
  const imports: ImportReference[] = []
  const dialogLines: number[] = []
  const repositoryCalls: { name: string; line: number }[] = []
  const at = (index: number) => tokens[index]
  const isKind = (index: number, kind: SyntaxKind) => at(index)?.kind === kind
  const isWord = (index: number, word: string) => at(index)?.text === word

  for (let index = 0; index < tokens.length; index++) {
    const token = at(index)!
    const previous = at(index - 1)
    const memberAccess =
      previous?.kind === SyntaxKind.DotToken || previous?.kind === SyntaxKind.QuestionDotToken
    if (token.kind === SyntaxKind.ImportKeyword && !memberAccess) {
      if (isKind(index + 1, SyntaxKind.OpenParenToken) && isStringLike(at(index + 2))) {
        imports.push({ specifier: at(index + 2)!.value, form: 'dynamic', typeOnly: false, line: token.line })
      } else if (isKind(index + 1, SyntaxKind.StringLiteral)) {
        imports.push({ specifier: at(index + 1)!.value, form: 'static', typeOnly: false, line: token.line })
      } else if (!isKind(index + 1, SyntaxKind.DotToken)) {
        const typeOnly = isKind(index + 1, SyntaxKind.TypeKeyword) && !isWord(index + 2, 'from')
        const source = fromClause(tokens, index + 1)
        if (source) imports.push({ specifier: source.value, form: 'static', typeOnly, line: token.line })
      }
    } else if (token.kind === SyntaxKind.ExportKeyword) {
      const typeOnly = isKind(index + 1, SyntaxKind.TypeKeyword)
      const clauseStart = typeOnly ? index + 2 : index + 1
      if (isKind(clauseStart, SyntaxKind.AsteriskToken) || isKind(clauseStart, SyntaxKind.OpenBraceToken)) {
        const source = fromClause(tokens, clauseStart)
        if (source) imports.push({ specifier: source.value, form: 'static', typeOnly, line: token.line })
      }
    } else if (
      token.kind === SyntaxKind.NewKeyword &&
      isWord(index + 1, 'URL') &&
      isKind(index + 2, SyntaxKind.OpenParenToken) &&
      isStringLike(at(index + 3)) &&
      isKind(index + 4, SyntaxKind.CommaToken) &&
      isKind(index + 5, SyntaxKind.ImportKeyword) &&
      isWord(index + 7, 'meta') &&
      isWord(index + 9, 'url') &&
      CODE_URL.test(at(index + 3)!.value)
    ) {
      imports.push({ specifier: at(index + 3)!.value, form: 'url', typeOnly: false, line: token.line })
    } else if (
      token.kind === SyntaxKind.LessThanToken &&
      isWord(index + 1, 'Dialog') &&
      !at(index + 1)!.spaced &&
      !endsExpression(previous)
    ) {
      dialogLines.push(token.line)
    } else if (
      token.kind === SyntaxKind.Identifier &&
      token.text === 'repositories' &&
      isKind(index + 1, SyntaxKind.DotToken) &&
      isIdentifierLike(at(index + 2))
    ) {
      const method =
        isKind(index + 3, SyntaxKind.DotToken) && isIdentifierLike(at(index + 4))
          ? `.${at(index + 4)!.text}`
          : ''
      repositoryCalls.push({ name: `${at(index + 2)!.text}${method}`, line: token.line })
    }
  }
  return { imports, dialogLines, repositoryCalls }
}

/**
 * The module named by an import or export clause starting at `start` (`X`, `X, { a }`, `* as n`,
 * `{ a, b }`, `type { a }`, `*`) when `from '…'` follows it; undefined for anything else.
 */
function fromClause(tokens: Token[], start: number): Token | undefined {
  let index = start
  const next = tokens[index + 1]
  if (
    tokens[index]?.kind === SyntaxKind.TypeKeyword &&
    next?.kind !== SyntaxKind.FromKeyword &&
    next?.kind !== SyntaxKind.CommaToken
  )
    index++
  for (;;) {
    const token = tokens[index]
    if (token?.kind === SyntaxKind.OpenBraceToken) index = afterBraces(tokens, index)
    else if (token?.kind === SyntaxKind.AsteriskToken) index += tokens[index + 1]?.text === 'as' ? 3 : 1
    else if (isIdentifierLike(token) && token?.kind !== SyntaxKind.FromKeyword) index++
    else return undefined
    const separator = tokens[index]
    if (separator?.kind === SyntaxKind.CommaToken) index++
    else if (
      separator?.kind === SyntaxKind.FromKeyword &&
      tokens[index + 1]?.kind === SyntaxKind.StringLiteral
    )
      return tokens[index + 1]
    else return undefined
  }
}

function afterBraces(tokens: Token[], open: number): number {
  let depth = 0
  for (let index = open; index < tokens.length; index++) {
    const kind = tokens[index]!.kind
    if (kind === SyntaxKind.OpenBraceToken) depth++
    else if (kind === SyntaxKind.CloseBraceToken && --depth === 0) return index + 1
  }
  return tokens.length
}

function isStringLike(token: Token | undefined): boolean {
  return token?.kind === SyntaxKind.StringLiteral || token?.kind === SyntaxKind.NoSubstitutionTemplateLiteral
}

function isIdentifierLike(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    (token.kind === SyntaxKind.Identifier ||
      (token.kind >= SyntaxKind.FirstKeyword && token.kind <= SyntaxKind.LastKeyword))
  )
}

const EXPRESSION_ENDS = new Set([
  SyntaxKind.Identifier,
  SyntaxKind.PrivateIdentifier,
  SyntaxKind.ThisKeyword,
  SyntaxKind.SuperKeyword,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.NumericLiteral,
  SyntaxKind.BigIntLiteral,
  SyntaxKind.StringLiteral,
  SyntaxKind.RegularExpressionLiteral,
  SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.TemplateTail,
  SyntaxKind.CloseParenToken,
  SyntaxKind.CloseBracketToken,
  SyntaxKind.CloseBraceToken,
  SyntaxKind.PlusPlusToken,
  SyntaxKind.MinusMinusToken,
])

/**
 * Whether the token can end an expression: then a following `/` divides and a following `<` compares
 * or opens type arguments (`useState<Dialog>`); otherwise `/` starts a regular expression and `<` JSX.
 */
function endsExpression(token: Token | undefined): boolean {
  if (!token) return false
  if (token.kind >= SyntaxKind.FirstContextualKeyword && token.kind <= SyntaxKind.LastContextualKeyword)
    return true
  return EXPRESSION_ENDS.has(token.kind)
}

function tokenize(text: string, jsx: boolean): Token[] {
  const scanner = createScanner(true, jsx ? LanguageVariant.JSX : LanguageVariant.Standard, text)
  const tokens: Token[] = []
  // For each open `{`: whether it is a template's `${`, whose `}` resumes the template's text.
  const braces: boolean[] = []
  let line = 1
  let lineCountedTo = 0
  for (;;) {
    let kind = scanner.scan()
    if (kind === SyntaxKind.EndOfFile) break
    if (
      (kind === SyntaxKind.SlashToken || kind === SyntaxKind.SlashEqualsToken) &&
      !endsExpression(tokens.at(-1))
    )
      kind = scanner.reScanSlashToken()
    else if (kind === SyntaxKind.OpenBraceToken) braces.push(false)
    else if (kind === SyntaxKind.CloseBraceToken && braces.pop()) kind = scanner.reScanTemplateToken(false)
    if (kind === SyntaxKind.TemplateHead || kind === SyntaxKind.TemplateMiddle) braces.push(true)
    const start = scanner.getTokenStart()
    for (; lineCountedTo < start; lineCountedTo++) if (text.charCodeAt(lineCountedTo) === 10) line++
    tokens.push({
      kind,
      text: scanner.getTokenText(),
      value: scanner.getTokenValue(),
      spaced: start !== scanner.getTokenFullStart(),
      line,
    })
  }
  return tokens
}
