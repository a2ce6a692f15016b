import { useEffect, useState } from 'react'

/** The current time, re-read every `everyMs`: drives live SLA countdowns without a timer per chip. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
