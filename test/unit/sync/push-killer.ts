import type { MutationResult } from '@shared/protocol/sync/protocol'
import type { ServerProcess } from './server-process'

/**
 * Where a kill lands: `during` a push, after `fraction` of a push's median time so far (at least
 * 50 ms; past 1 it may land after the answer, and then waits for the next push in flight); or as a
 * push is `answered` (one that applied something): the server has committed and sent its answer, and
 * the answer is lost with the dying connection, so the workstation sends the same mutations again to
 * the restarted server.
 */
export type KillMoment = { kind: 'during'; fraction: number } | { kind: 'answered' }

/** An answer the workstation never got: what the server had done with its mutations. */
export interface LostAnswer {
  clientId: string
  results: MutationResult[]
}

const PUSH_PATH = '/v1/sync/push'

/**
 * The workstations' fetch, killing the server (SIGKILL) at the armed moment of a push in flight and
 * starting it again at once on the same data. One kill per arming.
 */
export function pushKiller(server: ServerProcess) {
  let inFlight = 0
  const durations: number[] = []
  let armed: KillMoment | null = null
  let timer: NodeJS.Timeout | undefined
  let restarted: Promise<void> = Promise.resolve()
  const lostAnswers: LostAnswer[] = []
  const stats = { kills: 0, failedPushes: 0 }

  const usualPushMs = () => {
    const sorted = [...durations].sort((a, b) => a - b)
    return Math.max(50, sorted[Math.floor(sorted.length / 2)] ?? 0)
  }
  const kill = () => {
    armed = null
    stats.kills++
    restarted = server.kill().then(() => server.start())
    // Awaited by the test; a start that fails (a data directory that does not open) fails it there.
    restarted.catch(() => {})
  }
  const fire = () => {
    timer = undefined
    if (armed?.kind === 'during' && inFlight > 0) kill()
  }

  const watchedFetch: typeof fetch = async (input, init) => {
    if (!String(input).endsWith(PUSH_PATH)) return fetch(input, init)
    inFlight++
    if (armed?.kind === 'during' && !timer)
      timer = setTimeout(fire, Math.round(armed.fraction * usualPushMs()))
    const started = performance.now()
    try {
      const answer = await fetch(input, init)
      durations.push(performance.now() - started)
      if (armed?.kind !== 'answered' || !answer.ok) return answer
      // Only an answer that applied something is lost: that is what must not be applied twice.
      const text = await answer.text()
      const { results } = JSON.parse(text) as { results: MutationResult[] }
      if (!results.some((result) => result.outcome === 'applied'))
        return new Response(text, { status: answer.status, headers: answer.headers })
      const { clientId } = JSON.parse(String(init?.body)) as { clientId: string }
      lostAnswers.push({ clientId, results })
      kill()
      throw new Error('The connection to the team server dropped before its answer arrived.')
    } catch (error) {
      stats.failedPushes++
      throw error
    } finally {
      inFlight--
    }
  }

  return {
    fetch: watchedFetch,
    stats,
    lostAnswers,
    arm(moment: KillMoment) {
      armed = moment
    },
    /** Whether the armed kill has happened. */
    get fired() {
      return armed === null
    },
    /** Resolves once the server killed last runs again. */
    restarted: () => restarted,
  }
}
