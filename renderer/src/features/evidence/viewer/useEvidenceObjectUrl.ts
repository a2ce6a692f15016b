import { readEvidenceFile } from '@services/evidence-files/read-evidence-file'
import { thisWorkstation } from '@services/this-workstation'
import { useEffect, useState } from 'react'

/** An object URL for an evidence item's bytes while the component shows it; revoked when it stops. */
export function useEvidenceObjectUrl(sha256: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!sha256) return
    let created: string | null = null
    let current = true
    // A file that cannot be fetched from the team server leaves no URL; the preview says why.
    void readEvidenceFile(thisWorkstation, sha256).then(
      (blob) => {
        if (!blob || !current) return
        created = URL.createObjectURL(blob)
        setUrl(created)
      },
      () => undefined,
    )
    return () => {
      current = false
      if (created) URL.revokeObjectURL(created)
      setUrl(null)
    }
  }, [sha256])
  return url
}
