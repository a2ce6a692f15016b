import type { Fingerprint, fingerprint } from '@media/fingerprint'
import { FingerprintCancelled } from '@media/fingerprint'
import {
  cancelEvidenceImport,
  type EvidenceFileProgress,
  importEvidenceFiles,
  type QueuedEvidenceFile,
} from '@services/evidence-import/import-evidence-files'
import { describe, expect, it } from 'vitest'
import { analyst, sha256 } from '../../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../../fixtures/test-workstation'
import { asWorkstation } from '../workstation'

const ws = freshWorkstationPerTest()

/** Hashes in place of the worker: half the bytes, then all of them. */
const hashInPlace: typeof fingerprint = async (file, onProgress, signal) => {
  if (signal?.aborted) throw new FingerprintCancelled('Cancelled')
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (new TextDecoder().decode(bytes) === 'unreadable') throw new Error('The file could not be read')
  onProgress(Math.floor(bytes.length / 2), bytes.length)
  onProgress(bytes.length, bytes.length)
  const print: Fingerprint = {
    sha256: sha256(bytes),
    detectedType: file.type || 'application/octet-stream',
    size: bytes.length,
    imageCheck: null,
  }
  return print
}

/** Every report the import made, in order. */
function recorder() {
  const queued: QueuedEvidenceFile[] = []
  const steps: { name: string; progress: EvidenceFileProgress }[] = []
  const nameOf = (id: string) => queued.find((file) => file.id === id)!.name
  return {
    queued,
    steps,
    /** How each file ended. */
    endings: () =>
      Object.fromEntries(
        queued.map((file) => [
          file.name,
          steps.filter((step) => step.name === file.name).at(-1)?.progress.state,
        ]),
      ),
    report: {
      queued: (files: QueuedEvidenceFile[]) => queued.push(...files),
      progress: (id: string, progress: EvidenceFileProgress) => steps.push({ name: nameOf(id), progress }),
    },
  }
}

const email = new File(
  [
    [
      'From: "Dana Okafor" <dana@example.com>',
      'Subject: Photos of the door',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Photo attached.',
      '--b',
      'Content-Type: image/jpeg; name="door.jpg"',
      'Content-Disposition: attachment; filename="door.jpg"',
      'Content-Transfer-Encoding: base64',
      '',
      btoa('jpeg bytes'),
      '--b--',
      '',
    ].join('\r\n'),
  ],
  'door.eml',
  { type: 'message/rfc822' },
)

describe('importing evidence files', () => {
  it('reports each file from queued to its outcome; one failing or too large never stops the others', async () => {
    const record = await openBareCase(ws, 'Garage door')
    const huge = new File(['x'], 'video.mp4', { type: 'video/mp4' })
    Object.defineProperty(huge, 'size', { value: 80 * 1024 ** 3 })
    const files = [
      new File(['photo one'], 'one.jpg', { type: 'image/jpeg' }),
      huge,
      new File(['unreadable'], 'broken.jpg', { type: 'image/jpeg' }),
      new File(['photo one'], 'copy of one.jpg', { type: 'image/jpeg' }),
    ]
    const seen = recorder()

    await importEvidenceFiles(
      asWorkstation(ws),
      { caseId: record.id, files, analyst },
      seen.report,
      hashInPlace,
    )

    expect(seen.queued.map((file) => [file.name, file.size, file.attachedTo])).toEqual([
      ['one.jpg', 9, null],
      ['video.mp4', 80 * 1024 ** 3, null],
      ['broken.jpg', 10, null],
      ['copy of one.jpg', 9, null],
    ])
    expect(seen.steps.filter((step) => step.name === 'one.jpg').map((step) => step.progress)).toEqual([
      { state: 'hashing', hashed: 0 },
      { state: 'hashing', hashed: 4 },
      { state: 'hashing', hashed: 9 },
      { state: 'storing', hashed: 9 },
      { state: 'imported', outcome: expect.objectContaining({ status: 'added' }) },
    ])
    expect(seen.endings()).toEqual({
      'one.jpg': 'imported',
      'video.mp4': 'too-large',
      'broken.jpg': 'failed',
      'copy of one.jpg': 'imported',
    })
    const copy = seen.steps.at(-1)!.progress
    expect(copy.state === 'imported' && copy.outcome.status).toBe('duplicate')
    expect((await ws.repositories.evidence.listForCase(record.id)).map((item) => item.originalName)).toEqual([
      'one.jpg',
    ])
  })

  it("makes an email's attachments exhibits of their own, linked to it", async () => {
    const record = await openBareCase(ws, 'Garage door')
    const seen = recorder()

    await importEvidenceFiles(
      asWorkstation(ws),
      { caseId: record.id, files: [email], analyst },
      seen.report,
      hashInPlace,
    )

    const [message, photo] = await ws.repositories.evidence.listForCase(record.id)
    expect(message).toMatchObject({ originalName: 'door.eml', exhibitNumber: 1, parentEvidenceId: null })
    expect(photo).toMatchObject({
      originalName: 'door.jpg',
      exhibitNumber: 2,
      parentEvidenceId: message!.id,
      description: 'Attachment of E-1',
    })
    expect(seen.queued.map((file) => [file.name, file.attachedTo])).toEqual([
      ['door.eml', null],
      ['door.jpg', { evidenceId: message!.id, label: 'E-1' }],
    ])
  })

  it('stops a file cancelled while it waits, and imports the rest', async () => {
    const record = await openBareCase(ws, 'Garage door')
    const seen = recorder()
    const files = [new File(['first'], 'first.jpg'), new File(['second'], 'second.jpg')]
    const report = {
      ...seen.report,
      queued: (queued: QueuedEvidenceFile[]) => {
        seen.report.queued(queued)
        cancelEvidenceImport(queued[1]!.id)
      },
    }

    await importEvidenceFiles(asWorkstation(ws), { caseId: record.id, files, analyst }, report, hashInPlace)

    expect(seen.endings()).toEqual({ 'first.jpg': 'imported', 'second.jpg': 'cancelled' })
  })
})
